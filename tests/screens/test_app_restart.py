"""The app killed mid-case and started again: nothing lost, the timers still right."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Static

from screens.home import HomeScreen
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import Clock, key, make_app, screen_as

KONSULTASI = "pct-07-konsultasi-bisnis"


async def test_restart_keeps_case_at_same_step_with_right_time(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, {"nama": "Gita"}, ["Form konsultasi bisnis"], [])
        code = view.code
        app.show_case(code)
        await pilot.pause()
        clock.advance(minutes=6)
        await key(pilot, "s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 2
        # step 2 started at 09.06; the power goes at 09.09 (no clean shutdown
        # is needed: every event was already durable when it was shown)
        clock.advance(minutes=3)

    clock.advance(minutes=7)  # the counter is back at 09.16
    again = make_app(paths, clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await again.workers.wait_for_complete()  # the dashboard reads the store in a thread
        await pilot.pause()
        home = again.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#work", DataTable)
        assert table.row_count == 1
        assert str(table.get_cell(code, "step")) == "2/6"
        # 10 minutes into step 2 (15 menit): measured from the stored start
        elapsed = table.get_cell(code, "elapsed")
        assert str(elapsed).startswith("10:00 / 15:00")
        await pilot.press("enter")
        await pilot.pause()
        runner = again.screen
        assert isinstance(runner, StepRunnerScreen) and runner.code == code
        step_timer = str(runner.query_one("#step-timer", Static).content)
        case_timer = str(runner.query_one("#case-timer", Static).content)
        assert "10:00 / 15:00" in step_timer
        assert "16:00 /" in case_timer


async def test_dashboard_tick_rewrites_only_changed_cells(paths, monkeypatch):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        codes = [desk_of(app).open_case(KONSULTASI, {"nama": n}, [], []).code
                 for n in ("Ani", "Budi", "Citra")]
        app.refresh_home()
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = screen_as(app, HomeScreen)
        table = home.query_one("#work", DataTable)
        calls: list[tuple[str, str]] = []
        original = table.update_cell

        def update_cell(row: Any, column: Any, value: Any, **kwargs: Any) -> None:
            calls.append((str(row), str(column)))
            return original(row, column, value, **kwargs)

        # a rebuild would fail here: only update_cell may run
        monkeypatch.setattr(table, "update_cell", update_cell)
        for rebuild in ("add_row", "remove_row", "clear"):
            monkeypatch.setattr(table, rebuild, None)
        home.tick()
        assert calls == []  # the clock did not move: nothing to draw
        clock.advance(seconds=1)
        home.tick()
        assert sorted(calls) == sorted((c, "elapsed") for c in codes)
        assert str(table.get_cell(codes[0], "elapsed")).startswith("00:01 / 15:00")
