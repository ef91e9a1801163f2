"""The vocabulary of case events and their typed definitions.

Each event type's `data` is one frozen dataclass registered in `counter.case.schema`
(its fields are the schema, its `check()` the rules), used both when an event is
made and when it is read back (`counter.case.fold`). The constructors that build
event dicts from them are in `counter.case.events`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counter.case.schema import EventData, SchemaError, event_type
from counter.texts import case as T
from counter.visitor import Visitor

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
CONFLICT_RESOLVED = "conflict_resolved"
PRINTED = "printed"
CLOSED = "closed"
NIK_REVEALED = "nik_revealed"  # an audit fact: who saw the full NIK, when (the fold skips it)
# Personal data lifecycle (UU 27/2022): a purge at the end of retention, a correction asked
# for by the visitor. Neither changes the case's status or timings.
DATA_REDACTED = "data_redacted"
DATA_CORRECTED = "data_corrected"
REOPENED = "reopened"  # a supervisor reopened a closed case
EVENT_TYPES = (
    OPENED, STEP_STARTED, KELENGKAPAN_CHECKED, STEP_COMPLETED, OVER_REASON, STEP_RETURNED,
    HANDED_OFF, RECEIVED, WAITING_APPLICANT, RESUMED, NOTE, PRINTED, CLOSED, CONFLICT_RESOLVED,
    NIK_REVEALED, DATA_REDACTED, DATA_CORRECTED, REOPENED,
)
# Events that stay meaningful after a case is closed (a late remark, a reprint, a look).
AFTER_CLOSE_OK = frozenset({NOTE, PRINTED, CONFLICT_RESOLVED, NIK_REVEALED, DATA_REDACTED,
                            DATA_CORRECTED})
# The visitor's fields a correction may change; a purge removes nik, telepon, alamat.
CORRECTABLE = ("nama", "nik", "telepon", "nama_usaha", "alamat")

OUTCOMES = ("selesai", "ditolak", "dibatalkan")
DOCS = ("tanda-terima", "serah-terima", "berkas-kurang", "pengembalian")

# Outcomes of a step run.
RUN_SELESAI = "selesai"
RUN_DIKEMBALIKAN = "dikembalikan"
RUN_DITUTUP = "ditutup"
RUN_DILEWATI = "dilewati"  # left open when another step began (odd history)


# ---------------------------------------------------------------- typed definitions


def _step_ok(step: int, name: str = "step") -> None:
    if isinstance(step, bool) or not isinstance(step, int) or step < 1:
        raise SchemaError(T.STEP_NUMBER.format(value=step), field=name)


def _required(text: str | None, message: str, name: str) -> None:
    if not (text or "").strip():
        raise SchemaError(message, field=name)


@event_type(OPENED)
@dataclass(frozen=True)
class Opened(EventData):
    sop_id: str
    visitor: Visitor
    sop_versi: int | None = None  # the SOP version the case is timed against

    def check(self) -> None:
        _required(self.sop_id, T.SOP_ID_EMPTY, "sop_id")
        if self.sop_versi is not None and (isinstance(self.sop_versi, bool)
                                           or self.sop_versi < 1):
            raise SchemaError(T.STEP_NUMBER.format(value=self.sop_versi), field="sop_versi")

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        if data.get("sop_versi") is None:
            data.pop("sop_versi", None)  # events of unversioned cases stay as they were
        return data


@event_type(STEP_STARTED)
@dataclass(frozen=True)
class StepStarted(EventData):
    step: int

    def check(self) -> None:
        _step_ok(self.step)


@event_type(KELENGKAPAN_CHECKED)
@dataclass(frozen=True)
class KelengkapanChecked(EventData):
    step: int
    received: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    def check(self) -> None:
        _step_ok(self.step)


@event_type(STEP_COMPLETED)
@dataclass(frozen=True)
class StepCompleted(EventData):
    step: int
    output: str = ""

    def check(self) -> None:
        _step_ok(self.step)


@event_type(OVER_REASON)
@dataclass(frozen=True)
class OverReason(EventData):
    """Why a step ran over its mutu baku."""

    step: int
    reason: str

    def check(self) -> None:
        _step_ok(self.step)
        _required(self.reason, T.OVER_REASON_EMPTY, "reason")


@event_type(STEP_RETURNED)
@dataclass(frozen=True)
class StepReturned(EventData):
    """A "tidak" decision: the file goes back to `to_step` and/or `to_role`."""

    step: int
    to_step: int | None = None
    to_role: str | None = None
    reason: str = ""

    def check(self) -> None:
        _step_ok(self.step)
        if self.to_step is None and not (self.to_role or "").strip():
            raise SchemaError(T.RETURN_NO_TARGET, field="to_step")
        if self.to_step is not None:
            _step_ok(self.to_step, "to_step")
        _required(self.reason, T.RETURN_REASON_REQUIRED, "reason")


@event_type(HANDED_OFF)
@dataclass(frozen=True)
class HandedOff(EventData):
    """The file leaves `from_role` for `to_role`, who will do `step`."""

    step: int
    to_role: str
    from_role: str | None = None
    to_name: str = ""

    def check(self) -> None:
        _step_ok(self.step)
        _required(self.to_role, T.HANDOFF_NO_ROLE, "to_role")
        if (self.from_role or "").strip() == self.to_role.strip():
            raise SchemaError(T.HANDOFF_SAME_ROLE.format(role=self.to_role), field="to_role")


@event_type(RECEIVED)
@dataclass(frozen=True)
class Received(EventData):
    """The file arrived at `role` (a scan at the other side)."""

    step: int
    role: str

    def check(self) -> None:
        _step_ok(self.step)
        _required(self.role, T.RECEIVED_NO_ROLE, "role")


@event_type(WAITING_APPLICANT)
@dataclass(frozen=True)
class WaitingApplicant(EventData):
    """Berkas kurang: the clock pauses until the applicant brings `missing`."""

    step: int
    missing: tuple[str, ...] = ()
    note: str = ""

    def check(self) -> None:
        _step_ok(self.step)
        if not self.missing and not self.note.strip():
            raise SchemaError(T.WAITING_NOTHING, field="missing")


@event_type(RESUMED)
@dataclass(frozen=True)
class Resumed(EventData):
    step: int

    def check(self) -> None:
        _step_ok(self.step)


@event_type(NOTE)
@dataclass(frozen=True)
class NoteAdded(EventData):
    text: str

    def check(self) -> None:
        _required(self.text, T.NOTE_EMPTY, "text")


@event_type(NIK_REVEALED)
@dataclass(frozen=True)
class NikRevealed(EventData):
    """The officer (the envelope's `officer`, `desk`, `at`) showed the full NIK on screen,
    e.g. to type it into another system; `where` is the screen it was shown on."""

    where: str = ""


@event_type(DATA_REDACTED)
@dataclass(frozen=True)
class DataRedacted(EventData):
    """The case's `fields` (NIK, phone, address) were removed from the store at the end
    of retention; the store takes them out of every event of the case in the same write
    (see counter.chain), so this fact is all that is left of them."""

    fields: tuple[str, ...]
    before: str = ""  # the cut-off date asked for (cases closed before it)
    reason: str = ""


@event_type(DATA_CORRECTED)
@dataclass(frozen=True)
class DataCorrected(EventData):
    """The visitor asked for `field` to be corrected to `value` (checked when made; ""
    once a purge removed it)."""

    field: str
    value: str = ""
    reason: str = ""

    def check(self) -> None:
        if self.field not in CORRECTABLE:
            raise SchemaError(T.CORRECT_FIELD.format(value=self.field,
                                                     choices=", ".join(CORRECTABLE)),
                              field="field")


@event_type(CONFLICT_RESOLVED)
@dataclass(frozen=True)
class ConflictResolved(EventData):
    """A supervisor settled a fork (two desks acted on the same `fork` event while apart,
    see counter.sync.order): both actions stay; this records that someone looked."""

    fork: str
    note: str

    def check(self) -> None:
        _required(self.fork, T.CONFLICT_FORK_EMPTY, "fork")
        _required(self.note, T.CONFLICT_NOTE_EMPTY, "note")


@event_type(PRINTED)
@dataclass(frozen=True)
class Printed(EventData):
    """A print attempt and its result; a failed one is kept so it can be retried."""

    doc: str
    ok: bool
    printer: str | None = None
    pdf: str | None = None
    error: str = ""

    def check(self) -> None:
        if self.doc not in DOCS:
            raise SchemaError(T.DOC_UNKNOWN.format(value=self.doc, choices=", ".join(DOCS)),
                              field="doc")


@event_type(CLOSED)
@dataclass(frozen=True)
class Closed(EventData):
    """The end of the case; a refusal or cancellation must say why."""

    outcome: str
    reason: str = ""

    def check(self) -> None:
        if self.outcome not in OUTCOMES:
            raise SchemaError(T.OUTCOME_UNKNOWN.format(value=self.outcome,
                                                       choices=", ".join(OUTCOMES)),
                              field="outcome")
        if self.outcome != "selesai":
            _required(self.reason, T.CLOSE_REASON_REQUIRED.format(outcome=self.outcome),
                      "reason")


@event_type(REOPENED)
@dataclass(frozen=True)
class Reopened(EventData):
    """A supervisor reopened a closed case (a mistaken close): the case goes on at
    `step`, and the reason says why."""

    step: int
    reason: str

    def check(self) -> None:
        _step_ok(self.step)
        _required(self.reason, T.REOPEN_REASON_REQUIRED, "reason")
