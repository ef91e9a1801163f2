"""The dashboard's figures for today, said for whom they count.

A lone desk's figures are its own. A desk in an office reads the whole office's
record (the same as the daily log, F4): its line says "kantor", and a second line
gives this desk's share, so an officer never takes the office's 12 for their own.
Today's cases are the cases *opened* today (as in the daily log); the figures of
what is running, waiting or over time count the open cases, whatever their day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from counter.case import Status
from counter.clock import Level
from counter.texts import ui as T


@dataclass(frozen=True)
class DayCounts:
    opened: int  # opened today
    done: int  # of those, closed selesai
    running: int  # open cases in work
    waiting: int  # open cases waiting for an official or the applicant
    over: int  # open cases past their mutu baku


def is_over(view: Any) -> bool:
    """The case or its current step has run past its mutu baku."""
    timing = view.current_timing()
    step_over = timing is not None and timing.level is Level.LEWAT
    return step_over or view.timing.level is Level.LEWAT


def day_counts(today: Sequence[Any], open_views: Iterable[Any]) -> DayCounts:
    """`today`: the views of the cases opened today; `open_views`: every open case."""
    open_views = list(open_views)
    return DayCounts(
        opened=len(today),
        done=sum(1 for v in today if v.state.status is Status.SELESAI),
        running=sum(1 for v in open_views if v.state.status is Status.BERJALAN),
        waiting=sum(1 for v in open_views if v.state.status in (
            Status.MENUNGGU_PELAKSANA, Status.MENUNGGU_PEMOHON)),
        over=sum(1 for v in open_views if is_over(v)),
    )


def counts_text(today: Sequence[Any], open_views: Sequence[Any], *, in_office: bool,
                desk: int, mine: Sequence[Any] | None = None) -> str:
    """The dashboard's counts line(s). `mine`: an official's desk's own files (None for
    a counter desk, whose share is the cases it opened today: its number is in the code)."""
    c = day_counts(today, open_views)
    fields = dict(opened=c.opened, done=c.done, running=c.running, waiting=c.waiting,
                  over=c.over)
    if not in_office:
        return T.HOME_COUNTS.format(**fields)
    office = T.HOME_COUNTS_OFFICE.format(**fields)
    if mine is not None:
        here = sum(1 for v in mine if v.state.status is Status.BERJALAN)
        return office + "\n" + T.HOME_COUNTS_OFFICIAL.format(
            here=here, coming=len(mine) - here, over=sum(1 for v in mine if is_over(v)))
    own = [v for v in today if v.state.desk == desk]
    return office + "\n" + T.HOME_COUNTS_DESK.format(
        opened=len(own), done=sum(1 for v in own if v.state.status is Status.SELESAI))
