"""The auditor's listing: sensitive acts from the case events and the office records.

Who revealed which NIK, who cancelled or reopened a case, who settled a conflict,
who purged or corrected personal data, and who changed settings or accounts or
failed to sign in: one row each, oldest first. A NIK never appears whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from counter.audit import records as R
from counter.codes import human
from counter.texts import audit as T
from counter.visitor import mask_nik

NIK_REVEALED = "nik_revealed"
CLOSED = "closed"
REOPENED = "reopened"
CONFLICT_RESOLVED = "conflict_resolved"
# Written by the personal-data lifecycle (`loket data …`); listed by name.
DATA_REDACTED = "data_redacted"
DATA_CORRECTED = "data_corrected"
CASE_TYPES = (NIK_REVEALED, CLOSED, REOPENED, CONFLICT_RESOLVED, DATA_REDACTED, DATA_CORRECTED)

CASE_LABELS = {
    NIK_REVEALED: T.ACT_NIK_REVEALED,
    CLOSED: T.ACT_CANCELLED,
    REOPENED: T.ACT_REOPENED,
    CONFLICT_RESOLVED: T.ACT_CONFLICT_RESOLVED,
    DATA_REDACTED: T.ACT_DATA_REDACTED,
    DATA_CORRECTED: T.ACT_DATA_CORRECTED,
}
OFFICE_LABELS = {
    R.SIGNIN_FAILED: T.ACT_SIGNIN_FAILED,
    R.ACCOUNT_LOCKED: T.ACT_ACCOUNT_LOCKED,
    R.LOCK_LIFTED: T.ACT_LOCK_LIFTED,
    R.SETTINGS_CHANGED: T.ACT_SETTINGS_CHANGED,
    R.ACCOUNT_ADDED: T.ACT_ACCOUNT_ADDED,
    R.ACCOUNT_CHANGED: T.ACT_ACCOUNT_CHANGED,
    R.ACCOUNT_DISABLED: T.ACT_ACCOUNT_DISABLED,
    R.PIN_RESET: T.ACT_PIN_RESET,
    R.PIN_CHANGED: T.ACT_PIN_CHANGED,
    R.CHAIN_ACCEPTED: T.ACT_CHAIN_ACCEPTED,
    R.SUPERVISOR_APPROVED: T.ACT_SUPERVISOR_APPROVED,
}
_NIK_LIKE = re.compile(r"\d{16}")


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    officer: str
    desk: int
    act: str  # what was done, in words
    code: str = ""  # the case (human form), for a case act
    detail: str = ""  # NIKs masked


def _masked(text: str) -> str:
    return _NIK_LIKE.sub(lambda m: mask_nik(m.group(0)), text)


def _case_row(event: Mapping[str, Any]) -> AuditRow | None:
    kind = event.get("type")
    if kind not in CASE_TYPES:
        return None
    data: Mapping[str, Any] = event.get("data") or {}
    if kind == CLOSED and data.get("outcome") != "dibatalkan":
        return None
    try:
        at = datetime.fromisoformat(str(event.get("at")))
    except ValueError:
        return None
    detail = ""
    if kind == NIK_REVEALED:
        detail = str(data.get("where", ""))
    elif kind in (CLOSED, REOPENED):
        detail = str(data.get("reason", ""))
    elif kind == CONFLICT_RESOLVED:
        detail = str(data.get("note", ""))
    else:  # the lifecycle's events: their reason or fields, never the values
        fields = data.get("fields") or ([data["field"]] if data.get("field") else [])
        detail = " · ".join(p for p in (", ".join(str(f) for f in fields),
                                        str(data.get("reason") or "")) if p)
    return AuditRow(at=at, officer=str(event.get("officer", "")), desk=_int(event.get("desk")),
                    act=CASE_LABELS[kind], code=human(str(event.get("code", ""))),
                    detail=_masked(detail))


def _office_row(record: R.OfficeRecord) -> AuditRow | None:
    label = OFFICE_LABELS.get(record.kind)
    if label is None:
        return None
    detail = " · ".join(p for p in (record.subject, record.detail) if p)
    return AuditRow(at=record.at, officer=record.officer, desk=record.desk, act=label,
                    detail=_masked(detail))


def audit_rows(events: Iterable[Mapping[str, Any]], records: Iterable[R.OfficeRecord], *,
               petugas: str = "", start: date | None = None,
               end: date | None = None) -> list[AuditRow]:
    """The sensitive acts among `events` (any cases) and `records`, oldest first,
    for the officers whose name holds `petugas` (case and spacing ignored) and the days
    [start, end]."""
    rows = [r for r in (_case_row(e) for e in events) if r is not None]
    rows += [r for r in (_office_row(rec) for rec in records) if r is not None]
    who = _fold(petugas)
    return sorted((r for r in rows
                   if (not who or who in _fold(r.officer))
                   and (start is None or r.at.date() >= start)
                   and (end is None or r.at.date() <= end)),
                  key=lambda r: (r.at, r.code))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
