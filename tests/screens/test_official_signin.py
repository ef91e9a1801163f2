"""An official's desk is named like the header names it on sign-in and lock screens."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from counter.config import PusatSettings
from screens.home import HomeScreen
from screens.signin import SignInScreen
from tests.screens.app_fixtures import Clock, key, make_app, make_profile, sign_in
from tests.screens.review_helpers import screen_lines


def koor_profile() -> Any:
    return make_profile().with_changes(
        desk=5, pusat=PusatSettings(nama_meja="Koor", peran=("Koor",)))


async def test_sign_in_and_lock_say_meja_koor(paths: Any) -> None:
    app = make_app(paths, Clock(), profile=koor_profile(), officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        seen = "\n".join(screen_lines(app))
        assert "Meja Koor" in seen
        assert "Nomor loket" not in seen and not app.screen.query("#desk")
        await sign_in(pilot, "Siti Aminah")
        assert isinstance(app.screen, HomeScreen)
        assert app.desk_no == 5  # the profile's desk, kept without a number field
        await key(pilot, "ctrl+l")
        assert isinstance(app.screen, SignInScreen)
        title = str(app.screen.query_one(".title", Static).content)
        assert title == "Meja Koor terkunci"
        assert "Loket 5" not in "\n".join(screen_lines(app))


async def test_a_counter_desk_still_says_loket(paths: Any) -> None:
    app = make_app(paths, Clock(), officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Nomor loket" in "\n".join(screen_lines(app))
        await sign_in(pilot, "Siti Aminah")
        await key(pilot, "ctrl+l")
        assert str(app.screen.query_one(".title", Static).content) == "Loket 1 terkunci"
