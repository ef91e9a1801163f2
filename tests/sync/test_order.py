"""Every desk orders a case's events the same way and sees the same conflicts."""

from __future__ import annotations

import random
import time
from datetime import timedelta

from ulid import ULID

from counter.sync.order import describe_fork, forks, order_events
from tests.sync.helpers import T0, WIB, make_event

CODE = "261125010017"


def history():
    opened = make_event(CODE, "opened", prev=None, at=T0)
    started = make_event(CODE, "step_started", data={"step": 1}, at=T0)
    # Two desks apart, both acting on `started`: loket 1 at 10.02, the Kabid desk at 10.03.
    a1 = make_event(CODE, "step_completed", prev=started["id"], data={"step": 3},
                    at=T0.replace(hour=10, minute=2))
    a2 = make_event(CODE, "handed_off", data={"step": 4}, at=T0.replace(hour=10, minute=2))
    b1 = make_event(CODE, "step_returned", desk=5, prev=started["id"], data={"step": 3},
                    at=T0.replace(hour=10, minute=3))
    return opened, started, a1, a2, b1


def arrival(events: list[dict], seed: int) -> list[dict]:
    """The events as another desk stores them: each writer's events in its own order,
    the writers interleaved at random, numbered by arrival."""
    rng = random.Random(seed)
    queues: dict[int, list[dict]] = {}
    for ev in events:
        queues.setdefault(ev["desk"], []).append(ev)
    out: list[dict] = []
    while any(queues.values()):
        desk = rng.choice([d for d, q in queues.items() if q])
        out.append({**queues[desk].pop(0), "seq": len(out)})
    return out


def test_the_order_does_not_depend_on_arrival():
    events = list(history())
    expected = [e["id"] for e in order_events(arrival(events, 0))]
    for seed in range(1, 20):
        assert [e["id"] for e in order_events(arrival(events, seed))] == expected


def test_an_actions_events_keep_their_written_order_even_when_ids_do_not():
    opened = make_event(CODE, "opened", prev=None)
    done = make_event(CODE, "step_completed", prev=opened["id"], data={"step": 1})
    closed = make_event(CODE, "closed", data={"outcome": "selesai"})
    done["id"] = done["id"][:-1] + "Z"  # its random part ends high (a one-in-32 case
    closed["id"] = done["id"][:-1] + "0"  # otherwise), the same millisecond, a smaller one
    assert closed["id"] < done["id"]
    stored = [{**e, "seq": i} for i, e in enumerate([opened, done, closed])]
    assert [e["type"] for e in order_events(stored)] == ["opened", "step_completed", "closed"]


def test_an_action_follows_its_prev_even_from_a_clock_ten_minutes_slow():
    opened = make_event(CODE, "opened", prev=None, at=T0)
    late = make_event(CODE, "note", desk=2, prev=opened["id"], data={"text": "x"},
                      at=T0 - timedelta(minutes=10))
    # A ULID made on a slow clock sorts before the event it was planned on.
    late["id"] = str(ULID.from_timestamp(time.time() - 600))
    assert late["id"] < opened["id"]
    assert [e["id"] for e in order_events([late, opened])] == [opened["id"], late["id"]]


def test_actions_stay_whole_and_in_prev_order():
    opened, started, a1, a2, b1 = history()
    ordered = [e["id"] for e in order_events(arrival([opened, started, b1, a1, a2], 3))]
    assert ordered.index(a1["id"]) + 1 == ordered.index(a2["id"])  # an action is not split
    assert ordered[:2] == [opened["id"], started["id"]]


def test_two_actions_on_one_prev_are_a_conflict_named_for_the_officer():
    events = history()
    found = forks(events)
    assert len(found) == 1 and not found[0].resolved
    line = describe_fork(found[0], WIB, {5: "Kabid"})
    assert line == ("konflik: dua tindakan pada langkah 3 — loket 1 pukul 10.02, "
                    "meja Kabid pukul 10.03")
    resolved = make_event(CODE, "conflict_resolved", desk=9, prev=events[-1]["id"],
                          data={"fork": events[1]["id"], "note": "dikembalikan berlaku"})
    assert forks([*events, resolved])[0].resolved


def test_a_note_beside_an_action_is_no_conflict():
    opened, started, a1, a2, _ = history()
    note = make_event(CODE, "note", desk=2, prev=started["id"], data={"text": "x"})
    assert forks([opened, started, a1, a2, note]) == []
