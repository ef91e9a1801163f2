"""The open cases' folds and clock plans, kept on disk for the next process.

A new process (the app in the morning, a report) had to fold every open case of the
history from its events and measure it from scratch: about 1 ms of CPU a case, half
a second for the 500 open files of a busy office, which the officer waited for on
the dashboard's first fill. A fold and the part of a case's measuring that does not
move with the clock are pure functions of the events, the SOP, the calendar and
Loket's own code, so what the last process computed is kept in one file beside the
summaries (`Store.open_snapshot`) and used only for exactly the same inputs:

- the events: the same ids at the same seqs in the same order (the key of the
  in-memory folds, `counter.case.fold_cache`); the state's own `events` are the ones
  just read, never the file's;
- the SOP: a digest of every field of the version the case was folded with, and
  the calendar and the nearing threshold (the plan only): the summaries' own stamps
  (`counter.summary.stamp`);
- Loket's code: the digest of the `counter` package's sources (`counter.sop_memo`);
- the file itself: its version and a checksum of the rest.

Anything else, and the case is folded and measured afresh, exactly as without the
file. A case with an event that cannot be read is never kept (its state's events are
not all the stored ones). The file holds plain values only (`counter.frozen_codec`,
`marshal`): nothing in it is ever run.
"""

from __future__ import annotations

import hashlib
import marshal
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from counter.calendar import WorkingCalendar
from counter.case.state import CaseState
from counter.clock import StepTiming, plan_case
from counter.clock_kept import CasePlan, kept_plan
from counter.frozen_codec import Plain, decode, encode
from counter.sop import Sop
from counter.sop_memo import code_digest
from counter.summary.stamp import stamper_for
from counter.sync.order import forks

MAGIC = b"LOKET-LIPATAN-1\n"
_DIGEST = 16
_GIVEN = ("events",)  # a state's events are the ones just read, put back on decoding

Entry = tuple[Any, ...]  # (pairs, order, sop stamp, forks, state, plan)


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=_DIGEST).digest()


def _pairs(events: Sequence[Mapping[str, Any]]) -> tuple[tuple[str, int], ...] | None:
    """The events' (id, seq) in the order given; None when one lacks either."""
    try:
        pairs = tuple((e["id"], e["seq"]) for e in events)
    except (KeyError, TypeError):
        return None
    if not all(type(i) is str and type(s) is int for i, s in pairs):
        return None
    return pairs


class OpenSnapshot:
    """The kept folds of one store's open cases, read from the file's bytes, for a desk
    measuring with `cal` and `nearing`."""

    def __init__(self, raw: bytes | None, cal: WorkingCalendar, nearing: float) -> None:
        self._entries: dict[str, Entry] = _read(raw)
        self.cal, self.nearing = cal, nearing
        self._stamper = stamper_for(cal, nearing)

    def __len__(self) -> int:
        return len(self._entries)

    def state(self, events: Sequence[Mapping[str, Any]], sop: Sop | None) -> CaseState | None:
        """The kept fold of exactly these events under `sop`; None when there is none."""
        if not events:
            return None
        code = events[0].get("code")
        entry = self._entries.get(code) if isinstance(code, str) else None
        if entry is None or entry[2] != self._stamper.sop_part(sop) or \
                entry[0] != _pairs(events):
            return None
        try:
            state: CaseState = decode(CaseState, entry[4],
                                      {"events": tuple(events[i] for i in entry[1])})
        except (ValueError, TypeError, IndexError, KeyError):
            return None
        if state.code != code:
            return None
        with _ENCODED_MUTEX:  # kept again as it was, without encoding it again
            _ENCODED[id(state)] = (state, entry[:5])
        return state

    def entries(self) -> dict[str, Entry]:
        """The file's entries as read (to keep those a later file has nothing newer for)."""
        return dict(self._entries)

    def may_conflict(self, events: Sequence[Mapping[str, Any]]) -> bool:
        """Whether the case of `events` (found by `state`) may hold an unsettled fork."""
        code = events[0].get("code") if events else None
        entry = self._entries.get(code) if isinstance(code, str) else None
        return entry is None or bool(entry[3])

    def plan(self, state: CaseState, sop: Sop) -> CasePlan | None:
        """The kept clock plan of `state` (taken from this file) under the desk's calendar."""
        entry = self._entries.get(state.code)
        if entry is None or entry[5] is None or entry[5][0] != self._stamper.base:
            return None
        cal = self.cal
        try:
            _, ended_plain, limit_s = entry[5]
            ended = tuple(None if t is None else _timing(decode(StepTiming, t), cal)
                          for t in ended_plain)
            return plan_case(state, sop, cal, self.nearing, ended, (limit_s,))
        except (ValueError, TypeError, IndexError, KeyError):
            return None


