"""Settings (F9): the office profile is edited in the app and used at once."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select, Static

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


async def test_office_calendar_and_warning_threshold_set_in_settings(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        closed = screen.query_one("#closed", Input)
        closed.value = "24 Desember 2026, 31 Februari 2026"
        screen.query_one("#ramadan", Input).value = "8 Februari 2027 s.d. 9 Maret 2027"
        screen.query_one("#nearing", Input).value = "80"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen  # refused: the impossible day is named, focus on it
        error = str(screen.query_one("#setup-error", Static).content)
        assert "Hari tutup kantor" in error and "31 Februari 2026" in error
        assert app.focused is closed
        closed.value = "24 Desember 2026, 2026-12-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not screen
        saved = load_profile(paths)
        assert saved.calendar.closed_days == (date(2026, 12, 24), date(2026, 12, 31))
        assert saved.calendar.ramadan == ((date(2027, 2, 8), date(2027, 3, 9)),)
        assert saved.nearing == 0.8
        # in force at once, for the officer on duty
        assert app.desk.profile.nearing == 0.8
        assert not app.calendar.is_working_day(date(2026, 12, 24))
        assert app.calendar.is_ramadan(date(2027, 2, 10))
