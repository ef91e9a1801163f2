"""Settings (F9): the office profile is edited in the app and used at once."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.widgets import Button, Input, Select, Static

from counter.config import load_profile
from screens.home import HomeScreen
from screens.services import desk_of
from screens.setup import SetupScreen
from tests.screens.app_fixtures import Clock, as_supervisor, make_app, make_profile, profile_of


async def test_printer_and_paper_changed_in_settings(paths):
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        screen = app.screen
        # the saved profile is shown, not the first-run examples
        assert screen.query_one("#instansi", Input).value == make_profile().instansi
        assert screen.query_one("#officers", Input).value == (
            "Siti Aminah, Budi Santoso, Bu Rahma")
        # a printer CUPS has (the PDF printer of scripts/ci-cups), or any name when CUPS
        # cannot be asked here
        printer = screen.printers.names[0] if screen.printers.names else "EPSON_TM"
        screen.query_one("#printer", Input).value = printer
        screen.query_one("#paper", Select).value = "58mm"
        screen.query_one("#officers", Input).value = "Siti Aminah, Budi Santoso, Bu Rahma, Rina"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), (
            app.screen.query_one("#setup-error", Static).content)
        saved = load_profile(paths)
        assert saved is not None
        assert saved is not None
        assert (saved.printer, saved.paper) == (printer, "58mm")
        assert [o.nama for o in saved.officers] == ["Siti Aminah", "Budi Santoso", "Bu Rahma",
                                                    "Rina"]
        assert saved.officers[0].jabatan == "Petugas Loket"  # kept for a known officer
        assert saved.officers[2].pin_hash and "supervisor" in saved.officers[2].roles
        # in use at once: the next document goes to the new printer on the new paper
        assert desk_of(app).profile.printer == printer and desk_of(app).profile.paper == "58mm"
        assert desk_of(app).officer == "Bu Rahma"
        # the change is an office audit record naming the supervisor and what changed
        from store.audit_log import AuditLog

        [record] = [r for r in AuditLog(paths.data_dir).records()
                    if r.kind == "settings_changed"]
        assert record.officer == "Bu Rahma" and "printer" in record.detail


async def test_settings_can_be_left_without_saving(paths):
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        app.screen.query_one("#instansi", Input).value = "Salah ketik"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert load_profile(paths) is None  # nothing written
        assert profile_of(app).instansi == make_profile().instansi


async def test_office_calendar_and_warning_threshold_set_in_settings(paths):
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        closed = screen.query_one("#closed", Input)
        closed.value = "24 Desember 2026, 31 Februari 2026"
        screen.query_one("#ramadan", Input).value = "8 Februari 2027 s.d. 9 Maret 2027"
        screen.query_one("#nearing", Input).value = "80"
        screen.query_one("#hours", Input).value = (
            "Senin-Jumat 08.00-15.00 istirahat 12.00-13.00; Sabtu 08.00-12.00")
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
        assert saved is not None
        assert saved.calendar.closed_days == (date(2026, 12, 24), date(2026, 12, 31))
        assert saved.calendar.ramadan == ((date(2027, 2, 8), date(2027, 3, 9)),)
        assert saved.nearing == 0.8
        # in force at once, for the officer on duty
        assert desk_of(app).profile.nearing == 0.8
        calendar = app.calendar
        assert calendar is not None
        assert not calendar.is_working_day(date(2026, 12, 24))
        assert calendar.is_ramadan(date(2027, 2, 10))
        # the unit's own hours: open on Saturday mornings, closed at 15.00
        assert saved.calendar.jam_kerja.startswith("Senin-Jumat 08.00-15.00")
        assert calendar.is_working_day(date(2026, 11, 28))  # a Saturday
        wed = datetime(2026, 11, 25, 15, 30, tzinfo=saved.tz)
        assert calendar.working_seconds(wed, wed + timedelta(minutes=30)) == 0


async def test_f9_offers_cups_printers_catches_a_typo_and_prints_a_test_page(paths):
    """The printers that exist are offered; a mistyped name is refused at save time with
    the names CUPS has; the test print sends a page whose barcode scans, at the dpi set."""
    from pathlib import Path

    from textual.widgets import Static

    from counter.codes import is_demo_code
    from counter.printing import list_printers
    from tests.pdf_scan import decoded, one_bit, pages_at_dpi

    cups = list_printers()
    if "PDF" not in cups.names:
        import pytest

        pytest.skip("no CUPS PDF printer here (run scripts/ci-cups)")
    app = make_app(paths, Clock(), profile=make_profile().with_changes(printer="PFD"),
                   officer=as_supervisor())
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        listed = screen.query_one("#printer-list", Select)
        assert "PDF" in [str(v) for _, v in listed._options]
        await pilot.press("ctrl+s")  # "PFD": a typo from loket.toml
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        message = str(screen.query_one("#setup-error", Static).render())
        assert "'PFD' tidak dikenal CUPS" in message and "PDF" in message
        assert app.focused is screen.query_one("#printer", Input)
        listed.value = "PDF"  # picked from the list: fills the name
        await pilot.pause()
        assert screen.query_one("#printer", Input).value == "PDF"
        screen.query_one("#dpi", Select).value = 180
        screen.query_one("#test-print", Button).press()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = str(screen.query_one("#test-result", Static).render())
        assert "Halaman uji dikirim ke PDF" in shown, shown
        [page] = sorted((paths.pdf_dir / "uji").glob("uji-PDF-*.pdf"))
        codes = decoded(one_bit(pages_at_dpi(Path(page).read_bytes(), 180)[0]))
        assert len(codes) == 1 and is_demo_code(codes[0])  # never a real case's code
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_profile(paths)
        assert saved is not None
        assert saved is not None and (saved.printer, saved.dpi) == ("PDF", 180)
    _remove_landed(Path(page).stem)


def _remove_landed(stem: str) -> None:
    """The test page cups-pdf wrote for this test: not left in the home folder."""
    import time

    from tests.counter.test_printing import _cups_pdf_out_dir

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        landed = list(_cups_pdf_out_dir().glob(f"{stem}*.pdf"))
        if landed:
            for p in landed:
                p.unlink(missing_ok=True)
            return
        time.sleep(0.2)
