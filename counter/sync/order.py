"""One order for a case's events on every desk, and the forks that order reveals.

Each action's first event names `prev`, the event it was planned on. Desks that
were apart can both act on the same `prev`: a fork. Every desk orders a case the
same way, whatever order the events arrived in: actions follow the `prev` links,
and actions ready at the same point go by the id of their first event (ULIDs sort
by time).

Inside one action the events keep the order they were written in. Ids cannot
tell it (two ids of one millisecond are not always increasing), so the local
`seq` does: an action's events reach every store in their writer's order (pushed
in that order, numbered by the server in it, imported in it), so on every desk
their seqs run in the writer's order even though the numbers differ.

A fork where at least two branches change the case (not just a note or a print)
is a conflict: kept, shown, and settled by a supervisor's `conflict_resolved`
event naming the fork's `prev`. Nothing is dropped or rewritten.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from counter.texts import sync as T

CONFLICT_RESOLVED = "conflict_resolved"
# Actions that change nothing another desk relies on: never a conflict.
HARMLESS = frozenset({"note", "printed", CONFLICT_RESOLVED})

Ev = Mapping[str, Any]


def _stored_order(ev: Ev) -> tuple[int, int, str]:
    seq = ev.get("seq")
    if isinstance(seq, int) and not isinstance(seq, bool):
        return (0, seq, "")
    return (1, 0, "")  # not stored yet (a preview): after the stored ones, as given


def _group_actions(events: Sequence[Ev]) -> list[list[Ev]]:
    """Split events (in stored order) into actions: an event with a `prev` key (or the
    `opened` one) starts an action; the others follow the last action of their desk."""
    actions: list[list[Ev]] = []
    last_of_desk: dict[Any, int] = {}
    for ev in events:
        desk = ev.get("desk")
        if "prev" in ev or ev.get("type") == "opened" or desk not in last_of_desk:
            actions.append([ev])
            last_of_desk[desk] = len(actions) - 1
        else:
            actions[last_of_desk[desk]].append(ev)
    return actions


def order_events(events: Iterable[Ev]) -> list[Ev]:
    """The case's events in the order every desk folds them."""
    evs = list(events)
    if not evs or not all(isinstance(e.get("id"), str) for e in evs):
        return sorted(evs, key=lambda e: (e.get("seq", 0), str(e.get("id", ""))))
    if not any("prev" in e for e in evs):
        # Written before actions recorded `prev`: one desk's history, its seq is the order.
        return sorted(evs, key=lambda e: (e.get("seq", 0), e["id"]))
    evs.sort(key=_stored_order)  # stable: unstored events keep their given order
    actions = _group_actions(evs)
    owner = {ev["id"]: i for i, act in enumerate(actions) for ev in act}
    children: dict[int, list[int]] = {}
    ready: list[tuple[str, int]] = []
    for i, act in enumerate(actions):
        parent = owner.get(act[0].get("prev") or "")
        if parent is None or parent == i:
            heapq.heappush(ready, (act[0]["id"], i))
        else:
            children.setdefault(parent, []).append(i)
    out: list[Ev] = []
    done: set[int] = set()
    while ready:
        _, i = heapq.heappop(ready)
        if i in done:
            continue
        done.add(i)
        out.extend(actions[i])
        for child in children.get(i, ()):
            heapq.heappush(ready, (actions[child][0]["id"], child))
    if len(done) < len(actions):  # a cycle can only come from a damaged record
        out.extend(ev for i, act in enumerate(actions) if i not in done for ev in act)
    return out


@dataclass(frozen=True)
class Branch:
    """One side of a fork: the first event of an action and who made it."""

    id: str
    desk: int
    officer: str
    at: str
    step: int | None
    type: str


@dataclass(frozen=True)
class Fork:
    """Two or more actions planned on the same event."""

    prev: str
    branches: tuple[Branch, ...]
    resolved_by: Ev | None = None

    @property
    def resolved(self) -> bool:
        return self.resolved_by is not None


def forks(events: Iterable[Ev]) -> list[Fork]:
    """The conflicts in a case's history, in order of their fork point."""
    evs = [e for e in events if isinstance(e.get("id"), str)]
    if not any("prev" in e for e in evs):
        return []
    prevs = [e.get("prev") for e in evs if e.get("prev")]
    if len(prevs) == len(set(prevs)):  # a fork needs two actions after one event
        return []
    evs.sort(key=_stored_order)
    actions = _group_actions(evs)
    resolutions = {str(e.get("data", {}).get("fork")): e for e in evs
                   if e.get("type") == CONFLICT_RESOLVED}
    by_prev: dict[str, list[list[Ev]]] = {}
    for act in actions:
        prev = act[0].get("prev")
        if prev:
            by_prev.setdefault(prev, []).append(act)
    found: list[Fork] = []
    for prev, acts in by_prev.items():
        changing = [a for a in acts if any(e.get("type") not in HARMLESS for e in a)]
        if len(changing) < 2:
            continue
        branches = tuple(sorted((_branch(a) for a in changing), key=lambda b: b.id))
        found.append(Fork(prev=prev, branches=branches, resolved_by=resolutions.get(prev)))
    found.sort(key=lambda f: f.branches[0].id)
    return found


def _branch(action: Sequence[Ev]) -> Branch:
    first = action[0]
    step = None
    for ev in action:
        value = ev.get("data", {}).get("step")
        if isinstance(value, int):
            step = value
            break
    return Branch(id=first["id"], desk=int(first.get("desk", 0)),
                  officer=str(first.get("officer", "")), at=str(first.get("at", "")),
                  step=step, type=str(first.get("type", "")))


def desk_label(desk: int, names: Mapping[int, str] | None = None) -> str:
    """"loket 1" for a counter, "meja Kabid" for an official's desk with a label."""
    label = (names or {}).get(desk, "")
    return T.DESK_OFFICIAL.format(label=label) if label else T.DESK_COUNTER.format(desk=desk)


def describe_fork(fork: Fork, tz: tzinfo, names: Mapping[int, str] | None = None) -> str:
    """"konflik: dua tindakan pada langkah 3 — loket 1 pukul 10.02, meja Kabid pukul 10.03"."""
    sides = []
    for b in fork.branches:
        try:
            time = datetime.fromisoformat(b.at).astimezone(tz).strftime("%H.%M")
        except ValueError:
            time = "?"
        sides.append(T.CONFLICT_SIDE.format(desk=desk_label(b.desk, names), time=time))
    steps = {b.step for b in fork.branches if b.step is not None}
    if steps:
        return T.CONFLICT_LINE.format(step=min(steps), sides=", ".join(sides))
    return T.CONFLICT_LINE_NO_STEP.format(sides=", ".join(sides))
