"""Berkas kurang: the applicant lacks a document; the case waits for them, then resumes."""

from __future__ import annotations

from textual.widgets import OptionList, SelectionList, Static

from counter.case import Status
from screens.home import HomeScreen
from screens.modals import BroughtModal, CloseModal, MissingModal
from screens.new_case import NewCaseScreen
from screens.received_ask import ReceivedAsk
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from screens.widgets.checklist import Checklist
from tests.screens.app_fixtures import (
    Clock,
    focused_id,
    key,
    make_app,
    pdfs,
    scan,
    screen_as,
    type_text,
)


async def test_missing_document_at_the_counter_then_applicant_returns(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, NewCaseScreen)
        await type_text(pilot, "iui")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_as(app, NewCaseScreen).sop == app.catalog.get("pct-14-rekomendasi-teknis-iui")
        await type_text(pilot, "CV Maju")
        await pilot.press("tab", "tab", "tab", "tab")
        await pilot.press("space")  # the first item received, the second not
        # saving with a document unticked asks once, naming it; b is berkas kurang
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReceivedAsk)
        assert "[ ] KTP/Data Diri Aktif" in str(app.screen.query_one("#unticked", Static).content)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, MissingModal)  # the unticked item is preselected
        assert app.screen.query_one(SelectionList).selected == ["KTP/Data Diri Aktif"]
        await type_text(pilot, "bawa KTP asli")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        codes = app.store.open_codes()
        assert len(codes) == 1
        code = codes[0]
        state = desk_of(app).view(code).state
        assert state.status is Status.MENUNGGU_PEMOHON
        assert list(state.waiting_missing) == ["KTP/Data Diri Aktif"]
        assert state.waiting_note == "bawa KTP asli"
        assert any("berkas-kurang" in p.name for p in pdfs(paths))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert code in app.screen._order["wait"]

        # two days later the applicant comes back with the slip: scan, Lanjutkan
        clock.advance(days=2)
        await scan(pilot, code)
        assert isinstance(app.screen, StepRunnerScreen)
        assert "KTP/Data Diri Aktif" in str(app.screen.query_one("#state-line", Static).content)
        assert app.screen.check_action("complete", ()) is False
        await key(pilot, "l")
        await pilot.pause()
        # Lanjutkan asks what the applicant brought: the missing item, ticked to start
        assert isinstance(app.screen, BroughtModal)
        assert app.screen.query_one("#items", SelectionList).selected == ["KTP/Data Diri Aktif"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.view.state.status is Status.BERJALAN
        assert app.screen.query_one("#checklist", Checklist).unticked == []
        types = [e["type"] for e in app.store.events(code)]
        assert types.count("waiting_applicant") == 1 and types[-1] == "resumed"
        # the clock stood still while the applicant was away
        timing = app.screen.view.current_timing()
        assert timing.paused_s > 0 and timing.elapsed_s < 60


async def test_tutup_ditolak_needs_a_reason(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case("pct-07-konsultasi-bisnis", {"nama": "Hana"}, [], [])
        app.show_case(view.code)
        await pilot.pause()
        await key(pilot, "t")
        await pilot.pause()
        # selesai does not fit step 1 of 6: not offered, Ditolak comes first
        assert screen_as(app, CloseModal).outcomes == ["ditolak", "dibatalkan"]
        await pilot.press("enter")  # Ditolak; on to the reason
        await pilot.press("enter")  # no reason yet
        await pilot.pause()
        error = str(app.screen.query_one("#modal-error", Static).content)
        assert error == "Alasan penutupan wajib diisi"
        assert focused_id(app) == "reason"
        await type_text(pilot, "bukan layanan kami")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        closed = app.store.events(view.code)[-1]
        assert closed["type"] == "closed"
        assert closed["data"]["outcome"] == "ditolak"
        assert closed["data"]["reason"] == "bukan layanan kami"


async def test_arrows_in_the_search_field_move_the_service_list(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = screen_as(app, NewCaseScreen)
        highlighted = screen.query_one("#sops", OptionList).highlighted
        assert highlighted is not None
        first = screen._shown[highlighted]
        await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.sop is not None and screen.sop.id != first.id
        assert screen.sop.usable
