"""What the dashboard reads from the store, in one piece: the open cases, today's, and the
day files that cannot be read. Made in a thread, by the dashboard's reload and by the
sign-in's warming (screens/app_warm.py), which hands its read to the dashboard."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from counter.damage import UnreadableDay, merged
from counter.desk_read import DeskReader


@dataclass(frozen=True)
class HomeRead:
    views: list[Any]  # the open cases this desk lists (an official's desk: its files)
    today: list[Any]  # the cases opened today
    unreadable: tuple[UnreadableDay, ...]
    checked: frozenset[date]  # the days the start-up check found damaged, read again
    office_open: list[Any]  # every open case (the counts line is about the whole record)
    at: datetime  # the desk's clock when the cases were measured


def read_home(desk: DeskReader, known_damaged: frozenset[date]) -> HomeRead:
    """One dashboard read; `LoketError` when the store cannot be read at all (a damaged
    day file is named in `unreadable`, never raised)."""
    open_now = desk.open_cases()
    office_open = open_now.views
    if desk.serves:  # an official's desk (meja pejabat): only the files for it
        open_now = replace(open_now, views=desk.files_for_me(open_now.views))
    today = desk.cases_on(desk.now().date())
    again = [desk.cases_on(d).unreadable for d in sorted(known_damaged)]
    return HomeRead(views=open_now.views, today=today.views,
                    unreadable=merged(open_now.unreadable, today.unreadable, *again),
                    checked=known_damaged, office_open=office_open, at=desk.now())


def remeasured(desk: DeskReader, read: HomeRead) -> HomeRead:
    """The same read at the desk's clock now (no store read): what a tick does."""
    fresh = {v.code: desk.remeasure(v) for v in read.office_open}
    return replace(read, views=[fresh.get(v.code) or desk.remeasure(v) for v in read.views],
                   today=[fresh.get(v.code) or v for v in read.today],
                   office_open=list(fresh.values()), at=desk.now())
