"""What the app does in the background while the officer works: syncing with the office
server, and checking the history's day files for damage once the dashboard is up.

`BackgroundShell` sits between `CaseShell` and `LoketApp` (screens/app.py); both
jobs run in guarded threads (screens/worker_guard.py) so neither can end the app.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.errors import LoketError
from counter.texts import shell as TS
from counter.texts import ui as T
from screens.app_cases import CaseShell
from screens.worker_guard import run_guarded

if TYPE_CHECKING:
    from counter.config import Profile


class BackgroundShell(CaseShell):
    """Sync and the damage check; the state lives in `LoketApp.__init__`."""

    profile: Profile | None
    store: Any
    now: Callable[[], datetime]
    sync_state: Any
    _sync: Any
    _sync_stop: Any
    damaged_days: set[date]
    _damage_checked: bool

    # ------------------------------------------------------------------ sync

    def start_sync(self) -> None:
        """Sync with the office server in a thread when one is set (else standalone).

        Other desks' events land in this desk's own store, so every screen reads them
        as its own; the dashboard reloads when something arrived."""
        import threading

        self.stop_sync()
        read_only = getattr(self.store, "read_only", False)  # a backup copy: never written
        if self.profile is None or not self.profile.pusat.effective_dsn or read_only:
            self.sync_state = None
            return
        from store.sync.desk import syncer_for

        try:
            syncer = syncer_for(self.profile, self.store, now=self.now)
        except LoketError as err:
            self.notify(str(err), severity="error", timeout=15)
            return
        if syncer is None:
            return
        self._sync, self._sync_stop = syncer, threading.Event()
        self.sync_state = syncer.snapshot()
        stop = self._sync_stop

        def changed(state: Any, result: Any) -> None:
            with suppress(RuntimeError):  # the app closed meanwhile
                self.call_from_thread(self._synced, state, result)

        run_guarded(self, lambda: syncer.run(stop, changed), TS.WORK_SYNC, thread=True,
                    group="sync", name="sync")

    def _synced(self, state: Any, result: Any) -> None:
        self.sync_state = state
        if self.desk is not None and state.desks:
            self.desk.desk_names = {d.desk: d.label for d in state.desks if d.label}
        if result is not None and result.pulled:
            self.refresh_home()
        if result is not None and (result.pulled or result.skm_pulled):
            # other desks' visitors and answers: the dashboard's SKM line is office-wide
            from screens.skm_offer import _refresh_progress

            _refresh_progress(self)

    def stop_sync(self) -> None:
        if self._sync_stop is not None:
            self._sync_stop.set()
        if self._sync is not None:
            self._sync.nudge()
        self._sync = self._sync_stop = None

    def nudge_sync(self) -> None:
        """A local action was stored: push it now."""
        if self._sync is not None:
            self._sync.nudge()

    def on_unmount(self) -> None:
        self.stop_sync()

    def first_load_done(self) -> None:
        """The dashboard has its cases: now check the history's files for damage."""
        if not self._damage_checked:
            self._damage_checked = True
            from screens.app_memory import freeze_settled

            freeze_settled()  # what the app holds from now on, out of the collector's walks
            self._report_damage()
            from screens.chain_check import start_chain_check

            start_chain_check(self)

    def _report_damage(self) -> None:
        """Check every day file for damage in a thread: it reads the whole history."""
        damaged = getattr(self.store, "damaged", None)
        if damaged is None:
            return

        def check() -> None:
            days: set[date] = set()
            try:
                bad = damaged()
                found = [T.STORE_DAMAGED.format(path=path, message=message)
                         for path, message in bad]
                days = {d for d in (_day_of(Path(path)) for path, _ in bad) if d is not None}
            except LoketError as err:
                found = [str(err)]
            for text in found:
                with suppress(RuntimeError):  # the app closed meanwhile
                    self.call_from_thread(self.notify, text, severity="error", timeout=15)
            if days:
                with suppress(RuntimeError):
                    self.call_from_thread(self._damage_found, days)

        run_guarded(self, check, TS.WORK_DAMAGE_CHECK, thread=True, group="damage",
                    name="damage-check")

    def _damage_found(self, days: set[date]) -> None:
        self.damaged_days |= days
        self.refresh_home()


def _day_of(path: Path) -> date | None:
    """The day a store file holds (``2026/2026-11-25.json``); None for other files."""
    try:
        return date.fromisoformat(path.stem) if path.suffix == ".json" else None
    except ValueError:
        return None
