"""The service log as terminal text (`loket laporan`): rich tables like the other commands.

The figures come from `counter.report`; the phrases shared with the PDF from
`counter.export.wording`. Rendered to a string so `-o laporan.txt` writes the
same text through the one atomic writer. The case table (thousands of rows for a
month) is laid out here in rich's cell widths rather than by rich's Table, which
needs tens of seconds for it; on a terminal under 120 columns it goes two lines
a case so no word is cut.
"""

from __future__ import annotations

import io

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.table import Table

from counter import dates
from counter.export.columns import yes_no
from counter.export.wording import (
    OVER_TOP,
    case_time_text,
    dur,
    human,
    reasons,
    summary_lines,
    when,
)
from counter.report import Summary, period_text, title_text, unreadable_lines
from counter.texts import report as T

WIDTH = 160  # wide enough for the case table when the output is a file or a pipe
WIDE = 120  # narrower terminals get the case table two lines a case
BAR = 40


def _table(*headers: str, short: tuple[int, ...] = ()) -> Table:
    """A borderless table; the `short` columns (codes, times, counts) never wrap, the
    others wrap at words."""
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for i, h in enumerate(headers):
        if i in short:
            table.add_column(h, no_wrap=True)
        else:
            table.add_column(h, overflow="fold")
    return table


def _section(console: Console, heading: str, none: str, columns: tuple[str, ...],
             short: tuple[int, ...], rows: list[tuple[str, ...]]) -> None:
    """A bold heading, then the rows as a table, or one line saying there are none."""
    console.print()
    console.print(heading, style="bold")
    if not rows:
        console.print("  " + none)
        return
    table = _table(*columns, short=short)
    for row in rows:
        table.add_row(*row)
    console.print(table)


def print_report(console: Console, summary: Summary, *, cases: bool = True) -> None:
    """The summary, the services, the over-time steps, the files waiting, the arrivals
    by hour and (unless `cases` is False) the case table."""
    console.print(f"{title_text(summary)} — {period_text(summary)}", style="bold")
    for line in unreadable_lines(summary):
        console.print(line, style="bold red")
    console.print()
    if summary.unreadable:
        for line in unreadable_lines(summary):
            console.print(line, style="bold red", markup=False, soft_wrap=True)
        console.print()
    counts = Table.grid(padding=(0, 2))
    counts.add_column(no_wrap=True)
    counts.add_column()
    for label, value in summary_lines(summary):
        counts.add_row(label, value)
    console.print(counts)

    _section(console, T.HEAD_SERVICES, T.NO_CASES,
             (T.COL_SERVICE, T.COL_COUNT, T.COL_DONE, T.COL_OVER_COUNT, T.COL_MEDIAN,
              T.COL_STANDARD), (1, 2, 3, 4, 5),
             [(s.service, str(s.count), str(s.selesai), str(s.over), dur(s.median_s, s.day_s),
               dur(s.standard_s, s.day_s)) for s in summary.services])
    _section(console, T.HEAD_OVER, T.NO_OVER,
             (T.COL_SERVICE, T.COL_STEP, T.COL_KEGIATAN, T.COL_HOW_OFTEN,
              T.COL_MEDIAN_OVERRUN, T.COL_REASONS), (1, 3, 4),
             [(o.service, str(o.step), o.kegiatan, str(o.count), dur(o.median_overrun_s, o.day_s),
               reasons(o.reasons)) for o in summary.over_steps[:OVER_TOP]])
    _section(console, T.HEAD_WAITING, T.NO_WAITING,
             (T.COL_HOLDER, T.COL_WAIT_COUNT, T.COL_OLDEST, T.COL_SINCE), (1, 2, 3),
             [(w.holder, str(w.count), human(w.oldest_code),
               dates.format_datetime_short(w.oldest_since)) for w in summary.waiting])

    if summary.opened and summary.arrivals:
        console.print()
        console.print(T.HEAD_ARRIVALS, style="bold")
        peak = max(c for _, c in summary.arrivals) or 1
        arrivals = _table(T.COL_HOUR, T.COL_COUNT, "", short=(0, 1, 2))
        for h, c in summary.arrivals:
            arrivals.add_row(T.HOUR_LABEL.format(hour=h), str(c), "█" * round(BAR * c / peak))
        console.print(arrivals)

    if not cases:
        return
    console.print()
    console.print(T.HEAD_CASES, style="bold")
    if not summary.cases:
        console.print("  " + T.NO_CASES)
        return
    if console.width < WIDE:
        lines = _stacked_cases(summary, console.width)
    else:
        lines = _case_table(summary, console.width)
    console.print(lines[0], style="bold", soft_wrap=True, highlight=False, markup=False)
    # Written as is: the lines already fit, and rich would spend seconds re-reading them.
    console.file.write("\n".join(lines[1:]) + ("\n" if len(lines) > 1 else ""))


