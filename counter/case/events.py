"""The constructors of case events (`opened`, `step_started`, … `closed`).

They are the only place event dicts are built; they tidy and check their inputs,
so a malformed fact never reaches the store. The vocabulary and the typed
definitions they build from are in `counter.case.event_data`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from counter.case.event_data import (
    CORRECTABLE,
    Closed,
    ConflictResolved,
    DataCorrected,
    DataRedacted,
    HandedOff,
    KelengkapanChecked,
    NikRevealed,
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
from counter.case.schema import EventData, SchemaError, make_event
from counter.texts import case as T
from counter.visitor import Visitor, make_visitor

# ---------------------------------------------------------------- constructors


def _step(step: object, name: str = "step") -> int:
    if isinstance(step, bool) or not isinstance(step, int) or step < 1:
        raise SchemaError(T.STEP_NUMBER.format(value=step), field=name)
    return step


def _items(items: Iterable[str] | None, name: str) -> tuple[str, ...]:
    out: list[str] = []
    for item in items or ():
        if not isinstance(item, str):
            raise SchemaError(T.ITEMS_NOT_TEXT, field=name)
        if item.strip():
            out.append(item.strip())
    return tuple(out)


def _text(value: str | None) -> str:
    return (value or "").strip()


def _event(code: str, at: datetime, officer: str, desk: int, data: EventData) -> dict[str, Any]:
    return make_event(code, at, officer, desk, data).to_json()


def opened(code: str, at: datetime, officer: str, desk: int, sop_id: str,
           visitor: Visitor | Mapping[str, str], sop_versi: int | None = None,
           ) -> dict[str, Any]:
    """A new case for `visitor` under SOP `sop_id`; the visitor is (re)validated.

    `sop_versi` is the SOP version the case begins with: it is timed against that
    version to its end, whatever the office changes meanwhile."""
    if not isinstance(sop_id, str) or not sop_id.strip():
        raise SchemaError(T.SOP_ID_EMPTY, field="sop_id")
    fields = visitor.as_dict() if isinstance(visitor, Visitor) else dict(visitor)
    v = make_visitor(**{k: fields.get(k, "") for k in
                        ("nama", "nik", "telepon", "nama_usaha", "alamat")})
    return _event(code, at, officer, desk, Opened(sop_id=sop_id.strip(), visitor=v,
                                                  sop_versi=sop_versi))


def step_started(code: str, at: datetime, officer: str, desk: int,
                 step: int) -> dict[str, Any]:
    return _event(code, at, officer, desk, StepStarted(_step(step)))


def kelengkapan_checked(code: str, at: datetime, officer: str, desk: int, step: int,
                        received: Iterable[str], missing: Iterable[str] = ()) -> dict[str, Any]:
    return _event(code, at, officer, desk, KelengkapanChecked(
        _step(step), _items(received, "received"), _items(missing, "missing")))


def step_completed(code: str, at: datetime, officer: str, desk: int, step: int,
                   output: str = "") -> dict[str, Any]:
    return _event(code, at, officer, desk, StepCompleted(_step(step), _text(output)))


def over_reason(code: str, at: datetime, officer: str, desk: int, step: int,
                reason: str) -> dict[str, Any]:
    return _event(code, at, officer, desk, OverReason(_step(step), _text(reason)))


def step_returned(code: str, at: datetime, officer: str, desk: int, step: int, *,
                  to_step: int | None = None, to_role: str | None = None,
                  reason: str) -> dict[str, Any]:
    """A "tidak" decision: the file goes back to `to_step` and/or `to_role`."""
    return _event(code, at, officer, desk, StepReturned(
        _step(step), None if to_step is None else _step(to_step, "to_step"),
        _text(to_role) or None, _text(reason)))


def handed_off(code: str, at: datetime, officer: str, desk: int, step: int, *,
               from_role: str | None, to_role: str, to_name: str = "") -> dict[str, Any]:
    """The file leaves `from_role` for `to_role`, who will do `step`."""
    return _event(code, at, officer, desk, HandedOff(
        _step(step), _text(to_role), _text(from_role) or None, _text(to_name)))


def received(code: str, at: datetime, officer: str, desk: int, step: int,
             role: str) -> dict[str, Any]:
    """The file arrived at `role` (a scan at the other side)."""
    return _event(code, at, officer, desk, Received(_step(step), _text(role)))


def waiting_applicant(code: str, at: datetime, officer: str, desk: int, step: int,
                      missing: Iterable[str], note: str = "") -> dict[str, Any]:
    """Berkas kurang: the clock pauses until the applicant brings `missing`."""
    return _event(code, at, officer, desk, WaitingApplicant(
        _step(step), _items(missing, "missing"), _text(note)))


def resumed(code: str, at: datetime, officer: str, desk: int, step: int) -> dict[str, Any]:
    return _event(code, at, officer, desk, Resumed(_step(step)))


def note(code: str, at: datetime, officer: str, desk: int, text: str) -> dict[str, Any]:
    return _event(code, at, officer, desk, NoteAdded(_text(text)))


def nik_revealed(code: str, at: datetime, officer: str, desk: int,
                 where: str = "") -> dict[str, Any]:
    return _event(code, at, officer, desk, NikRevealed(_text(where)))


def data_redacted(code: str, at: datetime, officer: str, desk: int,
                  fields: Iterable[str], before: str = "", reason: str = "") -> dict[str, Any]:
    return _event(code, at, officer, desk, DataRedacted(
        _items(fields, "fields"), _text(before), _text(reason)))


def data_corrected(code: str, at: datetime, officer: str, desk: int, field: str,
                   value: str, reason: str = "") -> dict[str, Any]:
    """A correction; the value is checked as the visitor form checks it (NIK, phone)."""
    if field not in CORRECTABLE:
        raise SchemaError(T.CORRECT_FIELD.format(value=field, choices=", ".join(CORRECTABLE)),
                          field="field")
    checked = getattr(make_visitor(nama="x", **{field: value}) if field != "nama"
                      else make_visitor(nama=value), field)
    return _event(code, at, officer, desk, DataCorrected(field, checked, _text(reason)))


def conflict_resolved(code: str, at: datetime, officer: str, desk: int, fork: str,
                      note_text: str) -> dict[str, Any]:
    return _event(code, at, officer, desk, ConflictResolved(_text(fork), _text(note_text)))


def printed(code: str, at: datetime, officer: str, desk: int, doc: str, *, ok: bool,
            printer: str | None = None, pdf: str | None = None,
            error: str = "") -> dict[str, Any]:
    """A print attempt and its result; a failed one is kept so it can be retried."""
    if not isinstance(ok, bool):
        raise SchemaError(T.PRINT_OK_BOOL, field="ok")
    return _event(code, at, officer, desk, Printed(
        doc=doc, ok=ok, printer=printer or None, pdf=str(pdf) if pdf else None,
        error=_text(error)))


def closed(code: str, at: datetime, officer: str, desk: int, outcome: str,
           reason: str = "") -> dict[str, Any]:
    """The end of the case; a refusal or cancellation must say why."""
    return _event(code, at, officer, desk, Closed(outcome=outcome, reason=_text(reason)))


def reopened(code: str, at: datetime, officer: str, desk: int, step: int,
             reason: str) -> dict[str, Any]:
    """A closed case opened again at `step` (a supervisor's act)."""
    return _event(code, at, officer, desk, Reopened(_step(step), _text(reason)))
