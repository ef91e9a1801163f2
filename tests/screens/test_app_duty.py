"""Remember the day: after a restart the officer and desk of the day are offered
again; a desk number out of range is refused, never cut short."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from counter.duty import Duty, load_duty, save_duty
from screens.home import HomeScreen
from screens.services import desk_of
from screens.setup import SetupScreen
from screens.signin import SignInScreen
from tests.screens.app_fixtures import (
    START,
    Clock,
    as_supervisor,
    make_app,
    sign_in,
    type_text,
)


async def test_restart_offers_the_officer_and_desk_of_the_day(paths):
    clock = Clock()
    app = make_app(paths, clock, officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        desk = app.screen.query_one("#desk", Input)
        desk.value = "3"
        await sign_in(pilot, "Budi Santoso")
        assert isinstance(app.screen, HomeScreen)
        assert (app.officer, app.desk_no) == ("Budi Santoso", 3)

    # the power fails; an hour later the app starts again
    clock.advance(hours=1)
    again = make_app(paths, clock, officer=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, SignInScreen)
        remembered = str(again.screen.query_one("#remembered", Static).content)
        assert "Budi Santoso" in remembered and "loket 3" in remembered
        assert again.screen.query_one("#desk", Input).value == "3"
        assert again.focused is again.screen.query_one("#pin")  # only the PIN to type
        await type_text(pilot, "1357")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
        assert (again.officer, again.desk_no, desk_of(again).profile.desk) == (
            "Budi Santoso", 3, 3)


async def test_yesterdays_duty_is_not_offered(paths):
    save_duty(paths, Duty(START.date().replace(day=24), "Budi Santoso", 3))
    assert load_duty(paths, START.date()) is None
    app = make_app(paths, Clock(), officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        assert not app.screen.query("#remembered")
        assert app.screen.query_one("#accounts", OptionList).highlighted == 0


async def test_desk_150_is_refused_not_cut_to_15(paths):
    app = make_app(paths, Clock(), officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        desk = app.screen.query_one("#desk", Input)
        desk.focus()
        desk.value = ""
        await type_text(pilot, "150")
        assert desk.value == "150"
        await sign_in(pilot, "Budi Santoso")
        assert isinstance(app.screen, SignInScreen)
        assert "1 sampai 99" in str(app.screen.query_one("#signin-error", Static).content)
        assert app.focused is desk


async def test_settings_refuse_desk_150(paths):
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        desk = app.screen.query_one("#desk", Input)
        desk.value = ""
        desk.focus()
        await type_text(pilot, "150")
        assert desk.value == "150"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "1 sampai 99" in str(app.screen.query_one("#setup-error", Static).content)
        assert app.focused is desk


async def test_a_pin_typed_on_the_name_list_goes_to_the_pin_field(paths):
    """The first officer of the day sees their name highlighted and types the PIN at once:
    the digits land in the PIN field (they were lost on the list)."""
    app = make_app(paths, Clock(), officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        accounts = app.screen.query_one("#accounts", OptionList)
        assert app.focused is accounts
        accounts.highlighted = [a.nama for a in app.screen.accounts].index("Budi Santoso")
        for digit in "1357":  # at human speed, one key at a time
            await pilot.press(digit)
        assert app.focused is app.screen.query_one("#pin", Input)
        assert app.screen.query_one("#pin", Input).value == "1357"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.officer == "Budi Santoso"


async def test_enter_on_an_empty_pin_is_not_a_wrong_pin(paths):
    """An Enter pressed before the PIN says so and brings no lock nearer."""
    from store.audit_log import AuditLog

    app = make_app(paths, Clock(), officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#pin", Input).focus()
        for _ in range(6):  # more than the five wrong PINs that lock an account
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        assert "Ketik PIN" in str(app.screen.query_one("#signin-error", Static).content)
        assert not [r for r in AuditLog(paths.data_dir).records() if r.kind != "signin_ok"]
        await sign_in(pilot, "Budi Santoso")
        assert isinstance(app.screen, HomeScreen)
