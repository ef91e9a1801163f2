"""Case events (facts, never edited) and the state derived from them.

A case is only its list of events; status, current step, who holds the file and
every step run are recomputed by `fold` each time, so a restart, a second desk
or a corrected SOP never leaves a stored counter out of step with the facts.

Event constructors (`opened`, `step_started`, … `closed`) are the only place
event dicts are built; they check their inputs so a malformed fact never
reaches the store. The decision helpers at the bottom (`next_action`,
`return_targets`, `plan_*`) answer what the counter screen needs, so screens
stay thin: they show `next_action(...)` and append the events a `plan_*` gives.

Who holds the file (`holder_role`) follows these rules, in event order:
- `opened`: the intake role (a counter role among the first step's pelaksana,
  else the SOP's first counter role, else the first step's desk role);
- `handed_off`: the receiving role (status "menunggu <role>" until `received`);
- `received`: the role that scanned it;
- `step_returned`: the target role;
- `step_started` of a step whose desk role is a counter role: that role (the
  file is back at the counter).

A step's *desk role* is its first pelaksana that is not the applicant (the
applicant's own work happens wherever the file is, i.e. at the counter).
Completing a step *hands the file off* when the next step's desk role is not a
counter role, not the applicant, and not the current holder (`needs_hand_off`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from counter.errors import CaseError
from counter.sop import Kembali, Sop, Step
from counter.texts import case as T
from counter.visitor import Visitor, make_visitor

# ---------------------------------------------------------------- vocabulary

OPENED = "opened"
STEP_STARTED = "step_started"
KELENGKAPAN_CHECKED = "kelengkapan_checked"
STEP_COMPLETED = "step_completed"
OVER_REASON = "over_reason"
STEP_RETURNED = "step_returned"
HANDED_OFF = "handed_off"
RECEIVED = "received"
WAITING_APPLICANT = "waiting_applicant"
RESUMED = "resumed"
NOTE = "note"
PRINTED = "printed"
CLOSED = "closed"
EVENT_TYPES = (
    OPENED, STEP_STARTED, KELENGKAPAN_CHECKED, STEP_COMPLETED, OVER_REASON, STEP_RETURNED,
    HANDED_OFF, RECEIVED, WAITING_APPLICANT, RESUMED, NOTE, PRINTED, CLOSED,
)
# Events that stay meaningful after a case is closed (a late remark, a reprint).
AFTER_CLOSE_OK = frozenset({NOTE, PRINTED})

OUTCOMES = ("selesai", "ditolak", "dibatalkan")
DOCS = ("tanda-terima", "serah-terima", "berkas-kurang")

# Outcomes of a step run.
RUN_SELESAI = "selesai"
RUN_DIKEMBALIKAN = "dikembalikan"
RUN_DITUTUP = "ditutup"
RUN_DILEWATI = "dilewati"  # left open when another step began (odd history)


class Status(StrEnum):
    BERJALAN = "berjalan"
    MENUNGGU_PELAKSANA = "menunggu_pelaksana"
    MENUNGGU_PEMOHON = "menunggu_pemohon"
    SELESAI = "selesai"
    DITOLAK = "ditolak"
    DIBATALKAN = "dibatalkan"

    @property
    def closed(self) -> bool:
        return self in (Status.SELESAI, Status.DITOLAK, Status.DIBATALKAN)

    def label(self, holder: str | None = None) -> str:
        """Indonesian text; `holder` is the display name of the role waited for."""
        if self is Status.MENUNGGU_PELAKSANA:
            if holder:
                return T.STATUS_MENUNGGU_PELAKSANA.format(holder=holder)
            return T.STATUS_MENUNGGU_PELAKSANA_ANON
        return {
            Status.BERJALAN: T.STATUS_BERJALAN,
            Status.MENUNGGU_PEMOHON: T.STATUS_MENUNGGU_PEMOHON,
            Status.SELESAI: T.STATUS_SELESAI,
            Status.DITOLAK: T.STATUS_DITOLAK,
            Status.DIBATALKAN: T.STATUS_DIBATALKAN,
        }[self]


_CLOSE_STATUS = {"selesai": Status.SELESAI, "ditolak": Status.DITOLAK,
                 "dibatalkan": Status.DIBATALKAN}

Pause = tuple[datetime, datetime | None]


@dataclass(frozen=True)
class StepRun:
    """One pass of the file through one step; a step redone after a return has two runs.

    `officer` started the run, `ended_by` completed or returned it. A run begun by
    a hand-off starts at the hand-off (waiting at the other desk is the step's time);
    `received_*` tell when and by whom the other side confirmed it.
    """

    step: int
    started_at: datetime
    ended_at: datetime | None = None
    pauses: tuple[Pause, ...] = ()
    outcome: str | None = None
    officer: str = ""
    output: str = ""
    over_reason: str = ""
    received: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    role: str | None = None
    ended_by: str = ""
    return_reason: str = ""
    returned_to: int | None = None
    handed_off_to: str | None = None
    handed_off_name: str = ""
    received_at: datetime | None = None
    received_by: str = ""
    received_role: str | None = None

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1][1] is None


@dataclass(frozen=True)
class Note:
    at: datetime
    officer: str
    desk: int
    text: str


@dataclass(frozen=True)
class PrintAttempt:
    """One try at printing; only `ok` attempts count as issued."""

    at: datetime
    doc: str
    ok: bool
    printer: str | None
    pdf: str | None
    error: str
    officer: str
    desk: int


@dataclass(frozen=True)
class Anomaly:
    """An odd but possible fact (two desks, a late event): kept, shown, not fatal."""

    seq: int | None
    type: str
    message: str


@dataclass(frozen=True)
class CaseState:
    """Everything derived from a case's events; never stored."""

    code: str
    sop_id: str
    visitor: Visitor
    opened_at: datetime
    officer: str
    desk: int
    status: Status
    current_step: int | None
    holder_role: str | None
    holder_since: datetime
    runs: tuple[StepRun, ...]
    closed_at: datetime | None
    outcome: str | None
    close_reason: str
    notes: tuple[Note, ...]
    prints: tuple[PrintAttempt, ...]
    kelengkapan: Mapping[int, tuple[str, ...]]  # latest items received, per step
    over_reasons: Mapping[int, str]
    waiting_missing: tuple[str, ...]  # what the applicant must bring (while waiting)
    waiting_note: str
    anomalies: tuple[Anomaly, ...]
    events: tuple[Mapping[str, Any], ...]
    last_at: datetime

    @property
    def closed(self) -> bool:
        return self.status.closed

    @property
    def current_run(self) -> StepRun | None:
        """The open run (at most one), if any step is under way."""
        for run in reversed(self.runs):
            if run.is_open:
                return run
        return None

    def runs_of(self, step: int) -> tuple[StepRun, ...]:
        return tuple(r for r in self.runs if r.step == step)

    def issued(self, doc: str) -> bool:
        """True once a print of `doc` succeeded; a failed print never counts."""
        return any(p.ok and p.doc == doc for p in self.prints)

    def done_steps(self) -> frozenset[int]:
        """Steps whose latest run ended 'selesai'."""
        latest: dict[int, StepRun] = {}
        for r in self.runs:
            latest[r.step] = r
        return frozenset(s for s, r in latest.items() if r.outcome == RUN_SELESAI)


# ---------------------------------------------------------------- event constructors


def _check_step(step: object, name: str = "step") -> int:
    if isinstance(step, bool) or not isinstance(step, int) or step < 1:
        raise CaseError(T.STEP_NUMBER.format(value=step), field=name)
    return step


def _check_items(items: Iterable[str] | None, name: str) -> list[str]:
    out: list[str] = []
    for item in items or ():
        if not isinstance(item, str):
            raise CaseError(T.ITEMS_NOT_TEXT, field=name)
        if item.strip():
            out.append(item.strip())
    return out


def _text(value: str | None) -> str:
    return (value or "").strip()


def _event(code: str, type_: str, at: datetime, officer: str, desk: int,
           data: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(code, str) or not code.strip():
        raise CaseError(T.CODE_EMPTY, field="code")
    if not isinstance(at, datetime):
        raise CaseError(T.AT_NOT_DATETIME, field="at")
    if at.tzinfo is None or at.utcoffset() is None:
        raise CaseError(T.AT_NAIVE, field="at")
    if not isinstance(officer, str) or not officer.strip():
        raise CaseError(T.OFFICER_EMPTY, field="officer")
    if isinstance(desk, bool) or not isinstance(desk, int) or not 1 <= desk <= 99:
        raise CaseError(T.DESK_RANGE.format(value=desk), field="desk")
    return {"code": code.strip(), "type": type_, "at": at.isoformat(),
            "officer": officer.strip(), "desk": desk, "data": data}


def opened(code: str, at: datetime, officer: str, desk: int, sop_id: str,
           visitor: Visitor | Mapping[str, str]) -> dict[str, Any]:
    """A new case for `visitor` under SOP `sop_id`; the visitor is (re)validated."""
    if not isinstance(sop_id, str) or not sop_id.strip():
        raise CaseError(T.SOP_ID_EMPTY, field="sop_id")
    fields = visitor.as_dict() if isinstance(visitor, Visitor) else dict(visitor)
    v = make_visitor(**{k: fields.get(k, "") for k in
                        ("nama", "nik", "telepon", "nama_usaha", "alamat")})
    return _event(code, OPENED, at, officer, desk,
                  {"sop_id": sop_id.strip(), "visitor": v.as_dict()})


def step_started(code: str, at: datetime, officer: str, desk: int,
                 step: int) -> dict[str, Any]:
    return _event(code, STEP_STARTED, at, officer, desk, {"step": _check_step(step)})


def kelengkapan_checked(code: str, at: datetime, officer: str, desk: int, step: int,
                        received: Iterable[str], missing: Iterable[str] = ()) -> dict[str, Any]:
    return _event(code, KELENGKAPAN_CHECKED, at, officer, desk, {
        "step": _check_step(step),
        "received": _check_items(received, "received"),
        "missing": _check_items(missing, "missing"),
    })


def step_completed(code: str, at: datetime, officer: str, desk: int, step: int,
                   output: str = "") -> dict[str, Any]:
    return _event(code, STEP_COMPLETED, at, officer, desk,
                  {"step": _check_step(step), "output": _text(output)})


def over_reason(code: str, at: datetime, officer: str, desk: int, step: int,
                reason: str) -> dict[str, Any]:
    if not _text(reason):
        raise CaseError(T.OVER_REASON_EMPTY, field="reason")
    return _event(code, OVER_REASON, at, officer, desk,
                  {"step": _check_step(step), "reason": _text(reason)})


def step_returned(code: str, at: datetime, officer: str, desk: int, step: int, *,
                  to_step: int | None = None, to_role: str | None = None,
                  reason: str) -> dict[str, Any]:
    """A "tidak" decision: the file goes back to `to_step` and/or `to_role`."""
    if to_step is None and not _text(to_role):
        raise CaseError(T.RETURN_NO_TARGET, field="to_step")
    if not _text(reason):
        raise CaseError(T.RETURN_REASON_REQUIRED, field="reason")
    return _event(code, STEP_RETURNED, at, officer, desk, {
        "step": _check_step(step),
        "to_step": None if to_step is None else _check_step(to_step, "to_step"),
        "to_role": _text(to_role) or None,
        "reason": _text(reason),
    })


def handed_off(code: str, at: datetime, officer: str, desk: int, step: int, *,
               from_role: str | None, to_role: str, to_name: str = "") -> dict[str, Any]:
    """The file leaves `from_role` for `to_role`, who will do `step`."""
    if not _text(to_role):
        raise CaseError(T.HANDOFF_NO_ROLE, field="to_role")
    if _text(from_role) == _text(to_role):
        raise CaseError(T.HANDOFF_SAME_ROLE.format(role=to_role), field="to_role")
    return _event(code, HANDED_OFF, at, officer, desk, {
        "step": _check_step(step), "from_role": _text(from_role) or None,
        "to_role": _text(to_role), "to_name": _text(to_name),
    })


def received(code: str, at: datetime, officer: str, desk: int, step: int,
             role: str) -> dict[str, Any]:
    """The file arrived at `role` (a scan at the other side)."""
    if not _text(role):
        raise CaseError(T.RECEIVED_NO_ROLE, field="role")
    return _event(code, RECEIVED, at, officer, desk,
                  {"step": _check_step(step), "role": _text(role)})


def waiting_applicant(code: str, at: datetime, officer: str, desk: int, step: int,
                      missing: Iterable[str], note: str = "") -> dict[str, Any]:
    """Berkas kurang: the clock pauses until the applicant brings `missing`."""
    items = _check_items(missing, "missing")
    if not items and not _text(note):
        raise CaseError(T.WAITING_NOTHING, field="missing")
    return _event(code, WAITING_APPLICANT, at, officer, desk,
                  {"step": _check_step(step), "missing": items, "note": _text(note)})


def resumed(code: str, at: datetime, officer: str, desk: int, step: int) -> dict[str, Any]:
    return _event(code, RESUMED, at, officer, desk, {"step": _check_step(step)})


def note(code: str, at: datetime, officer: str, desk: int, text: str) -> dict[str, Any]:
    if not _text(text):
        raise CaseError(T.NOTE_EMPTY, field="text")
    return _event(code, NOTE, at, officer, desk, {"text": _text(text)})


def printed(code: str, at: datetime, officer: str, desk: int, doc: str, *, ok: bool,
            printer: str | None = None, pdf: str | None = None,
            error: str = "") -> dict[str, Any]:
    """A print attempt and its result; a failed one is kept so it can be retried."""
    if doc not in DOCS:
        raise CaseError(T.DOC_UNKNOWN.format(value=doc, choices=", ".join(DOCS)), field="doc")
    if not isinstance(ok, bool):
        raise CaseError(T.PRINT_OK_BOOL, field="ok")
    return _event(code, PRINTED, at, officer, desk, {
        "doc": doc, "ok": ok, "printer": printer or None,
        "pdf": str(pdf) if pdf else None, "error": _text(error),
    })


def closed(code: str, at: datetime, officer: str, desk: int, outcome: str,
           reason: str = "") -> dict[str, Any]:
    """The end of the case; a refusal or cancellation must say why."""
    if outcome not in OUTCOMES:
        raise CaseError(T.OUTCOME_UNKNOWN.format(value=outcome, choices=", ".join(OUTCOMES)),
                        field="outcome")
    if outcome != "selesai" and not _text(reason):
        raise CaseError(T.CLOSE_REASON_REQUIRED.format(outcome=outcome), field="reason")
    return _event(code, CLOSED, at, officer, desk, {"outcome": outcome, "reason": _text(reason)})


# ---------------------------------------------------------------- SOP look-ups


def _step(sop: Sop | None, no: int | None) -> Step | None:
    if sop is None or no is None:
        return None
    return sop.find_step(no)


def _next_step(sop: Sop | None, no: int) -> Step | None:
    if sop is None:
        return None
    steps = list(sop.steps)
    for i, s in enumerate(steps):
        if s.no == no:
            return steps[i + 1] if i + 1 < len(steps) else None
    return next((s for s in steps if s.no > no), None)


def _pelaksana(sop: Sop | None, role: str | None):  # -> Pelaksana | None
    if sop is None or role is None:
        return None
    return sop.find_role(role)


def is_counter_role(sop: Sop | None, role: str | None) -> bool:
    p = _pelaksana(sop, role)
    return bool(p and p.loket)


def is_applicant_role(sop: Sop | None, role: str | None) -> bool:
    p = _pelaksana(sop, role)
    return bool(p and p.pemohon)


def intake_role(sop: Sop | None) -> str | None:
    """The role that takes the file in when a case is opened."""
    if sop is None or not sop.steps:
        return None
    first = sop.steps[0]
    for role in first.pelaksana:
        if is_counter_role(sop, role):
            return role
    counters = sop.counter_roles
    if counters:
        return counters[0]
    return next((r for r in first.pelaksana if not is_applicant_role(sop, r)), first.role)


def desk_role(sop: Sop | None, step: Step | None) -> str | None:
    """Where the file is during `step`: its first pelaksana that is not the applicant."""
    if step is None:
        return None
    for role in step.pelaksana:
        if not is_applicant_role(sop, role):
            return role
    return intake_role(sop)


def role_name(sop: Sop | None, role: str | None) -> str:
    if role is None:
        return ""
    p = _pelaksana(sop, role)
    return p.nama if p else role


def needs_hand_off(sop: Sop | None, from_role: str | None, to_role: str | None) -> bool:
    """Moving the file from `from_role` to `to_role` needs a hand-off slip and a receipt.

    True when `to_role` is a real desk (not the applicant), is not a counter role
    (the counter takes its files back by starting the step), and differs from the
    role holding the file now.
    """
    if to_role is None or to_role == from_role:
        return False
    return not is_counter_role(sop, to_role) and not is_applicant_role(sop, to_role)


def _resolve_role_step(sop: Sop | None, from_step: int, role: str) -> int | None:
    """A return naming only a role goes to that role's latest step before `from_step`."""
    if sop is None:
        return None
    before = [s for s in sop.steps if s.no < from_step and role in s.pelaksana]
    if before:
        return before[-1].no
    anywhere = [s for s in sop.steps if role in s.pelaksana]
    return anywhere[0].no if anywhere else None


# ---------------------------------------------------------------- fold


@dataclass
class _Run:
    step: int
    started_at: datetime
    officer: str
    role: str | None
    ended_at: datetime | None = None
    pauses: list[list[datetime | None]] = field(default_factory=list)
    outcome: str | None = None
    output: str = ""
    over_reason: str = ""
    received: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    ended_by: str = ""
    return_reason: str = ""
    returned_to: int | None = None
    handed_off_to: str | None = None
    handed_off_name: str = ""
    received_at: datetime | None = None
    received_by: str = ""
    received_role: str | None = None

    def freeze(self) -> StepRun:
        return StepRun(
            step=self.step, started_at=self.started_at, ended_at=self.ended_at,
            pauses=tuple((p[0], p[1]) for p in self.pauses if p[0] is not None),
            outcome=self.outcome, officer=self.officer, output=self.output,
            over_reason=self.over_reason, received=self.received, missing=self.missing,
            role=self.role, ended_by=self.ended_by, return_reason=self.return_reason,
            returned_to=self.returned_to, handed_off_to=self.handed_off_to,
            handed_off_name=self.handed_off_name, received_at=self.received_at,
            received_by=self.received_by, received_role=self.received_role,
        )


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

    def step_of(self, key: str = "step") -> int | None:
        value = self.ev.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.odd(T.ANOM_DATA.format(detail=key))
            return None
        return value

    def open_run(self) -> _Run | None:
        for run in reversed(self.runs):
            if run.ended_at is None:
                return run
        return None

    def latest_run(self, step: int) -> _Run | None:
        for run in reversed(self.runs):
            if run.step == step:
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
        end = self.at_not_before(run.started_at)
        if run.pauses and run.pauses[-1][1] is None:
            run.pauses[-1][1] = max(end, run.pauses[-1][0])  # type: ignore[type-var]
        if self.status is Status.MENUNGGU_PEMOHON:
            self.status = self.before_wait
            self.waiting_missing, self.waiting_note = (), ""
        run.ended_at = end
        run.outcome = outcome
        run.ended_by = self.ev.officer

    def start_run(self, step: int, role: str | None, at: datetime | None = None) -> _Run:
        """Begin a run of `step`, reusing an open run of the same step."""
        current = self.open_run()
        if current is not None and current.step == step:
            return current
        if current is not None:
            self.odd(T.ANOM_SKIPPED.format(step=current.step, other=step))
            self.end_run(current, RUN_DILEWATI)
        run = _Run(step=step, started_at=at or self.ev.at, officer=self.ev.officer, role=role)
        self.runs.append(run)
        return run

    def implicit_start(self) -> datetime:
        """A step finished without a 'step_started' began when the previous run ended."""
        if self.open_run() is not None:
            return self.ev.at
        ended = [r.ended_at for r in self.runs if r.ended_at is not None]
        return min(max(ended, default=self.first.at), self.ev.at)

    def run_for_ending(self, step: int, outcome: str) -> _Run | None:
        current = self.open_run()
        if current is not None and current.step == step:
            return current
        ended = [r for r in self.runs if r.ended_at is not None]
        if ended and ended[-1].step == step and ended[-1].outcome == outcome:
            self.odd(T.ANOM_DUPLICATE.format(step=step, outcome=outcome))
            return None
        start = self.implicit_start()
        return self.start_run(step, desk_role(self.sop, _step(self.sop, step)), start)

    def check_step(self, step: int) -> None:
        if self.sop is not None and _step(self.sop, step) is None:
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
        getattr(self, "on_" + ev.type)()

    def on_step_started(self) -> None:
        step = self.step_of()
        if step is None:
            return
        self.check_step(step)
        role = desk_role(self.sop, _step(self.sop, step))
        self.start_run(step, role)
        self.current_step = step
        if is_counter_role(self.sop, role) or self.holder is None:
            self.set_holder(role)

    def on_kelengkapan_checked(self) -> None:
        step = self.step_of()
        if step is None:
            return
        got = tuple(str(x) for x in self.ev.data.get("received") or ())
        missing = tuple(str(x) for x in self.ev.data.get("missing") or ())
        self.kelengkapan[step] = got
        run = self.latest_run(step)
        if run is not None:
            run.received, run.missing = got, missing

    def on_step_completed(self) -> None:
        step = self.step_of()
        if step is None:
            return
        self.check_step(step)
        run = self.run_for_ending(step, RUN_SELESAI)
        if run is None:
            return
        self.end_run(run, RUN_SELESAI)
        run.output = str(self.ev.data.get("output") or "")
        if self.status is Status.MENUNGGU_PELAKSANA:
            self.status = Status.BERJALAN  # recorded done: the wait is over
        nxt = _next_step(self.sop, step)
        self.current_step = nxt.no if nxt else None

    def on_over_reason(self) -> None:
        step = self.step_of()
        if step is None:
            return
        reason = str(self.ev.data.get("reason") or "")
        self.over_reasons[step] = reason
        run = self.latest_run(step)
        if run is not None:
            run.over_reason = reason

    def on_step_returned(self) -> None:
        step = self.step_of()
        if step is None:
            return
        self.check_step(step)
        to_step = self.ev.data.get("to_step")
        to_role = self.ev.data.get("to_role") or None
        if to_step is not None and not isinstance(to_step, int):
            self.odd(T.ANOM_DATA.format(detail="to_step"))
            to_step = None
        if to_step is None and to_role is not None:
            to_step = _resolve_role_step(self.sop, step, to_role)
        if to_step is None:
            to_step = step
        if to_role is None:
            to_role = desk_role(self.sop, _step(self.sop, to_step))
        run = self.run_for_ending(step, RUN_DIKEMBALIKAN)
        if run is None:
            return
        self.end_run(run, RUN_DIKEMBALIKAN)
        run.return_reason = str(self.ev.data.get("reason") or "")
        run.returned_to = to_step
        if self.status is Status.MENUNGGU_PELAKSANA:
            self.status = Status.BERJALAN
        self.runs.append(_Run(step=to_step, started_at=run.ended_at or self.ev.at,
                              officer=self.ev.officer, role=to_role))
        self.current_step = to_step
        self.set_holder(to_role)

    def step_and_role(self, key: str) -> tuple[int, str] | None:
        """The event's step and the role named in `data[key]`; odd when the role is missing."""
        step, role = self.step_of(), self.ev.data.get(key)
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
        run.role = to_role
        run.handed_off_to = to_role
        run.handed_off_name = str(self.ev.data.get("to_name") or "")
        run.received_at, run.received_by, run.received_role = None, "", None
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
        if run.received_at is None:
            run.received_at = self.at_not_before(run.started_at)
            run.received_by = self.ev.officer
            run.received_role = role
        self.current_step = step
        self.set_holder(role)
        if self.status is Status.MENUNGGU_PEMOHON:
            self.before_wait = Status.BERJALAN
        else:
            self.status = Status.BERJALAN

    def on_waiting_applicant(self) -> None:
        step = self.step_of()
        if step is None:
            return
        if self.status is Status.MENUNGGU_PEMOHON:
            self.odd(T.ANOM_ALREADY_WAITING)
            return
        self.check_step(step)
        current = self.open_run()
        if current is not None and current.step == step:
            run = current
        else:
            run = self.start_run(step, desk_role(self.sop, _step(self.sop, step)),
                                 self.implicit_start())
            self.current_step = step
        run.pauses.append([self.at_not_before(run.started_at), None])
        self.before_wait = self.status
        self.status = Status.MENUNGGU_PEMOHON
        self.waiting_missing = tuple(str(x) for x in self.ev.data.get("missing") or ())
        self.waiting_note = str(self.ev.data.get("note") or "")

    def on_resumed(self) -> None:
        if self.status is not Status.MENUNGGU_PEMOHON:
            self.odd(T.ANOM_NOT_WAITING)
            return
        for run in reversed(self.runs):
            if run.pauses and run.pauses[-1][1] is None:
                run.pauses[-1][1] = max(self.ev.at, run.pauses[-1][0])  # type: ignore[type-var]
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
        status = _CLOSE_STATUS.get(str(outcome))
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
            holder_since=self.holder_since, runs=tuple(r.freeze() for r in self.runs),
            closed_at=self.closed_at, outcome=self.outcome, close_reason=self.close_reason,
            notes=tuple(self.notes), prints=tuple(self.prints),
            kelengkapan=dict(self.kelengkapan), over_reasons=dict(self.over_reasons),
            waiting_missing=self.waiting_missing, waiting_note=self.waiting_note,
            anomalies=tuple(self.anomalies), events=tuple(events), last_at=self.last_at,
        )


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


# ---------------------------------------------------------------- decisions for the screens


class Action(StrEnum):
    """What an officer can do to a case; labels in `texts.case.ACTIONS`."""

    MULAI = "mulai"
    SELESAI_LANGKAH = "selesai_langkah"
    KEMBALIKAN = "kembalikan"
    TERIMA = "terima"
    TUNGGU_PEMOHON = "tunggu_pemohon"
    LANJUT = "lanjut"
    TUTUP = "tutup"
    CATAT = "catat"
    CETAK = "cetak"

    @property
    def label(self) -> str:
        return T.ACTIONS[self.value]


@dataclass(frozen=True)
class ReturnTarget:
    """A "tidak" branch of a decision step, resolved to a step and a role."""

    syarat: str
    step: int
    role: str | None
    label: str


@dataclass(frozen=True)
class HandOff:
    """Completing the current step sends the file to `to_role` for `step`."""

    step: int
    from_role: str | None
    to_role: str
    to_role_name: str


@dataclass(frozen=True)
class NextAction:
    """What the counter screen shows for a case: the default action and the options."""

    action: Action | None  # the default (highlighted) action; None when closed
    allowed: frozenset[Action]
    step: Step | None  # the current step
    role: str | None  # its desk role
    next_step: Step | None  # the step after it
    hand_off: HandOff | None  # completing now hands the file off
    is_last: bool  # completing now finishes the SOP's steps
    returns: tuple[ReturnTarget, ...]  # where a "tidak" decision can send it


def _require_sop(state: CaseState, sop: Sop | None) -> Sop:
    if sop is None:
        raise CaseError(T.NO_SOP.format(sop_id=state.sop_id), field="sop_id")
    return sop


def return_targets(state: CaseState, sop: Sop | None,
                   step_no: int | None = None) -> tuple[ReturnTarget, ...]:
    """The `kembali` branches of the (current) step, each resolved to step + role."""
    step = _step(sop, state.current_step if step_no is None else step_no)
    if step is None:
        return ()
    out: list[ReturnTarget] = []
    for k in step.kembali:
        target = _resolve_kembali(sop, step, k)
        if target is None:
            continue
        to_step, role = target
        text = T.RETURN_TARGET.format(step=to_step, role=role_name(sop, role) or "-")
        if k.syarat:
            text = T.RETURN_TARGET_WITH_SYARAT.format(syarat=k.syarat, step=to_step,
                                                      role=role_name(sop, role) or "-")
        out.append(ReturnTarget(syarat=k.syarat, step=to_step, role=role, label=text))
    return tuple(out)


def _resolve_kembali(sop: Sop | None, step: Step, k: Kembali) -> tuple[int, str | None] | None:
    if k.ke_langkah is not None:
        target = _step(sop, k.ke_langkah)
        return k.ke_langkah, k.ke_pelaksana or desk_role(sop, target)
    if k.ke_pelaksana:
        to_step = _resolve_role_step(sop, step.no, k.ke_pelaksana)
        return (to_step if to_step is not None else step.no), k.ke_pelaksana
    return None


def hand_off_after(state: CaseState, sop: Sop | None) -> HandOff | None:
    """The hand-off that completing the current step implies, if any (see module doc)."""
    if state.current_step is None:
        return None
    nxt = _next_step(sop, state.current_step)
    to_role = desk_role(sop, nxt)
    if nxt is None or to_role is None or not needs_hand_off(sop, state.holder_role, to_role):
        return None
    return HandOff(step=nxt.no, from_role=state.holder_role, to_role=to_role,
                   to_role_name=role_name(sop, to_role))


def allowed_actions(state: CaseState, sop: Sop | None) -> frozenset[Action]:
    """Every action that fits the case now; `require` explains the others."""
    always = {Action.CATAT, Action.CETAK}
    if state.closed:
        return frozenset(always)
    acts = always | {Action.TUTUP}
    if state.status is Status.MENUNGGU_PEMOHON:
        return frozenset(acts | {Action.LANJUT})
    if sop is None or state.current_step is None:
        return frozenset(acts)
    step = _step(sop, state.current_step)
    run = state.current_run
    running = run is not None and run.step == state.current_step
    if state.status is Status.MENUNGGU_PELAKSANA:
        # The other desk may confirm receipt, or the counter records its result
        # when the file comes back.
        acts |= {Action.TERIMA, Action.SELESAI_LANGKAH}
    elif running:
        acts |= {Action.SELESAI_LANGKAH, Action.TUNGGU_PEMOHON}
    else:
        acts |= {Action.MULAI, Action.TUNGGU_PEMOHON}
    if step is not None and step.is_decision and (running or
                                                  state.status is Status.MENUNGGU_PELAKSANA):
        acts.add(Action.KEMBALIKAN)
    return frozenset(acts)


def require(state: CaseState, sop: Sop | None, action: Action) -> None:
    """Raise `CaseError` (Indonesian) saying why `action` does not fit now."""
    if action in allowed_actions(state, sop):
        return
    what = action.label.lower()
    holder = role_name(sop, state.holder_role)
    if state.closed:
        raise CaseError(T.CLOSED.format(status=state.status.label(holder), action=what),
                        field="status")
    if action is Action.KEMBALIKAN and state.current_step is not None and sop is not None:
        raise CaseError(T.NOT_DECISION.format(step=state.current_step), field="step")
    if state.current_step is None and state.status is Status.BERJALAN and sop is not None:
        raise CaseError(T.NO_CURRENT_STEP.format(action=what), field="step")
    if sop is None:
        raise CaseError(T.NO_SOP.format(sop_id=state.sop_id), field="sop_id")
    raise CaseError(T.NOT_ALLOWED.format(action=what, status=state.status.label(holder)),
                    field="status")


def next_action(state: CaseState, sop: Sop | None) -> NextAction:
    """The counter screen's view of a case: what to do next and what completing means."""
    allowed = allowed_actions(state, sop)
    step = None if state.closed else _step(sop, state.current_step)
    nxt = _next_step(sop, step.no) if step is not None else None
    if state.closed:
        action = None
    elif state.status is Status.MENUNGGU_PEMOHON:
        action = Action.LANJUT
    elif state.status is Status.MENUNGGU_PELAKSANA:
        action = Action.TERIMA
    elif Action.SELESAI_LANGKAH in allowed:
        action = Action.SELESAI_LANGKAH
    elif Action.MULAI in allowed:
        action = Action.MULAI
    else:
        action = Action.TUTUP
    return NextAction(
        action=action, allowed=allowed, step=step, role=desk_role(sop, step),
        next_step=nxt, hand_off=None if step is None else hand_off_after(state, sop),
        is_last=step is not None and nxt is None,
        returns=return_targets(state, sop) if Action.KEMBALIKAN in allowed else (),
    )


def status_text(state: CaseState, sop: Sop | None) -> str:
    """'berjalan', 'menunggu Kepala Bidang', …, with the role's display name."""
    return state.status.label(role_name(sop, state.holder_role))


# Plans: the events an action appends, checked against the state. The screens
# append them in order (store.append each) and fold again.

def plan_start(state: CaseState, sop: Sop | None, at: datetime, officer: str, desk: int,
               to_name: str = "") -> list[dict[str, Any]]:
    """Start the current step; a step of another (non-counter) desk is handed off instead."""
    require(state, sop, Action.MULAI)
    s = _require_sop(state, sop)
    no = state.current_step
    assert no is not None  # guaranteed by MULAI
    role = desk_role(s, _step(s, no))
    if needs_hand_off(s, state.holder_role, role):
        return [handed_off(state.code, at, officer, desk, no, from_role=state.holder_role,
                           to_role=role or "", to_name=to_name)]
    return [step_started(state.code, at, officer, desk, no)]


def plan_complete(state: CaseState, sop: Sop | None, at: datetime, officer: str, desk: int,
                  output: str = "", to_name: str = "",
                  start_next: bool = True) -> list[dict[str, Any]]:
    """Complete the current step, then hand off to the next desk or start the next step.

    After the last step nothing more is appended: the screen offers `TUTUP`.
    """
    require(state, sop, Action.SELESAI_LANGKAH)
    s = _require_sop(state, sop)
    no = state.current_step
    assert no is not None
    events = [step_completed(state.code, at, officer, desk, no, output)]
    ho = hand_off_after(state, s)
    nxt = _next_step(s, no)
    if ho is not None:
        events.append(handed_off(state.code, at, officer, desk, ho.step,
                                 from_role=ho.from_role, to_role=ho.to_role, to_name=to_name))
    elif nxt is not None and start_next:
        events.append(step_started(state.code, at, officer, desk, nxt.no))
    return events


def plan_return(state: CaseState, sop: Sop | None, target: ReturnTarget, reason: str,
                at: datetime, officer: str, desk: int,
                to_name: str = "") -> list[dict[str, Any]]:
    """A "tidak" decision: back to `target` (one of `return_targets`), handing off if needed."""
    require(state, sop, Action.KEMBALIKAN)
    s = _require_sop(state, sop)
    no = state.current_step
    assert no is not None
    if target not in return_targets(state, s):
        raise CaseError(T.UNKNOWN_TARGET.format(step=no), field="to_step")
    events = [step_returned(state.code, at, officer, desk, no, to_step=target.step,
                            to_role=target.role, reason=reason)]
    if needs_hand_off(s, state.holder_role, target.role):
        events.append(handed_off(state.code, at, officer, desk, target.step,
                                 from_role=state.holder_role, to_role=target.role or "",
                                 to_name=to_name))
    return events


def plan_receive(state: CaseState, sop: Sop | None, at: datetime, officer: str, desk: int,
                 role: str | None = None) -> list[dict[str, Any]]:
    """Confirm the handed-off file arrived (default: at the role it was sent to)."""
    require(state, sop, Action.TERIMA)
    assert state.current_step is not None
    return [received(state.code, at, officer, desk, state.current_step,
                     role or state.holder_role or "")]


def plan_wait(state: CaseState, sop: Sop | None, missing: Iterable[str], note_text: str,
              at: datetime, officer: str, desk: int) -> list[dict[str, Any]]:
    """Berkas kurang: pause the clock until the applicant comes back."""
    require(state, sop, Action.TUNGGU_PEMOHON)
    assert state.current_step is not None
    return [waiting_applicant(state.code, at, officer, desk, state.current_step, missing,
                              note_text)]


def plan_resume(state: CaseState, sop: Sop | None, at: datetime, officer: str,
                desk: int) -> list[dict[str, Any]]:
    require(state, sop, Action.LANJUT)
    run = state.current_run
    step = run.step if run is not None else state.current_step
    return [resumed(state.code, at, officer, desk, step or 1)]


def plan_close(state: CaseState, sop: Sop | None, outcome: str, reason: str, at: datetime,
               officer: str, desk: int, output: str = "") -> list[dict[str, Any]]:
    """Close the case. 'selesai' needs every step done; a pending last step is completed."""
    require(state, sop, Action.TUTUP)
    event = closed(state.code, at, officer, desk, outcome, reason)
    if outcome != "selesai" or state.current_step is None:
        return [event]
    is_last = _next_step(sop, state.current_step) is None and sop is not None
    if is_last and state.status in (Status.BERJALAN, Status.MENUNGGU_PELAKSANA):
        return [step_completed(state.code, at, officer, desk, state.current_step, output),
                event]
    raise CaseError(T.SELESAI_PENDING.format(step=state.current_step), field="outcome")


def apply(state: CaseState, sop: Sop | None, new_events: Iterable[Mapping[str, Any]]
          ) -> CaseState:
    """Fold `new_events` onto a state (previews, tests); the store gives the real seq."""
    combined = [*state.events, *new_events]
    return fold([dict(ev, seq=i) if not isinstance(ev.get("seq"), int) else ev
                 for i, ev in enumerate(combined)], sop)

