"""The day's duty (who is at which desk), remembered so a restart offers it again.

After a power cut or a crash the officer should not have to pick themself and
their desk again, nor risk picking another desk number by mistake: the app
writes the choice when the day begins and the start screen offers it back,
for the same day only (tomorrow may be someone else's shift).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from counter.atomic import OWNER_ONLY, ensure_folder, write_file
from counter.config import Paths

FILE_NAME = "tugas-hari-ini.json"


@dataclass(frozen=True)
class Duty:
    day: date
    officer: str
    desk: int


def duty_file(paths: Paths) -> Path:
    return paths.data_dir / FILE_NAME


def save_duty(paths: Paths, duty: Duty) -> None:
    """Write through the one atomic writer: a crash leaves the old duty or the new.
    Raises `WriteError` (a `LoketError`) when the disk refuses."""
    path = duty_file(paths)
    ensure_folder(path.parent)
    payload = {"day": duty.day.isoformat(), "officer": duty.officer, "desk": duty.desk}
    write_file(path, json.dumps(payload, ensure_ascii=False).encode("utf-8"), mode=OWNER_ONLY)


def load_duty(paths: Paths, today: date) -> Duty | None:
    """Today's duty, or None (none saved, another day's, or unreadable: then the
    officer simply chooses again; nothing depends on it)."""
    try:
        raw = json.loads(duty_file(paths).read_text(encoding="utf-8"))
        duty = Duty(day=date.fromisoformat(raw["day"]), officer=str(raw["officer"]),
                    desk=int(raw["desk"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if duty.day != today or not duty.officer.strip() or not 1 <= duty.desk <= 99:
        return None
    return duty
