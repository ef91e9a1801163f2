"""The desk's store seen as a replica of the office record (`counter.sync.port.Replica`).

Kept apart from the store's own append path: the store writes a desk's actions as
always; this module only finds what the server has not confirmed, records the
server's confirmations, and imports other desks' events.

- Each day file holds, beside its events, a `sync` table whose one document lists
  `on_server`: the ids of that day's events the server is known to hold. Imported
  events are written together with their ids in `on_server` (one atomic write of
  the day file), so they are never pushed back; a desk's own events join the list
  once the server has acknowledged them.
- `sync.json` beside the day files keeps the pull cursor (the office's
  `server_seq` already imported), this machine's desk key, and the signature of
  each day file found fully pushed, so a cycle reads only the day files that
  changed. The cursor is written after the events it covers, never before: a
  crash in between re-pulls rows that the import then skips by id.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from counter.case.schema import event_id
from counter.codes import parse_code
from store.day import EVENTS, DayStorage
from store.errors import StoreError
from store.files import Lock, ensure_dir, write_atomic
from store.store import Store

SYNC = "sync"
STATE_NAME = "sync.json"

Event = dict[str, Any]


def _signature(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return [st.st_ino, st.st_mtime_ns, st.st_size]


class Replica:
    """Push marks, pull cursor and import for one desk's `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = store.store_dir / STATE_NAME
        self._lock_path = store.store_dir / ".locks" / "sync.lock"
        ensure_dir(self._lock_path.parent)
        self._day_of: dict[str, date] = {}
        # the state file as last parsed, with its identity: `changed` is asked several
        # times a second and need not parse an unchanged file each time
        self._seen: tuple[tuple[int, int] | None, dict[str, Any]] | None = None

    # ------------------------------------------------------------ state file

    def _lock(self) -> Lock:
        return Lock(self._lock_path, self.path)

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return {"cursor": 0, "key": "", "clean": {}}
        except (OSError, ValueError):
            # Derived data: a damaged state file only costs a full re-scan and a re-pull,
            # both idempotent. The machine key is kept if it can be read at all.
            return {"cursor": 0, "key": "", "clean": {}}
        if not isinstance(data, dict):
            return {"cursor": 0, "key": "", "clean": {}}
        return {"cursor": int(data.get("cursor") or 0), "key": str(data.get("key") or ""),
                "clean": dict(data.get("clean") or {})}

    def _save(self, state: dict[str, Any]) -> None:
        write_atomic(self.path, json.dumps(state, indent=0).encode("utf-8") + b"\n")

    def key(self) -> str:
        """This machine's desk key: claims its desk number on the server."""
        with self._lock():
            state = self._load()
            if not state["key"]:
                state["key"] = secrets.token_hex(16)
                self._save(state)
            return str(state["key"])

    def cursor(self) -> int:
        return int(self._load()["cursor"])

    # ------------------------------------------------------------ push side

    def _day_data(self, day: date) -> dict[str, dict[str, Any]]:
        return self.store._days.load_fresh(self.store.path_for(day)) or {}

    @staticmethod
    def _on_server(data: dict[str, dict[str, Any]]) -> set[str]:
        doc = data.get(SYNC, {}).get("1", {})
        ids = doc.get("on_server", []) if isinstance(doc, dict) else []
        return {i for i in ids if isinstance(i, str)}

    def _dirty_days(self, state: dict[str, Any]) -> list[date]:
        clean = state["clean"]
        days = []
        for path in self.store.day_files():
            if clean.get(path.stem) != _signature(path):
                days.append(date.fromisoformat(path.stem))
        return days

    def _scan(self, limit: int | None) -> list[Event]:
        with self._lock():
            state = self._load()
            found: list[Event] = []
            changed = False
            for day in self._dirty_days(state):
                path = self.store.path_for(day)
                sig = _signature(path)
                try:
                    data = self._day_data(day)
                except StoreError:
                    continue  # a damaged day is reported by the store; pushed once repaired
                on_server = self._on_server(data)
                # An event stored before ids existed goes out under its derived id.
                waiting = [{**e, "id": event_id(e)} for e in data.get(EVENTS, {}).values()]
                waiting = [e for e in waiting if e["id"] not in on_server]
                if not waiting:
                    state["clean"][day.isoformat()] = sig
                    changed = True
                    continue
                waiting.sort(key=lambda e: (e["code"], e.get("seq", 0)))
                for e in waiting:
                    self._day_of[e["id"]] = day
                found.extend(waiting)
                if limit is not None and len(found) >= limit:
                    break
            if changed:
                self._save(state)
        # Day by day, each case's events in their local order (its `opened` first).
        return found if limit is None else found[:limit]

    def changed(self) -> bool:
        """Has a day file changed since the last scan found it pushed? (a few stat calls:
        the sync loop asks this several times a second to push a local action at once)."""
        return bool(self._dirty_days(self._state_as_seen()))

    def _state_as_seen(self) -> dict[str, Any]:
        try:
            st = os.stat(self.path)
            key: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            key = None
        if self._seen is None or self._seen[0] != key:
            self._seen = (key, self._load())
        return self._seen[1]

    def unpushed(self, limit: int) -> list[Event]:
        events = self._scan(limit)
        for e in events:
            e.pop("seq", None)  # a local storage detail
        return events

    def unpushed_count(self) -> int:
        return len(self._scan(None))

    def mark_pushed(self, ids: Sequence[str]) -> None:
        by_day: dict[date, set[str]] = {}
        for i in ids:
            day = self._day_of.get(i)
            if day is not None:
                by_day.setdefault(day, set()).add(i)
        for day, day_ids in sorted(by_day.items()):
            with self.store._day_lock(day):
                storage = DayStorage(self.store.path_for(day), self.store._days)
                data = dict(storage.read() or {})
                on_server = self._on_server(data) | day_ids
                data[SYNC] = {"1": {"on_server": sorted(on_server)}}
                storage.write(data)
        for i in ids:
            self._day_of.pop(i, None)

    # ------------------------------------------------------------ pull side

    def import_pulled(self, events: Sequence[Event], cursor: int) -> int:
        """Other desks' events into their day files (ids already here are skipped), each
        day in one atomic write with the ids marked as on the server; then the cursor."""
        by_day: dict[date, list[Event]] = {}
        day_of_code: dict[str, date] = {}  # a case has many events: parse its code once
        for ev in events:
            day = day_of_code.get(ev["code"])
            if day is None:
                day = day_of_code[ev["code"]] = parse_code(ev["code"]).day
            by_day.setdefault(day, []).append(ev)
        added = 0
        clean: dict[str, list[int] | None] = {}
        for day in sorted(by_day):
            added += self._import_day(day, by_day[day], clean)
        with self._lock():
            state = self._load()
            if cursor > state["cursor"] or clean:
                state["cursor"] = max(cursor, state["cursor"])
                # a day holding only events the server has needs no re-scan for pushing
                state["clean"].update(clean)
                self._save(state)
        return added

    def _import_day(self, day: date, events: Iterable[Event],
                    clean: dict[str, list[int] | None]) -> int:
        path = self.store.path_for(day)
        ensure_dir(path.parent)
        with self.store._day_lock(day):
            storage = DayStorage(path, self.store._days)
            data = dict(storage.read() or {})
            table = dict(data.get(EVENTS, {}))
            have = {e.get("id") for e in table.values()}
            next_seq: dict[str, int] = {}
            for e in table.values():
                next_seq[e["code"]] = max(next_seq.get(e["code"], 0), e["seq"] + 1)
            next_doc = max((int(k) for k in table), default=0) + 1
            on_server = self._on_server(data)
            added = 0
            for ev in events:
                if ev["id"] in have:
                    on_server.add(ev["id"])
                    continue
                seq = next_seq.get(ev["code"], 0)
                stored = {"code": ev["code"], "seq": seq}
                stored.update(ev)  # code and seq keep their place in front
                stored["seq"] = seq
                next_seq[ev["code"]] = seq + 1
                table[str(next_doc)] = stored
                next_doc += 1
                have.add(ev["id"])
                on_server.add(ev["id"])
                added += 1
            data[EVENTS] = table
            data[SYNC] = {"1": {"on_server": sorted(on_server)}}
            storage.write(data)
            # imported cases appear on this desk's dashboard, closed ones leave it
            self.store._index.learned(path, table.values())
            if all(e.get("id", "") in on_server for e in table.values()):
                clean[day.isoformat()] = _signature(path)
        return added


def open_replica(store: Store) -> Replica:
    return Replica(store)
