"""The day's duty (who is at which desk), remembered so a restart offers it again.

After a power cut or a crash the officer should not have to pick themself and
their desk again, nor risk picking another desk number by mistake: the app
writes the choice when the day begins and the start screen offers it back,
for the same day only (tomorrow may be someone else's shift).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

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
    """Write atomically (temp, fsync, rename): a crash leaves the old duty or the new."""
    path = duty_file(paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    payload = {"day": duty.day.isoformat(), "officer": duty.officer, "desk": duty.desk}
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


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
