"""Outside office hours the dashboard and the daily log say why the times stand still
(issue 10, point 13), as the step runner already does."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Static

from screens.daily_log import DailyLogScreen
from screens.home import HomeScreen
from screens.services import desk_of
from tests.screens.app_fixtures import Clock, key, make_app, screen_as
from tests.screens.review_helpers import screen_lines

KONSULTASI = "pct-07-konsultasi-bisnis"


def elapsed_cell(app: Any, code: str) -> str:
    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    table = home.query_one("#work", DataTable)
    return str(table.get_cell(code, "elapsed"))


def title(app: Any) -> str:
    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    return str(home.query_one("#work-title", Static).content)


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
        assert "di luar jam kerja" not in title(app)  # 09.00: the clock runs
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
        # said once above the timers, not in each cell (at 80 columns it pushed the
        # service off the screen)
        assert "di luar jam kerja — waktu tidak dihitung" in title(app)
        assert "di luar jam kerja" not in elapsed_cell(app, code)
        await key(pilot, "f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#log-status", Static).content)
        assert "di luar jam kerja — waktu tidak dihitung" in status


async def test_dashboard_fits_80_columns_after_hours_with_a_day_limit(paths):
    """At 80x24, after hours, with a case timed in hari kerja: code, step, timer, name
    and service all on screen, no sideways scrolling (issue 10, point 22)."""
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        desk = desk_of(app)
        days = desk.open_case("pct-05-data-base-koperasi", {"nama": "Bambang Susanto"}, [], [])
        minutes = desk.open_case(KONSULTASI, {"nama": "Ida Ayu"}, ["Form konsultasi bisnis"])
        clock.at = clock.at.replace(hour=17, minute=30)  # after office hours
        home = screen_as(app, HomeScreen)
        home.reload()
        await app.workers.wait_for_complete()
        await pilot.pause()
        home.tick()
        await pilot.pause()
        lines = screen_lines(app)
        assert any("di luar jam kerja" in line for line in lines[:6])
        for view, name, service in ((days, "Bambang", "Data Kop."),
                                    (minutes, "Ida Ayu", "Konsultasi")):
            [line] = [ln for ln in lines if view.code_human in ln]
            assert name in line and service in line, line
        assert any("hari kerja" in line and days.code_human in line for line in lines)
        table = home.query_one("#work", DataTable)
        assert table.virtual_size.width <= table.size.width  # nothing off to the right
