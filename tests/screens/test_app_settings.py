"""Settings (F9): the office profile is edited in the app and used at once."""

from __future__ import annotations

from textual.widgets import Input, Select

from counter.config import load_profile
from screens.home import HomeScreen
from screens.setup import SetupScreen
from tests.screens.app_fixtures import Clock, make_app, make_profile


async def test_printer_and_paper_changed_in_settings(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        screen = app.screen
        # the saved profile is shown, not the first-run examples
        assert screen.query_one("#instansi", Input).value == make_profile().instansi
        assert screen.query_one("#officers", Input).value == "Siti Aminah, Budi Santoso"
        screen.query_one("#printer", Input).value = "EPSON_TM"
        screen.query_one("#paper", Select).value = "58mm"
        screen.query_one("#officers", Input).value = "Siti Aminah, Budi Santoso, Rina"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        saved = load_profile(paths)
        assert saved is not None
        assert (saved.printer, saved.paper) == ("EPSON_TM", "58mm")
        assert [o.nama for o in saved.officers] == ["Siti Aminah", "Budi Santoso", "Rina"]
        assert saved.officers[0].jabatan == "Petugas Loket"  # kept for a known officer
        # in use at once: the next document goes to the new printer on the new paper
        assert app.desk.profile.printer == "EPSON_TM" and app.desk.profile.paper == "58mm"
        assert app.desk.officer == "Siti Aminah"


async def test_settings_can_be_left_without_saving(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        app.screen.query_one("#instansi", Input).value = "Salah ketik"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert load_profile(paths) is None  # nothing written
        assert app.profile.instansi == make_profile().instansi
