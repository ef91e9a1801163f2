"""The case store: events of each case in the TinyDB file of the day it was opened.

Layout under ``store_dir``::

    2026/2026-11-25.json   one TinyDB file per day (tables: events, codes)
    open.json              a cache of the open cases per day file (see store.index)
    .locks/                cross-process lock files

A case code begins with the day it was opened, so finding a case reads exactly
one day file, and appending an event costs the size of one day however long
the history grows. Every file is replaced atomically (see `store.files`), under
a cross-process lock for every read-modify-write, so two desks on one shared
store never lose or duplicate an event, and a power cut never leaves a torn file.

One action is one write: `append_many` puts all of an action's events (for a new
case: its code taken by the `opened` event, and so its place among the open
cases) into the day file in one atomic replace, after checking that the case has
not moved since the action was planned (`expect`); a kill can never leave half
an action, and two desks acting on one case never both succeed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from counter.case.read import last_event_id
from counter.case.schema import SchemaError, is_id, new_id, read_event
from counter.codes import make_code, normalize, parse_code
from counter.errors import ConflictError
from counter.summary.port import DayShelf, ShelfEntry
from counter.texts import store as texts
from store.case_index import CaseIndex, events_after, open_in
from store.day import CODES, EVENTS, DayCache, DayStorage, write_day
from store.day_codes import MAX_SEQ as MAX_SEQ
from store.day_codes import CodeCounters
from store.errors import StoreError
from store.files import Lock, copy_json, ensure_dir
from store.index import INDEX_NAME, OpenIndex
from store.summaries import Shelves
from store.upkeep import is_read_only, remove_stale_temps, tighten

_DAY_FILE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.json$")
_YEAR_DIR = re.compile(r"^\d{4}$")
_CODE = re.compile(r"^\d{12}$")
LOCK_DIR = ".locks"


class Store:
    """Repository of case events; see docs/contracts.md ("Store")."""

    def __init__(self, store_dir: Path, tz: tzinfo, *, read_only: bool | None = None) -> None:
        """``read_only`` None: detected (a backup on a read-only disk is read without
        locks and never written; every write is refused with a message)."""
        self.store_dir = Path(store_dir)
        self.tz = tz
        self.index_path = self.store_dir / INDEX_NAME
        self._days = DayCache()
        self._cases = CaseIndex()  # each day's events by case: an act reads only its own
        self._locks: dict[date, Lock] = {}
        self._code_counters = CodeCounters()
        self.read_only = is_read_only(self.store_dir) if read_only is None else read_only
        self._index = OpenIndex(self.store_dir, tz, day_files=self.day_files,
                                read_day=self._days.load, lock=self._index_guard,
                                read_only=self.read_only)
        self.shelves = Shelves(self.store_dir, self.path_for, self._day_lock,
                               read_only=self.read_only)
        if self.read_only:
            self.notices.append(texts.READ_ONLY.format(path=self.store_dir))
            return
        ensure_dir(self.store_dir / LOCK_DIR)
        tighten(self.store_dir)
        remove_stale_temps(self.store_dir, lambda iso: self._day_lock(date.fromisoformat(iso)),
                           self._index_lock, INDEX_NAME)

    @property
    def notices(self) -> list[str]:
        """Messages about repairs (e.g. a damaged open-case index set aside and rebuilt)."""
        return self._index.notices

    # -- places ---------------------------------------------------------------

    def path_for(self, day: date) -> Path:
        """The file holding the cases opened on ``day``."""
        return self.store_dir / f"{day.year:04d}" / f"{day.isoformat()}.json"

    def today(self) -> date:
        """Today in the office's time zone (the day a code opened now carries)."""
        return datetime.now(self.tz).date()

    def _day_lock(self, day: date) -> Lock:
        lock = self._locks.get(day)
        if lock is None:  # one lock object per day: making one costs more than taking it
            lock = Lock(self.store_dir / LOCK_DIR / f"{day.isoformat()}.lock",
                        self.path_for(day))
            self._locks[day] = lock
        return lock

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

    def events(self, code: str) -> list[dict[str, Any]]:
        """Every event of one case, ordered by seq; `StoreError` if there is no such case."""
        code = normalize(code)
        day = parse_code(code).day
        path = self.path_for(day)
        data = self._days.load(path) or {}
        found = self._cases.of(path, data.get(EVENTS, {}))[0].get(code, [])
        if not found:
            raise StoreError(texts.UNKNOWN_CASE.format(code=code))
        return sorted((copy_json(dict(e)) for e in found), key=lambda e: e["seq"])

    def events_on(self, day: date) -> dict[str, list[dict[str, Any]]]:
        """The events of every case opened on ``day``, by code in the order opened."""
        grouped: dict[str, list[dict[str, Any]]] = {}
        data = self._days.load_fresh(self.path_for(day)) or {}
        for event in data.get(EVENTS, {}).values():
            grouped.setdefault(event["code"], []).append(event)
        for events in grouped.values():
            events.sort(key=lambda e: e["seq"])
        return grouped

    def events_of(self, codes: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """The events of many cases at once, reading each day file once (the dashboard's
        open cases); unknown codes are left out rather than raising."""
        wanted: dict[date, set[str]] = {}
        for code in codes:
            code = normalize(code)
            wanted.setdefault(parse_code(code).day, set()).add(code)
        found: dict[str, list[dict[str, Any]]] = {}
        for day, day_codes in sorted(wanted.items()):
            key = self.shelves.day_key(day)  # before anything of the day is read
            kept = self.shelves.open_events(day, key)
            if kept is not None and day_codes <= kept.keys():
                found.update((code, kept[code]) for code in day_codes)
                continue
            grouped = self.events_on(day)
            for code, events in grouped.items():
                if code in day_codes:
                    found[code] = events
            self.shelves.keep_open_events(day, key, {c: grouped[c]
                                                     for c in open_in(grouped)})
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
        return bad

    # -- writing --------------------------------------------------------------

    def append(self, event: dict[str, Any]) -> dict[str, Any]:
        """Store one event after whatever the case holds now; durable once this returns."""
        return self._write_action([event], None, check=False)[0]

    def append_many(self, events: Sequence[dict[str, Any]],
                    expect: str | None = None) -> list[dict[str, Any]]:
        """Store one action's events (one case) in one atomic write; the stored copies back.

        `expect` is the id of the case's last event the action was planned on (None
        for a new case, whose first event is `opened`). If the case has moved since
        (or, for a new case, its code was taken meanwhile), nothing is written and
        `ConflictError` comes back with the events the action did not know about.
        The action's first event records `prev` = `expect`; each event without an id
        gets one. Durable once this returns.
        """
        return self._write_action(events, expect, check=True)

    def next_code(self, day: date, desk: int, *, reserve: bool = True) -> str:
        """A code never used before for ``desk`` on ``day``.

        With ``reserve`` (the default) it is recorded before it is returned, so it is
        never handed out again. Without, it is a proposal that costs no write: the
        `append_many` of its `opened` event takes it (or reports it taken meanwhile).
        """
        if reserve:
            self._writable()
        make_code(day, desk, 1)  # refuses an impossible day or desk before touching disk
        path = self.path_for(day)
        self._writable()  # a proposal too: it is only ever asked for in order to write
        if not reserve:  # nothing written: the day as it is now is enough, no lock needed
            return self._code_counters.free_code(self._days.load(path) or {}, day, desk, path)
        ensure_dir(path.parent)
        with self._day_lock(day):
            data = self._days.load(path) or {}
            code = self._code_counters.free_code(data, day, desk, path)
            codes = dict(data.get(CODES, {}))
            codes[str(max((int(k) for k in codes), default=0) + 1)] = {
                "desk": desk, "seq": int(code[8:11]), "code": code}
            before = self._days.key_of(path)
            new_data = {**data, CODES: codes}
            write_day(path, new_data, self._days)
            self._code_counters.reserved(path, data, new_data, desk, int(code[8:11]))
            # the same open cases, in a file with a new identity
            self._index.learned(path, new_data.get(EVENTS, {}).values(), before=before)
        return code

    def import_events(self, events: Iterable[dict[str, Any]]) -> int:
        """Bulk-load events that already carry their ``seq`` (demo history, migration).

        One write per day instead of one per event. Refused as a whole per day
        (`StoreError`, nothing written for that day) if a (code, seq) is already
        stored or a case's seqs would not run 0, 1, 2 … without gaps. The
        open-case index is updated for the cases touched. Returns the count.
        """
        self._writable()
        by_day: dict[date, list[dict[str, Any]]] = {}
        for event in events:
            stored = self._checked(event, keep_seq=True)
            by_day.setdefault(parse_code(stored["code"]).day, []).append(stored)
        count = 0
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
                for code in {e["code"] for e in by_day[day]}:
                    seqs = merged[code]
                    if sorted(seqs) != list(range(len(seqs))) or seqs[0] != "opened":
                        raise StoreError(texts.IMPORT_GAP.format(code=code), path=path)
                table.insert_multiple(by_day[day])
                self._index.learned(path, table.all())
            count += len(by_day[day])
        return count

    def _checked(self, event: dict[str, Any], *, keep_seq: bool = False) -> dict[str, Any]:
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
            plain: dict[str, Any] = json.loads(json.dumps(stored, ensure_ascii=False,
                                                          allow_nan=False))
            return plain
        except (TypeError, ValueError) as exc:
            raise StoreError(texts.NOT_JSON_DATA.format(error=exc), field="data") from None

    def _write_action(self, events: Sequence[dict[str, Any]], expect: str | None, *,
                      check: bool) -> list[dict[str, Any]]:
        """The one write of an action; `check` compares the case's last event with `expect`."""
        self._writable()
        prepared = [self._checked(e) for e in events]
        if not prepared:
            return []
        code = prepared[0]["code"]
        if any(e["code"] != code for e in prepared):
            raise StoreError(texts.ACTION_ONE_CASE, field="code")
        if any(e["type"] == "opened" for e in prepared[1:]):
            raise StoreError(texts.ACTION_SECOND_OPEN, field="type")
        for e in prepared:
            if not is_id(e.get("id")):
                e["id"] = self._new_id(e)
        opening = prepared[0]["type"] == "opened"
        if opening and check and expect is not None:
            raise StoreError(texts.ACTION_OPEN_EXPECT, field="expect")
        day = parse_code(code).day
        path = self.path_for(day)
        ensure_dir(path.parent)
        with self._day_lock(day):
            data = self._days.load(path) or {}
            table: dict[str, dict[str, Any]] = data.get(EVENTS, {})
            by_code, next_doc = self._cases.of(path, table)
            mine = by_code.get(code, [])
            if opening and mine:
                if check:
                    raise ConflictError(texts.CODE_TAKEN.format(code=code), code=code)
                raise StoreError(texts.CASE_EXISTS.format(code=code), path=path)
            if not opening and not mine:
                raise StoreError(texts.NOT_OPENED.format(code=code), path=path)
            last = last_event_id(mine)
            if check and last != expect:
                raise ConflictError(texts.CASE_MOVED.format(code=code), code=code,
                                    newer=tuple(copy_json(events_after(mine, expect))))
            if last is not None:
                prepared[0]["prev"] = last
            first_seq = max((e["seq"] for e in mine), default=-1) + 1
            new_table = dict(table)
            for i, e in enumerate(prepared):
                e["seq"] = first_seq + i
                self._valid(e)
                new_table[str(next_doc + i)] = e
            before = self._days.key_of(path)
            new_data = {**data, EVENTS: new_table}
            write_day(path, new_data, self._days)
            self._cases.grew(path, table, new_table, prepared)
            if opening:  # keep the code counters current without a scan
                self._code_counters.opened(path, data, new_data, code)
            else:
                self._code_counters.carried(path, data, new_data)
            self._index.learned(path, new_table.values(), before=before, added=prepared)
        written: list[dict[str, Any]] = copy_json(prepared)
        return written

    @staticmethod
    def _new_id(event: dict[str, Any]) -> str:
        try:
            return new_id(datetime.fromisoformat(event["at"]))
        except ValueError:
            raise StoreError(texts.BAD_EVENT.format(detail=event["at"]), field="at") from None

    @staticmethod
    def _valid(event: dict[str, Any]) -> None:
        """Only events that read back whole are written (the schema of counter.case)."""
        try:
            read_event(event)
        except SchemaError as err:
            raise StoreError(texts.BAD_EVENT.format(detail=err.message), field=err.field) \
                from None

    # -- per-case summaries (counter.summary; kept by store.summaries) ---------

    def shelf_on(self, day: date) -> DayShelf:
        """The summaries and open cases kept beside ``day``'s file."""
        return self.shelves.shelf_on(day)

    def page_on(self, day: date) -> tuple[object, bytes | None]:
        """The day file's identity now and the day's report page, if one is kept."""
        return self.shelves.page_on(day)

    def open_snapshot(self) -> bytes | None:
        """The open cases' folds an earlier process kept (`counter.open_snapshot`)."""
        return self.shelves.open_snapshot()

    def keep_open_snapshot(self, raw: bytes) -> None:
        self.shelves.keep_open_snapshot(raw)

    def put_page(self, day: date, raw: bytes) -> None:
        """Keep a day's report page (a cache: never an error)."""
        self.shelves.put_page(day, raw)

    def put_shelf(self, day: date, key: object, entries: Mapping[str, ShelfEntry]) -> None:
        """Keep a day's summaries (a cache: no fsync, never an error)."""
        self.shelves.put_shelf(day, key, entries)

    # -- open-case index ------------------------------------------------------

    def office_desk_names(self) -> dict[int, str]:
        """The office's desk names as last synced ({5: "Koor"}; store/sync/desk_names)."""
        from store.sync.desk_names import load_desk_names

        return load_desk_names(self.store_dir)

    def unread_days(self) -> list[date]:
        """Days whose file cannot be read and whose open cases were never known (so none of
        them can be listed); a day read once keeps its last known open cases listed."""
        return self._index.unread_days()

    def open_codes(self) -> list[str]:
        """Codes of the cases not closed (day files are stat'ed, not read, when unchanged)."""
        return self._index.codes()


def open_store(store_dir: Path, tz: tzinfo, *, read_only: bool | None = None) -> Store:
    """The store in ``store_dir`` (created on first use) for an office in time zone ``tz``;
    a store that cannot be written is opened read-only (``read_only`` forces either way)."""
    return Store(Path(store_dir), tz, read_only=read_only)
