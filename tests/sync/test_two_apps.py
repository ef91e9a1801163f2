"""Two app instances, one office: the counter hands a file off, the Koor's desk scans it
and approves (setuju), and the counter's dashboard shows it without a key pressed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from counter.case import Status
from counter.config import Paths, PusatSettings
from counter.desk import Desk
from counter.sop import load_catalog
from screens.home import HomeScreen
from screens.received_ask import ReceivedAsk
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from store import open_store
from store.sync.server import PgServer
from tests.screens.app_fixtures import Clock, key, make_app, make_profile, scan
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


async def test_counter_hands_off_koor_approves_counter_sees_it(tmp_path: Path, pg_dsn: str):
    PgServer(pg_dsn).prepare()
    clock = Clock()
    counter_paths = Paths(tmp_path / "loket1" / "config", tmp_path / "loket1" / "data")
    koor_paths = Paths(tmp_path / "koor" / "config", tmp_path / "koor" / "data")
    counter_profile = make_profile().with_changes(
        desk=1, pusat=PusatSettings(dsn=pg_dsn, kantor="pacitan"))
    koor_profile = make_profile().with_changes(
        desk=5, pusat=PusatSettings(dsn=pg_dsn, kantor="pacitan", nama_meja="Koor",
                                    peran=("Koor",)))
    # The morning so far at the counter: a walk-in whose steps 1-3 are done.
    desk = Desk(open_store(counter_paths.store_dir, counter_profile.tz), load_catalog(),
                counter_profile, officer=petugas(), now=clock)
    code = desk.open_case(KONSULTASI, {"nama": "Wati"},
                          received=["Form konsultasi bisnis"]).code
    for _ in range(3):
        desk.complete_step(code, output="ok")

    counter = make_app(counter_paths, clock, profile=counter_profile)
    koor = make_app(koor_paths, clock, profile=koor_profile, officer="Pak Koor")
    async with counter.run_test(size=(100, 30)) as cp, koor.run_test(size=(100, 30)) as kp:
        await settle(counter, cp)
        # counter: step 4 done, the file goes to the Koor (slip printed to PDF)
        await scan(cp, code)
        await settle(counter, cp)
        assert isinstance(counter.screen, StepRunnerScreen)
        await complete_step(cp, counter, hand_off=True)
        assert isinstance(counter.screen, HomeScreen)
        koor_store = open_store(koor_paths.store_dir, koor_profile.tz)

        def arrived() -> bool:
            try:
                return any(e["type"] == "handed_off" for e in koor_store.events(code))
            except Exception:
                return False

        assert await until(kp, arrived), (
            f"the hand-off never reached the Koor's desk: {counter.sync_state} "
            f"{koor.sync_state} {desk_of(counter).view(code).state.status}")
        # the Koor's desk: the file is on its way to it; the scan records it received
        await settle(koor, kp)
        await scan(kp, code)
        await settle(koor, kp)
        assert isinstance(koor.screen, StepRunnerScreen)
        state = desk_of(koor).view(code).state
        assert state.status is Status.BERJALAN and state.holder_role == "koor"
        await complete_step(kp, koor)  # the Koor approves: back to the counter
        after = desk_of(koor).view(code).state
        assert after.holder_role != "koor"

        # the counter's dashboard follows by itself
        def counter_sees() -> bool:
            home = next((s for s in counter.screen_stack if isinstance(s, HomeScreen)), None)
            view = home.views.get(code) if home is not None else None
            return view is not None and view.state.holder_role == after.holder_role \
                and any(e["type"] == "received" and e["desk"] == 5
                        for e in view.state.events)

        assert await until(cp, counter_sees, 20), "the counter's dashboard never moved"
        assert counter.sync_state.connected and koor.sync_state.connected
        await asyncio.sleep(0)
