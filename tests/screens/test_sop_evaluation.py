"""F3 → Ctrl+R (Evaluasi): a supervisor reads the evaluation of Konsultasi Bisnis, accepts the
proposed mutu baku of the step that always runs over, and sees the SOP at version 2."""

from __future__ import annotations

from textual.widgets import Input, Label, Static

from counter.evaluation import TERLALU_KETAT
from screens.sop_browser import SopBrowserScreen
from screens.sop_evaluation import AcceptModal, SopEvaluationScreen
from screens.supervisor_pin import SupervisorPinModal
from tests.screens.app_fixtures import Clock, make_app, record_notices, supervisor_pin, type_text
from tests.screens.review_helpers import static_text
from tests.test_cli_sop_evaluasi import SEPTEMBER, SOP, serve


async def test_evaluate_and_accept_a_proposal(paths) -> None:
    serve(SEPTEMBER)
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SopBrowserScreen)
        await type_text(pilot, "konsultasi")
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SopEvaluationScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = static_text(screen.query_one("#eva-view", Static), width=78)
        assert TERLALU_KETAT.upper() in body and "usul 25 menit" in body
        assert "8 kasus" in static_text(screen.query_one("#eva-title", Static), width=78)

        await pilot.press("e")  # the PDF, into the data folder's laporan/
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = sorted(paths.report_dir.glob("evaluasi-*.pdf"))
        assert len(written) == 1 and written[0].read_bytes().startswith(b"%PDF")
        assert any(str(written[0]) in n for n in notices)

        await pilot.press("t")  # a petugas's desk: the supervisor's PIN first
        await pilot.pause()
        assert isinstance(app.screen, SupervisorPinModal)
        await supervisor_pin(pilot)
        modal = app.screen
        assert isinstance(modal, AcceptModal)
        assert "Bu Rahma" in static_text(modal.query_one("#penyelia", Label), width=78)
        # every proposal is offered (step 5, always 5 of its 10 minutes, is too loose)
        assert modal.query_one("#langkah", Input).value == "2, 5"
        modal.query_one("#langkah", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.catalog.get(SOP).versi == 2
        assert app.catalog.get(SOP).step(2).mutu_baku.waktu.high == 25
        assert any("versi 2" in n for n in notices)
        assert any("Bu Rahma" in c for c in app.catalog.get(SOP).catatan)
        # the same runs are now of the old version: said, and no second acceptance
        title = static_text(screen.query_one("#eva-title", Static), width=78)
        assert "versi 2" in title
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, AcceptModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SopBrowserScreen)
