"""The push/pull cycle of one desk, and its loop: push what the server lacks, pull
what the other desks did, wait for the next push (LISTEN) or poll.

The desk keeps working whatever happens here: a failed cycle only marks the link
down (since when, how much is unsent) and is retried; every step is idempotent
(pushing by id, importing by id), so a cycle cut short anywhere is simply run again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from counter.errors import LoketError
from counter.sync.port import (
    DeskInfo,
    OfficeServer,
    Replica,
    SurveyReplica,
    SurveyServer,
    SyncError,
    SyncState,
)

PUSH_BATCH = 500
PULL_BATCH = 10000  # a week offline catches up in a few pulls, each day written once
SKM_PULL_BATCH = 200  # desk-days of SKM responses per pull


@dataclass(frozen=True)
class CycleResult:
    pushed: int
    pulled: int
    skm_pushed: int = 0  # SKM responses sent / received (anonymous, see store.sync.skm)
    skm_pulled: int = 0


class Syncer:
    """Syncs one desk's replica with the office server."""

    def __init__(self, server: OfficeServer, replica: Replica, desk: DeskInfo, key: str,
                 now: Callable[[], datetime], poll_s: float = 5.0,
                 surveys: SurveyReplica | None = None,
                 on_desks: Callable[[list[DeskInfo]], None] | None = None) -> None:
        self.server = server
        self.replica = replica
        self.surveys = surveys
        self.desk = desk
        self.key = key
        self.now = now
        self.poll_s = poll_s
        self.on_desks = on_desks  # keeps the office's desk names on the desk (offline)
        self.state = SyncState(configured=True, cursor=replica.cursor())
        self._registered = False
        self._nudge = threading.Event()
        self._lock = threading.Lock()

    def snapshot(self) -> SyncState:
        with self._lock:
            return replace(self.state, desks=list(self.state.desks))

    def nudge(self) -> None:
        """A local action was stored: push it now rather than at the next poll."""
        self._nudge.set()

    def sync_once(self) -> CycleResult:
        """One full cycle; `SyncError` (after recording the link as down) if it fails."""
        try:
            if not self._registered:
                self.server.register_desk(self.desk, self.key)
                self._learn_desks()
                self._registered = True
            pushed = self._push()
            pulled = self._pull()
            if pulled:  # maybe from a desk that joined since: its name for the story
                self._learn_desks()
            skm_pushed, skm_pulled = self._sync_surveys()
        except LoketError as err:  # the server (SyncError) or this desk's store (StoreError)
            self._registered = False
            unsent = self._count_unsent()
            with self._lock:
                self.state.connected = False
                self.state.down_since = self.state.down_since or self.now()
                self.state.error = err.message
                self.state.unsent = unsent
            raise
        unsent = self._count_unsent()
        with self._lock:
            self.state.connected = True
            self.state.down_since = None
            self.state.error = ""
            self.state.last_sync = self.now()
            self.state.unsent = unsent
            self.state.cursor = self.replica.cursor()
        return CycleResult(pushed=pushed, pulled=pulled, skm_pushed=skm_pushed,
                           skm_pulled=skm_pulled)

    def _learn_desks(self) -> None:
        desks = self.server.desks(self.desk.office)
        with self._lock:
            self.state.desks = desks
        if self.on_desks is not None:
            self.on_desks(desks)

    def _sync_surveys(self) -> tuple[int, int]:
        """SKM responses travel with the events: this desk's out, the others' in."""
        if self.surveys is None or not isinstance(self.server, SurveyServer):
            return 0, 0
        pushed = 0
        waiting = self.surveys.unpushed()
        if waiting:
            self.server.push_surveys(self.desk.office, self.desk.desk, waiting)
            self.surveys.mark_pushed([r["id"] for r in waiting])
            pushed = len(waiting)
        pulled = 0
        while True:
            days = self.server.pull_surveys(self.desk.office, self.surveys.cursor(),
                                            SKM_PULL_BATCH)
            if not days:
                break
            pulled += self.surveys.import_pulled(days)
            if len(days) < SKM_PULL_BATCH:
                break
        return pushed, pulled

    def _count_unsent(self) -> int:
        try:
            return self.replica.unpushed_count()
        except Exception:  # the count is only for display; never let it hide the cause
            return self.state.unsent

    def _push(self) -> int:
        pushed = 0
        while True:
            batch = self.replica.unpushed(PUSH_BATCH)
            if not batch:
                return pushed
            self.server.push(self.desk.office, self.desk.desk, batch)
            self.replica.mark_pushed([e["id"] for e in batch])
            pushed += len(batch)
            if len(batch) < PUSH_BATCH:
                return pushed

    def _pull(self) -> int:
        pulled = 0
        while True:
            rows = self.server.pull(self.desk.office, self.replica.cursor(), PULL_BATCH)
            if not rows:
                return pulled
            pulled += self.replica.import_pulled([r.event for r in rows], rows[-1].seq)
            if len(rows) < PULL_BATCH:
                return pulled

    def run(self, stop: threading.Event,
            on_change: Callable[[SyncState, CycleResult | None], None] | None = None,
            slice_s: float = 0.2) -> None:
        """Sync until `stop` is set: at once after a nudge or another desk's push, else
        every `poll_s`; after a failure, retry with a growing pause (up to `poll_s`)."""
        backoff = slice_s
        while not stop.is_set():
            self._nudge.clear()
            try:
                result = self.sync_once()
            except LoketError:
                if on_change:
                    on_change(self.snapshot(), None)
                self._nudge.wait(backoff)
                backoff = min(backoff * 2, self.poll_s)
                continue
            backoff = slice_s
            if on_change:
                on_change(self.snapshot(), result)
            waited = 0.0
            while not stop.is_set() and not self._nudge.is_set() and waited < self.poll_s:
                try:
                    if self.server.wait(self.desk.office, slice_s, self.desk.desk):
                        break
                except SyncError:
                    break  # the next cycle records the link as down
                waited += slice_s
                if self.replica.changed():  # an action here, by this or another process
                    break
                if self.surveys is not None and self.surveys.changed():  # a survey answered
                    break
