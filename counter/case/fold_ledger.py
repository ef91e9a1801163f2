"""The fold's working state: the step runs being built and their bookkeeping.

`counter.case.fold` applies each event to a `_Ledger`; what a run is, how one is
opened, ended or found again for a late event lives here.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import datetime
from typing import Any

from counter.case.event_data import (
    RUN_DILEWATI,
    Opened,
)
from counter.case.roles import (
    desk_role,
    intake_role,
    step_of,
)
from counter.case.schema import Event
from counter.case.state import Anomaly, Note, PrintAttempt, Status, StepRun
from counter.sop import Sop
from counter.texts import case as T

_RUN_FIELDS = frozenset(f.name for f in fields(StepRun))


class _Run:
    """A run being built: the `StepRun` so far, changed by `set` (so no field is repeated).

    The fold keeps a handle on the run it is changing; `set` swaps in an updated copy.
    """

    __slots__ = ("now",)

    def __init__(self, run: StepRun) -> None:
        self.now = run

    def set(self, **changes: Any) -> None:
        # `dataclasses.replace` re-runs the 19-field __init__ (a tenth of a report's fold);
        # a copy of the instance dict is the same frozen value, built in a microsecond.
        if not changes.keys() <= _RUN_FIELDS:
            self.now = replace(self.now, **changes)  # raises TypeError naming the field
        fresh = object.__new__(StepRun)
        fresh.__dict__.update(self.now.__dict__)
        fresh.__dict__.update(changes)
        self.now = fresh

    def close_pause(self, end: datetime) -> None:
        """End the open pause (waiting for the applicant) at `end`, never before it began."""
        pauses = self.now.pauses
        if pauses and pauses[-1][1] is None:
            start = pauses[-1][0]
            self.set(pauses=(*pauses[:-1], (start, max(end, start))))


class _Ledger:
    """The fold's mutable working state and its bookkeeping of step runs (which run is
    open, starting and ending one, the holder); `fold._Folder` applies events to it."""

    def __init__(self, sop: Sop | None, first: Event, opening: Opened) -> None:
        self.sop = sop
        self.code = first.code
        self.first = first
        self.sop_id = opening.sop_id
        self.visitor = opening.visitor
        self.status = Status.BERJALAN
        self.before_wait = Status.BERJALAN
        self.current_step: int | None = sop.steps[0].no if sop and sop.steps else None
        self.holder = intake_role(sop)
        self.holder_since = first.at
        self.runs: list[_Run] = []
        self.closed_at: datetime | None = None
        self.outcome: str | None = None
        self.close_reason = ""
        self.notes: list[Note] = []
        self.prints: list[PrintAttempt] = []
        self.kelengkapan: dict[int, tuple[str, ...]] = {}
        self.over_reasons: dict[int, str] = {}
        self.waiting_missing: tuple[str, ...] = ()
        self.waiting_note = ""
        self.anomalies: list[Anomaly] = []
        self.last_at = first.at
        self.ev = first

    # -- helpers
    def odd(self, message: str) -> None:
        self.anomalies.append(Anomaly(self.ev.seq, self.ev.type, message))

    def open_run(self) -> _Run | None:
        for run in reversed(self.runs):
            if run.now.ended_at is None:
                return run
        return None

    def latest_run(self, step: int) -> _Run | None:
        for run in reversed(self.runs):
            if run.now.step == step:
                return run
        return None

    def at_not_before(self, start: datetime) -> datetime:
        """Desks' clocks may disagree; a derived interval never runs backwards."""
        return max(self.ev.at, start)

    def set_holder(self, role: str | None) -> None:
        if role is not None and role != self.holder:
            self.holder = role
            self.holder_since = self.ev.at

    def end_run(self, run: _Run, outcome: str) -> None:
        end = self.at_not_before(run.now.started_at)
        run.close_pause(end)
        if self.status is Status.MENUNGGU_PEMOHON:
            self.status = self.before_wait
            self.waiting_missing, self.waiting_note = (), ""
        run.set(ended_at=end, outcome=outcome, ended_by=self.ev.officer)

    def start_run(self, step: int, role: str | None, at: datetime | None = None) -> _Run:
        """Begin a run of `step`, reusing an open run of the same step."""
        current = self.open_run()
        if current is not None and current.now.step == step:
            return current
        if current is not None:
            self.odd(T.ANOM_SKIPPED.format(step=current.now.step, other=step))
            self.end_run(current, RUN_DILEWATI)
        run = _Run(StepRun(step=step, started_at=at or self.ev.at, officer=self.ev.officer,
                           role=role))
        self.runs.append(run)
        return run

    def implicit_start(self) -> datetime:
        """A step finished without a 'step_started' began when the previous run ended."""
        if self.open_run() is not None:
            return self.ev.at
        ended = [r.now.ended_at for r in self.runs if r.now.ended_at is not None]
        return min(max(ended, default=self.first.at), self.ev.at)

    def run_for_ending(self, step: int, outcome: str) -> _Run | None:
        current = self.open_run()
        if current is not None and current.now.step == step:
            return current
        ended = [r.now for r in self.runs if r.now.ended_at is not None]
        if ended and ended[-1].step == step and ended[-1].outcome == outcome:
            self.odd(T.ANOM_DUPLICATE.format(step=step, outcome=outcome))
            return None
        start = self.implicit_start()
        return self.start_run(step, desk_role(self.sop, step_of(self.sop, step)), start)

    def check_step(self, step: int) -> None:
        if self.sop is not None and step_of(self.sop, step) is None:
            self.odd(T.ANOM_UNKNOWN_STEP.format(step=step))

    # -- the events
