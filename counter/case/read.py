"""Reading a case's stored events: typed facts in order, and what could not be read.

The store hands over plain dicts; `read_case` checks each against its schema and
against the rest of the case (same code, one event per seq and per id, `opened`
first, a code of the day file it came from). What fails becomes a `Problem` and is
left out, so one bad event never stops the case, the day or the report, and never
silently turns into a different case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from counter.case.event_data import (
    OPENED,
)
from counter.case.schema import Event, SchemaError, event_id, read_event
from counter.case.state import Problem
from counter.codes import parse_code
from counter.errors import CodeError
from counter.sync.order import order_events
from counter.texts import case as T


@dataclass(frozen=True)
class ReadCase:
    code: str
    facts: tuple[Event, ...]  # readable events, in the case's order
    stored: tuple[Mapping[str, Any], ...]  # their stored form, each with its id
    problems: tuple[Problem, ...]
    last_id: str | None = None  # of the last stored event (by seq), readable or not

    @property
    def opened(self) -> bool:
        """The case can be folded: its first readable event opens it."""
        return bool(self.facts) and self.facts[0].type == OPENED


@lru_cache(maxsize=8192)
def code_day(code: str) -> date | None:
    try:
        return parse_code(code).day
    except CodeError:
        return None


def ordered(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The case's order. Once actions record `prev`, the order every desk agrees on
    (`counter.sync.order`: by the prev links, ties by id; events from before ids get
    their derived id), since `seq` is only this store's arrival order. Before that, by
    `seq`; events not yet stored (no seq) keep their given order, after stored ones."""
    events = list(events)
    if all(isinstance(e, Mapping) for e in events) and any("prev" in e for e in events):
        return order_events([e if isinstance(e.get("id"), str) else {**e, "id": event_id(e)}
                             for e in events])
    indexed = list(enumerate(events))

    def key(item: tuple[int, Mapping[str, Any]]) -> tuple[int, int, int]:
        i, ev = item
        seq = ev.get("seq") if isinstance(ev, Mapping) else None
        return (0, seq, i) if isinstance(seq, int) and not isinstance(seq, bool) else (1, 0, i)

    return [ev for _, ev in sorted(indexed, key=key)]


def last_event_id(events: Iterable[Mapping[str, Any]]) -> str | None:
    """The id of a case's last stored event (highest seq), readable or not.

    The store and the desk both ask this, so an action planned on a state and the
    check at write time agree even when the last event fails its schema.
    """
    last = None
    for raw in ordered(events):
        if isinstance(raw, Mapping) and _raw_seq(raw) is not None:
            last = raw
    return event_id(last) if last is not None else None


def _raw_code(raw: object) -> str:
    code = raw.get("code") if isinstance(raw, Mapping) else None
    return code if isinstance(code, str) else ""


def any_stored(events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether `last_event_id` has an answer (some event carries a seq), without putting
    the case in order: the log asks it of every open case on each look."""
    return any(_raw_seq(raw) is not None for raw in events)


def _raw_seq(raw: object) -> int | None:
    seq = raw.get("seq") if isinstance(raw, Mapping) else None
    return seq if isinstance(seq, int) and not isinstance(seq, bool) else None


def _raw_id(raw: object) -> str | None:
    own = raw.get("id") if isinstance(raw, Mapping) else None
    return own if isinstance(own, str) else None


def read_case(events: Iterable[Mapping[str, Any]], day: date | None = None) -> ReadCase:
    """Check one case's stored events; `day` is the day file they were read from, if known."""
    raws = ordered(events)
    read: list[tuple[Mapping[str, Any], Event]] = []
    problems: list[Problem] = []

    def problem(raw: object, field: str | None, message: str, code: str = "",
                event_id: str | None = None) -> None:
        code = code or _raw_code(raw)
        problems.append(Problem(code=code, event_id=event_id or _raw_id(raw), seq=_raw_seq(raw),
                                field=field, message=message, day=day or code_day(code)))

    for raw in raws:
        try:
            read.append((raw, read_event(raw)))
        except SchemaError as err:
            problem(raw, err.field, err.message)
    opening = next((ev for _, ev in read if ev.type == OPENED), None)
    code = opening.code if opening else (read[0][1].code if read else
                                         next((_raw_code(r) for r in raws if _raw_code(r)), ""))
    facts: list[Event] = []
    stored: list[Mapping[str, Any]] = []
    seqs: set[int] = set()
    ids: set[str] = set()
    for raw, ev in read:
        if ev.code != code:
            problem(raw, "code", T.OTHER_CASE.format(other=ev.code), event_id=ev.id)
        elif day is not None and code_day(ev.code) != day:
            problem(raw, "code", T.PROBLEM_WRONG_DAY.format(day=day.isoformat()), event_id=ev.id)
        elif ev.seq is not None and ev.seq in seqs:
            problem(raw, "seq", T.PROBLEM_DUPLICATE_SEQ.format(seq=ev.seq), event_id=ev.id)
        elif ev.id in ids:
            problem(raw, "id", T.PROBLEM_DUPLICATE_ID, event_id=ev.id)
        else:
            if ev.seq is not None:
                seqs.add(ev.seq)
            ids.add(ev.id)
            facts.append(ev)
            stored.append(raw if raw.get("id") == ev.id else {**raw, "id": ev.id})
    if facts and facts[0].type != OPENED:
        first = facts[0]
        problems.append(Problem(code=code, event_id=first.id, seq=first.seq, field="type",
                                message=T.NOT_OPENED_FIRST.format(type=first.type),
                                day=day or code_day(code)))
    elif not facts and not problems:
        problems.append(Problem(code=code, event_id=None, seq=None, field=None,
                                message=T.NO_EVENTS, day=day or code_day(code)))
    last = next((r for r in reversed(raws) if isinstance(r, Mapping) and _raw_seq(r) is not None),
                None)  # `raws` are already in the case's order (as `last_event_id` puts them)
    return ReadCase(code=code, facts=tuple(facts), stored=tuple(stored),
                    problems=tuple(problems), last_id=event_id(last) if last is not None else None)
