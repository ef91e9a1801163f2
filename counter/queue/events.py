"""The facts of a day's queue, as plain dicts (what the store keeps).

Every fact names its ticket by label ("A-007", "A2-007"): labels are unique in a day
by construction (a series per group and issuing point), so two desks cut off from
each other never make the same label, and their facts merge by id without clashes.

    {"id": ULID, "type": "diambil", "at": ISO time, "ticket": "A-007", "desk": 0,
     "data": {"group": "A", "number": 7, "point": ""}}

Types: `diambil` (taken), `dipanggil` (called; a recall is another one),
`tidak_hadir` (no-show), `dialihkan` (to another group or desk), `dilayani` (a case
opened for it: `data.code`), `selesai` (served without a case, or the desk moved on),
`pergi` (the visitor left without service).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from counter.ids import new_id

TYPES = ("diambil", "dipanggil", "tidak_hadir", "dialihkan", "dilayani", "selesai", "pergi")

QueueEvent = dict[str, Any]



def make(kind: str, ticket: str, at: datetime, desk: int = 0, **data: Any) -> QueueEvent:
    """One fact; `desk` 0 = not at a desk (a kiosk, a ticket button)."""
    assert kind in TYPES, kind
    return {"id": new_id(at), "type": kind, "at": at.isoformat(timespec="milliseconds"),
            "ticket": ticket, "desk": desk, "data": data}


def check(raw: Any) -> str | None:
    """Why a stored fact cannot be read (None when it can): a damaged record is
    left out of the fold and reported, never guessed."""
    if not isinstance(raw, dict):
        return "bukan catatan"
    for key, kind in (("id", str), ("type", str), ("at", str), ("ticket", str),
                      ("desk", int), ("data", dict)):
        if not isinstance(raw.get(key), kind):
            return f"kolom {key} hilang atau salah"
    if raw["type"] not in TYPES:
        return f"jenis '{raw['type']}' tidak dikenal"
    try:
        datetime.fromisoformat(raw["at"])
    except ValueError:
        return "kolom at bukan waktu"
    if raw["type"] == "diambil":
        d = raw["data"]
        if not (isinstance(d.get("group"), str) and isinstance(d.get("number"), int)):
            return "data.group/data.number salah"
    return None
