"""Two desks, one case: the officer who acts on what has just changed is told, not obeyed."""

from __future__ import annotations

from counter.desk import Desk
from counter.sop import load_catalog
from screens.received_ask import ReceivedAsk
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import Clock, key, make_app, make_profile, record_notices

SOP = "pct-17-pengajuan-proposal"  # steps 1 and 2 at the counter


async def test_a_step_finished_at_another_desk_meanwhile_is_not_finished_twice(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = desk_of(app).open_case(SOP, {"nama": "Dewi Sartika"}).code
        app.push_screen(StepRunnerScreen(code))
        await pilot.pause()
        runner = app.screen
        assert isinstance(runner, StepRunnerScreen) and runner.view.state.current_step == 1
        notices = record_notices(app)
        # Meanwhile loket 2 (another PC on the same store) finishes step 1.
        other = Desk(app.store, load_catalog(), make_profile().with_changes(desk=2),
                     officer="Rina", now=clock)
        clock.advance(minutes=5)
        other.complete_step(code)
        await key(pilot, "s")  # the officer still sees step 1 and finishes it
        await pilot.pause()
        if isinstance(app.screen, ReceivedAsk):
            await key(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Kasus ini baru saja diubah di loket 2: langkah 1 sudah selesai" in n
                   for n in notices), notices
        events = app.store.events(code)
        assert [e["type"] for e in events].count("step_completed") == 1
        assert isinstance(app.screen, StepRunnerScreen)
        assert app.screen.view.state.current_step == 2  # the case as it is now, shown
