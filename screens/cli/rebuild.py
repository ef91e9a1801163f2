"""`loket periksa --bangun-ulang`: make every per-case summary again from the events, and
say how long.

Summaries are a cache (`counter.summary`): reports make a missing or stale one by
themselves. This command is for an office that wants them all made at once (after
restoring a backup, after changing the calendar) or wants to know how long that
takes. It runs after the record's check (`loket periksa`), so the summaries are made
from a record that was just verified.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from counter.desk import Desk
from counter.errors import LoketError
from counter.report_paged import keep_page
from counter.summary import rows_on
from counter.texts import summary as T
from screens.cli.context import Context
from store.store import Store


@dataclass
class Rebuilt:
    days: int = 0
    closed: int = 0
    open: int = 0
    seconds: float = 0.0
    unreadable: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def cases(self) -> int:
        return self.closed + self.open


def rebuild_summaries(desk: Desk, store: Store) -> Rebuilt:
    """Remove every shelf and report page, then make each day's from its day file
    (oldest first)."""
    started = time.perf_counter()
    out = Rebuilt()
    store.shelves.forget_all()
    for path in store.day_files():
        day = date.fromisoformat(path.stem)
        try:
            rows = rows_on(desk, store, day)
        except LoketError as err:
            out.unreadable.append((path, err.message))
            continue
        keep_page(desk, store, day, rows)  # and its report page (`counter.report_page`)
        out.days += 1
        out.open += len(rows.open_views)
        out.closed += len(rows.rows) - len(rows.open_views)
    out.seconds = time.perf_counter() - started
    return out


def rebuild_and_say(ctx: Context) -> int:
    """Rebuild every summary and print what was done; 1 when a day file was unreadable."""
    store = ctx.store
    desk = Desk(store, ctx.catalog, ctx.profile)
    done = rebuild_summaries(desk, store)
    seconds = f"{done.seconds:.1f}".replace(".", ",")
    for path, message in done.unreadable:
        print(T.REBUILD_UNREADABLE.format(path=path, message=message))
    if store.read_only:
        print(T.REBUILD_READ_ONLY.format(cases=done.cases, seconds=seconds))
    else:
        print(T.REBUILT.format(days=done.days, cases=done.cases, closed=done.closed,
                               open=done.open, seconds=seconds))
    return 1 if done.unreadable else 0
