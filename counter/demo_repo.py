"""The demo's in-memory repository: the desk's whole store in a dict, for the demo
generator, the tests and the benchmarks (`counter.demo` re-exports it)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from counter.case.schema import event_id, new_id
from counter.codes import make_code, parse_code
from counter.errors import CaseError, ConflictError

if TYPE_CHECKING:  # the desk is imported where the simulation starts (import cycles)
    pass

CLOSED_TYPES = ("closed",)


def _seq_of(events: list[dict[str, Any]], event: str | None) -> int:
    """The seq of the event with id `event` (-1 when unknown: every event is newer)."""
    return next((e["seq"] for e in events if event_id(e) == event), -1)


# ----------------------------------------------------------------- in-memory repository


class MemoryRepo:
    """The `counter.desk.Repository` protocol in memory: what the store does, minus disk."""

    def __init__(self) -> None:
        self._cases: dict[str, list[dict[str, Any]]] = {}
        self._days: dict[date, list[str]] = {}
        self._issued: dict[tuple[date, int], int] = {}
        self._open: dict[str, None] = {}

    def append(self, event: dict[str, Any]) -> dict[str, Any]:
        code = event["code"]
        events = self._cases.get(code)
        return self._write([event], self.last_id(code) if events else None)[0]

    def append_many(self, events: Sequence[dict[str, Any]],
                    expect: str | None = None) -> list[dict[str, Any]]:
        """One action's events at once, refused whole if the case moved (as the store does)."""
        return self._write(list(events), expect)

    def last_id(self, code: str) -> str | None:
        events = self._cases.get(code)
        return event_id(events[-1]) if events else None

    def _write(self, events: list[dict[str, Any]], expect: str | None) -> list[dict[str, Any]]:
        if not events:
            return []
        code = events[0]["code"]
        have = self._cases.get(code)
        if events[0]["type"] == "opened":
            if have is not None:
                raise ConflictError(f"code {code} taken", code=code)
        elif have is None:
            raise CaseError(f"unknown case {code}")
        last = self.last_id(code)
        if last != expect:
            newer = [e for e in have or () if e["seq"] > _seq_of(have or [], expect)]
            raise ConflictError(f"case {code} moved", code=code, newer=tuple(newer))
        if have is None:
            have = self._cases[code] = []
            self._days.setdefault(parse_code(code).day, []).append(code)
            self._open[code] = None
        stored = []
        for i, event in enumerate(events):
            one = {**event, "seq": len(have)}
            if "id" not in one:
                one["id"] = new_id(datetime.fromisoformat(one["at"]))
            if i == 0 and last is not None:
                one["prev"] = last
            have.append(one)
            stored.append(dict(one))
            if one["type"] in CLOSED_TYPES:
                self._open.pop(code, None)
        return stored

    def events(self, code: str) -> list[dict[str, Any]]:
        return list(self._cases[code])

    def next_code(self, day: date, desk: int, *, reserve: bool = True) -> str:
        seq = self._issued.get((day, desk), 0) + 1
        while make_code(day, desk, seq) in self._cases:
            seq += 1
        if reserve:
            self._issued[(day, desk)] = seq
        return make_code(day, desk, seq)

    def open_codes(self) -> list[str]:
        return list(self._open)

    def codes_on(self, day: date) -> list[str]:
        return list(self._days.get(day, ()))

    def events_on(self, day: date) -> dict[str, list[dict[str, Any]]]:
        return {code: list(self._cases[code]) for code in self._days.get(day, ())}

    def events_of(self, codes: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        return {c: list(self._cases[c]) for c in codes if c in self._cases}

    def unread_days(self) -> list[date]:
        return []  # memory never fails to read

    def days(self) -> list[date]:
        return sorted(self._days)

    def all_events(self) -> Iterator[dict[str, Any]]:
        for events in self._cases.values():
            yield from events
