"""The desk's SKM responses seen as a replica of the office's (`counter.sync.port.SurveyReplica`).

The month files of `store.skm_store` hold, beside the responses (sorted by their
random id), `on_server`: the ids the server is known to hold. Pulled responses are
written together with their ids in `on_server` (one atomic write of the month
file), so they are never pushed back; this desk's own join the list once the server
has acknowledged them. `skm/sync.json` keeps the pull cursor, written after the
responses it covers: a crash in between only re-pulls what the import then skips.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from counter.sync.port import SurveyDay
from store.errors import StoreError
from store.files import Lock, ensure_dir, write_atomic
from store.skm_store import FOLDER, LOCK_DIR, month_lock, read_month, write_month

STATE_NAME = "sync.json"
# The keys a response may carry to and from the server; anything else is dropped.
KEYS = ("id", "tanggal", "layanan", "loket", "jawaban", "profil", "tambahan", "saran",
        "sumber")

Sig = tuple[int, int, int]


def clean_response(raw: Any) -> dict[str, Any] | None:
    """A response reduced to its known keys, or None when its id or date is unusable."""
    if not isinstance(raw, Mapping):
        return None
    rid, day = raw.get("id"), raw.get("tanggal")
    if not isinstance(rid, str) or not rid or not isinstance(day, str):
        return None
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    return {k: raw[k] for k in KEYS if k in raw}


def _sig(path: Path) -> Sig | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class SurveyReplica:
    """Push marks, pull cursor and import for the SKM month files of one store."""

    def __init__(self, store_dir: Path) -> None:
        self.folder = Path(store_dir) / FOLDER
        self.lock_dir = Path(store_dir) / LOCK_DIR
        self.state_path = self.folder / STATE_NAME
        self._clean: dict[Path, Sig | None] = {}  # month files seen fully pushed

    def _months(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].json"))

    def _path(self, day: str) -> Path:
        return self.folder / f"{day[:7]}.json"

    # ------------------------------------------------------------ push side

    def changed(self) -> bool:
        return any(self._clean.get(p, ()) != _sig(p) for p in self._months())

    def unpushed(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for path in self._months():
            sig = _sig(path)
            if path in self._clean and self._clean[path] == sig:
                continue
            try:
                responses, on_server = read_month(path)
            except StoreError:  # a damaged month is reported by the survey store;
                self._clean[path] = sig  # looked at again once it changes (repaired)
                continue
            waiting = [r for r in (clean_response(x) for x in responses)
                       if r is not None and r["id"] not in on_server]
            if waiting:
                found.extend(waiting)
            else:
                self._clean[path] = sig
        return found

    def mark_pushed(self, ids: Sequence[str]) -> None:
        wanted = set(ids)
        for path in self._months():
            with month_lock(self.lock_dir, path):
                try:
                    responses, on_server = read_month(path)
                except StoreError:
                    continue  # damaged: none of its responses were sent
                here = {r.get("id") for r in responses} & wanted
                if not here - on_server:
                    continue
                on_server |= {i for i in here if isinstance(i, str)}
                write_month(path, responses, on_server)
                if all(r.get("id") in on_server for r in responses):
                    self._clean[path] = _sig(path)

    # ------------------------------------------------------------ pull side

    def cursor(self) -> int:
        try:
            data = json.loads(self.state_path.read_bytes())
            return int(data.get("cursor") or 0) if isinstance(data, dict) else 0
        except (OSError, ValueError, TypeError):
            return 0  # derived: a lost cursor only re-pulls what the import skips

    def import_pulled(self, days: Sequence[SurveyDay]) -> int:
        by_month: dict[Path, dict[str, dict[str, Any]]] = {}
        for day in days:
            for raw in day.responses:
                r = clean_response(raw)
                if r is not None:
                    by_month.setdefault(self._path(r["tanggal"]), {})[r["id"]] = r
        added = 0
        if by_month:
            ensure_dir(self.folder)
            ensure_dir(self.lock_dir)
            os.chmod(self.folder, 0o700)
        for path, pulled in sorted(by_month.items()):
            with month_lock(self.lock_dir, path):
                responses, on_server = read_month(path)
                have = {r.get("id") for r in responses}
                fresh = [r for i, r in pulled.items() if i not in have]
                added += len(fresh)
                if not fresh and pulled.keys() <= on_server:
                    continue
                write_month(path, responses + fresh, on_server | set(pulled))
                if all(r.get("id") in on_server | set(pulled) for r in responses):
                    self._clean[path] = _sig(path)
        cursor = max((d.rev for d in days), default=0)
        if cursor > self.cursor():
            ensure_dir(self.folder)
            ensure_dir(self.lock_dir)
            with Lock(self.lock_dir / "skm-sync.lock", self.state_path):
                write_atomic(self.state_path, json.dumps({"cursor": cursor}).encode() + b"\n")
        return added
