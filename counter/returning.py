"""Returning visitors: find a past applicant by NIK, phone or name, from this desk's record.

A visitor who came last month should not spell their name and NIK again: the
officer types part of what they know and the form fills from the last case.
The NIK is matched but never put in the list (personal data shown only where it
must be); the phone is shown masked, enough to confirm by voice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from counter.visitor import Visitor

DAYS_BACK = 366  # a year of the desk's record


class DayReader(Protocol):
    def events_on(self, day: date) -> dict[str, list[dict[str, Any]]]: ...


@dataclass(frozen=True)
class PastVisit:
    visitor: Visitor
    at: datetime
    sop_id: str
    code: str


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _phone_key(telepon: str) -> str:
    """0812…, +62812… and 62812… are one number."""
    d = _digits(telepon)
    return d[2:] if d.startswith("62") else d[1:] if d.startswith("0") else d


def past_visits(repo: DayReader, today: date, days_back: int = DAYS_BACK) -> list[PastVisit]:
    """Every opened case in the period, newest first (read once per form, off the UI)."""
    visits: list[PastVisit] = []
    for back in range(days_back + 1):
        for code, events in repo.events_on(today - timedelta(days=back)).items():
            first = events[0] if events else {}
            if first.get("type") != "opened":
                continue
            data = first.get("data", {})
            try:
                at = datetime.fromisoformat(str(first.get("at")))
            except ValueError:
                continue
            visits.append(PastVisit(Visitor.from_dict(data.get("visitor")), at,
                                    str(data.get("sop_id", "")), code))
    visits.sort(key=lambda v: v.at, reverse=True)
    return visits


def _identity(v: Visitor) -> str:
    return v.nik or f"{v.nama.lower()}|{_phone_key(v.telepon)}"


def find_returning(visits: Iterable[PastVisit], text: str, limit: int = 5) -> list[PastVisit]:
    """The last visit of each person matching `text`: a NIK (from 6 digits, from its start),
    a phone number (from 6 digits, anywhere in the number) or every word of the name."""
    text = text.strip()
    digits = _digits(text)
    words = text.lower().split()
    by_number = len(digits) >= 6 and len(digits) == len(text.replace(" ", "").replace("+", ""))
    if not by_number and (not words or len(text) < 3):
        return []
    found: list[PastVisit] = []
    seen: set[str] = set()
    for visit in visits:
        v = visit.visitor
        if by_number:
            hit = v.nik.startswith(digits) or (_phone_key(digits) != ""
                                              and _phone_key(digits) in _phone_key(v.telepon))
        else:
            hit = all(w in v.nama.lower() for w in words)
        key = _identity(v)
        if hit and key not in seen:
            seen.add(key)
            found.append(visit)
            if len(found) >= limit:
                break
    return found


def visit_label(visit: PastVisit, sop_name: str, when: str, mask_phone: Any) -> str:
    """'Ani Lestari · 0812****7890 · Keripik Ani · 25 Nov 2026, Konsultasi Bisnis' (no NIK)."""
    v = visit.visitor
    parts = [v.nama, mask_phone(v.telepon), v.nama_usaha, f"{when}, {sop_name}"]
    return " · ".join(p for p in parts if p)
