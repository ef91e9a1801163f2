"""Two app instances, one office: the counter hands a file off, the Koor's desk scans it
and approves (setuju), and the counter's dashboard shows it without a key pressed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from counter.case import Status
from screens.home import HomeScreen
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from store import open_store
from tests.screens.app_fixtures import scan
from tests.sync.two_desks import complete_step, office, settle, until

KONSULTASI = "pct-07-konsultasi-bisnis"


async def test_counter_hands_off_koor_approves_counter_sees_it(tmp_path: Path, pg_dsn: str):
    # The morning so far at the counter: a walk-in whose steps 1-3 are done.
    counter, koor, code = office(tmp_path, pg_dsn, steps=3)
    koor_paths, koor_profile = koor.paths, koor.profile
    assert koor_profile is not None
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
