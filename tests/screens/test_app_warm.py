"""The open cases are read while the officer signs in: the dashboard shows them the moment
it appears, then reads the store for itself (news from the seconds of the sign-in)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.widgets import DataTable

from counter.desk import Desk
from counter.sop import load_catalog
from screens import home
from screens.home import HomeScreen
from screens.signin import SignInScreen
from store import open_store
from tests.screens.app_fixtures import OFFICER, Clock, make_app, make_profile, sign_in
from tests.sessions import petugas

KONSULTASI = "pct-07-konsultasi-bisnis"


def open_files(paths: Any, clock: Clock, names: list[str]) -> list[str]:
    """Files opened at this desk earlier (another process: the store on disk)."""
    profile = make_profile()
    desk = Desk(open_store(paths.store_dir, profile.tz), load_catalog(), profile,
                officer=petugas(OFFICER), now=clock)
    return [desk.open_case(KONSULTASI, {"nama": n}, ["Form konsultasi bisnis"], []).code
            for n in names]


def held_reads(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The dashboard's own reads wait for the returned event (the sign-in's do not)."""
    go = threading.Event()
    real = home.read_home

    def held(*args: Any, **kwargs: Any) -> Any:
        assert go.wait(20), "the test never let the dashboard read"
        return real(*args, **kwargs)

    monkeypatch.setattr(home, "read_home", held)
    return go


def work_codes(app: Any) -> list[str]:
    table = app.screen.query_one("#work", DataTable)
    return [str(row.value) for row in table.rows]


async def test_the_dashboard_appears_filled_after_the_sign_in(
        paths: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    earlier = open_files(paths, clock, ["Ani", "Budi", "Citra"])
    go = held_reads(monkeypatch)
    app = make_app(paths, clock, officer=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        while app.warming.read is None:  # read while the PIN is typed
            await pilot.pause(0.02)
        clock.advance(seconds=2)
        later = open_files(paths, clock, ["Dewi"])  # another act meanwhile
        await sign_in(pilot, OFFICER)
        assert isinstance(app.screen, HomeScreen)
        assert sorted(work_codes(app)) == sorted(earlier)  # at once: its own read waits
        go.set()
        for _ in range(200):
            if len(work_codes(app)) == 4:
                break
            await pilot.pause(0.02)
        assert sorted(work_codes(app)) == sorted(earlier + later)  # then the news


async def test_a_sign_in_read_that_grew_old_is_not_shown(
        paths: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    open_files(paths, clock, ["Ani"])
    go = held_reads(monkeypatch)
    app = make_app(paths, clock, officer=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while app.warming.read is None:
            await pilot.pause(0.02)
        clock.advance(minutes=10)  # the desk's clock moved on past its measuring
        await sign_in(pilot, OFFICER)
        assert isinstance(app.screen, HomeScreen)
        assert work_codes(app) == []  # nothing shown from ten minutes ago
        go.set()
        for _ in range(200):
            if work_codes(app):
                break
            await pilot.pause(0.02)
        assert len(work_codes(app)) == 1
