"""The service log as terminal text (`loket laporan`): rich tables like the other commands.

The figures come from `counter.report`; the phrases shared with the PDF from
`counter.export.wording`. Rendered to a string so `-o laporan.txt` writes the
same text through the one atomic writer.
"""

from __future__ import annotations

import io

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


def _table(*headers: str, short: tuple[int, ...] = (), cut: tuple[int, ...] = ()) -> Table:
    """A borderless table; the `short` columns (codes, times, counts) never wrap, the
    `cut` ones end in "…" when the terminal is narrow (one line per row), the others
    wrap at words."""
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for i, h in enumerate(headers):
        if i in short:
            table.add_column(h, no_wrap=True)
        elif i in cut:
            table.add_column(h, no_wrap=True, overflow="ellipsis")
        else:
            table.add_column(h, overflow="fold")
    return table


def print_report(console: Console, summary: Summary, *, cases: bool = True) -> None:
    """The summary, the services, the over-time steps, the files waiting, the arrivals
    by hour and (unless `cases` is False) the case table."""
    console.print(f"{title_text(summary)} — {period_text(summary)}", style="bold")
    for line in unreadable_lines(summary):
        console.print(line, style="bold red")
    console.print()
    counts = Table.grid(padding=(0, 2))
    counts.add_column(no_wrap=True)
    counts.add_column()
    for label, value in summary_lines(summary):
        counts.add_row(label, value)
    console.print(counts)

    console.print()
    console.print(T.HEAD_SERVICES, style="bold")
    if summary.services:
        services = _table(T.COL_SERVICE, T.COL_COUNT, T.COL_DONE, T.COL_OVER_COUNT,
                          T.COL_MEDIAN, T.COL_STANDARD, short=(1, 2, 3, 4, 5))
        for s in summary.services:
            services.add_row(s.service, str(s.count), str(s.selesai), str(s.over),
                             dur(s.median_s), dur(s.standard_s))
        console.print(services)
    else:
        console.print("  " + T.NO_CASES)

    console.print()
    console.print(T.HEAD_OVER, style="bold")
    if summary.over_steps:
        over = _table(T.COL_SERVICE, T.COL_STEP, T.COL_KEGIATAN, T.COL_HOW_OFTEN,
                      T.COL_MEDIAN_OVERRUN, T.COL_REASONS, short=(1, 3, 4))
        for o in summary.over_steps[:OVER_TOP]:
            over.add_row(o.service, str(o.step), o.kegiatan, str(o.count),
                         dur(o.median_overrun_s), reasons(o.reasons))
        console.print(over)
    else:
        console.print("  " + T.NO_OVER)

    console.print()
    console.print(T.HEAD_WAITING, style="bold")
    if summary.waiting:
        waiting = _table(T.COL_HOLDER, T.COL_WAIT_COUNT, T.COL_OLDEST, T.COL_SINCE,
                         short=(1, 2, 3))
        for w in summary.waiting:
            waiting.add_row(w.holder, str(w.count), human(w.oldest_code),
                            dates.format_datetime_short(w.oldest_since))
        console.print(waiting)
    else:
        console.print("  " + T.NO_WAITING)

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
        _stacked_cases(console, summary)
        return
    table = _table(T.COL_CODE, T.COL_OPENED, T.COL_VISITOR, T.COL_SERVICE, T.COL_OFFICER,
                   T.COL_STATUS, f"{T.COL_ELAPSED} / {T.COL_LIMIT}", T.COL_OVER,
                   short=(0, 1, 7))
    for r in summary.cases:
        table.add_row(r.code_human, when(r.opened_at, summary), r.visitor, r.service,
                      r.officer, r.status_label, case_time_text(r), yes_no(r.over))
    console.print(table)


def _stacked_cases(console: Console, summary: Summary) -> None:
    """A narrow terminal: the code, then the case in two wrapped lines (when, status,
    clock; then who and what), so no word is cut."""
    table = _table(T.COL_CODE, T.COL_CASE, short=(0,))
    for r in summary.cases:
        clock = case_time_text(r) + (f" ({T.COL_OVER.lower()})" if r.over else "")
        table.add_row(r.code_human,
                      f"{when(r.opened_at, summary)} · {r.status_label} · {clock}\n"
                      f"{r.visitor} · {r.service} · {r.officer}")
    console.print(table)


def render_text(summary: Summary, *, cases: bool = True, width: int = WIDTH) -> str:
    """The report as plain text (no colour codes), for a file or a pipe."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, highlight=False, color_system=None,
                      force_terminal=False, soft_wrap=False)
    print_report(console, summary, cases=cases)
    return buffer.getvalue()