def _timing(timing: StepTiming, cal: WorkingCalendar) -> StepTiming:
    """A decoded timing (new, not yet shared) with its due time in office time, as
    measured (a `replace` for each would cost more than the decoding)."""
    if timing.due_at is not None:
        object.__setattr__(timing, "due_at", cal.local(timing.due_at))
    return timing


def _read(raw: bytes | None) -> dict[str, Entry]:
    """The entries of a file this code wrote whole; {} for anything else."""
    if not raw or not raw.startswith(MAGIC):
        return {}
    body = raw[len(MAGIC) + _DIGEST:]
    if raw[len(MAGIC):len(MAGIC) + _DIGEST] != _digest(body):
        return {}
    try:
        payload = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return {}
    if not (isinstance(payload, tuple) and len(payload) == 2 and payload[0] == code_digest()
            and isinstance(payload[1], dict)):
        return {}
    return payload[1]


# ------------------------------------------------------------------ writing

_ENCODED: dict[int, tuple[CaseState, Entry]] = {}  # id(state) -> its entry less the plan
_ENCODED_MUTEX = threading.Lock()


def entries_of(cases: Iterable[tuple[CaseState, Sop | None]], cal: WorkingCalendar,
               nearing: float) -> dict[str, Entry]:
    """The file's entries of these open cases (state and SOP), with the clock plans kept
    for them now; only these stay encoded in memory (a state encoded for an earlier file
    is not encoded again)."""
    entries: dict[str, Entry] = {}
    kept: dict[int, tuple[CaseState, Entry]] = {}
    for state, sop in cases:
        entry = entry_for(state, sop, cal, nearing)
        if entry is not None:
            entries[state.code] = entry
            kept[id(state)] = (state, entry[:5])
    with _ENCODED_MUTEX:  # only the states of this file stay encoded (memory)
        _ENCODED.clear()
        _ENCODED.update(kept)
    return entries


def entry_for(state: CaseState, sop: Sop | None, cal: WorkingCalendar,
              nearing: float) -> Entry | None:
    """An open case's entry of the file (None for one that cannot be kept). Its events
    are keyed in the order the store hands them over (by seq)."""
    if state.closed or state.problems:
        return None
    stamper = stamper_for(cal, nearing)
    with _ENCODED_MUTEX:
        known = _ENCODED.get(id(state))
    if known is not None and known[0] is state:
        base = known[1]
    else:
        made = _base_entry(state, stamper.sop_part(sop))
        if made is None:
            return None
        base = made
        with _ENCODED_MUTEX:
            if len(_ENCODED) > 16384:
                _ENCODED.clear()
            _ENCODED[id(state)] = (state, base)
    plan = kept_plan(state, sop, cal, nearing) if sop is not None else None
    return (*base, _plan_plain(plan, stamper.base) if plan else None)


def bytes_of(entries: Mapping[str, Entry]) -> bytes:
    """The file holding `entries` (code -> entry), for this code."""
    body = marshal.dumps((code_digest(), dict(entries)))
    return MAGIC + _digest(body) + body


def _base_entry(state: CaseState, sop_part: str) -> Entry | None:
    """(pairs, order, SOP stamp, forks, state) of an open case; None if it cannot be kept."""
    try:
        given = sorted(state.events, key=lambda e: e["seq"])
    except (KeyError, TypeError):
        return None
    pairs = _pairs(given)
    if pairs is None:
        return None
    position = {e["id"]: i for i, e in enumerate(given)}
    order = tuple(position[e["id"]] for e in state.events)
    unsettled = any(not f.resolved for f in forks(given))
    return (pairs, order, sop_part, unsettled, encode(state, _GIVEN))


def _plan_plain(plan: CasePlan, cal_part: str) -> Plain:
    """What does not move with the clock: the finished runs' timings and the allowance
    (a plan's last due time and estimate depend on `now` for most open files, those
    waiting for the applicant: they are measured again)."""
    return (cal_part, tuple(None if t is None else encode(t) for t in plan.ended),
            plan.limit_s)
