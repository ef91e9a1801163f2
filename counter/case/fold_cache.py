"""The folds of open cases kept in memory: a re-read folds only the cases that moved.

The dashboard reads every open case of the history every 30 seconds and after each
act, and the log re-reads its day; most of those cases have not changed since the
last read, and folding them again (every event checked against its schema, then
applied) was most of the reload. A fold is a pure function of the events and the SOP,
so the fold of exactly the same events (the same ids at the same seqs) under the same
SOP object is reused. Closed cases are not kept (they get a summary on disk instead),
so memory stays bounded by the open files.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from counter.case.fold import fold
from counter.case.state import CaseState

if TYPE_CHECKING:
    from counter.sop import Sop

CAPACITY = 4096
_FOLDS: OrderedDict[Hashable, tuple[Sop | None, CaseState]] = OrderedDict()
_MUTEX = threading.Lock()  # the app folds in worker threads and on the UI thread


def fold_key(events: Sequence[Mapping[str, Any]], sop: Sop | None) -> Hashable | None:
    """Which events, exactly (ids and seqs), under which SOP; None when not all have both."""
    try:
        ids = tuple((e["id"], e["seq"]) for e in events)
        key = (id(sop), ids)
        hash(key)
    except (KeyError, TypeError):
        return None
    return key


def kept_fold(events: Sequence[Mapping[str, Any]], sop: Sop | None,
              key: Hashable | None = None) -> CaseState | None:
    """The fold kept for the very same events under the very same SOP, if any."""
    key = key if key is not None else fold_key(events, sop)
    if key is None:
        return None
    with _MUTEX:
        hit = _FOLDS.get(key)
        if hit is not None and hit[0] is sop:
            _FOLDS.move_to_end(key)
            return hit[1]
    return None


def keep_fold(events: Sequence[Mapping[str, Any]], sop: Sop | None, state: CaseState,
              key: Hashable | None = None) -> None:
    """Keep `state`, the fold of `events` under `sop`, if the case is open."""
    key = key if key is not None else fold_key(events, sop)
    if key is not None and not state.closed:
        with _MUTEX:
            _FOLDS[key] = (sop, state)
            while len(_FOLDS) > CAPACITY:
                _FOLDS.popitem(last=False)


def fold_cached(events: Sequence[Mapping[str, Any]], sop: Sop | None) -> CaseState:
    """`fold(events, sop)`, reusing the fold of the very same events of an open case."""
    key = fold_key(events, sop)
    state = kept_fold(events, sop, key)
    if state is None:
        state = fold(events, sop)
        keep_fold(events, sop, state, key)
    return state


def forget_all() -> None:
    """Drop every kept fold (tests that change a fold's inputs in place)."""
    with _MUTEX:
        _FOLDS.clear()


def kept_states() -> list[CaseState]:
    """The folds kept now (for tests and benches: closed cases are never among them)."""
    with _MUTEX:
        return [state for _sop, state in _FOLDS.values()]
