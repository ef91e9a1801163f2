"""The shelves of per-case summaries: one derived file beside each day file.

    ringkasan/2026/2026-11-25.json          {"version": 1, "key": [...], "cases": {code: entry}}
    ringkasan/2026/2026-11-25.terbuka       {"version", "key", "open": {code: events}} (marshal)
    ringkasan/2026/2026-11-25.halaman       a report page (counter.report_page)
    ringkasan/kasus-terbuka.lipatan         every open case's fold (counter.open_snapshot)

The second holds only the events of the day's open cases: the dashboard reads
every open case of the history, and reading these small files instead of whole
day files is most of its first fill; they are in `marshal` (plain values only,
nothing in them is run), which Python reads three times faster than JSON.

`key` is the identity (device, inode, size, times) of the day file the shelf was
made from: a day file only ever grows and is replaced whole, so an unchanged key
means an unchanged day, and the shelf answers for it without the day file being
parsed. A shelf is a cache (see `counter.summary`): written without fsync under the
day's lock, never written over a damaged day, set aside silently when it cannot be
read (it is made again from the events), never written on a read-only copy.
"""

from __future__ import annotations

import json
import marshal
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

from counter.summary.port import DayShelf, ShelfEntry
from store.errors import StoreError
from store.files import DIR_MODE, write_atomic
from store.index import FileKey, file_key

SHELF_DIR = "ringkasan"
OPEN_SNAPSHOT = "kasus-terbuka.lipatan"  # every open case's fold (counter.open_snapshot)
VERSION = 1
KEPT_SHELVES = 8  # decoded shelves kept in memory: a week's log; a year's report stays flat


