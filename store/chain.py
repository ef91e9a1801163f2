"""The hash chain on disk: the hook every day-file write passes through, the ledger,
and the check of a whole store (`loket periksa`, the app's check at start).

The logic is in `counter.chain`; this module knows where things are: the day files,
`rantai.json` (the ledger: each chained day's link count and head hash, so a day
file put back from an older copy is noticed), and the day file cache.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.atomic import Pieces, replace_file
from counter.chain.hashing import EVENTS
from counter.chain.seal import Head, head_of, seal
from counter.chain.verify import DAY_MISSING, Break, DayCheck, hashes, verify_day
from counter.texts import store as texts
from store.errors import StoreError
from store.files import FILE_MODE, FileCache, damaged

if TYPE_CHECKING:
    from store.store import Store

LEDGER_NAME = "rantai.json"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _store_dir(day_path: Path) -> Path:
    return day_path.parent.parent  # store/YYYY/YYYY-MM-DD.json


# ------------------------------------------------------------------ the ledger


Ledger = dict[str, tuple[int, str]]


def _entries(raw: Any) -> Ledger | None:
    """The valid (links, head) entries of a parsed ledger; None when its shape is wrong."""
    days = raw.get("days") if isinstance(raw, dict) else None
    if not isinstance(days, dict):
        return None
    found: Ledger = {}
    for day, entry in days.items():
        if (_DAY.match(str(day)) and isinstance(entry, list) and len(entry) == 2
                and isinstance(entry[0], int) and isinstance(entry[1], str)):
            found[str(day)] = (entry[0], entry[1])
    return found


def read_ledger(store_dir: Path) -> Ledger | None:
    """Each chained day's (links, head) as last recorded; {} when there is no ledger yet,
    None when the file cannot be read (a power cut mid-write, or a hand)."""
    try:
        raw = json.loads((store_dir / LEDGER_NAME).read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return None
    return _entries(raw)


@dataclass(frozen=True)
class _Known:
    """The ledger as read or written here, and each day's entry as encoded in the file."""

    days: Ledger
    text: dict[str, bytes]  # day -> its lines in the file, in the file's (sorted) order


def _entry_text(day: str, links: int, head: str) -> bytes:
    return f"{json.dumps(day)}: [\n{links},\n{json.dumps(head)}\n]".encode()


def _known(path: Path, raw: Any) -> _Known:
    days = _entries(raw)
    if days is None:
        raise damaged(path, texts.REASON_SHAPE.format(detail=texts.SHAPE_TOP))
    ordered = dict(sorted(days.items()))
    return _Known(ordered, {d: _entry_text(d, *v) for d, v in ordered.items()})


# Every write of a day notes its head: on a busy day the ledger is neither parsed nor
# encoded whole again while the file is the one last read or written here (its
# identity, as for day files: another process's note is always read).
_LEDGERS = FileCache(_known, capacity=4)


def _ledger_text(text: dict[str, bytes]) -> Pieces:
    """The ledger's bytes (as ``json.dumps(..., indent=0)`` spells them), in pieces."""
    if not text:
        return [b'{\n"v": 1,\n"days": {}\n}\n']
    return [b'{\n"v": 1,\n"days": {\n', b",\n".join(text.values()), b"\n}\n}\n"]


def _note(store_dir: Path, day: str, count: int, head: str) -> None:
    """Record a day's new head. Not flushed, no lock: the ledger may lose an update
    (a power cut, two processes at once) and then lags behind the files, which the
    check accepts; it never runs ahead of them, since it is written after the day."""
    path = store_dir / LEDGER_NAME
    try:
        known = _LEDGERS.load(path) or _Known({}, {})
    except StoreError:
        known = _Known({}, {})  # damaged: written afresh, as before
    old = known.days.get(day)
    if old is not None and old[0] >= count and old[1] == head:
        return
    days, text = {**known.days, day: (count, head)}, {**known.text, day: _entry_text(day, count,
                                                                                 head)}
    if old is None and any(d > day for d in known.days):  # a day before the newest: re-sort
        days, text = dict(sorted(days.items())), {d: text[d] for d in sorted(text)}
    # the day file is written; a ledger that lags is only a weaker check
    try:
        replace_file(path, _ledger_text(text), mode=FILE_MODE, durable=False)
    except OSError:
        _LEDGERS.forget(path)
        return
    _LEDGERS.stored(path, _Known(days, text))


