"""Office audit records: what was done to the office (not to a case), by whom, when.

A record names the officer who acted (`officer`, the supervisor for a supervisor's
act) and whom or what it was about (`subject`: an account's name, a setting). It never
holds a PIN; `detail` is short text for the auditor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter.errors import LoketError
from counter.texts import accounts as T

SIGNIN_OK = "signin_ok"
SIGNIN_FAILED = "signin_failed"
ACCOUNT_LOCKED = "account_locked"
LOCK_LIFTED = "lock_lifted"
SETTINGS_CHANGED = "settings_changed"
ACCOUNT_ADDED = "account_added"
ACCOUNT_CHANGED = "account_changed"
ACCOUNT_DISABLED = "account_disabled"
PIN_RESET = "pin_reset"
SUPERVISOR_APPROVED = "supervisor_approved"
PIN_CHANGED = "pin_changed"  # an officer's own new PIN (the old one typed first)
# a supervisor accepts a known chain break (a backup restored, an admitted repair):
# subject "<day> <fingerprint of the breaks>", detail the reason (counter.chain.accepted)
CHAIN_ACCEPTED = "chain_break_accepted"
KINDS = (SIGNIN_OK, SIGNIN_FAILED, ACCOUNT_LOCKED, LOCK_LIFTED, SETTINGS_CHANGED, ACCOUNT_ADDED,
         ACCOUNT_CHANGED, ACCOUNT_DISABLED, PIN_RESET, SUPERVISOR_APPROVED, PIN_CHANGED,
         CHAIN_ACCEPTED)


class AuditRecordError(LoketError):
    """A stored audit line that cannot be read (named by the adapter: file, line)."""


@dataclass(frozen=True)
class OfficeRecord:
    at: datetime
    kind: str
    officer: str  # who acted (for a failed sign-in: the account tried)
    desk: int
    subject: str = ""
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "kind": self.kind, "officer": self.officer,
                "desk": self.desk, "subject": self.subject, "detail": self.detail}

    @classmethod
    def from_json(cls, data: Any) -> OfficeRecord:
        if not isinstance(data, dict):
            raise AuditRecordError(T.AUDIT_BAD_RECORD.format(field="(baris)"))
        try:
            at = datetime.fromisoformat(str(data["at"]))
        except (KeyError, ValueError):
            raise AuditRecordError(T.AUDIT_BAD_RECORD.format(field="at"), field="at") from None
        if at.tzinfo is None:
            raise AuditRecordError(T.AUDIT_BAD_RECORD.format(field="at"), field="at")
        kind = data.get("kind")
        if kind not in KINDS:
            raise AuditRecordError(T.AUDIT_BAD_RECORD.format(field="kind"), field="kind")
        desk = data.get("desk", 0)
        if isinstance(desk, bool) or not isinstance(desk, int):
            raise AuditRecordError(T.AUDIT_BAD_RECORD.format(field="desk"), field="desk")
        return cls(at=at, kind=str(kind), officer=str(data.get("officer", "")), desk=desk,
                   subject=str(data.get("subject", "")), detail=str(data.get("detail", "")))
