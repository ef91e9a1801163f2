"""Small builders shared by the store tests (events are plain dicts, as in the contract)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
DAY = date(2026, 11, 25)


def event(code: str, type_: str, data: dict | None = None, *, desk: int = 1) -> dict:
    """An event dict shaped like counter.case builds them."""
    return {
        "code": code,
        "type": type_,
        "at": datetime(2026, 11, 25, 9, 0, tzinfo=WIB).isoformat(),
        "officer": "Siti Aminah",
        "desk": desk,
        "data": dict(data or {}),
    }


def opened(code: str, nama: str = "Budi Santoso") -> dict:
    return event(code, "opened", {"sop_id": "nib", "visitor": {"nama": nama}})


def note(code: str, text: str) -> dict:
    return event(code, "note", {"text": text})


def closed(code: str) -> dict:
    return event(code, "closed", {"outcome": "selesai", "reason": ""})
