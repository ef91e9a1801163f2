"""Where the walk-in queue lives: one JSON file per day under ``store/antrean/``,
beside the case store and apart from its day files (a ticket is no case: it holds no
personal data and must not touch the case files' locks or chains).

Each action is read-plan-write under the day's lock, so two desks (two processes on
one data folder) never take the same number or call the same ticket. The file is
replaced atomically (`store.files.write_atomic`); a damaged file is reported and
never overwritten.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from counter.queue.events import QueueEvent
from store.files import FileCache, Lock, damaged, ensure_dir, write_atomic

FOLDER = "antrean"
LOCK_DIR = ".locks"
STATION_FILE = ".pc"


def _validate(path: Path, raw: Any) -> list[QueueEvent]:
    events = raw.get("events") if isinstance(raw, dict) else None
    if not isinstance(events, list):
        raise damaged(path, "bentuk berkas antrean salah (tidak ada daftar events)")
    return events


class QueueStore:
    """The queue facts of one office store, a file per day."""

    def __init__(self, store_dir: Path) -> None:
        self.folder = Path(store_dir) / FOLDER
        self.lock_dir = Path(store_dir) / LOCK_DIR
        self._cache = FileCache(_validate, capacity=4)
        self._station = ""

    def station(self) -> str:
        """This data folder's own random name, made once and kept (`antrean/.pc`):
        tickets carry it, so two PCs set to one issuing point are told apart."""
        if self._station:
            return self._station
        key = self.folder / STATION_FILE
        try:
            self._station = key.read_text(encoding="ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            self._station = ""
        if not self._station:
            ensure_dir(self.folder)
            self._station = secrets.token_hex(8)
            write_atomic(key, self._station.encode("ascii"))
        return self._station

    def path(self, day: date) -> Path:
        return self.folder / f"{day.isoformat()}.json"

    def read(self, day: date) -> list[QueueEvent]:
        """The day's facts as stored (shared with the cache: do not change them)."""
        return self._cache.load(self.path(day)) or []

    def version(self, day: date) -> tuple[int, ...] | None:
        """Changes whenever the day's file is replaced (the display's cheap 'changed?')."""
        path = self.path(day)
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def update(self, day: date, plan: Callable[[list[QueueEvent]], list[QueueEvent]]
               ) -> list[QueueEvent]:
        path = self.path(day)
        ensure_dir(self.folder)
        ensure_dir(self.lock_dir)
        with Lock(self.lock_dir / f"antrean-{day.isoformat()}.lock", path):
            current = self._cache.load(path) or []
            made = plan(current)
            if not made:
                return []
            events = [*current, *made]
            payload = json.dumps({"events": events}, ensure_ascii=False,
                                 separators=(",", ":")).encode("utf-8")
            try:
                write_atomic(path, payload)
            except BaseException:
                self._cache.forget(path)
                raise
            self._cache.stored(path, events)
            return made

    def merge(self, day: date, incoming: list[QueueEvent]) -> int:
        """Add facts made elsewhere (another desk through the office server); by id,
        so merging twice stores once. Returns how many were new."""
        added: list[int] = []

        def plan(current: list[QueueEvent]) -> list[QueueEvent]:
            known = {e.get("id") for e in current if isinstance(e, dict)}
            new = [e for e in incoming if e.get("id") not in known]
            added.append(len(new))
            return new

        self.update(day, plan)
        return added[0] if added else 0
