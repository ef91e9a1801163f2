"""The vocabulary of case events and the constructors that make them.

The constructors (`opened`, `step_started`, … `closed`) are the only place event
dicts are built; they check their inputs so a malformed fact never reaches the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from counter.errors import CaseError
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

