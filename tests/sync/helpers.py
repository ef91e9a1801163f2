"""Event dicts shaped like the record's (with `id` and `prev`) for the sync tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ulid import ULID

from counter.sync.engine import Syncer
from store.replica import Replica

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)


def make_event(code: str, type_: str, *, desk: int = 1, prev: str | None = "",
               at: datetime = T0, data: dict | None = None, officer: str = "Siti",
               id_: str | None = None) -> dict:
    """An event; `prev=""` leaves the key out (an action's later events). An `opened`
    without data gets a valid one: the store refuses events that do not read back."""
    if data is None and type_ == "opened":
        from counter.case.events import opened

        data = opened(code, at, officer, desk, "sop-uji", {"nama": "Sri Wahyuni"})["data"]
    ev = {"id": id_ or str(ULID()), "code": code, "type": type_, "at": at.isoformat(),
          "officer": officer, "desk": desk, "data": data or {}}
    if prev != "":
        ev["prev"] = prev
    return ev


def demo_history(days: int = 2, seed: int = 1, until: datetime | None = None) -> list[dict]:
    """A realistic office history from the demo generator, every event given an id and,
    as each its own action, a `prev` (the shape of events written since ids exist)."""
    from counter.demo import MemoryRepo, demo_profile, generate
    from counter.sop import load_catalog

    repo = MemoryRepo()
    profile = demo_profile()
    until = until or datetime(2026, 11, 25, 15, 0, tzinfo=WIB)
    generate(repo, load_catalog(), profile, days=days, until=until, seed=seed)
    out: list[dict] = []
    for day in sorted(repo._days):
        for code in repo.codes_on(day):
            prev = None
            for ev in repo.events(code):
                ev = {k: v for k, v in ev.items() if k != "seq"}
                ev.setdefault("id", str(ULID()))
                if "prev" not in ev:
                    ev["prev"] = prev
                prev = ev["id"]
                out.append(ev)
    return out


def replica_of(syncer: Syncer) -> Replica:
    """The desk's own store behind a syncer: the engine sees only the `Replica` port,
    these tests reach past it into the store they set up."""
    assert isinstance(syncer.replica, Replica)
    return syncer.replica
