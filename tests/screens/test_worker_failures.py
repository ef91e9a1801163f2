"""An unforeseen error in background work never ends the app.

Each worker gets an exception that is not a `LoketError` (what a buggy driver or
a disk in a strange state throws). The app must still run and answer keys, the
officer is told in one line, and `loket.log` in the data folder holds the
traceback (owner-only: it may quote personal data).
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from counter import export
from screens.case_detail import CaseDetailScreen
from screens.daily_log import DailyLogScreen
from screens.home import HomeScreen
from screens.services import desk_of
from tests.screens.app_fixtures import Clock, key, make_app, record_notices

KBR = "pct-07-konsultasi-bisnis"

pytestmark = pytest.mark.usefixtures("failures_expected")


class Gremlin(Exception):
    """Not a LoketError: nothing in Loket expects it."""


def explode(*_: Any, **__: Any) -> Any:
    raise Gremlin("gremlin di dalam mesin")


async def settle(app: Any, pilot: Any) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def assert_survived(app: Any, pilot: Any, notices: list[str], paths: Any) -> None:
    await settle(app, pilot)
    assert app.is_running and app.return_code is None
    log = Path(paths.data_dir) / "loket.log"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "Gremlin: gremlin di dalam mesin" in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    told = [n for n in notices if "kesalahan tak terduga" in n]
    assert told and str(log) in told[-1] and "Traceback" not in told[-1]
    # still answers the keyboard: F4 opens the daily log
    await key(pilot, "f4")
    await settle(app, pilot)
    assert isinstance(app.screen, DailyLogScreen)


async def test_print_worker(paths):
    app = make_app(paths, Clock(), issue=explode)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        view = desk_of(app).open_case(KBR, {"nama": "Ida"}, [], [])
        app.print_doc(view.code, "tanda-terima")
        await assert_survived(app, pilot, notices, paths)


async def test_reprint_worker(paths):
    app = make_app(paths, Clock(), issue=explode)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KBR, {"nama": "Ida"}, [], [])
        screen = CaseDetailScreen(view.code)
        app.push_screen(screen)
        await pilot.pause()
        notices = record_notices(app)
        screen.start_print("tanda-terima")
        await settle(app, pilot)
        assert screen.printing is False  # a second try is possible
        await assert_survived(app, pilot, notices, paths)


async def test_home_reload_worker(paths, monkeypatch):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        notices = record_notices(app)
        monkeypatch.setattr(desk_of(app), "open_cases", explode)  # what the dashboard reads
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.reload()
        await settle(app, pilot)
        assert home._reading is False  # the next reload is not blocked forever
        await assert_survived(app, pilot, notices, paths)


async def test_damage_check_worker(paths):
    app = make_app(paths, Clock())
    app.store.damaged = explode
    async with app.run_test(size=(100, 30)) as pilot:
        notices = record_notices(app)
        await settle(app, pilot)
        await assert_survived(app, pilot, notices, paths)


async def test_daily_log_load_worker(paths, monkeypatch):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        notices = record_notices(app)
        monkeypatch.setattr(desk_of(app), "views_on", explode)
        await key(pilot, "f4")
        await settle(app, pilot)
        assert isinstance(app.screen, DailyLogScreen)
        app.pop_screen()
        await pilot.pause()
        await assert_survived(app, pilot, notices, paths)


async def test_export_worker(paths, monkeypatch):
    monkeypatch.setattr(export, "write_report", explode)
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await key(pilot, "f4")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DailyLogScreen) and screen.summary is not None
        notices = record_notices(app)
        screen.export_worker(screen.summary, "csv")
        await settle(app, pilot)
        app.pop_screen()
        await pilot.pause()
        await assert_survived(app, pilot, notices, paths)