class Shelves:
    """Reads and writes the shelves of one store."""

    def __init__(self, store_dir: Path, day_path: Callable[[date], Path],
                 lock: Callable[[date], AbstractContextManager[object]],
                 read_only: bool) -> None:
        self.root = Path(store_dir) / SHELF_DIR
        self._day_path = day_path
        self._lock = lock
        self.read_only = read_only
        self._kept: OrderedDict[Path, tuple[FileKey, tuple[object, dict[str, ShelfEntry]]]] = \
            OrderedDict()
        self._kept_open: dict[Path, tuple[FileKey, tuple[object, dict[str, list[Any]] | None]]]
        self._kept_open = {}  # every day with an open case: a few hundred small files
        self._mutex = threading.Lock()

    def path_for(self, day: date) -> Path:
        return self.root / f"{day.year:04d}" / f"{day.isoformat()}.json"

    def shelf_on(self, day: date) -> DayShelf:
        try:
            key: list[int] | None = list(file_key(os.stat(self._day_path(day))))
        except OSError:
            key = None
        found = self._decoded(self.path_for(day))
        if found is None:
            return DayShelf(current=False, key=key)
        made_for, entries = found
        return DayShelf(current=key is not None and made_for == key, key=key, entries=entries)

    def _decoded(self, path: Path) -> tuple[object, dict[str, ShelfEntry]] | None:
        """(the day-file key a shelf was made for, its entries); None when missing or not
        a shelf. Kept decoded for the shelf file's identity (taken from the very file
        read): the log reads the same day again on every F4, and the JSON decode was a
        third of its data. The entries are shared: callers only read them."""
        try:
            with open(path, "rb") as f:
                shelf_key = file_key(os.fstat(f.fileno()))
                with self._mutex:  # the log and the dashboard read in their own threads
                    kept = self._kept.get(path)
                    if kept is not None and kept[0] == shelf_key:
                        self._kept.move_to_end(path)
                        return kept[1]
                raw = json.loads(f.read())
        except (OSError, ValueError):
            return None
        if not (isinstance(raw, dict) and raw.get("version") == VERSION
                and isinstance(raw.get("cases"), dict)):
            return None
        entries: dict[str, ShelfEntry] = {code: entry for code, entry in raw["cases"].items()
                                          if isinstance(entry, dict)}
        found: tuple[object, dict[str, ShelfEntry]] = (raw.get("key"), entries)
        with self._mutex:
            self._kept[path] = (shelf_key, found)
            while len(self._kept) > KEPT_SHELVES:
                self._kept.popitem(last=False)
        return found

    def put_shelf(self, day: date, key: object, entries: Mapping[str, ShelfEntry]) -> None:
        if self.read_only:
            return
        payload: dict[str, Any] = {"version": VERSION, "key": key, "cases": dict(entries)}
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self._write(day, self.path_for(day), raw)

    # -- the open cases' events: what the dashboard reads -------------------------

    def open_path_for(self, day: date) -> Path:
        return self.root / f"{day.year:04d}" / f"{day.isoformat()}.terbuka"

    def day_key(self, day: date) -> list[int] | None:
        try:
            return list(file_key(os.stat(self._day_path(day))))
        except OSError:
            return None

    def open_events(self, day: date, key: list[int] | None) -> dict[str, list[Any]] | None:
        """The events of the day's open cases as kept for the day file with identity `key`
        (taken before anything else is read); None when not kept for exactly that file.
        Kept decoded for the open-case file's identity, like the shelves: the dashboard
        reads every day holding an open case on each reload (the lists are the caller's
        own; the events in them are shared and only read)."""
        if key is None:
            return None
        path = self.open_path_for(day)
        try:
            with open(path, "rb") as f:
                file_id = file_key(os.fstat(f.fileno()))
                with self._mutex:
                    kept = self._kept_open.get(path)
                if kept is None or kept[0] != file_id:
                    kept = (file_id, _open_cases(marshal.loads(f.read())))
                    with self._mutex:
                        self._kept_open[path] = kept
        except (OSError, ValueError, EOFError, TypeError):
            return None
        made_for, found = kept[1]
        if found is None or made_for != key:
            return None
        return {code: list(events) for code, events in found.items()}

    def keep_open_events(self, day: date, key: list[int] | None,
                         events: Mapping[str, list[Any]]) -> None:
        """Keep the open cases' events of a day file just read (a cache, like the shelf)."""
        if self.read_only or key is None:
            return
        payload = {"version": VERSION, "key": key, "open": dict(events)}
        self._write(day, self.open_path_for(day), marshal.dumps(payload))

    # -- report pages: a day's closed cases summed and written out (counter.report_page)

    def page_path_for(self, day: date) -> Path:
        return self.root / f"{day.year:04d}" / f"{day.isoformat()}.halaman"

    def page_on(self, day: date) -> tuple[list[Any] | None, bytes | None]:
        """(the day file's identity now, the page kept for the day or None); the identity
        is None only when there is no day file (a day file that cannot even be looked at
        gets one no page fits, so the day is read, and named, as every reader does)."""
        try:
            key: list[Any] = list(file_key(os.stat(self._day_path(day))))
        except FileNotFoundError:
            return None, None
        except OSError:
            key = ["tidak terbaca"]
        try:
            return key, self.page_path_for(day).read_bytes()
        except OSError:
            return key, None

    # -- the open cases' folds, for the next process (counter.open_snapshot) --------

    @property
    def open_snapshot_path(self) -> Path:
        return self.root / OPEN_SNAPSHOT

    def open_snapshot(self) -> bytes | None:
        try:
            return self.open_snapshot_path.read_bytes()
        except OSError:
            return None

    def keep_open_snapshot(self, raw: bytes) -> None:
        """Replace the file whole (a cache: no fsync; a torn file fails its checksum)."""
        if self.read_only:
            return
        try:
            if not self.root.is_dir():
                self.root.mkdir(DIR_MODE, parents=True, exist_ok=True)
                os.chmod(self.root, DIR_MODE)
            write_atomic(self.open_snapshot_path, raw, durable=False)
        except (OSError, StoreError):
            return  # made again after the next read

    def put_page(self, day: date, raw: bytes) -> None:
        if not self.read_only:
            self._write(day, self.page_path_for(day), raw)

    def _write(self, day: date, path: Path, raw: bytes) -> None:
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
        # shelves, open-case files and report pages
        for path in sorted([*self.root.glob("*/*.json"), *self.root.glob("*/*.halaman"),
                            *self.root.glob("*/*.terbuka"),
                            *self.root.glob(OPEN_SNAPSHOT)]):
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue
        return removed


def _open_cases(raw: object) -> tuple[object, dict[str, list[Any]] | None]:
    """(the day-file key an open-case file was made for, its cases' events); None for
    the events when it is not one this version wrote whole."""
    if not (isinstance(raw, dict) and raw.get("version") == VERSION
            and isinstance(raw.get("open"), dict)):
        return None, None
    found: dict[str, list[Any]] = raw["open"]
    if not all(isinstance(evs, list) and evs and all(isinstance(e, dict) for e in evs)
               for evs in found.values()):
        return None, None
    return raw.get("key"), found
