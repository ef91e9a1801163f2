"""The gate of a desk: signs officers in against the profile's accounts and keeps
the office audit (failed tries, locks, lifts, account and settings changes).

The screens and the CLI both sign in through a `Gate`; the audit log is any object
with `append(records)` and `records(strict=False)` (store.audit_log.AuditLog).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Protocol

from counter.accounts.lockout import LockState, lock_state
from counter.accounts.roles import Act
from counter.accounts.signin import (
    AccountLike,
    Session,
    SignInError,
    find_account,
    require,
    sign_in,
)
from counter.audit.records import LOCK_LIFTED, SUPERVISOR_APPROVED, OfficeRecord
from counter.errors import LoketError
from counter.texts import accounts as T


class AuditSink(Protocol):
    def append(self, records: Iterable[OfficeRecord]) -> None: ...
    def records(self, start: date | None = None, end: date | None = None, *,
                strict: bool = True) -> list[OfficeRecord]: ...


class Gate:
    def __init__(self, accounts: Sequence[AccountLike], audit: AuditSink, desk: int,
                 now: Callable[[], datetime]) -> None:
        self.accounts = accounts
        self.audit = audit
        self.desk = desk
        self.now = now

    def sign_in(self, nama: str, pin: str, *, supervisor: bool = False,
                approving: str = "") -> Session:
        """The officer's session, or `SignInError` with the reason (and the try recorded).

        `approving`: a supervisor's PIN typed at a petugas's desk for one act; the
        approval is recorded with what it was for."""
        result = sign_in(self.accounts, nama, pin, self.audit.records(strict=False),
                         self.now(), self.desk, supervisor=supervisor)
        records = list(result.records)
        if result.session is not None and approving:
            records = [OfficeRecord(at=result.session.signed_at or self.now(),
                                    kind=SUPERVISOR_APPROVED, officer=result.session.nama,
                                    desk=self.desk, detail=approving)]
        self.audit.append(records)
        if result.session is None:
            err = SignInError(result.message, field="pin")
            err.locked = bool(result.lock and result.lock.locked)
            err.wait_s = result.wait_s
            raise err
        return result.session

    def lock_of(self, nama: str) -> LockState:
        return lock_state(self.audit.records(strict=False), nama)

    def locked_accounts(self) -> list[str]:
        records = self.audit.records(strict=False)
        return [a.nama for a in self.accounts if lock_state(records, a.nama).locked]

    def lift_lock(self, supervisor: Session, nama: str) -> None:
        require(supervisor, Act.LIFT_LOCK)
        account = find_account(self.accounts, nama)
        if account is None:
            raise LoketError(T.SIGNIN_UNKNOWN.format(nama=nama), field="nama")
        self.audit.append([OfficeRecord(at=self.now(), kind=LOCK_LIFTED,
                                        officer=supervisor.nama, desk=self.desk,
                                        subject=account.nama)])

    def record(self, by: Session, kind: str, subject: str = "", detail: str = "") -> None:
        """An office act by `by` (settings changed, an account added…)."""
        self.audit.append([OfficeRecord(at=self.now(), kind=kind, officer=by.nama,
                                        desk=self.desk, subject=subject, detail=detail)])
