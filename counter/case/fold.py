"""`fold`: a case's events in, its derived state out.

Odd but possible histories (two desks, a late event, an old half-finished action)
are kept as anomalies, never fatal; events that fail their schema are problems
(see `counter.case.read`); the holder rules are in `counter.case`'s docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

from counter.case.event_data import (
    AFTER_CLOSE_OK,
    OPENED,
    REOPENED,
    RUN_DIKEMBALIKAN,
    RUN_DITUTUP,
    RUN_SELESAI,
    Closed,
    DataCorrected,
    HandedOff,
    KelengkapanChecked,
    NoteAdded,
    Opened,
    OverReason,
    Printed,
    Received,
    Reopened,
    Resumed,
    StepCompleted,
    StepReturned,
    StepStarted,
    WaitingApplicant,
)
from counter.case.fold_ledger import _Ledger, _Run
from counter.case.read import ReadCase, code_day, read_case
from counter.case.roles import (
    desk_role,
    is_counter_role,
    next_step_of,
    resolve_role_step,
    step_of,
)
from counter.case.schema import Event, EventData, Unknown
from counter.case.state import CLOSE_STATUS, CaseState, Note, PrintAttempt, Status, StepRun
from counter.errors import CaseError
from counter.sop import Sop
from counter.texts import case as T
from counter.visitor import Visitor


class _Folder(_Ledger):
    """Applies events one by one to a mutable working state."""

    def apply(self, ev: Event) -> None:
        self.ev = ev
        if ev.at < self.last_at:
            self.odd(T.ANOM_TIME_BACKWARDS.format(at=self.last_at.isoformat()))
        self.last_at = max(self.last_at, ev.at)
        if ev.type == OPENED:
            self.odd(T.ANOM_SECOND_OPEN)
            return
        if isinstance(ev.data, Unknown):
            self.odd(T.ANOM_UNKNOWN_TYPE.format(type=ev.type))
            return
        if self.status.closed and ev.type not in AFTER_CLOSE_OK and ev.type != REOPENED:
            self.odd(T.ANOM_AFTER_CLOSE.format(type=ev.type))
            return
        handler = _HANDLERS.get(type(ev.data))
        if handler is not None:  # a registered type the fold need not know (e.g. an audit fact)
            handler(self, ev.data)

    def on_data_corrected(self, d: DataCorrected) -> None:
        """The visitor's data as corrected (a purged value, "", leaves the field as is)."""
        if d.value:
            self.visitor = replace(self.visitor, **{d.field: d.value})

    def on_step_started(self, d: StepStarted) -> None:
        step = d.step
        self.check_step(step)
        role = desk_role(self.sop, step_of(self.sop, step))
        self.start_run(step, role)
        self.current_step = step
        if is_counter_role(self.sop, role) or self.holder is None:
            self.set_holder(role)

    def on_kelengkapan_checked(self, d: KelengkapanChecked) -> None:
        step, got, missing = d.step, d.received, d.missing
        self.kelengkapan[step] = got
        run = self.latest_run(step)
        if run is not None:
            run.set(received=got, missing=missing)

    def on_step_completed(self, d: StepCompleted) -> None:
        step = d.step
        self.check_step(step)
        run = self.run_for_ending(step, RUN_SELESAI)
        if run is None:
            return
        self.end_run(run, RUN_SELESAI)
        run.set(output=d.output)
        if self.status is Status.MENUNGGU_PELAKSANA:
            self.status = Status.BERJALAN  # recorded done: the wait is over
        nxt = next_step_of(self.sop, step)
        self.current_step = nxt.no if nxt else None

    def on_over_reason(self, d: OverReason) -> None:
        step, reason = d.step, d.reason
        self.over_reasons[step] = reason
        run = self.latest_run(step)
        if run is not None:
            run.set(over_reason=reason)

    def on_step_returned(self, d: StepReturned) -> None:
        step = d.step
        self.check_step(step)
        to_step, to_role = d.to_step, d.to_role or None
        if to_step is None and to_role is not None:
            to_step = resolve_role_step(self.sop, step, to_role)
        if to_step is None:
            to_step = step
        if to_role is None:
            to_role = desk_role(self.sop, step_of(self.sop, to_step))
        run = self.run_for_ending(step, RUN_DIKEMBALIKAN)
        if run is None:
            return
        self.end_run(run, RUN_DIKEMBALIKAN)
        run.set(return_reason=d.reason, returned_to=to_step)
        if self.status is Status.MENUNGGU_PELAKSANA:
            self.status = Status.BERJALAN
        self.runs.append(_Run(StepRun(step=to_step, started_at=run.now.ended_at or self.ev.at,
                                      officer=self.ev.officer, role=to_role)))
        self.current_step = to_step
        self.set_holder(to_role)

    def on_handed_off(self, d: HandedOff) -> None:
        step, to_role = d.step, d.to_role
        self.check_step(step)
        run = self.start_run(step, to_role)
        run.set(role=to_role, handed_off_to=to_role,
                handed_off_name=d.to_name,
                received_at=None, received_by="", received_role=None)
        self.current_step = step
        self.set_holder(to_role)
        if self.status is Status.MENUNGGU_PEMOHON:
            self.before_wait = Status.MENUNGGU_PELAKSANA
        else:
            self.status = Status.MENUNGGU_PELAKSANA

    def on_received(self, d: Received) -> None:
        step, role = d.step, d.role
        self.check_step(step)
        run = self.start_run(step, role)
        if run.now.received_at is None:
            run.set(received_at=self.at_not_before(run.now.started_at),
                    received_by=self.ev.officer, received_role=role)
        self.current_step = step
        self.set_holder(role)
        if self.status is Status.MENUNGGU_PEMOHON:
            self.before_wait = Status.BERJALAN
        else:
            self.status = Status.BERJALAN

    def on_waiting_applicant(self, d: WaitingApplicant) -> None:
        step = d.step
        if self.status is Status.MENUNGGU_PEMOHON:
            self.odd(T.ANOM_ALREADY_WAITING)
            return
        self.check_step(step)
        current = self.open_run()
        if current is not None and current.now.step == step:
            run = current
        else:
            run = self.start_run(step, desk_role(self.sop, step_of(self.sop, step)),
                                 self.implicit_start())
            self.current_step = step
        run.set(pauses=(*run.now.pauses, (self.at_not_before(run.now.started_at), None)))
        self.before_wait = self.status
        self.status = Status.MENUNGGU_PEMOHON
        self.waiting_missing, self.waiting_note = d.missing, d.note

    def on_resumed(self, d: Resumed) -> None:
        if self.status is not Status.MENUNGGU_PEMOHON:
            self.odd(T.ANOM_NOT_WAITING)
            return
        for run in reversed(self.runs):
            if run.now.paused:
                run.close_pause(self.ev.at)
                break
        self.status = self.before_wait
        self.waiting_missing, self.waiting_note = (), ""

    def on_note(self, d: NoteAdded) -> None:
        self.notes.append(Note(self.ev.at, self.ev.officer, self.ev.desk, d.text))

    def on_printed(self, d: Printed) -> None:
        self.prints.append(PrintAttempt(
            at=self.ev.at, doc=d.doc, ok=d.ok, printer=d.printer, pdf=d.pdf, error=d.error,
            officer=self.ev.officer, desk=self.ev.desk,
        ))

    def on_closed(self, d: Closed) -> None:
        status = CLOSE_STATUS[d.outcome]
        outcome = d.outcome
        run = self.open_run()
        if run is not None:
            self.end_run(run, RUN_DITUTUP)
        self.status = status
        self.outcome = str(outcome)
        self.close_reason = d.reason
        self.closed_at = self.ev.at
        self.current_step = None
        self.waiting_missing, self.waiting_note = (), ""

    def on_reopened(self, d: Reopened) -> None:
        """The case goes on at `d.step` with a fresh run; the close stays in the history."""
        if not self.status.closed:
            self.odd(T.ANOM_NOT_CLOSED)
            return
        self.check_step(d.step)
        self.status = Status.BERJALAN
        self.outcome, self.close_reason, self.closed_at = None, "", None
        role = desk_role(self.sop, step_of(self.sop, d.step))
        self.start_run(d.step, role)
        self.current_step = d.step
        self.set_holder(role)

    def state(self, read: ReadCase) -> CaseState:
        return CaseState(
            code=self.code, sop_id=self.sop_id, visitor=self.visitor,
            opened_at=self.first.at, officer=self.first.officer, desk=self.first.desk,
            status=self.status, current_step=self.current_step, holder_role=self.holder,
            holder_since=self.holder_since, runs=tuple(r.now for r in self.runs),
            closed_at=self.closed_at, outcome=self.outcome, close_reason=self.close_reason,
            notes=tuple(self.notes), prints=tuple(self.prints),
            kelengkapan=dict(self.kelengkapan), over_reasons=dict(self.over_reasons),
            waiting_missing=self.waiting_missing, waiting_note=self.waiting_note,
            anomalies=tuple(self.anomalies), events=read.stored, last_at=self.last_at,
            problems=read.problems, last_event_id=read.last_id,
        )


