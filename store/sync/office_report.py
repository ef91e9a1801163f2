"""The server's record of whole offices, as in-memory repositories the reports can read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from counter.demo import MemoryRepo
from counter.sync.order import order_events
from store.sync.server import PgServer


def office_repos(server: PgServer, offices: Sequence[str] | None) -> dict[str, MemoryRepo]:
    """One repository per office (all offices on the server when `offices` is None),
    each case's events in the order every desk folds them."""
    wanted = list(offices) if offices else server.offices()
    cases: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for office, event in server.office_events(wanted):
        cases.setdefault(office, {}).setdefault(event["code"], []).append(event)
    repos: dict[str, MemoryRepo] = {}
    for office in wanted:
        if office not in cases:
            continue
        repo = MemoryRepo()
        for events in cases[office].values():
            ordered = order_events(events)
            if not ordered or ordered[0].get("type") != "opened":
                continue  # a case whose opening has not reached the server yet
            for ev in ordered:
                repo.append(dict(ev))
        repos[office] = repo
    return repos
