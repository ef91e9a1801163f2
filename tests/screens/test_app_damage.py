"""A damaged day file in the running app: it blinds nothing but itself, and a restored
backup is picked up without a restart."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, Static

from counter.codes import human
from counter.desk import Desk
from counter.sop import load_catalog
from screens import home as home_module
from screens.daily_log import DailyLogScreen
from screens.home import HomeScreen
from screens.services import desk_of
from store import StoreError, open_store
from tests.damage_kit import BREAK, damage
from tests.screens.app_fixtures import START, Clock, make_app, make_profile, record_notices
from tests.sessions import supervisor

KONSULTASI = "pct-07-konsultasi-bisnis"
FORM = ["Form konsultasi bisnis"]
DAMAGED = START.date() - timedelta(days=1)  # Tuesday 24 November
EARLIER = START.date() - timedelta(days=2)


def _fill(paths) -> dict[str, list[str]]:
    """Cases on three days: two open (and one closed) on the day to damage, open ones
    before and on the day itself. Returns the codes by role."""
    clock = Clock(START - timedelta(days=2))
    profile = make_profile()
    desk = Desk(open_store(paths.store_dir, profile.tz), load_catalog(), profile,
                officer="Siti Aminah", now=clock)
    cases: dict[str, list[str]] = {"earlier": [], "damaged": [], "today": []}
    for role, names in (("earlier", ["Ani", "Bayu"]), ("damaged", ["Citra", "Dedi", "Eka"]),
                        ("today", ["Fajar"])):
        for name in names:
            cases[role].append(desk.open_case(KONSULTASI, {"nama": name}, FORM, []).code)
            clock.advance(minutes=5)
        clock.advance(days=1)
    # a closed one (cancelled, with a supervisor's approval): not counted
    desk.acting_as(supervisor()).close(cases["damaged"].pop(), "dibatalkan", "uji")
    # the desk that served them has had its dashboard open: the open-case index knows them
    # (it is refreshed on every look at the open cases, not on every write)
    assert len(desk.repo.open_codes()) == 5
    return cases


def _rows(app, table_id: str) -> set[str]:
    table = app.screen.query_one(table_id, DataTable)
    return {str(key.value) for key in table.rows}


async def _settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("how", sorted(BREAK))
async def test_damaged_day_named_on_dashboard_others_shown_and_restore_picked_up(
        paths, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    cases = _fill(paths)
    day_file = open_store(paths.store_dir, make_profile().tz).path_for(DAMAGED)
    good = damage(day_file, how)
    broken = day_file.read_bytes()
    monkeypatch.setattr(home_module, "RELOAD_DAMAGED_EVERY", 1.0)

    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        notices = record_notices(app)
        await _settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        # every readable case as usual; the damaged day's open ones as named placeholders
        shown = _rows(app, "#work") | _rows(app, "#wait")
        assert shown == {*cases["earlier"], *cases["damaged"], *cases["today"]}
        assert not set(home.views) & set(cases["damaged"])
        wait = home.query_one("#wait", DataTable)
        for code in cases["damaged"]:
            assert str(wait.get_cell(code, "waiting")) == "berkas harian rusak"
            assert str(wait.get_cell(code, "code")) == human(code)
        line = home.query_one("#damage", Static)
        assert line.display
        text = str(line.content)
        assert str(day_file) in text and "2 kasus terbuka" in text

        # F4: today's log works, the day before names the file, two days back works
        await pilot.press("f4")
        await _settle(app, pilot)
        log = app.screen
        assert isinstance(log, DailyLogScreen)
        assert _rows(app, "#log-table") == set(cases["today"])
        assert str(day_file) in str(log.query_one("#log-damage", Static).content)
        await pilot.press("left_square_bracket")
        await _settle(app, pilot)
        assert _rows(app, "#log-table") == set(cases["damaged"])  # named placeholder rows
        table = log.query_one("#log-table", DataTable)
        assert all(str(table.get_cell(c, "status")) == "berkas harian rusak"
                   for c in cases["damaged"])
        assert str(day_file) in str(log.query_one("#log-damage", Static).content)
        await pilot.press("left_square_bracket")
        await _settle(app, pilot)
        assert _rows(app, "#log-table") == set(cases["earlier"])
        await pilot.press("escape")
        await _settle(app, pilot)

        # acting on a case of the damaged day is refused, naming the file; nothing written
        inside = cases["damaged"][0]
        app.handle_scan(human(inside))
        await _settle(app, pilot)
        scanned = [n for n in notices if human(inside) in n]
        assert scanned and str(day_file) in scanned[-1]
        assert isinstance(app.screen, HomeScreen)
        before = len(notices)
        app.show_case(inside)  # Enter on its placeholder row: named, back on the dashboard
        await _settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any(str(day_file) in n for n in notices[before:])
        with pytest.raises(StoreError) as info:
            desk_of(app).note(inside, "coba")
        assert info.value.path == str(day_file)
        assert day_file.read_bytes() == broken

        # the backup is put back while the app runs: within a refresh everything is back
        day_file.write_bytes(good)
        await pilot.pause(2.5)
        await _settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        shown = _rows(app, "#work") | _rows(app, "#wait")
        assert shown == {*cases["earlier"], *cases["damaged"], *cases["today"]}
        assert set(cases["damaged"]) <= set(app.screen.views)  # real rows again
        assert not app.screen.query_one("#damage", Static).display
        assert any("dapat dibaca lagi" in n for n in notices)


async def test_index_rebuilt_while_a_day_is_damaged_loses_no_case_in_the_app(
        paths, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _fill(paths)
    store = open_store(paths.store_dir, make_profile().tz)
    day_file = store.path_for(DAMAGED)
    good = damage(day_file, "zero-length")
    store.index_path.unlink()  # the index is rebuilt on start, with the day unreadable
    monkeypatch.setattr(home_module, "RELOAD_DAMAGED_EVERY", 1.0)

    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        text = str(app.screen.query_one("#damage", Static).content)
        assert str(day_file) in text and "tidak diketahui" in text
        assert _rows(app, "#work") | _rows(app, "#wait") == {*cases["earlier"],
                                                             *cases["today"]}
        day_file.write_bytes(good)
        await pilot.pause(2.5)
        await _settle(app, pilot)
        assert _rows(app, "#work") | _rows(app, "#wait") == {
            *cases["earlier"], *cases["damaged"], *cases["today"]}
        assert not app.screen.query_one("#damage", Static).display