def _before(store_dir: Path, day: str) -> Head | None:
    """The newest chained day before ``day`` and its head, from the ledger."""
    ledger = read_ledger(store_dir) or {}
    earlier = [d for d in ledger if d < day]
    if not earlier:
        return None
    newest = max(earlier)
    return Head(newest, ledger[newest][1])


# ------------------------------------------------------------------ the write hook


def seal_day(path: Path, data: dict[str, Any], cache: FileCache) -> bool:
    """Called by `store.day.write_day` under the day's lock, before the bytes are made:
    link the events this write adds (and purge a case redacted by it). True if the
    chain grew, so `noted` must follow the write."""
    try:
        old = cache.current(path) or {}
    except StoreError:
        old = {}
    old_events = old.get(EVENTS) or {}
    store_dir = _store_dir(path)
    return seal(old_events, data, lambda: _before(store_dir, path.stem))


def noted(path: Path, data: dict[str, Any]) -> None:
    """After a day file was written: its new head into the ledger."""
    head = head_of(data)
    if head is not None:
        _note(_store_dir(path), path.stem, *head)


# ------------------------------------------------------------------ checking


@dataclass
class StoreCheck:
    """The result of checking a range of day files."""

    days: list[DayCheck] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (day, message)
    ledger_damaged: bool = False

    @property
    def broken(self) -> list[DayCheck]:
        return [d for d in self.days if not d.ok]

    @property
    def ok(self) -> bool:
        return not self.broken and not self.unreadable and not self.ledger_damaged

    @property
    def links(self) -> int:
        return sum(d.links for d in self.days)

    @property
    def legacy(self) -> int:
        return sum(d.legacy for d in self.days)

    @property
    def unchained_days(self) -> list[str]:
        return [d.day for d in self.days if d.links == 0 and d.legacy]


def _day_path(store_dir: Path, day: str) -> Path:
    return store_dir / day[:4] / f"{day}.json"


def check_days(store_dir: Path, day_files: list[Path], cache: FileCache,
               first: date | None = None, last: date | None = None) -> StoreCheck:
    """Check each day file from ``first`` to ``last`` (all when None)."""
    result = StoreCheck()
    ledger = read_ledger(store_dir)
    if ledger is None:
        result.ledger_damaged = True
        ledger = {}
    earlier: dict[str, set[str] | None] = {}

    def hashes_of(day: str) -> set[str] | None:
        if day not in earlier:
            try:
                data = cache.load_fresh(_day_path(store_dir, day))
            except StoreError:
                data = {}
            earlier[day] = None if data is None else hashes(data)
        return earlier[day]

    for path in day_files:
        day = path.stem
        if (first and day < first.isoformat()) or (last and day > last.isoformat()):
            continue
        try:
            data = cache.load_fresh(path) or {}
        except StoreError as err:
            result.unreadable.append((day, err.message))
            continue
        result.days.append(verify_day(day, data, hashes_of=hashes_of, ledger=ledger.get(day)))
    # a day the ledger knows whose file is gone altogether
    present = {p.stem for p in day_files}
    for day in sorted(ledger):
        if day in present or (first and day < first.isoformat()) or (
                last and day > last.isoformat()):
            continue
        if not os.path.exists(_day_path(store_dir, day)):
            result.days.append(DayCheck(day, 0, 0, (Break(day, DAY_MISSING, other=day),)))
    result.days.sort(key=lambda d: d.day)
    return result


def check_store(store: Store, first: date | None = None,
                last: date | None = None) -> StoreCheck:
    """`check_days` over a store's day files."""
    return check_days(store.store_dir, store.day_files(), store._days, first, last)


def day_check(store: Store, day: date) -> DayCheck | None:
    """One day file's check (`loket kasus`, the damage check); None if it has no file."""
    result = check_days(store.store_dir, [store.path_for(day)]
                        if store.path_for(day).exists() else [], store._days, day, day)
    return result.days[0] if result.days else None
