"""The daily log's summary tab: what came in, what was finished, what ran over and why,
where files wait, arrivals per hour. Figures come from `counter.report`."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from counter import dates
from counter import report as R
from counter.clock import format_span
from counter.errors import LoketError
from counter.texts import ui_review as T


def bars(arrivals: tuple[tuple[int, int], ...], width: int = 24) -> Text:
    """Arrivals per hour as horizontal bars: easier to glance at than a list of numbers."""
    text = Text()
    top = max((n for _, n in arrivals), default=0)
    for hour, n in arrivals:
        size = round(width * n / top) if top else 0
        text.append(f"{hour:02d}.00 ")
        text.append("\u2588" * size, style="cyan")
        text.append(f" {n}\n" if n else "\n", style="bold" if n else "dim")
    return text


def summary_view(s: Any, unserved: Any = None) -> Group:
    """The summary panel; `unserved`: the requests with no SOP yet (counter.unserved)."""
    parts: list[Any] = [Text(R.period_text(s), style="bold")]
    parts += [Text(line, style="bold red") for line in R.unreadable_lines(s)]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(T.SUM_OPENED, str(s.opened))
    outcomes = T.SUM_OUTCOMES.format(selesai=s.selesai, ditolak=s.ditolak,
                                     dibatalkan=s.dibatalkan)
    grid.add_row(T.SUM_CLOSED, f"{s.closed} ({outcomes})")
    grid.add_row(T.SUM_STILL_OPEN, str(s.still_open))
    share = s.within_share
    grid.add_row(T.SUM_WITHIN_SHARE, T.SUM_NONE if share is None else T.SUM_SHARE.format(
        pct=R.share_text(share), within=s.steps_within, total=s.steps_measured))
    parts.append(grid)

    parts.append(Text(f"\n{T.SUM_PER_SERVICE}", style="bold underline"))
    if not s.services:
        parts.append(Text(T.SUM_NONE, style="dim"))
    for line in s.services:
        med = T.NOTHING if line.median_s is None else format_span(line.median_s, line.day_s)
        std = (T.NOTHING if line.standard_s is None
               else format_span(line.standard_s, line.day_s))
        over = line.median_s is not None and line.standard_s is not None \
            and line.median_s > line.standard_s
        t = Text(f"{line.service}: ")
        if line.median_s is None:
            t.append(T.SUM_SERVICE_NONE_DONE.format(count=line.count, standard=std))
        else:
            t.append(T.SUM_SERVICE_LINE.format(count=line.count, median=med, standard=std),
                     style="red" if over else "")
        parts.append(t)

    parts.append(Text(f"\n{T.SUM_OVERRUNS}", style="bold underline"))
    if not s.over_steps:
        parts.append(Text(T.SUM_NONE, style="dim"))
    for o in s.over_steps[:8]:
        parts.append(Text(T.SUM_OVERRUN_LINE.format(
            sop=o.service, step=o.step, count=o.count,
            median=format_span(o.median_overrun_s, o.day_s)), style="red"))
        reasons = ", ".join(f"{r} ({n})" if n > 1 else r for r, n in o.reasons if r)
        if reasons:
            parts.append(Text("  " + T.SUM_REASONS.format(reasons=reasons), style="italic"))

    parts.append(Text(f"\n{T.SUM_WAITING}", style="bold underline"))
    if not s.waiting:
        parts.append(Text(T.SUM_NONE, style="dim"))
    for w in s.waiting:
        parts.append(Text(T.SUM_WAITING_LINE.format(
            role=w.holder, count=w.count, code=story_human(w.oldest_code),
            since=dates.format_datetime_short(w.oldest_since))))

    if not s.is_day and s.days:
        parts.append(Text(f"\n{T.SUM_PER_DAY}", style="bold underline"))
        for d in s.days:
            parts.append(Text(T.SUM_DAY_LINE.format(day=dates.format_date_short(d.day),
                                                    opened=d.opened, selesai=d.selesai,
                                                    over=d.over)))

    if unserved is not None:
        from counter.unserved import unserved_lines

        head, *lines = unserved_lines(unserved)
        parts.append(Text(f"\n{head}", style="bold underline"))
        parts += [Text(line, style="dim" if not unserved else "") for line in lines]

    parts.append(Text(f"\n{T.SUM_ARRIVALS}", style="bold underline"))
    parts.append(bars(s.arrivals))
    return Group(*parts)


def story_human(code: str) -> str:
    from counter.codes import human

    try:
        return human(code)
    except LoketError:
        return code
