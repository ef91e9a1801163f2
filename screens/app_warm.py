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
always did.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from counter.calendar import WorkingCalendar
from counter.errors import LoketError
from counter.texts import shell as TS

if TYPE_CHECKING:
    from screens.app import LoketApp

_LOCK_ATTR = "_warming_lock"
FRESH_S = 5.0  # the sign-in's read is re-measured this often: at most this old when shown


def calendar_of(app: LoketApp) -> WorkingCalendar:
    """The app's calendar for its profile, made once (the kept plans belong to it)."""
    profile = app.profile
    assert profile is not None
    made_for = (profile.calendar, profile.tz)
    if app.calendar is None or getattr(app, "_calendar_for", None) != made_for:
        app.calendar = WorkingCalendar(profile.calendar, profile.tz)
        app._calendar_for = made_for  # type: ignore[attr-defined]
    return app.calendar


def warming_lock(app: Any) -> threading.Lock:
    """Held while the open cases are warmed; a reader of the open cases takes it first."""
    lock = getattr(app, _LOCK_ATTR, None)
    if lock is None:
        lock = threading.Lock()
        setattr(app, _LOCK_ATTR, lock)
    return lock


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
    stop = threading.Event()
    app._warm_stop = stop  # type: ignore[attr-defined]
    lock = warming_lock(app)
    lock.acquire()  # before the thread starts: a dashboard mounted meanwhile waits

    def warm() -> None:
        try:
            with first_read():
                read = read_home(reader, frozenset(app.damaged_days))
        except (LoketError, OSError):
            return  # the dashboard's own read says what is wrong
        finally:
            lock.release()
        while not stop.is_set():
            app.warm_read = read  # type: ignore[attr-defined]
            if _stopped(stop):
                break
            read = remeasured(reader, read)

    try:
        run_guarded(app, warm, TS.WORK_WARM, thread=True, group="warm")
    except Exception:
        lock.release()  # never started: nobody may wait for it
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


def take_warm_read(app: Any) -> Any:
    """The dashboard's read made during the sign-in (measured at most `FRESH_S` ago), once;
    None when there is none. Stops the warming: the dashboard reads for itself now."""
    stop = getattr(app, "_warm_stop", None)
    if stop is not None:
        stop.set()
    read = getattr(app, "warm_read", None)
    app.warm_read = None
    if read is None or abs((app.now() - read.at).total_seconds()) > 2 * FRESH_S:
        return None  # the clock moved on (a test's travel): the dashboard reads afresh
    return read
