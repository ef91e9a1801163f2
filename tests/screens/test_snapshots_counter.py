"""What the officer sees, pinned as SVG at 100x30 with a frozen clock.

Update after an intended change with `pytest tests/screens/test_snapshots_counter.py
--snapshot-update` and look at the report before committing.
"""

from __future__ import annotations

from datetime import timedelta

from screens.services import desk_of
from tests.screens.app_fixtures import Clock, make_app

SIZE = (100, 30)
KONSULTASI = "pct-07-konsultasi-bisnis"


def _day_of_cases(app, clock: Clock) -> None:
    """Three cases at different points: within, nearing, over; one handed off."""
    desk = app.desk
    start = clock.at
    clock.at = start - timedelta(minutes=50)
    a = desk.open_case(KONSULTASI, {"nama": "Ani Lestari"}, ["Form konsultasi bisnis"], [])
    for minutes in (5, 5, 10):
        clock.at += timedelta(minutes=minutes)
        desk.complete_step(a.code)
    clock.at = start - timedelta(minutes=12)
    desk.open_case(KONSULTASI, {"nama": "Budi Santoso"}, ["Form konsultasi bisnis"], [])
    clock.at = start - timedelta(minutes=3)
    desk.open_case("pct-14-rekomendasi-teknis-iui", {"nama": "CV Maju Jaya"}, [],
                   ["Komputer OnLine", "KTP/Data Diri Aktif"])
    clock.at = start - timedelta(minutes=20)
    desk.complete_step(a.code, output="notulen")  # step 4 → hand-off to the Koor
    clock.at = start


def test_dashboard(snap_compare, paths):
    clock = Clock()
    app = make_app(paths, clock)

    async def run_before(pilot) -> None:
        await pilot.pause()
        _day_of_cases(app, clock)
        app.refresh_home()
        await app.workers.wait_for_complete()
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_new_case(snap_compare, paths):
    clock = Clock()
    app = make_app(paths, clock)

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        for key in "konsul":
            await pilot.press(key)
        await pilot.pause(0.1)
        await pilot.press("enter")
        for key in "Ani":
            await pilot.press(key)
        await pilot.press("tab")
        for key in "35010115089":
            await pilot.press(key)
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_step_runner(snap_compare, paths):
    clock = Clock()
    app = make_app(paths, clock)

    async def run_before(pilot) -> None:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, {"nama": "Ani Lestari"},
                                  ["Form konsultasi bisnis"], [])
        clock.at += timedelta(minutes=4)
        desk_of(app).complete_step(view.code, output="form terisi")
        clock.at += timedelta(minutes=12)
        app.show_case(view.code)
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_daily_log_at_80x24(snap_compare, paths):
    """The log at 80 columns: the applicant's name shows without scrolling, F1 in the footer."""
    clock = Clock()
    app = make_app(paths, clock)

    async def run_before(pilot) -> None:
        await pilot.pause()
        _day_of_cases(app, clock)
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