# The case table is laid out here rather than by rich's Table: a month has ~6,000
# cases and rich measures and wraps every cell (measured: 30-90 s for a month on the
# shared test machine, against 0.2 s for this layout). Same columns, same header.
_CASE_CAPS = (None, None, 24, 34, 18, 30, 32, None)  # widest a column may grow
_SHRINK = (3, 2, 5, 4)  # the columns that give way first on a narrower terminal
GAP = "  "


def _cells(text: str) -> int:
    """Terminal cells of ``text`` (plain length for ASCII, which almost every name is)."""
    return len(text) if text.isascii() else cell_len(text)


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (textwrap is ten times slower, and a month has 12,000 lines)."""
    if _cells(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split():
        while _cells(word) > width:  # a word longer than the line: cut it
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif _cells(line) + 1 + _cells(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _fit(text: str, width: int) -> str:
    """``text`` padded or cut to ``width`` terminal cells."""
    if text.isascii():
        return text.ljust(width) if len(text) <= width else text[:width - 1] + "…"
    size = cell_len(text)
    if size <= width:
        return text + " " * (width - size)
    return set_cell_size(text, width - 1) + "…"


def _case_table(summary: Summary, width: int) -> list[str]:
    header = (T.COL_CODE, T.COL_OPENED, T.COL_VISITOR, T.COL_SERVICE, T.COL_OFFICER,
              T.COL_STATUS, f"{T.COL_ELAPSED} / {T.COL_LIMIT}", T.COL_OVER)
    rows = [(r.code_human, when(r.opened_at, summary), r.visitor, r.service, r.officer,
             r.status_label, case_time_text(r), yes_no(r.over)) for r in summary.cases]
    widths = [max(_cells(row[i]) for row in (header, *rows)) for i in range(len(header))]
    widths = [w if cap is None else min(w, cap) for w, cap in zip(widths, _CASE_CAPS, strict=True)]
    room = width - len(GAP) * (len(widths) - 1)
    while sum(widths) > room and any(widths[i] > 8 for i in _SHRINK):
        widest = max(_SHRINK, key=lambda i: widths[i])
        widths[widest] -= 1
    lines = [GAP.join(_fit(h, w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += [GAP.join(_fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in rows]
    return lines


def _stacked_cases(summary: Summary, width: int) -> list[str]:
    """A narrow terminal: the code, then the case in wrapped lines (when, status, clock;
    then who and what), so no word is cut."""
    code_w = max([_cells(T.COL_CODE)] + [_cells(r.code_human) for r in summary.cases])
    indent = " " * (code_w + len(GAP))
    wrap = max(width - len(indent), 20)
    lines = [_fit(T.COL_CODE, code_w) + GAP + T.COL_CASE]
    for r in summary.cases:
        clock = case_time_text(r) + (f" ({T.COL_OVER.lower()})" if r.over else "")
        first = _wrap(f"{when(r.opened_at, summary)} · {r.status_label} · {clock}", wrap)
        second = _wrap(f"{r.visitor} · {r.service} · {r.officer}", wrap)
        body = first + second
        lines.append(_fit(r.code_human, code_w) + GAP + body[0])
        lines += [indent + line for line in body[1:]]
    return lines


def render_text(summary: Summary, *, cases: bool = True, width: int = WIDTH) -> str:
    """The report as plain text (no colour codes), for a file or a pipe."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, highlight=False, color_system=None,
                      force_terminal=False, soft_wrap=False)
    print_report(console, summary, cases=cases)
    return buffer.getvalue()
