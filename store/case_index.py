"""Each day file's events grouped by case, kept for the parsed day the store last saw.

An act reads its case (`Store.events`) and then writes it (`Store._write_action`: the
case's events, the next document number); each of those scanned every event of the
day, which on a 300-case day (2,400 events) was a few milliseconds of every click
(issue 9's 10 ms per action). The grouping is made once per parsed day file and, on
the store's own write, extended with the events just written instead of made again.
It belongs to the very table object it was made from: another process's write makes
a new parsed file, hence a new grouping.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

Events = dict[str, dict[str, Any]]  # document number -> stored event


class CaseIndex:
    """Per day file: (the events table it was made from, code -> events, next doc number)."""

    def __init__(self, capacity: int = 8) -> None:
        self._entries: OrderedDict[Path, tuple[Events, dict[str, list[dict[str, Any]]],
                                               int]] = OrderedDict()
        self._capacity = capacity
        self._mutex = threading.Lock()  # acts come from worker threads too

    def of(self, path: Path, table: Events) -> tuple[dict[str, list[dict[str, Any]]], int]:
        """(code -> the case's events in stored order, the next document number) of `table`."""
        with self._mutex:
            hit = self._entries.get(path)
            if hit is not None and hit[0] is table:
                self._entries.move_to_end(path)
                return hit[1], hit[2]
        by_code: dict[str, list[dict[str, Any]]] = {}
        for event in table.values():
            by_code.setdefault(event["code"], []).append(event)
        next_doc = max(map(int, table), default=0) + 1
        self._remember(path, table, by_code, next_doc)
        return by_code, next_doc

    def grew(self, path: Path, old: Events, new: Events, added: list[dict[str, Any]]) -> None:
        """`new` is `old` plus `added` (one case's events, numbered on from `old`'s next)."""
        with self._mutex:
            hit = self._entries.get(path)
        if hit is None or hit[0] is not old or not added:
            return
        by_code = dict(hit[1])
        code = added[0]["code"]
        by_code[code] = [*by_code.get(code, ()), *added]
        self._remember(path, new, by_code, hit[2] + len(added))

    def _remember(self, path: Path, table: Events, by_code: dict[str, list[dict[str, Any]]],
                  next_doc: int) -> None:
        with self._mutex:
            self._entries[path] = (table, by_code, next_doc)
            self._entries.move_to_end(path)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
