"""`fold`: a case's events in, its derived state out.

Odd but possible histories (two desks, a late event, an old half-finished action)
are kept as anomalies, never fatal; the holder rules are in `counter.case`'s docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from counter.case.events import (
    AFTER_CLOSE_OK,
    CLOSED,
    EVENT_TYPES,
    HANDED_OFF,
    KELENGKAPAN_CHECKED,
    NOTE,
    OPENED,
    OVER_REASON,
    PRINTED,
    RECEIVED,
    RESUMED,
    RUN_DIKEMBALIKAN,
    RUN_DILEWATI,
    RUN_DITUTUP,
    RUN_SELESAI,
    STEP_COMPLETED,
    STEP_RETURNED,
    STEP_STARTED,
    WAITING_APPLICANT,
)
from counter.case.roles import (
    desk_role,
    intake_role,
    is_counter_role,
    next_step_of,
    resolve_role_step,
    step_of,
)
from counter.case.state import CLOSE_STATUS, Anomaly, CaseState, Note, PrintAttempt, Status, StepRun
from counter.errors import CaseError
from counter.sop import Sop
from counter.texts import case as T
from counter.visitor import Visitor


class _Run:
    """A run being built: the `StepRun` so far, changed by `set` (so no field is repeated).

    The fold keeps a handle on the run it is changing; `set` swaps in an updated copy.
    """

    __slots__ = ("now",)

    def __init__(self, run: StepRun) -> None:
        self.now = run

    def set(self, **changes: Any) -> None:
        self.now = replace(self.now, **changes)

    def close_pause(self, end: datetime) -> None:
        """End the open pause (waiting for the applicant) at `end`, never before it began."""
        pauses = self.now.pauses
        if pauses and pauses[-1][1] is None:
            start = pauses[-1][0]
            self.set(pauses=(*pauses[:-1], (start, max(end, start))))


@dataclass
class _Ev:
    seq: int | None
    type: str
    at: datetime
    officer: str
    desk: int
    data: Mapping[str, Any]


def _fail(ev: Mapping[str, Any] | None, detail: str, field_: str | None = None) -> CaseError:
    seq = ev.get("seq") if isinstance(ev, Mapping) else None
    return CaseError(T.EVENT_FIELD.format(seq=seq if seq is not None else "?", detail=detail),
                     field=field_)


def _parse(raw: object) -> _Ev:
    if not isinstance(raw, Mapping):
        raise _fail(None, T.EVENT_NOT_DICT.format(kind=type(raw).__name__))
    type_ = raw.get("type")
    if not isinstance(type_, str) or not type_:
        raise _fail(raw, T.EVENT_NO_TYPE, "type")
    try:
        at = datetime.fromisoformat(str(raw.get("at")))
    except ValueError:
        raise _fail(raw, T.EVENT_BAD_AT.format(value=raw.get("at")), "at") from None
    if at.tzinfo is None:
        raise _fail(raw, T.EVENT_BAD_AT.format(value=raw.get("at")), "at")
    data = raw.get("data") or {}
    if not isinstance(data, Mapping):
        raise _fail(raw, T.EVENT_BAD_DATA, "data")
    seq = raw.get("seq")
    desk = raw.get("desk")
    return _Ev(seq if isinstance(seq, int) else None, type_, at, str(raw.get("officer") or ""),
               desk if isinstance(desk, int) else 0, data)


def _ordered(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """By `seq`; events not yet stored (no seq) keep their given order, after stored ones."""
    indexed = list(enumerate(events))

    def key(item: tuple[int, Mapping[str, Any]]) -> tuple[int, int, int]:
        i, ev = item
        seq = ev.get("seq") if isinstance(ev, Mapping) else None
        return (0, seq, i) if isinstance(seq, int) and not isinstance(seq, bool) else (1, 0, i)

    return [ev for _, ev in sorted(indexed, key=key)]


class _Folder:
    """Applies events one by one to a mutable working state."""

    def __init__(self, sop: Sop | None, first: _Ev, code: str) -> None:
        self.sop = sop
        self.code = code
        self.first = first
        self.sop_id = str(first.data.get("sop_id") or "")
        self.visitor = Visitor.from_dict(first.data.get("visitor"))
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

    def data_step(self, key: str = "step") -> int | None:
        value = self.ev.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.odd(T.ANOM_DATA.format(detail=key))
            return None
        return value

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
    def apply(self, ev: _Ev) -> None:
        self.ev = ev
        if ev.at < self.last_at:
            self.odd(T.ANOM_TIME_BACKWARDS.format(at=self.last_at.isoformat()))
        self.last_at = max(self.last_at, ev.at)
        if ev.type == OPENED:
            self.odd(T.ANOM_SECOND_OPEN)
            return
        if ev.type not in EVENT_TYPES:
            self.odd(T.ANOM_UNKNOWN_TYPE.format(type=ev.type))
            return
        if self.status.closed and ev.type not in AFTER_CLOSE_OK:
            self.odd(T.ANOM_AFTER_CLOSE.format(type=ev.type))
            return
        _HANDLERS[ev.type](self)

    def on_step_started(self) -> None:
        step = self.data_step()
        if step is None:
            return
        self.check_step(step)
        role = desk_role(self.sop, step_of(self.sop, step))
        self.start_run(step, role)
        self.current_step = step
        if is_counter_role(self.sop, role) or self.holder is None:
            self.set_holder(role)

    def on_kelengkapan_checked(self) -> None:
        step = self.data_step()
        if step is None:
            return
        got = tuple(str(x) for x in self.ev.data.get("received") or ())
        missing = tuple(str(x) for x in self.ev.data.get("missing") or ())
        self.kelengkapan[step] = got
        run = self.latest_run(step)
        if run is not None:
            run.set(received=got, missing=missing)

    def on_step_completed(self) -> None:
        step = self.data_step()
        if step is None:
            return
        self.check_step(step)
        run = self.run_for_ending(step, RUN_SELESAI)
        if run is None:
            return
        self.end_run(run, RUN_SELESAI)
        run.set(output=str(self.ev.data.get("output") or ""))
        if self.status is Status.MENUNGGU_PELAKSANA:
            self.status = Status.BERJALAN  # recorded done: the wait is over
        nxt = next_step_of(self.sop, step)
        self.current_step = nxt.no if nxt else None

    def on_over_reason(self) -> None:
        step = self.data_step()
        if step is None:
            return
        reason = str(self.ev.data.get("reason") or "")
        self.over_reasons[step] = reason
        run = self.latest_run(step)
        if run is not None:
            run.set(over_reason=reason)

    def on_step_returned(self) -> None:
        step = self.data_step()
        if step is None:
            return
        self.check_step(step)
        to_step = self.ev.data.get("to_step")
        to_role = self.ev.data.get("to_role") or None
        if to_step is not None and not isinstance(to_step, int):
            self.odd(T.ANOM_DATA.format(detail="to_step"))
            to_step = None
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
        run.set(return_reason=str(self.ev.data.get("reason") or ""), returned_to=to_step)
        if self.status is Status.MENUNGGU_PELAKSANA:
            self.status = Status.BERJALAN
        self.runs.append(_Run(StepRun(step=to_step, started_at=run.now.ended_at or self.ev.at,
                                      officer=self.ev.officer, role=to_role)))
        self.current_step = to_step
        self.set_holder(to_role)

    def step_and_role(self, key: str) -> tuple[int, str] | None:
        """The event's step and the role named in `data[key]`; odd when the role is missing."""
        step, role = self.data_step(), self.ev.data.get(key)
        if not role:
            self.odd(T.ANOM_DATA.format(detail=key))
        if step is None or not role:
            return None
        self.check_step(step)
        return step, str(role)

    def on_handed_off(self) -> None:
        found = self.step_and_role("to_role")
        if found is None:
            return
        step, to_role = found
        run = self.start_run(step, to_role)
        run.set(role=to_role, handed_off_to=to_role,
                handed_off_name=str(self.ev.data.get("to_name") or ""),
                received_at=None, received_by="", received_role=None)
        self.current_step = step
        self.set_holder(to_role)
        if self.status is Status.MENUNGGU_PEMOHON:
            self.before_wait = Status.MENUNGGU_PELAKSANA
        else:
            self.status = Status.MENUNGGU_PELAKSANA

    def on_received(self) -> None:
        found = self.step_and_role("role")
        if found is None:
            return
        step, role = found
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

    def on_waiting_applicant(self) -> None:
        step = self.data_step()
        if step is None:
            return
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
        self.waiting_missing = tuple(str(x) for x in self.ev.data.get("missing") or ())
        self.waiting_note = str(self.ev.data.get("note") or "")

    def on_resumed(self) -> None:
        if self.status is not Status.MENUNGGU_PEMOHON:
            self.odd(T.ANOM_NOT_WAITING)
            return
        for run in reversed(self.runs):
            if run.now.paused:
                run.close_pause(self.ev.at)
                break
        self.status = self.before_wait
        self.waiting_missing, self.waiting_note = (), ""

    def on_note(self) -> None:
        self.notes.append(Note(self.ev.at, self.ev.officer, self.ev.desk,
                               str(self.ev.data.get("text") or "")))

    def on_printed(self) -> None:
        d = self.ev.data
        self.prints.append(PrintAttempt(
            at=self.ev.at, doc=str(d.get("doc") or ""), ok=d.get("ok") is True,
            printer=d.get("printer"), pdf=d.get("pdf"), error=str(d.get("error") or ""),
            officer=self.ev.officer, desk=self.ev.desk,
        ))

    def on_closed(self) -> None:
        outcome = self.ev.data.get("outcome")
        status = CLOSE_STATUS.get(str(outcome))
        if status is None:
            self.odd(T.ANOM_DATA.format(detail="outcome"))
            return
        run = self.open_run()
        if run is not None:
            self.end_run(run, RUN_DITUTUP)
        self.status = status
        self.outcome = str(outcome)
        self.close_reason = str(self.ev.data.get("reason") or "")
        self.closed_at = self.ev.at
        self.current_step = None
        self.waiting_missing, self.waiting_note = (), ""

    def state(self, events: Sequence[Mapping[str, Any]]) -> CaseState:
        return CaseState(
            code=self.code, sop_id=self.sop_id, visitor=self.visitor,
            opened_at=self.first.at, officer=self.first.officer, desk=self.first.desk,
            status=self.status, current_step=self.current_step, holder_role=self.holder,
            holder_since=self.holder_since, runs=tuple(r.now for r in self.runs),
            closed_at=self.closed_at, outcome=self.outcome, close_reason=self.close_reason,
            notes=tuple(self.notes), prints=tuple(self.prints),
            kelengkapan=dict(self.kelengkapan), over_reasons=dict(self.over_reasons),
            waiting_missing=self.waiting_missing, waiting_note=self.waiting_note,
            anomalies=tuple(self.anomalies), events=tuple(events), last_at=self.last_at,
        )


