"""Two desks of one office on a real PostgreSQL, as the two-app journeys set them up: a
counter (desk 1) and the Koor's desk (5), and the waits and keys they share."""

from __future__ import annotations

from pathlib import Path

from counter.config import Paths, PusatSettings
from counter.desk import Desk
from counter.sop import load_catalog
from screens.received_ask import ReceivedAsk
from store import open_store
from store.sync.server import PgServer
from tests.screens.app_fixtures import Clock, key, make_app, make_profile
from tests.sessions import petugas

KONSULTASI = "pct-07-konsultasi-bisnis"


async def settle(app, pilot) -> None:
    """Every worker done but the sync, which runs as long as the app."""
    others = [w for w in app.workers if w.group != "sync"]
    if others:  # an empty list would mean "all of them"
        await app.workers.wait_for_complete(others)
    await pilot.pause()


async def complete_step(pilot, app, hand_off: bool = False) -> None:
    """`s` finishes the step, `h` hands the file off; the step's documents not ticked
    are asked about once, and `y` says every one was received."""
    await key(pilot, "h" if hand_off else "s")
    await pilot.pause()
    if isinstance(app.screen, ReceivedAsk):
        await key(pilot, "y")
    await settle(app, pilot)


async def until(pilot, check, seconds: float = 15) -> bool:
    for _ in range(int(seconds / 0.1)):
        if check():
            return True
        await pilot.pause(0.1)
    return check()


def office(tmp_path: Path, pg_dsn: str, steps: int = 4):
    """A counter (desk 1) and the Koor's desk (5); a walk-in whose first `steps` steps are
    done at the counter (4: already handed to the Koor)."""
    PgServer(pg_dsn).prepare()
    clock = Clock()
    counter_paths = Paths(tmp_path / "loket1" / "config", tmp_path / "loket1" / "data")
    koor_paths = Paths(tmp_path / "koor" / "config", tmp_path / "koor" / "data")
    counter_profile = make_profile().with_changes(
        desk=1, pusat=PusatSettings(dsn=pg_dsn, kantor="pacitan"))
    koor_profile = make_profile().with_changes(
        desk=5, pusat=PusatSettings(dsn=pg_dsn, kantor="pacitan", nama_meja="Koor",
                                    peran=("Koor",)))
    desk = Desk(open_store(counter_paths.store_dir, counter_profile.tz), load_catalog(),
                counter_profile, officer=petugas(), now=clock)
    code = desk.open_case(KONSULTASI, {"nama": "Wati"},
                          received=["Form konsultasi bisnis"]).code
    for _ in range(steps):
        desk.complete_step(code, output="ok")
    assert steps < 4 or desk.view(code).state.holder_role == "koor"
    counter = make_app(counter_paths, clock, profile=counter_profile)
    koor = make_app(koor_paths, clock, profile=koor_profile, officer="Pak Koor")
    return counter, koor, code
