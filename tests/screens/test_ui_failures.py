"""An unforeseen error on the UI thread never ends the app (issue 17).

Workers are guarded since test_worker_failures.py; here the error is raised by a
key's action, a screen's key handler, a message handler, a timer callback and a
screen's `on_mount`, each of which Textual would otherwise turn into the end of the
app (or a screen that no longer answers). Each time the app must still run and
answer keys, the officer is told in one line, `loket.log` holds the traceback,
and the stored case is still there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from screens.app import LoketApp
from screens.daily_log import DailyLogScreen
from screens.home import HomeScreen
from screens.messages import CaseChanged
from screens.services import desk_of
from screens.sop_browser import SopBrowserScreen
from tests.screens.app_fixtures import Clock, key, make_app, record_notices

KBR = "pct-07-konsultasi-bisnis"

pytestmark = pytest.mark.usefixtures("failures_expected")


class Gremlin(Exception):
    """Not a LoketError: nothing in Loket expects it."""


def explode(*_: Any, **__: Any) -> Any:
    raise Gremlin("gremlin di layar")


async def assert_survived(app: LoketApp, pilot: Any, notices: list[str], paths: Any,
                          caught: list[tuple[str, BaseException]], code: str) -> None:
    await pilot.pause()
    await pilot.pause()
    assert app.is_running and app.return_code is None
    assert any(isinstance(err, Gremlin) for _, err in caught)
    log = Path(paths.data_dir) / "loket.log"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "Gremlin: gremlin di layar" in text
    told = [n for n in notices if "kesalahan tak terduga" in n]
    assert told and "aplikasi tetap berjalan" in told[-1] and str(log) in told[-1]
    assert "Traceback" not in told[-1]
    # nothing stored was lost, and the app still answers the keyboard
    assert app.store.events(code)
    await key(pilot, "escape")
    await key(pilot, "escape")
    await key(pilot, "f4")
    await pilot.pause()
    assert isinstance(app.screen, DailyLogScreen)


async def test_error_in_a_key_action(paths, monkeypatch, failures_expected):
    monkeypatch.setattr(LoketApp, "action_catalog", explode)
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        code = desk_of(app).open_case(KBR, {"nama": "Ida"}).code
        await key(pilot, "f3")
        await assert_survived(app, pilot, notices, paths, failures_expected, code)


async def test_error_in_a_screens_key_handler(paths, monkeypatch, failures_expected):
    original = SopBrowserScreen.on_key

    def on_key(self: SopBrowserScreen, event: Any) -> None:
        if event.key == "down":
            explode()
        original(self, event)

    monkeypatch.setattr(SopBrowserScreen, "on_key", on_key)
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        code = desk_of(app).open_case(KBR, {"nama": "Ida"}).code
        await key(pilot, "f3")
        assert isinstance(app.screen, SopBrowserScreen)
        await key(pilot, "down")
        assert [w for w, _ in failures_expected] == ["SopBrowserScreen.on_key"]
        # the screen still answers its own keys: Esc goes back to the dashboard
        await key(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        await assert_survived(app, pilot, notices, paths, failures_expected, code)


async def test_error_in_a_message_handler(paths, monkeypatch, failures_expected):
    monkeypatch.setattr(LoketApp, "on_case_changed", explode)
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        code = desk_of(app).open_case(KBR, {"nama": "Ida"}).code
        app.post_message(CaseChanged(code))
        await assert_survived(app, pilot, notices, paths, failures_expected, code)


async def test_error_in_a_timer_callback(paths, failures_expected):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        code = desk_of(app).open_case(KBR, {"nama": "Ida"}).code
        ticks = app.set_interval(0.02, explode)  # a repeating timer fails every time
        app.screen.set_timer(0.02, explode)  # and a screen's one-off timer
        await pilot.pause(0.2)
        ticks.stop()
        # told once, not once per tick
        assert len([n for n in notices if "kesalahan tak terduga" in n]) <= 2
        await assert_survived(app, pilot, notices, paths, failures_expected, code)


async def test_error_in_a_screens_on_mount(paths, monkeypatch, failures_expected):
    monkeypatch.setattr(SopBrowserScreen, "on_mount", explode)
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        code = desk_of(app).open_case(KBR, {"nama": "Ida"}).code
        await key(pilot, "f3")
        assert isinstance(app.screen, SopBrowserScreen)
        await key(pilot, "escape")  # the half-built screen still lets the officer out
        assert isinstance(app.screen, HomeScreen)
        await assert_survived(app, pilot, notices, paths, failures_expected, code)


async def test_an_unexpected_error_is_not_passed_over_in_tests(paths):
    """The guard keeps the app up, and the suite still sees the error (conftest.py)."""
    from screens.worker_guard import CAUGHT

    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.call_later(explode)
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
    assert [type(err) for _, err in CAUGHT] == [Gremlin]