# One handler per event type (every type in EVENT_TYPES but `opened`, which starts the fold).
_HANDLERS: dict[str, Callable[[_Folder], None]] = {
    STEP_STARTED: _Folder.on_step_started,
    KELENGKAPAN_CHECKED: _Folder.on_kelengkapan_checked,
    STEP_COMPLETED: _Folder.on_step_completed,
    OVER_REASON: _Folder.on_over_reason,
    STEP_RETURNED: _Folder.on_step_returned,
    HANDED_OFF: _Folder.on_handed_off,
    RECEIVED: _Folder.on_received,
    WAITING_APPLICANT: _Folder.on_waiting_applicant,
    RESUMED: _Folder.on_resumed,
    NOTE: _Folder.on_note,
    PRINTED: _Folder.on_printed,
    CLOSED: _Folder.on_closed,
}


def fold(events: Iterable[Mapping[str, Any]], sop: Sop | None) -> CaseState:
    """Derive a case's state from its events (ordered by `seq`).

    `sop` may be None when the case's SOP is no longer in the catalog: the history
    still folds, only step look-ups (next step, desk roles) are unknown. Odd but
    possible facts are listed in `state.anomalies`; impossible histories (no
    'opened' first, events of another case, unreadable events) raise `CaseError`.
    """
    ordered = _ordered(events)
    if not ordered:
        raise CaseError(T.NO_EVENTS)
    parsed = [_parse(ev) for ev in ordered]
    if parsed[0].type != OPENED:
        raise CaseError(T.NOT_OPENED_FIRST.format(type=parsed[0].type), field="type")
    code = str(ordered[0].get("code") or "")
    for raw in ordered[1:]:
        other = raw.get("code")
        if other is not None and other != code:
            raise _fail(raw, T.OTHER_CASE.format(other=other), "code")
    folder = _Folder(sop, parsed[0], code)
    for ev in parsed[1:]:
        folder.apply(ev)
    return folder.state(ordered)

