"""A known chain break, accepted by a supervisor: after a backup is restored (or a
repair that was admitted), the break is a fact of the record, not a fresh alarm.

The acceptance is an office audit record naming the supervisor, the day and a
fingerprint of the day's breaks as they were then, with the reason. `loket periksa`
and the start check show such a day as accepted; if the day's breaks change later
(another edit, another event removed) the fingerprint no longer matches and the day
is reported again as broken.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from counter.audit.records import CHAIN_ACCEPTED, OfficeRecord
from counter.chain.hashing import canonical, sha
from counter.chain.verify import DayCheck

FINGERPRINT_CHARS = 16


def fingerprint(check: DayCheck) -> str:
    """The day's breaks, as one short hash (what broke, where)."""
    facts = [[b.kind, b.code, b.event, b.seq, b.other] for b in check.breaks]
    return sha(canonical([check.day, facts]))[:FINGERPRINT_CHARS]


@dataclass(frozen=True)
class Acceptance:
    day: str
    fingerprint: str
    officer: str
    at: datetime
    reason: str


def acceptance_record(check: DayCheck, officer: str, desk: int, at: datetime,
                      reason: str) -> OfficeRecord:
    return OfficeRecord(at=at, kind=CHAIN_ACCEPTED, officer=officer, desk=desk,
                        subject=f"{check.day} {fingerprint(check)}", detail=reason)


def acceptances(records: Iterable[OfficeRecord]) -> dict[str, list[Acceptance]]:
    """Each day's acceptances from the office audit records."""
    found: dict[str, list[Acceptance]] = {}
    for r in records:
        if r.kind != CHAIN_ACCEPTED:
            continue
        day, _, fp = r.subject.partition(" ")
        found.setdefault(day, []).append(Acceptance(day, fp, r.officer, r.at, r.detail))
    return found


def accepted(check: DayCheck, known: dict[str, list[Acceptance]]) -> Acceptance | None:
    """The acceptance that covers this day's breaks exactly as they are now."""
    if check.ok:
        return None
    fp = fingerprint(check)
    for a in reversed(known.get(check.day, [])):
        if a.fingerprint == fp:
            return a
    return None
