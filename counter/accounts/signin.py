"""Sign-in: an officer and their PIN in, a `Session` (or a reason why not) out.

Pure: the caller hands in the profile's accounts and the office audit records so
far, and writes the records this attempt returns (a failed try, a lock). The
`Session` is what a Desk acts as: its name goes on every event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from counter.accounts.lockout import MAX_TRIES, LockState, lock_state
from counter.accounts.pin import verify_pin
from counter.accounts.roles import PETUGAS, SUPERVISOR, Act, may
from counter.audit.records import (
    ACCOUNT_LOCKED,
    SIGNIN_FAILED,
    SIGNIN_OK,
    OfficeRecord,
)
from counter.errors import LoketError
from counter.texts import accounts as T


class AccountLike(Protocol):
    """What sign-in needs of an account (counter.config.Officer)."""

    @property
    def nama(self) -> str: ...
    @property
    def jabatan(self) -> str: ...
    @property
    def roles(self) -> tuple[str, ...]: ...
    @property
    def pin_hash(self) -> str: ...
    @property
    def aktif(self) -> bool: ...


@dataclass(frozen=True)
class Session:
    """The officer signed in at this desk: every event the desk writes names them."""

    nama: str
    jabatan: str = ""
    roles: tuple[str, ...] = (PETUGAS,)
    signed_at: datetime | None = None

    @property
    def is_supervisor(self) -> bool:
        return SUPERVISOR in self.roles

    def may(self, act: Act) -> bool:
        return may(self.roles, act)


class RoleError(LoketError):
    """An act reserved for a supervisor, tried by someone else."""


def require(session: Session, act: Act) -> None:
    """Raise `RoleError` (Indonesian, naming the act) unless `session` may do `act`."""
    from counter.accounts.roles import ACT_LABELS

    if not session.may(act):
        raise RoleError(T.SUPERVISOR_ONLY.format(act=ACT_LABELS[act]), field="petugas")


class SignInError(LoketError):
    """A sign-in refused: wrong PIN, locked, wait, unknown or disabled account.

    `locked` / `wait_s` say whether trying again now is pointless."""

    locked: bool = False
    wait_s: float = 0.0


@dataclass(frozen=True)
class SignInResult:
    session: Session | None
    records: tuple[OfficeRecord, ...] = ()  # to append to the office audit, in order
    message: str = ""  # why not (Indonesian), empty when signed in
    lock: LockState | None = None
    wait_s: float = 0.0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.session is not None


def find_account(accounts: Iterable[AccountLike], nama: str) -> AccountLike | None:
    key = " ".join(nama.casefold().split())
    for a in accounts:
        if " ".join(a.nama.casefold().split()) == key:
            return a
    return None


def sign_in(accounts: Sequence[AccountLike], nama: str, pin: str,
            records: Iterable[OfficeRecord], now: datetime, desk: int,
            *, supervisor: bool = False) -> SignInResult:
    """Check `pin` for the account `nama`; `supervisor`: the account must be one.

    A locked account or one still in its delay is refused without checking the PIN
    (so guessing during the delay gains nothing). A wrong PIN is recorded; the try
    that reaches the limit also records the lock."""
    account = find_account(accounts, nama)
    if account is None:
        return SignInResult(None, message=T.SIGNIN_UNKNOWN.format(nama=nama))
    if not account.aktif:
        return SignInResult(None, message=T.SIGNIN_DISABLED.format(nama=account.nama))
    if not account.pin_hash:
        return SignInResult(None, message=T.SIGNIN_NO_PIN.format(nama=account.nama))
    if supervisor and SUPERVISOR not in account.roles:
        return SignInResult(None, message=T.SIGNIN_NOT_SUPERVISOR.format(nama=account.nama))
    state = lock_state(records, account.nama)
    if state.locked:
        return SignInResult(None, message=T.SIGNIN_LOCKED.format(nama=account.nama),
                            lock=state)
    wait = state.wait_s(now)
    if wait > 0:
        return SignInResult(None, message=T.SIGNIN_WAIT.format(seconds=int(wait + 0.999)),
                            lock=state, wait_s=wait)
    if verify_pin(pin, account.pin_hash):
        ok = OfficeRecord(at=now, kind=SIGNIN_OK, officer=account.nama, desk=desk,
                          detail=T.DETAIL_SUPERVISOR_CHECK if supervisor else "")
        return SignInResult(Session(account.nama, account.jabatan, tuple(account.roles), now),
                            records=(ok,))
    failed = OfficeRecord(at=now, kind=SIGNIN_FAILED, officer=account.nama, desk=desk)
    after = lock_state([*records, failed], account.nama)
    out = [failed]
    if after.locked:
        out.append(OfficeRecord(at=now, kind=ACCOUNT_LOCKED, officer=account.nama, desk=desk,
                                subject=account.nama, detail=T.DETAIL_LOCKED.format(
                                    tries=MAX_TRIES)))
        message = T.SIGNIN_NOW_LOCKED.format(nama=account.nama)
    else:
        left = MAX_TRIES - after.failures
        message = T.SIGNIN_WRONG.format(left=left)
    return SignInResult(None, records=tuple(out), message=message, lock=after,
                        wait_s=after.wait_s(now))