# One handler per event type the fold follows (`opened` starts the fold instead).
_HANDLERS: dict[type[EventData], Callable[[_Folder, Any], None]] = {
    StepStarted: _Folder.on_step_started,
    KelengkapanChecked: _Folder.on_kelengkapan_checked,
    StepCompleted: _Folder.on_step_completed,
    OverReason: _Folder.on_over_reason,
    StepReturned: _Folder.on_step_returned,
    HandedOff: _Folder.on_handed_off,
    Received: _Folder.on_received,
    WaitingApplicant: _Folder.on_waiting_applicant,
    Resumed: _Folder.on_resumed,
    NoteAdded: _Folder.on_note,
    Printed: _Folder.on_printed,
    Closed: _Folder.on_closed,
    DataCorrected: _Folder.on_data_corrected,
    Reopened: _Folder.on_reopened,
}


def fold(events: Iterable[Mapping[str, Any]], sop: Sop | None,
         day: date | None = None) -> CaseState:
    """Derive a case's state from its stored events (ordered by `seq`).

    `sop` may be None when the case's SOP is no longer in the catalog: the history
    still folds, only step look-ups (next step, desk roles) are unknown. `day` is the
    day file the events came from, when the caller read a whole day. Odd but possible
    facts are listed in `state.anomalies`; events that cannot be read are left out and
    named in `state.problems`; a case whose opening cannot be read folds to
    `Status.RUSAK`. Only an empty list raises (`CaseError`).
    """
    events = list(events)
    if not events:
        raise CaseError(T.NO_EVENTS)
    read = read_case(events, day)
    if not read.opened:
        return unreadable(read)
    first = read.facts[0]
    assert isinstance(first.data, Opened)
    folder = _Folder(sop, first, first.data)
    for ev in read.facts[1:]:
        folder.apply(ev)
    return folder.state(read)


def unreadable(read: ReadCase) -> CaseState:
    """The state of a case whose opening cannot be read: listed, marked, never guessed."""
    first = read.facts[0] if read.facts else None
    day = code_day(read.code)
    at = first.at if first else datetime.combine(day or date(1970, 1, 1), time(),
                                                  tzinfo=UTC)
    return CaseState(
        code=read.code, sop_id="", visitor=Visitor(nama=""), opened_at=at,
        officer=first.officer if first else "", desk=first.desk if first else 0,
        status=Status.RUSAK, current_step=None, holder_role=None, holder_since=at, runs=(),
        closed_at=None, outcome=None, close_reason="", notes=(), prints=(), kelengkapan={},
        over_reasons={}, waiting_missing=(), waiting_note="", anomalies=(), events=read.stored,
        last_at=max((ev.at for ev in read.facts), default=at), problems=read.problems,
        last_event_id=read.last_id,
    )
