"""The keystroke budget: a Konsultasi Bisnis walk-in from F2 to closed, with the
hand-off to the Koor received by a scan, in at most 15 keys besides the visitor's data.

Every key the officer presses goes through `Keys.press` and is counted; the
visitor's data is typed with `type_text` (not counted, it is the visitor's) and
the scan is a burst (the scanner's, not the officer's keys). Each step is checked
on screen and in the store, so a shortcut that skipped a step or a document would
fail here, not only a slow one.
"""

from __future__ import annotations

from typing import Any

from counter.case import Status
from screens.home import HomeScreen
from screens.new_case import NewCaseScreen
from screens.received_ask import ReceivedAsk
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from screens.widgets.checklist import Checklist
from tests.screens.app_fixtures import (
    Clock,
    focused_id,
    key,
    make_app,
    scan,
    stored_types,
    type_text,
)

KONSULTASI = "pct-07-konsultasi-bisnis"
BUDGET = 15


class Keys:
    """The officer's hands: every press is one key in the count."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.pressed: list[str] = []

    async def press(self, name: str) -> None:
        self.pressed.append(name)
        await key(self.pilot, name)
        await self.pilot.app.workers.wait_for_complete()
        await self.pilot.pause()


async def test_konsultasi_with_one_hand_off_in_fifteen_keys(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        await keys.press("f2")
        assert isinstance(app.screen, NewCaseScreen)
        await keys.press("7")  # the SOP's number: 07 is the only one it can mean
        assert app.screen.sop is not None and app.screen.sop.id == KONSULTASI
        assert focused_id(app) == "nama"
        await type_text(pilot, "Ani Lestari")
        await keys.press("tab")
        await type_text(pilot, "3501011508900002")
        await keys.press("tab")
        await type_text(pilot, "081234567890")
        await keys.press("tab")
        await type_text(pilot, "Keripik Ani")
        await keys.press("ctrl+s")
        # the form's document was not ticked: asked once, not skipped
        assert isinstance(app.screen, ReceivedAsk)
        await keys.press("enter")
        assert isinstance(app.screen, StepRunnerScreen)
        code = app.screen.code
        assert list(app.screen.view.state.kelengkapan[1]) == ["Form konsultasi bisnis"]

        for step in (1, 2):
            clock.advance(minutes=5)
            assert app.screen.view.state.current_step == step
            await keys.press("s")
        clock.advance(minutes=20)
        assert app.screen.view.state.current_step == 3
        await keys.press("s")
        assert isinstance(app.screen, ReceivedAsk)  # Notulen unticked: one question
        await keys.press("enter")
        assert app.screen.view.state.current_step == 4
        # the Notulen received at step 3 is still in the file: ticked, not asked again
        assert app.screen.query_one("#checklist", Checklist).unticked == []
        clock.advance(minutes=10)
        await keys.press("h")
        assert isinstance(app.screen, HomeScreen)
        assert desk_of(app).view(code).state.status is Status.MENUNGGU_PELAKSANA

        clock.advance(minutes=5)  # the Koor takes the file and evaluates it within 10 menit
        await scan(pilot, code)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen)
        assert app.screen.view.state.current_step == 5
        await keys.press("s")
        assert isinstance(app.screen, ReceivedAsk)  # the Disposisi
        await keys.press("enter")
        assert app.screen.view.state.current_step == 7
        clock.advance(minutes=5)
        await keys.press("s")
        assert isinstance(app.screen, HomeScreen)

        state = desk_of(app).view(code).state
        assert state.status is Status.SELESAI
        types = stored_types(app, code)
        assert types.count("step_completed") == 6
        assert "handed_off" in types and "received" in types
        checked = {e["data"]["step"]: e["data"]["received"] for e in app.store.events(code)
                   if e["type"] == "kelengkapan_checked"}
        assert checked == {1: ["Form konsultasi bisnis"], 3: ["Notulen"], 4: ["Notulen"],
                           5: ["Disposisi"]}
        print(f"keys: {len(keys.pressed)} {keys.pressed}")
        assert len(keys.pressed) <= BUDGET, keys.pressed
