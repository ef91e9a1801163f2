"""F4 shows the one log screen the app keeps (built once: issue 15), yet every visit opens
as a new screen would: today's day, no filter or search left over, fresh figures."""

from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Input

from counter.log_filter import Filters
from screens.daily_log import DailyLogScreen
from screens.home import HomeScreen
from screens.services import desk_of
from tests.screens.app_fixtures import START, Clock, key, make_app

KONSULTASI = "pct-07-konsultasi-bisnis"
FORM = ["Form konsultasi bisnis"]


async def _log(pilot, app) -> DailyLogScreen:
    await pilot.press("f4")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, DailyLogScreen)
    await screen.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_f4_again_is_the_same_screen_with_todays_fresh_cases(paths) -> None:
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        desk_of(app).open_case(KONSULTASI, {"nama": "Ani"}, FORM, [])
        first = await _log(pilot, app)
        assert first.query_one("#log-table", DataTable).row_count == 1
        # the officer leaves it filtered, searched and on the day before
        first.query_one("#f-over", Checkbox).value = True
        first.query_one("#f-text", Input).value = "zzz"
        await pilot.pause()
        assert first.query_one("#log-table", DataTable).row_count == 0
        await key(pilot, "left_square_bracket")
        await first.workers.wait_for_complete()
        assert first.day == START.date().replace(day=START.day - 1)
        await key(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)

        desk_of(app).open_case(KONSULTASI, {"nama": "Bayu"}, FORM, [])  # a case meanwhile
        again = await _log(pilot, app)
        assert again is first  # not built anew
        assert again.day == START.date() and again.span == "day"
        assert again.filters == Filters()
        assert again.query_one("#f-text", Input).value == ""
        assert not again.query_one("#f-over", Checkbox).value
        assert again.query_one("#log-table", DataTable).row_count == 2
        assert again.focused is again.query_one("#log-table", DataTable)
