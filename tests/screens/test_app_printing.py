"""A printer that fails never stops the counter: a notice, a record, the case goes on."""

from __future__ import annotations

from pathlib import Path

from counter.errors import PrintError
from counter.printing import Issued
from screens.home import HomeScreen
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import Clock, key, make_app, record_notices, screen_as


def jammed(kind, data, paper, *, pdf_dir, printer, at, **_):
    path = Path(pdf_dir) / f"{data.code}-{kind}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4")
    return Issued(kind, path, "Kasir-80", False, "printer Kasir-80 macet")


def broken(kind, data, paper, **_):
    raise PrintError("disk penuh", path="/tmp/x.pdf")


async def test_failed_print_is_recorded_and_the_case_stays(paths):
    app = make_app(paths, Clock(), issue=jammed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        view = desk_of(app).open_case("pct-07-konsultasi-bisnis", {"nama": "Ida"}, [], [])
        app.show_case(view.code)
        app.print_doc(view.code, "tanda-terima")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen) and app.screen.code == view.code
        printed = [e for e in app.store.events(view.code) if e["type"] == "printed"]
        assert printed[-1]["data"]["ok"] is False
        assert "macet" in printed[-1]["data"]["error"]
        assert any("gagal dicetak" in n and "macet" in n for n in notices)
        # a reprint from the runner is one key away
        await key(pilot, "p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len([e for e in app.store.events(view.code) if e["type"] == "printed"]) == 2


async def test_document_that_cannot_be_made_is_a_notice(paths):
    app = make_app(paths, Clock(), issue=broken)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        view = desk_of(app).open_case("pct-07-konsultasi-bisnis", {"nama": "Joko"}, [], [])
        app.show_case(view.code)
        app.print_doc(view.code, "tanda-terima")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen)
        assert any("disk penuh" in n for n in notices)
        assert desk_of(app).view(view.code).state.status.value == "berjalan"


async def test_damaged_day_file_is_a_notice_and_the_rest_works(paths):
    from tests.screens.app_fixtures import make_profile

    clock = Clock()
    first = make_app(paths, clock)
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        good = desk_of(first).open_case("pct-07-konsultasi-bisnis", {"nama": "Kiki"}, [], [])
    bad = paths.store_dir / "2026" / "2026-11-20.json"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("{ this is not json", encoding="utf-8")

    app = make_app(paths, clock, profile=make_profile())
    async with app.run_test(size=(100, 30)) as pilot:
        notices = record_notices(app)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("2026-11-20.json" in n for n in notices)
        assert good.code in screen_as(app, HomeScreen)._order["work"]


async def test_kembalikan_prints_a_lembar_pengembalian(paths):
    """The return's paper is made by the app's print worker, like a hand-off slip: it says
    DIKEMBALIKAN, from which step to which, the reason, and carries the barcode."""
    from screens.modals import ReturnModal
    from tests.pdf_scan import flat_text, scan_pdf
    from tests.screens.app_fixtures import type_text

    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case("pct-14-rekomendasi-teknis-iui", {"nama": "CV Maju"},
                                  ["Komputer OnLine", "KTP/Data Diri Aktif"], [])
        for _ in range(5):
            clock.advance(minutes=10)
            view = desk_of(app).complete_step(view.code)
        assert view.state.current_step == 6
        notices = record_notices(app)
        app.show_case(view.code)
        await pilot.pause()
        await key(pilot, "k")
        assert isinstance(app.screen, ReturnModal)
        await pilot.press("enter")
        await type_text(pilot, "NIB belum aktif")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "step_returned" in [e["type"] for e in app.store.events(view.code)], app.screen
        printed = [e["data"] for e in app.store.events(view.code) if e["type"] == "printed"]
        assert [p["doc"] for p in printed] == ["pengembalian"], notices
        pdf = Path(printed[0]["pdf"]).read_bytes()
        text = flat_text(pdf)
        assert "DIKEMBALIKAN" in text and "NIB belum aktif" in text
        assert "langkah 6" in text.lower() or "6. " in text
        assert scan_pdf(pdf) == [view.code]
