"""Which case codes of a day are taken: the highest sequence used per desk prefix and
reserved per desk, kept while the day's data is the same object (the day cache's), so
a walk-in's new code does not scan the whole day (see `store.store.Store.next_code`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from counter.codes import make_code
from counter.texts import store as texts
from store.day import CODES, EVENTS
from store.errors import StoreError

MAX_SEQ = 999

Counters = tuple[dict[str, int], dict[int, int]]  # (used per code prefix, reserved per desk)


class CodeCounters:
    def __init__(self) -> None:
        self._known: dict[Path, tuple[dict[str, Any], dict[str, int], dict[int, int]]] = {}

    def of(self, path: Path, data: dict[str, Any]) -> Counters:
        """(highest seq used per code prefix, highest seq reserved per desk) of `data`."""
        known = self._known.get(path)
        if known is not None and known[0] is data:
            return known[1], known[2]
        used: dict[str, int] = {}
        for e in data.get(EVENTS, {}).values():
            prefix, seq = e["code"][:8], int(e["code"][8:11])
            if seq > used.get(prefix, 0):
                used[prefix] = seq
        issued: dict[int, int] = {}
        for c in data.get(CODES, {}).values():
            issued[c["desk"]] = max(issued.get(c["desk"], 0), c["seq"])
        self._known[path] = (data, used, issued)
        return used, issued

    def opened(self, path: Path, before: dict[str, Any], after: dict[str, Any],
               code: str) -> None:
        """`code` was just used: `after` (the day's new data) counts it, without a scan."""
        used, issued = self.of(path, before)
        used = {**used, code[:8]: max(used.get(code[:8], 0), int(code[8:11]))}
        self._known[path] = (after, used, issued)

    def reserved(self, path: Path, before: dict[str, Any], after: dict[str, Any],
                 desk: int, seq: int) -> None:
        """`desk`'s code `seq` was just reserved: `after` counts it, without a scan."""
        used, issued = self.of(path, before)
        self._known[path] = (after, used, {**issued, desk: max(issued.get(desk, 0), seq)})

    def carried(self, path: Path, before: dict[str, Any], after: dict[str, Any]) -> None:
        """`after` is `before` plus events of cases it already holds: the same codes are
        taken, so what was counted for `before` holds for `after` (a case's next action
        does not make the day's next walk-in scan the day again)."""
        known = self._known.get(path)
        if known is not None and known[0] is before:
            self._known[path] = (after, known[1], known[2])

    def free_code(self, data: dict[str, Any], day: date, desk: int, path: Path) -> str:
        """The next code of `desk` on `day` not reserved and not used by any case."""
        used, issued = self.of(path, data)
        seq = max(used.get(f"{day:%y%m%d}{desk:02d}", 0), issued.get(desk, 0)) + 1
        if seq > MAX_SEQ:
            raise StoreError(
                texts.DESK_FULL.format(desk=desk, day=day.isoformat(), limit=MAX_SEQ), path=path)
        return make_code(day, desk, seq)
