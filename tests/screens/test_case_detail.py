"""The case timeline as an officer reads it, and a reprint from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Static

from counter.codes import make_code
from counter.config import default_profile
from counter.printing import PrintResult
from screens.case_detail import CaseDetailScreen, ReprintModal
from store import open_store
from tests.screens.review_fixtures import NIK, TELEPON, catalog, make_day
from tests.screens.review_helpers import screen_lines, static_text


class Host(App[None]):
    """A bare app that shows one case, so the test needs nothing of the shell."""

    def __init__(self, screen: CaseDetailScreen) -> None:
        super().__init__()
        self.detail = screen
        self.told: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:
        self.told.append(str(message))
        super().notify(message, **kwargs)

    def on_mount(self) -> None:
        self.push_screen(self.detail)


@pytest.fixture
def day(tmp_path: Path) -> Any:
    store = open_store(tmp_path / "store", default_profile().tz)
    return make_day(store, catalog(), default_profile())


def whole_text(screen: CaseDetailScreen) -> str:
    return "\n".join(static_text(screen.query_one(f"#case-{part}", Static), width=200)
                     for part in ("header", "steps", "timeline"))


async def test_timeline_shows_events_masked_visitor_and_step_times(day: Any,
                                                                   tmp_path: Path) -> None:
    screen = CaseDetailScreen(day.handed, day.desk, pdf_dir=tmp_path / "pdf", refresh_s=None)
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = whole_text(screen)
        seen = "\n".join(screen_lines(app))
        # who and where: masked NIK and phone, nothing of the full numbers on screen
        assert "Rina Wulandari Putri" in text
        assert NIK not in text and NIK not in seen
        assert TELEPON not in text and TELEPON not in seen
        assert "3501********0002" in text
        assert "Koordinator" in text and "berjalan" in text
        assert "261125-01-001-5" in seen or day.desk.view(day.handed).code_human in seen
        # every event, with its Indonesian time, officer and desk
        for event in day.desk.view(day.handed).state.events:
            assert event["officer"] in text
        for words in ("Kasus dibuka", "Langkah 1 selesai: Form terisi lengkap",
                      "Berkas diserahkan Admin PLUT", "Berkas diterima Koordinator",
                      "Rabu, 25 November 2026", "09.20", "10.00"):
            assert words in text, words
        # step 1: 20 minutes against 15 -> over, with its reason
        assert "20 menit" in text and "15 menit" in text and "LEWAT" in text
        assert "printer macet" in text


async def test_paused_time_is_shown_apart(day: Any, tmp_path: Path) -> None:
    screen = CaseDetailScreen(day.waiting, day.desk, pdf_dir=tmp_path / "pdf", refresh_s=None)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = whole_text(screen)
        assert "menunggu pemohon" in text
        assert "sedang dijeda" in text
        assert "dijeda 2 jam" in text  # 13.00 -> 15.00 waiting, not counted as work


async def test_reprint_without_printer_saves_pdf_and_records_attempt(day: Any,
                                                                     tmp_path: Path) -> None:
    pdf_dir = tmp_path / "pdf"
    screen = CaseDetailScreen(day.refused, day.desk, pdf_dir=pdf_dir, refresh_s=None)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = len(day.desk.view(day.refused).state.prints)
        await pilot.press("p")  # a case never handed off: only the tanda terima
        await screen.workers.wait_for_complete()
        await pilot.pause()
        prints = day.desk.view(day.refused).state.prints
        assert len(prints) == before + 1
        attempt = prints[-1]
        assert attempt.doc == "tanda-terima" and attempt.ok is False
        assert Path(attempt.pdf).is_file() and pdf_dir in Path(attempt.pdf).parents
        assert "disimpan sebagai PDF" in whole_text(screen)


async def test_reprint_choice_and_stand_in_printer(day: Any, tmp_path: Path) -> None:
    sent: list[tuple[Path, str | None]] = []

    def printer(path: Path, name: str | None) -> PrintResult:
        sent.append((path, name))
        return PrintResult(True, "", "PDF-1")

    day.desk.profile = day.desk.profile.with_changes(printer="Loket1")
    screen = CaseDetailScreen(day.handed, day.desk, pdf_dir=tmp_path / "pdf", print_pdf=printer,
                              refresh_s=None)
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ReprintModal)  # handed off: two documents to choose
        await pilot.press("down", "enter")  # the serah terima slip
        await pilot.pause()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert len(sent) == 1 and sent[0][1] == "Loket1"
        assert "serah-terima" in sent[0][0].name
        attempt = day.desk.view(day.handed).state.prints[-1]
        assert attempt.ok and attempt.doc == "serah-terima" and attempt.printer == "Loket1"
        assert "Slip serah terima dicetak ke Loket1" in whole_text(screen)


def test_snapshot_timeline(day: Any, tmp_path: Path, snap_compare: Any) -> None:
    screen = CaseDetailScreen(day.handed, day.desk, pdf_dir=tmp_path / "pdf", refresh_s=None)
    assert snap_compare(Host(screen), terminal_size=(100, 30))


async def test_failed_print_is_recorded_not_issued(day: Any, tmp_path: Path) -> None:
    day.desk.profile = day.desk.profile.with_changes(printer="Rusak")
    screen = CaseDetailScreen(day.done, day.desk, pdf_dir=tmp_path / "pdf", refresh_s=None,
                              print_pdf=lambda path, name: PrintResult(False, "kertas habis"))
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")  # the tanda terima, first in the list
        await pilot.pause()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        state = day.desk.view(day.done).state
        assert state.prints[-1].ok is False and state.prints[-1].error == "kertas habis"
        assert not state.issued("tanda-terima")
        assert "GAGAL dicetak: kertas habis" in whole_text(screen)


async def test_open_case_timers_follow_the_clock(day: Any, tmp_path: Path) -> None:
    screen = CaseDetailScreen(day.late, day.desk, pdf_dir=tmp_path / "pdf", refresh_s=None)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "2 jam 30 menit" in whole_text(screen)  # 11.30 -> 15.00 less the lunch hour
        day.clock.at(15, 45)
        screen.tick()
        await pilot.pause()
        assert "3 jam 15 menit" in whole_text(screen)


async def test_unknown_case_is_a_message_not_a_crash(day: Any, tmp_path: Path) -> None:
    unknown = make_code(date(2026, 11, 25), 1, 998)
    screen = CaseDetailScreen(unknown, day.desk, pdf_dir=tmp_path / "pdf",
                              refresh_s=None)
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert screen.view is None
        await pilot.press("p")  # nothing to print, nothing breaks
        await pilot.pause()
        assert any("tidak ditemukan" in m for m in app.told), app.told


async def test_revealing_the_nik_is_recorded_before_it_shows(tmp_path: Path) -> None:
    """`n` shows the full NIK for a minute, for typing into another system; the look is an
    event (who, when, desk) in the case's timeline, and the NIK is masked again after."""
    from datetime import datetime

    from counter.config import default_profile
    from counter.desk import Desk
    from counter.sop import load_catalog
    from store import open_store

    profile = default_profile()
    at = datetime(2026, 11, 25, 9, 0, tzinfo=profile.tz)
    desk = Desk(open_store(tmp_path / "store", profile.tz), load_catalog(), profile,
                officer="Siti Aminah", now=lambda: at)
    code = desk.open_case("pct-07-konsultasi-bisnis",
                          {"nama": "Ani", "nik": "3501011508900002"}, [], []).code
    screen = CaseDetailScreen(code, desk, pdf_dir=tmp_path / "pdf", refresh_s=None)
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "3501011508900002" not in whole_text(screen)
        await pilot.press("n")
        await pilot.pause()
        assert "3501011508900002" in whole_text(screen)
        [look] = [e for e in desk.repo.events(code) if e["type"] == "nik_revealed"]
        assert (look["officer"], look["desk"], look["at"]) == (
            "Siti Aminah", profile.desk, at.isoformat())
        assert "NIK pemohon ditampilkan" in whole_text(screen)  # in the timeline
        assert desk.view(code).state.anomalies == ()  # the fold takes it as an audit fact
        screen.hide_nik()
        await pilot.pause()
        assert "3501011508900002" not in whole_text(screen)
