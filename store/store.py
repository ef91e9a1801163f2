"""The case store: events of each case in the TinyDB file of the day it was opened.

Layout under ``store_dir``::

    2026/2026-11-25.json   one TinyDB file per day (tables: events, codes)
    open.json              the codes of cases not yet closed (dashboard index)
    .locks/                cross-process lock files

A case code begins with the day it was opened, so finding a case reads exactly
one day file, and appending an event costs the size of one day however long
the history grows. Every file is replaced atomically (see `store.files`), under
a cross-process lock for every read-modify-write, so two desks on one shared
store never lose or duplicate an event, and a power cut never leaves a torn file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from tinydb import TinyDB, where

from counter.codes import make_code, normalize, parse_code
from counter.texts import store as texts
from store.day import CODES, EVENTS, DayCache, DayStorage
from store.errors import StoreError
from store.files import FileCache, Lock, copy_json, damaged, ensure_dir, write_atomic
from store.upkeep import is_read_only, remove_stale_temps, tighten

MAX_SEQ = 999
_DAY_FILE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.json$")
_YEAR_DIR = re.compile(r"^\d{4}$")
_CODE = re.compile(r"^\d{12}$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INDEX_NAME = "open.json"
LOCK_DIR = ".locks"


def _validate_index(path: Path, data: Any) -> dict[str, list[str]]:
    """The index: open codes, codes being written ("pending"), and days whose open cases
    are not known because their file was unreadable when the index was rebuilt ("unread",
    optional: older indexes lack it)."""
    ok = (
        isinstance(data, dict)
        and isinstance(data.get("open"), list)
        and isinstance(data.get("pending"), list)
        and isinstance(data.get("unread", []), list)
        and all(isinstance(c, str) and _CODE.match(c) for c in data["open"] + data["pending"])
        and all(isinstance(d, str) and _ISO_DAY.match(d) for d in data.get("unread", []))
    )
    if not ok:
        raise damaged(path, texts.REASON_SHAPE.format(detail=texts.SHAPE_INDEX))
    return {"open": data["open"], "pending": data["pending"], "unread": data.get("unread", [])}


class Store:
    """Repository of case events; see docs/contracts.md ("Store")."""

    def __init__(self, store_dir: Path, tz: tzinfo, *, read_only: bool | None = None) -> None:
        """``read_only`` None: detected (a backup on a read-only disk is read without
        locks and never written; every write is refused with a message)."""
        self.store_dir = Path(store_dir)
        self.tz = tz
        self.index_path = self.store_dir / INDEX_NAME
        self.notices: list[str] = []
        self._days = DayCache()
        self._index = FileCache(_validate_index, capacity=1)
        self.read_only = is_read_only(self.store_dir) if read_only is None else read_only
        self._memory_index: dict[str, list[str]] | None = None  # read-only: a rebuilt index
        if self.read_only:
            self.notices.append(texts.READ_ONLY.format(path=self.store_dir))
            return
        ensure_dir(self.store_dir / LOCK_DIR)
        tighten(self.store_dir)
        remove_stale_temps(self.store_dir, lambda iso: self._day_lock(date.fromisoformat(iso)),
                           self._index_lock, INDEX_NAME)

    # -- places ---------------------------------------------------------------

    def path_for(self, day: date) -> Path:
        """The file holding the cases opened on ``day``."""
        return self.store_dir / f"{day.year:04d}" / f"{day.isoformat()}.json"

    def today(self) -> date:
        """Today in the office's time zone (the day a code opened now carries)."""
        return datetime.now(self.tz).date()

    def _day_lock(self, day: date) -> Lock:
        return Lock(self.store_dir / LOCK_DIR / f"{day.isoformat()}.lock", self.path_for(day))

    def _index_lock(self) -> Lock:
        return Lock(self.store_dir / LOCK_DIR / "open.lock", self.index_path)

    def _index_guard(self) -> AbstractContextManager[object]:
        """The index lock; none on a read-only copy (nobody writes there, nor can we)."""
        return nullcontext() if self.read_only else self._index_lock()

    def _writable(self) -> None:
        """Refuse any write to a read-only store, before touching anything."""
        if self.read_only:
            raise StoreError(texts.READ_ONLY_REFUSED, path=self.store_dir)

    def _db(self, day: date) -> TinyDB:
        return TinyDB(self.path_for(day), self._days, storage=DayStorage)

    # -- reading --------------------------------------------------------------

    def events(self, code: str) -> list[dict]:
        """Every event of one case, ordered by seq; `StoreError` if there is no such case."""
        code = normalize(code)
        day = parse_code(code).day
        found = self._db(day).table(EVENTS).search(where("code") == code)
        if not found:
            raise StoreError(texts.UNKNOWN_CASE.format(code=code))
        return sorted((copy_json(dict(e)) for e in found), key=lambda e: e["seq"])

    def events_on(self, day: date) -> dict[str, list[dict]]:
        """The events of every case opened on ``day``, by code in the order opened."""
        grouped: dict[str, list[dict]] = {}
        data = self._days.load_fresh(self.path_for(day)) or {}
        for event in data.get(EVENTS, {}).values():
            grouped.setdefault(event["code"], []).append(event)
        for events in grouped.values():
            events.sort(key=lambda e: e["seq"])
        return grouped

    def events_of(self, codes: Iterable[str]) -> dict[str, list[dict]]:
        """The events of many cases at once, reading each day file once (the dashboard's
        open cases); unknown codes are left out rather than raising."""
        wanted: dict[date, set[str]] = {}
        for code in codes:
            code = normalize(code)
            wanted.setdefault(parse_code(code).day, set()).add(code)
        found: dict[str, list[dict]] = {}
        for day, day_codes in sorted(wanted.items()):
            for code, events in self.events_on(day).items():
                if code in day_codes:
                    found[code] = events
        return found

    def codes_on(self, day: date) -> list[str]:
        """Codes of the cases opened on ``day``, in the order they were opened."""
        return list(dict.fromkeys(e["code"] for e in self._db(day).table(EVENTS).all()))

    def day_files(self) -> list[Path]:
        """Every day file in the store, oldest first."""
        found: list[Path] = []
        if not self.store_dir.is_dir():
            return found
        for year in os.scandir(self.store_dir):
            if not (year.is_dir() and _YEAR_DIR.match(year.name)):
                continue
            for entry in os.scandir(year.path):
                if _DAY_FILE.match(entry.name) and entry.is_file():
                    found.append(Path(entry.path))
        return sorted(found, key=lambda p: p.name)

    def damaged(self) -> list[tuple[Path, str]]:
        """Store files that cannot be read, each with the reason (reads every day file)."""
        bad: list[tuple[Path, str]] = []
        for path in self.day_files():
            try:
                self._days.load(path)
            except StoreError as err:
                bad.append((path, err.message))
        try:
            self._index.load(self.index_path)
        except StoreError as err:
            bad.append((self.index_path, err.message))
        return bad

    # -- writing --------------------------------------------------------------

    def append(self, event: dict) -> dict:
        """Store one event, giving it the case's next ``seq``; durable once this returns."""
        self._writable()
        stored = self._checked(event)
        if stored["type"] not in ("opened", "closed"):
            return self._append_to_day(stored)
        code = stored["code"]
        with self._index_lock():
            index = self._load_index_locked()
            index["pending"] = sorted({*index["pending"], code})
            self._write_index(index)
            try:
                result = self._append_to_day(stored)
            except BaseException:
                index["pending"] = [c for c in index["pending"] if c != code]
                self._write_index(index)
                raise
            open_now = set(index["open"])
            if result["type"] == "opened":
                open_now.add(code)
            else:
                open_now.discard(code)
            index["open"] = sorted(open_now)
            index["pending"] = [c for c in index["pending"] if c != code]
            self._write_index(index)
        return result

    def next_code(self, day: date, desk: int) -> str:
        """A code never handed out before for ``desk`` on ``day``; recorded before returned."""
        self._writable()
        make_code(day, desk, 1)  # refuses an impossible day or desk before touching disk
        path = self.path_for(day)
        ensure_dir(path.parent)
        with self._day_lock(day):
            db = self._db(day)
            issued = [c["seq"] for c in db.table(CODES).search(where("desk") == desk)]
            prefix = f"{day:%y%m%d}{desk:02d}"
            used = [int(e["code"][8:11]) for e in db.table(EVENTS).all()
                    if e["code"].startswith(prefix)]
            seq = max([0, *issued, *used]) + 1
            if seq > MAX_SEQ:
                raise StoreError(
                    texts.DESK_FULL.format(desk=desk, day=day.isoformat(), limit=MAX_SEQ),
                    path=path,
                )
            code = make_code(day, desk, seq)
            db.table(CODES).insert({"desk": desk, "seq": seq, "code": code})
        return code

    def import_events(self, events: Iterable[dict]) -> int:
        """Bulk-load events that already carry their ``seq`` (demo history, migration).

        One write per day instead of one per event. Refused as a whole per day
        (`StoreError`, nothing written for that day) if a (code, seq) is already
        stored or a case's seqs would not run 0, 1, 2 … without gaps. The
        open-case index is updated for the cases touched. Returns the count.
        """
        self._writable()
        by_day: dict[date, list[dict]] = {}
        for event in events:
            stored = self._checked(event, keep_seq=True)
            by_day.setdefault(parse_code(stored["code"]).day, []).append(stored)
        count = 0
        with self._index_lock():
            index = self._load_index_locked()
            open_now = set(index["open"])
            for day in sorted(by_day):
                path = self.path_for(day)
                ensure_dir(path.parent)
                with self._day_lock(day):
                    table = self._db(day).table(EVENTS)
                    merged: dict[str, dict[int, str]] = {}
                    for e in [*table.all(), *by_day[day]]:
                        seqs = merged.setdefault(e["code"], {})
                        if e["seq"] in seqs:
                            message = texts.IMPORT_CLASH.format(code=e["code"], seq=e["seq"])
                            raise StoreError(message, path=path)
                        seqs[e["seq"]] = e["type"]
                    touched = {e["code"] for e in by_day[day]}
                    for code in touched:
                        seqs = merged[code]
                        if sorted(seqs) != list(range(len(seqs))) or seqs[0] != "opened":
                            raise StoreError(texts.IMPORT_GAP.format(code=code), path=path)
                    table.insert_multiple(by_day[day])
                count += len(by_day[day])
                for code in touched:
                    types = set(merged[code].values())
                    if "closed" in types:
                        open_now.discard(code)
                    else:
                        open_now.add(code)
                if sorted(open_now) != index["open"]:
                    index = {**index, "open": sorted(open_now), "pending": []}
                    self._write_index(index)
        return count

    def _checked(self, event: dict, *, keep_seq: bool = False) -> dict:
        if not isinstance(event, dict):
            raise StoreError(texts.NOT_A_DICT)
        for key in ("code", "type", "at"):
            if not isinstance(event.get(key), str):
                raise StoreError(texts.MISSING_FIELD, field=key)
        seq = event.get("seq") if keep_seq else -1
        if type(seq) is not int or (keep_seq and seq < 0):
            raise StoreError(texts.MISSING_FIELD, field="seq")
        stored = {"code": normalize(event["code"]), "seq": seq}
        stored.update((k, v) for k, v in event.items() if k not in ("code", "seq"))
        try:
            return json.loads(json.dumps(stored, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError) as exc:
            raise StoreError(texts.NOT_JSON_DATA.format(error=exc), field="data") from None

    def _append_to_day(self, stored: dict) -> dict:
        code = stored["code"]
        day = parse_code(code).day
        path = self.path_for(day)
        ensure_dir(path.parent)
        with self._day_lock(day):
            events = self._db(day).table(EVENTS)
            seqs = [e["seq"] for e in events.search(where("code") == code)]
            if stored["type"] == "opened" and seqs:
                raise StoreError(texts.CASE_EXISTS.format(code=code), path=path)
            if stored["type"] != "opened" and not seqs:
                raise StoreError(texts.NOT_OPENED.format(code=code), path=path)
            stored["seq"] = max(seqs, default=-1) + 1
            events.insert(stored)
        return copy_json(stored)

    # -- open-case index ------------------------------------------------------

    def open_codes(self) -> list[str]:
        """Codes of the cases not closed, from the index (no history scan)."""
        try:
            index = self._index.load(self.index_path)
        except StoreError:
            index = None
        if index is not None and not index["pending"] and not index["unread"]:
            return list(index["open"])
        with self._index_guard():
            return list(self._load_index_locked()["open"])

    def unread_days(self) -> list[date]:
        """Days whose open cases the index does not know: their file was unreadable when
        the index was rebuilt. Each is read again on every look at the index, and its
        open cases return to the index as soon as it can be read (restored)."""
        try:
            index = self._index.load(self.index_path)
        except StoreError:
            index = None
        if index is not None and not index["pending"] and not index["unread"]:
            return []
        with self._index_guard():
            return [date.fromisoformat(d) for d in self._load_index_locked()["unread"]]

    def _write_index(self, index: dict[str, list[str]]) -> None:
        if self.read_only:  # a rebuilt or settled index lives in memory: the copy stays as is
            self._memory_index = {k: list(v) for k, v in index.items()}
            return
        payload = json.dumps(index, indent=0).encode("utf-8") + b"\n"
        try:
            write_atomic(self.index_path, payload)
        except BaseException:
            self._index.forget(self.index_path)
            raise
        self._index.stored(self.index_path, {k: list(v) for k, v in index.items()})

    def _load_index_locked(self) -> dict[str, list[str]]:
        """The index, repaired if needed; the caller holds the index lock.

        A code is "pending" while an opened/closed event is being written; one left
        pending by a crash is settled by reading that case's day file. A damaged
        index is set aside (never deleted) and rebuilt from the day files, as is a
        missing one when day files exist: the index is derived data, the day files
        are the truth.
        """
        if self._memory_index is not None:
            index = self._memory_index
        else:
            try:
                index = self._index.load(self.index_path)
            except StoreError:
                return self._rebuild_index(set_aside=not self.read_only)
        if index is None:
            if self.day_files():
                return self._rebuild_index(set_aside=False)
            return {"open": [], "pending": [], "unread": []}
        index = {k: list(v) for k, v in index.items()}
        changed = False
        if index["pending"]:
            open_now = set(index["open"])
            for code in index["pending"]:
                if self._is_open(code):
                    open_now.add(code)
                else:
                    open_now.discard(code)
            index = {**index, "open": sorted(open_now), "pending": []}
            changed = True
        still_unread = []
        for iso in index["unread"]:
            try:
                grouped = self.events_on(date.fromisoformat(iso))
            except StoreError:
                still_unread.append(iso)
                continue
            index["open"] = sorted({*index["open"], *_open_in(grouped)})
            changed = True
        if changed:
            index["unread"] = still_unread
            self._write_index(index)
        return index

    def _is_open(self, code: str) -> bool:
        try:
            types = {e["type"] for e in self.events(code)}
        except StoreError as err:
            # An unreadable day keeps its cases listed: better shown than forgotten.
            return err.path is not None
        return "opened" in types and "closed" not in types

    def _rebuild_index(self, *, set_aside: bool) -> dict[str, list[str]]:
        aside = ""
        if set_aside:
            stamp = datetime.now(self.tz).strftime("%Y%m%d-%H%M%S")
            target = self.index_path.with_name(f"{INDEX_NAME}.rusak-{stamp}")
            try:
                os.replace(self.index_path, target)
            except OSError as exc:
                error = texts.WRITE_FAILED.format(error=exc.strerror or exc)
                raise StoreError(error, path=self.index_path) from exc
            aside = texts.INDEX_ASIDE.format(path=target)
        open_now: set[str] = set()
        unread: list[str] = []
        for path in self.day_files():
            day = date.fromisoformat(path.stem)
            try:
                grouped = self.events_on(day)
            except StoreError:
                # Never forgotten: the day is kept as "unread" and read again on every
                # look at the index; its open cases come back once it is repaired.
                unread.append(day.isoformat())
                continue
            open_now.update(_open_in(grouped))
        index = {"open": sorted(open_now), "pending": [], "unread": unread}
        self._write_index(index)
        self.notices.append(texts.INDEX_REBUILT.format(aside=aside))
        return index


def _open_in(grouped: dict[str, list[dict]]) -> set[str]:
    """The codes among one day's cases that were opened and not closed."""
    found = set()
    for code, events in grouped.items():
        types = {e["type"] for e in events}
        if "opened" in types and "closed" not in types:
            found.add(code)
    return found


def open_store(store_dir: Path, tz: tzinfo, *, read_only: bool | None = None) -> Store:
    """The store in ``store_dir`` (created on first use) for an office in time zone ``tz``;
    a store that cannot be written is opened read-only (``read_only`` forces either way)."""
    return Store(Path(store_dir), tz, read_only=read_only)
