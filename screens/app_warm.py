"""The open cases read while the officer signs in, so the dashboard is filled the moment
it appears.

Every morning the app starts at the sign-in: the officer picks a name and types a PIN,
a few seconds in which the app waits. The dashboard's first fill (every open case of
the history folded and measured, issue 15) can be done in those seconds: a reading desk
(no one signed in: it may read, never act) reads the open cases in a thread, which keeps
their folds and clock plans in memory (`counter.case.fold_cache`, `counter.clock_kept`)
under the very catalog and calendar the officer's desk then uses; the dashboard's own
first read finds them there. The dashboard waits for a warming still under way rather
than folding the same cases beside it. Failing costs nothing: the dashboard reads as it
always did. What the thread and the dashboard share is the app's `Warming`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from counter.calendar import WorkingCalendar
from counter.errors import LoketError
from counter.texts import shell as TS

if TYPE_CHECKING:
    from screens.app import LoketApp
    from screens.home_read import HomeRead

FRESH_S = 5.0  # the sign-in's read is re-measured this often: at most this old when shown


@dataclass
class Warming:
    """The sign-in's read, between its thread and the dashboard: `lock` is held while
    the first read is under way (a reader of the open cases takes it first), `stop`
    ends the re-measuring, `read` is the latest measured read."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    read: HomeRead | None = None

    def take(self, now: datetime) -> HomeRead | None:
        """The read (measured at most `FRESH_S` ago), once; None when there is none.
        Stops the warming: the dashboard reads for itself now."""
        self.stop.set()
        read, self.read = self.read, None
        if read is None or abs((now - read.at).total_seconds()) > 2 * FRESH_S:
            return None  # the clock moved on (a test's travel): the dashboard reads afresh
        return read


def calendar_of(app: LoketApp) -> WorkingCalendar:
    """The app's calendar for its profile, made once (the kept plans belong to it)."""
    profile = app.profile
    assert profile is not None
    made_for = (profile.calendar, profile.tz)
    if app.calendar is None or app.calendar_made_for != made_for:
        app.calendar = WorkingCalendar(profile.calendar, profile.tz)
        app.calendar_made_for = made_for
    return app.calendar


def start_warming(app: LoketApp) -> None:
    """Read what the dashboard shows in a thread while the sign-in is on screen, and
    keep it measured (every `FRESH_S`) until the officer is in."""
    from counter.desk_read import DeskReader
    from screens.app_memory import first_read
    from screens.home_read import read_home, remeasured
    from screens.worker_guard import run_guarded

    profile = app.profile
    if profile is None:
        return
    reader = DeskReader(app.store, app.catalog, profile, officer=None, now=app.now,
                        calendar=calendar_of(app))
    warming = app.warming
    warming.lock.acquire()  # before the thread starts: a dashboard mounted meanwhile waits

    def warm() -> None:
        try:
            with first_read():
                read = read_home(reader, frozenset(app.damaged_days))
        except (LoketError, OSError):
            return  # the dashboard's own read says what is wrong
        finally:
            warming.lock.release()
        while not warming.stop.is_set():
            warming.read = read
            if _stopped(warming.stop):
                break
            read = remeasured(reader, read)

    try:
        run_guarded(app, warm, TS.WORK_WARM, thread=True, group="warm")
    except Exception:
        warming.lock.release()  # never started: nobody may wait for it
        raise


def _stopped(stop: threading.Event) -> bool:
    """Wait up to `FRESH_S` for the officer (or the app's end); True once either came."""
    from textual.worker import get_current_worker

    waited = 0.0
    while waited < FRESH_S:
        if stop.wait(0.25) or get_current_worker().is_cancelled:
            return True
        waited += 0.25
    return False
