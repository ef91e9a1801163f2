"""Event dicts shaped like the record's (with `id` and `prev`) for the sync tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ulid import ULID

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)


def make_event(code: str, type_: str, *, desk: int = 1, prev: str | None = "",
               at: datetime = T0, data: dict | None = None, officer: str = "Siti",
               id_: str | None = None) -> dict:
    """An event; `prev=""` leaves the key out (an action's later events)."""
    ev = {"id": id_ or str(ULID()), "code": code, "type": type_, "at": at.isoformat(),
          "officer": officer, "desk": desk, "data": data or {}}
    if prev != "":
        ev["prev"] = prev
    return ev
