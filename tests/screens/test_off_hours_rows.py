"""Outside office hours the dashboard and the daily log say why the times stand still
(issue 10, point 13), as the step runner already does."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Static

from screens.daily_log import DailyLogScreen
from screens.home import HomeScreen
from screens.services import desk_of
from tests.screens.app_fixtures import Clock, key, make_app

KONSULTASI = "pct-07-konsultasi-bisnis"


def elapsed_cell(app: Any, code: str) -> str:
    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    table = home.query_one("#work", DataTable)
    return str(table.get_cell(code, "elapsed"))


async def test_dashboard_and_log_say_the_office_is_closed(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = desk_of(app).open_case(KONSULTASI, {"nama": "Ida"}, ["Form konsultasi bisnis"]).code
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.reload()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "di luar jam kerja" not in elapsed_cell(app, code)  # 09.00: the clock runs
        await key(pilot, "f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DailyLogScreen)
        status = str(app.screen.query_one("#log-status", Static).content)
        assert "di luar jam kerja" not in status
        await key(pilot, "escape")

        clock.at = clock.at.replace(hour=17, minute=30)  # after office hours
        home.tick()
        await pilot.pause()
        assert elapsed_cell(app, code).endswith("di luar jam kerja")
        await key(pilot, "f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#log-status", Static).content)
        assert "di luar jam kerja — waktu tidak dihitung" in status
