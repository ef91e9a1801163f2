"""A small real store for the chain tests: cases on two days, worked through `Desk`, and
hand edits of the day files the way a person with a text editor would make them."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from counter.config import default_profile, resolve_paths
from counter.desk import Desk
from counter.sop import load_catalog
from store import open_store
from store.day import serialize
from tests.sessions import supervisor

PROFILE = default_profile()
CATALOG = load_catalog()
SOP = "pct-17-pengajuan-proposal"
DAY1 = date(2026, 11, 24)
DAY2 = date(2026, 11, 25)
NIK = "3201012501900001"


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        self.at += timedelta(minutes=3)
        return self.at


def make_store(store_dir: Path | None = None) -> tuple[Any, Desk, Clock, dict[date, list[str]]]:
    """Three cases opened on each of two days, some steps done, one closed per day."""
    store_dir = store_dir or resolve_paths().store_dir
    store = open_store(store_dir, PROFILE.tz)
    clock = Clock(datetime(2026, 11, 24, 8, 30, tzinfo=PROFILE.tz))
    desk = Desk(store, CATALOG, PROFILE, officer=supervisor("Siti Aminah"), now=clock)
    codes: dict[date, list[str]] = {}
    for day in (DAY1, DAY2):
        clock.at = datetime(day.year, day.month, day.day, 8, 30, tzinfo=PROFILE.tz)
        for i in range(3):
            view = desk.open_case(SOP, {"nama": f"Pemohon {day.day}-{i}",
                                        "nik": f"32010125019000{i}{day.day % 10}",
                                        "telepon": "0812345678" + str(i), "alamat": "Jl. Mawar"})
            codes.setdefault(day, []).append(view.code)
            desk.note(view.code, f"catatan {i}")
        desk.complete_step(codes[day][0])
        desk.close(codes[day][1], "dibatalkan", "pemohon membatalkan")
    return store, desk, clock, codes


def day_path(store: Any, day: date) -> Path:
    return store.path_for(day)


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_bytes())


def save(path: Path, data: dict[str, Any]) -> None:
    """Write the file back as Loket lays it out (what an editor's save would give)."""
    path.write_bytes(serialize(data))


def events_of(data: dict[str, Any], code: str) -> list[tuple[str, dict[str, Any]]]:
    return sorted(((k, e) for k, e in data["events"].items() if e["code"] == code),
                  key=lambda kv: kv[1]["seq"])
