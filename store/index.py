"""The open-case index: the cases not closed, without reading every day's history.

The truth is the day files: a case is open while its day file holds its `opened`
event and no `closed` one, so the action that opens or closes a case changes the
open set in the same atomic write as its events. ``open.json`` is only a cache of
that, one entry per day file: its open codes and the identity (device, inode,
size, times) of the file they were read from. `OpenIndex.codes` stats the day files
(cheap), reads again only a day whose file changed since, and writes the cache
back when it learned something. So a crash between a day file and the index can
never leave them disagreeing, and another process's writes are seen at once.

A day file that cannot be read keeps the open codes last known for it (or, for a
store indexed by an older release, the codes its index listed for that day): a
case is never forgotten because its file was unreadable for a while, and when
the file is readable again (restored from a backup) its entry is read afresh.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from itertools import compress
from operator import is_not
from pathlib import Path
from typing import Any

from counter.atomic import Pieces
from counter.texts import store as texts
from store.errors import StoreError
from store.files import FileCache, damaged, write_atomic

_quote = json.encoder.encode_basestring_ascii  # JSON string, as json.dumps spells it
INDEX_NAME = "open.json"
VERSION = 2
_CODE = re.compile(r"^\d{12}$")
FileKey = tuple[int, ...]


def file_key(st: os.stat_result) -> FileKey:
    """What changes whenever a file is replaced (the same key `FileCache` uses)."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def open_in(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The codes, among a day file's events, of cases opened and not closed (or reopened
    by a supervisor after their close: the later of the two counts)."""
    opened: dict[str, None] = {}
    closed: set[str] = set()
    for event in events:  # in the order written
        if event.get("type") == "opened":
            opened[str(event.get("code"))] = None
        elif event.get("type") == "closed":
            closed.add(str(event.get("code")))
        elif event.get("type") == "reopened":
            closed.discard(str(event.get("code")))
    return sorted(c for c in opened if c not in closed)


@dataclass(frozen=True)
class DayEntry:
    key: FileKey | None  # None: the file could not be read; `codes` are the last known
    codes: tuple[str, ...]
    known: bool = True  # False: unreadable and never read before: its open cases unknown

    def as_text(self, day: str) -> str:
        """``"day": as_json()`` as ``json.dumps(..., indent=0)`` spells it, made directly
        (the indented encoder takes 25 µs an entry; a store has one per day file)."""
        key = "[\n" + ",\n".join(map(str, self.key)) + "\n]" if self.key else "null"
        codes = ("[\n" + ",\n".join(map(_quote, self.codes)) + "\n]") if self.codes else "[]"
        known = "" if self.known else ',\n"known": false'
        return f'{_quote(day)}: {{\n"key": {key},\n"open": {codes}{known}\n}}'

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": list(self.key) if self.key else None,
                               "open": list(self.codes)}
        if not self.known:
            out["known"] = False
        return out


@dataclass(frozen=True)
class IndexData:
    days: dict[str, DayEntry]
    # An older release's open list (used for unreadable days only); None: there was none.
    legacy: tuple[str, ...] | None = None


def _validate(path: Path, data: Any) -> IndexData:
    """The parsed index, in this release's form or an older one's; else `StoreError`."""
    def codes_ok(codes: Any) -> bool:
        return isinstance(codes, list) and all(isinstance(c, str) and _CODE.match(c)
                                               for c in codes)

    if isinstance(data, dict) and data.get("version") == VERSION \
            and isinstance(data.get("days"), dict):
        days: dict[str, DayEntry] = {}
        for day, entry in data["days"].items():
            key = entry.get("key") if isinstance(entry, dict) else None
            if not (isinstance(entry, dict) and codes_ok(entry.get("open"))
                    and isinstance(entry.get("known", True), bool)
                    and (key is None or (isinstance(key, list)
                                         and all(type(k) is int for k in key)))):
                break
            days[day] = DayEntry(tuple(key) if key else None, tuple(entry["open"]),
                                 entry.get("known", True))
        else:
            return IndexData(days)
    elif isinstance(data, dict) and codes_ok(data.get("open")) \
            and codes_ok(data.get("pending", [])):
        return IndexData({}, tuple(data["open"]) + tuple(data.get("pending", [])))
    raise damaged(path, texts.REASON_SHAPE.format(detail=texts.SHAPE_INDEX))


class OpenIndex:
    """The cache of open codes per day file; see the module docstring."""

    def __init__(self, store_dir: Path, tz: tzinfo, *, day_files: Callable[[], list[Path]],
                 read_day: Callable[[Path], Mapping[str, Any] | None],
                 lock: Callable[[], AbstractContextManager[object]],
                 read_only: bool = False) -> None:
        self.path = store_dir / INDEX_NAME
        self.read_only = read_only  # a backup copy: answered from its days, never written
        self.tz = tz
        self._day_files = day_files
        self._read_day = read_day
        self._lock = lock
        self._file = FileCache(_validate, capacity=1)
        self._known: dict[str, DayEntry] = {}  # what this process learned since the last save
        self._memory: dict[str, DayEntry] = {}  # entries that could not be saved (read-only)
        self._last: dict[str, DayEntry] = {}  # as of the last `codes()`
        # the days and entries as last encoded, and each one's text (see `_encode`)
        self._texts: tuple[list[str], list[DayEntry], list[bytes]] = ([], [], [])
        self.notices: list[str] = []

    def learned(self, path: Path, events: Iterable[Mapping[str, Any]], *,
                before: FileKey | None = None,
                added: Sequence[Mapping[str, Any]] = ()) -> None:
        """A day file was just written holding `events` (the caller holds the day lock).

        When the entry known for the day matches the file as it was `before` the write,
        only the `added` events are looked at (an open or a close); else the day's
        events are.
        """
        try:
            key = file_key(os.stat(path))
        except OSError:
            return
        day = path.stem
        entry = self._known.get(day) or self._memory.get(day) or self._load().days.get(day)
        if entry is not None and before is not None and entry.key == before:
            codes = set(entry.codes)
            for event in added:
                if event.get("type") == "opened":
                    codes.add(str(event.get("code")))
                elif event.get("type") == "closed":
                    codes.discard(str(event.get("code")))
                elif event.get("type") == "reopened":
                    codes.add(str(event.get("code")))
            fresh = DayEntry(key, tuple(sorted(codes)))
        else:
            fresh = DayEntry(key, tuple(open_in(events)))
        self._known[day] = fresh
        if entry is None or fresh.codes != entry.codes:
            # A case opened or closed: the cache is saved now (no fsync), so a day
            # damaged later is still known by its open cases, read or not since.
            saved = self._load()
            if saved.legacy is not None:
                self.codes()  # an older release's index: migrate every day at once
                return
            entries = {**saved.days, **self._memory, **self._known}
            self._save(entries)
            self._known.clear()

    def codes(self) -> list[str]:
        """Codes of every case not closed, oldest day first."""
        saved = self._load()
        entries = dict(saved.days)
        entries.update(self._memory)
        entries.update(self._known)
        changed = dict(self._known)
        seen: set[str] = set()
        for path in self._day_files():
            day = path.stem
            seen.add(day)
            entry = entries.get(day)
            try:
                key: FileKey | None = file_key(os.stat(path))
            except OSError:
                key = None
            if entry is not None and key is not None and entry.key == key:
                continue
            fresh = self._read(path, key, entry, saved.legacy)
            if fresh != entry:
                entries[day] = changed[day] = fresh
        gone = [day for day in entries if day not in seen]
        for day in gone:  # a day file removed (e.g. the demo history replaced)
            del entries[day]
        if changed or gone or saved.legacy is not None:
            self._save(entries)
        self._known.clear()
        self._last = entries
        return [code for day in sorted(entries) for code in entries[day].codes]

    def unread_days(self) -> list[date]:
        """Days whose file cannot be read and was never read before: their open cases are
        not known (a day read once keeps its last known open cases)."""
        self.codes()
        return [date.fromisoformat(day) for day, e in sorted(self._last.items())
                if e.key is None and not e.known]

    # -- inside

    def _read(self, path: Path, key: FileKey | None, entry: DayEntry | None,
              legacy: tuple[str, ...] | None) -> DayEntry:
        try:
            data = self._read_day(path)
        except StoreError:
            data = None
        if data is not None and key is not None:
            events = data.get("events", {})
            return DayEntry(key, tuple(open_in(events.values())))
        if entry is not None:  # unreadable: keep what was known
            return DayEntry(None, entry.codes, entry.known)
        if legacy is None:
            return DayEntry(None, (), known=False)
        prefix = f"{date.fromisoformat(path.stem):%y%m%d}"
        return DayEntry(None, tuple(c for c in legacy if c.startswith(prefix)))

    def _load(self) -> IndexData:
        try:
            data = self._file.load(self.path)
        except StoreError:
            self._set_aside()
            return IndexData({})
        return data if data is not None else IndexData({})

    def _set_aside(self) -> None:
        """A damaged index is kept for inspection (never deleted) and rebuilt."""
        if self.read_only:
            return
        stamp = datetime.now(self.tz).strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{INDEX_NAME}.rusak-{stamp}")
        try:
            os.replace(self.path, target)
        except FileNotFoundError:
            return
        except OSError as exc:
            error = texts.WRITE_FAILED.format(error=exc.strerror or exc)
            raise StoreError(error, path=self.path) from exc
        self._file.forget(self.path)
        self.notices.append(texts.INDEX_REBUILT.format(aside=texts.INDEX_ASIDE.format(
            path=target)))

    def _encode(self, entries: dict[str, DayEntry]) -> Pieces:
        """The index's bytes, as ``json.dumps(..., indent=0)`` spelt them, in pieces. Each
        day's entry is encoded once and kept while it is unchanged: with years of day
        files an open or a close re-encodes one entry, not thousands, and finds it by
        identity in C (the indented encoder took 65 ms for 2,500 days; a loop, 1 ms)."""
        days = list(entries)
        if days != sorted(days):
            entries = {day: entries[day] for day in sorted(days)}
            days = list(entries)
        values = list(entries.values())
        old_days, old_values, lines = self._texts
        if days == old_days:
            lines = lines[:]
            for i in compress(range(len(values)), map(is_not, values, old_values)):
                if values[i] != old_values[i]:
                    lines[i] = values[i].as_text(days[i]).encode()
        else:
            lines = [entry.as_text(day).encode() for day, entry in entries.items()]
        self._texts = (days, values, lines)
        head = f'{{\n"version": {VERSION},\n"days": '.encode()
        if not lines:
            return [head, b"{}\n}\n"]
        return [head, b"{\n", b",\n".join(lines), b"\n}\n}\n"]

    def _save(self, entries: dict[str, DayEntry]) -> None:
        if self.read_only:
            self._memory = dict(entries)  # a backup copy: remembered here, never written
            return
        raw = self._encode(entries)
        try:
            with self._lock():
                # A cache: a crash may lose it (it is rebuilt), so no fsync is paid here.
                write_atomic(self.path, raw, durable=False)
                self._file.stored(self.path, IndexData(dict(entries)))
        except StoreError:
            self._file.forget(self.path)  # a read-only store still answers from its days
            self._memory = dict(entries)
