"""Whoever tries the demo can lock the desk and sign in again: every demo officer has
the PIN the sign-in screen names (a demo desk without PINs locked its user out)."""

from __future__ import annotations

from textual.widgets import Static

from counter.demo import DEMO_PIN, demo_profile
from screens.home import HomeScreen
from screens.signin import SignInScreen
from tests.screens.app_fixtures import Clock, make_app, sign_in


async def test_a_locked_demo_desk_says_the_pin_and_another_officer_signs_in(paths):
    profile = demo_profile()
    app = make_app(paths, Clock(), profile=profile, officer=profile.officers[-1].nama)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen) and app.locked
        hint = str(app.screen.query_one("#demo-pin", Static).content)
        assert DEMO_PIN in hint
        await sign_in(pilot, "Budi Santoso", "0000")  # a wrong PIN is still refused
        assert app.locked
        await sign_in(pilot, "Budi Santoso", DEMO_PIN)
        assert not app.locked and app.desk is not None
        assert app.desk.officer == "Budi Santoso"


async def test_a_real_office_sign_in_shows_no_demo_pin(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        assert not app.screen.query("#demo-pin")
