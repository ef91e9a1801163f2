"""The shelves of per-case summaries: one derived file beside each day file.

    ringkasan/2026/2026-11-25.json   {"version": 1, "key": [...], "cases": {code: entry}}

`key` is the identity (device, inode, size, times) of the day file the shelf was
made from: a day file only ever grows and is replaced whole, so an unchanged key
means an unchanged day, and the shelf answers for it without the day file being
parsed. A shelf is a cache (see `counter.summary`): written without fsync under the
day's lock, never written over a damaged day, set aside silently when it cannot be
read (it is made again from the events), never written on a read-only copy.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

from counter.summary.port import DayShelf, ShelfEntry
from store.errors import StoreError
from store.files import DIR_MODE, write_atomic
from store.index import file_key

SHELF_DIR = "ringkasan"
VERSION = 1


class Shelves:
    """Reads and writes the shelves of one store."""

    def __init__(self, store_dir: Path, day_path: Callable[[date], Path],
                 lock: Callable[[date], AbstractContextManager[object]],
                 read_only: bool) -> None:
        self.root = Path(store_dir) / SHELF_DIR
        self._day_path = day_path
        self._lock = lock
        self.read_only = read_only

    def path_for(self, day: date) -> Path:
        return self.root / f"{day.year:04d}" / f"{day.isoformat()}.json"

    def shelf_on(self, day: date) -> DayShelf:
        try:
            key: list[int] | None = list(file_key(os.stat(self._day_path(day))))
        except OSError:
            key = None
        try:
            raw = json.loads(self.path_for(day).read_bytes())
        except (OSError, ValueError):
            return DayShelf(current=False, key=key)
        if not (isinstance(raw, dict) and raw.get("version") == VERSION
                and isinstance(raw.get("cases"), dict)):
            return DayShelf(current=False, key=key)
        entries = {code: entry for code, entry in raw["cases"].items()
                   if isinstance(entry, dict)}
        return DayShelf(current=key is not None and raw.get("key") == key, key=key,
                        entries=entries)

    def put_shelf(self, day: date, key: object, entries: Mapping[str, ShelfEntry]) -> None:
        if self.read_only:
            return
        payload: dict[str, Any] = {"version": VERSION, "key": key, "cases": dict(entries)}
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path = self.path_for(day)
        try:
            if not path.parent.is_dir():  # a cache: its folders need no fsync either
                path.parent.mkdir(DIR_MODE, parents=True, exist_ok=True)
                os.chmod(path.parent, DIR_MODE)
                os.chmod(self.root, DIR_MODE)
            with self._lock(day):
                write_atomic(path, raw, durable=False)
        except (OSError, StoreError):
            return  # a cache: made again next time

    def forget_all(self) -> int:
        """Remove every shelf (the rebuild starts from the events); the count removed."""
        removed = 0
        if self.read_only or not self.root.is_dir():
            return removed
        for path in sorted(self.root.glob("*/*.json")):
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue
        return removed
