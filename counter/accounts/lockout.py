"""Wrong PINs: a growing delay, then a lock that only a supervisor lifts.

Derived from the office audit records (failed sign-ins, sign-ins, lifts), so the
counters survive a restart of the app and cannot be reset by closing it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from counter.audit.records import LOCK_LIFTED, SIGNIN_FAILED, SIGNIN_OK, OfficeRecord

MAX_TRIES = 5  # the fifth wrong PIN in a row locks the account
FREE_TRIES = 2  # a slip of the finger costs nothing; from the third, 2 s, 4 s, 8 s…
MAX_DELAY_S = 60


@dataclass(frozen=True)
class LockState:
    failures: int  # wrong PINs since the last good sign-in or lift
    locked: bool
    wait_until: datetime | None  # no try accepted before this moment

    def wait_s(self, now: datetime) -> float:
        if self.wait_until is None:
            return 0.0
        return max(0.0, (self.wait_until - now).total_seconds())


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong PINs in a row."""
    if failures <= FREE_TRIES:
        return 0.0
    return float(min(MAX_DELAY_S, 2 ** (failures - FREE_TRIES)))


def lock_state(records: Iterable[OfficeRecord], nama: str) -> LockState:
    """The account's lock from its records (in any order; sorted by time here)."""
    mine = sorted((r for r in records if _about(r, nama)), key=lambda r: r.at)
    failures, last_fail = 0, None
    for r in mine:
        if r.kind == SIGNIN_FAILED:
            failures, last_fail = failures + 1, r.at
        elif r.kind in (SIGNIN_OK, LOCK_LIFTED):
            failures, last_fail = 0, None
    locked = failures >= MAX_TRIES
    wait = None
    if last_fail is not None and not locked and delay_after(failures):
        wait = last_fail + timedelta(seconds=delay_after(failures))
    return LockState(failures=failures, locked=locked, wait_until=wait)


def _about(r: OfficeRecord, nama: str) -> bool:
    key = _fold(nama)
    if r.kind == LOCK_LIFTED:
        return _fold(r.subject) == key
    return r.kind in (SIGNIN_FAILED, SIGNIN_OK) and _fold(r.officer) == key


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
