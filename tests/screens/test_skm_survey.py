"""The survey offered after Tutup and answered on the counter's own terminal."""

from __future__ import annotations

import json
from datetime import date

import pytest

import screens.skm_survey as survey_mod
from screens.services import desk_of
from screens.skm_service import survey_store
from screens.skm_survey import SurveyScreen
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import Clock, key, make_app, type_text

KONSULTASI = "pct-07-konsultasi-bisnis"


@pytest.fixture(autouse=True)
def quick_thanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(survey_mod, "THANKS_SECONDS", 0.05)


async def close_a_case(app, pilot) -> str:
    """A Konsultasi Bisnis case brought to its last step, then finished with `s`."""
    case = desk_of(app).open_case(KONSULTASI, {"nama": "Rudi Hartono", "nik": "3501041507900002",
                                           "telepon": "081234567890"},
                              received=["Form konsultasi bisnis"])
    code = case.code
    while not desk_of(app).view(code).next.is_last:
        view = desk_of(app).view(code)
        if view.state.status.value == "menunggu_pelaksana":
            desk_of(app).receive(code)
        else:
            desk_of(app).complete_step(code)
    app.show_case(code)
    await pilot.pause()
    assert isinstance(app.screen, StepRunnerScreen)
    await key(pilot, "s")
    await key(pilot, "enter")
    await pilot.pause()
    assert desk_of(app).view(code).state.closed
    return code


async def answer(pilot, keys: str) -> None:
    """The visitor presses these keys, one at a time (1-4 answer, 0 skips)."""
    for k in keys:
        await key(pilot, k)


async def settle(app, pilot, rounds: int = 1) -> None:
    """Let the survey give the screen back and its save (and what it asks for) finish."""
    await pilot.pause(0.2)
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()


def stored(paths) -> list[dict]:
    files = sorted((paths.store_dir / "skm").glob("*.json"))
    return [r for f in files for r in json.loads(f.read_text())["responses"]]


async def test_visitor_answers_all_nine_and_the_answer_is_anonymous(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        code = await close_a_case(app, pilot)
        await key(pilot, "k")
        assert isinstance(app.screen, SurveyScreen)
        await answer(pilot, "434344343" + "0" * len(app.screen.q.profil))
        await type_text(pilot, "Petugas ramah, hubungi 081299998888")
        await key(pilot, "enter")
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        assert not isinstance(app.screen, SurveyScreen)
    (record,) = stored(paths)
    assert record["jawaban"] == {f"U{i}": int(v) for i, v in enumerate("434344343", start=1)}
    assert record["layanan"] == KONSULTASI and record["loket"] == 1
    assert record["tanggal"] == "2026-11-25"
    raw = json.dumps(record)
    for secret in (code, "Rudi", "3501041507900002", "081234567890", "081299998888", "09:"):
        assert secret not in raw  # no code, name, NIK, phone, or time of day
    assert set(record) == {"id", "tanggal", "layanan", "loket", "jawaban", "profil",
                           "tambahan", "saran", "sumber"}


async def test_a_skipped_question_and_a_skipped_survey(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await close_a_case(app, pilot)
        await key(pilot, "k")
        await answer(pilot, "30" + "4" * 7)  # 0 skips U2
        await key(pilot, "escape")  # skips the rest
        await settle(app, pilot)
        await close_a_case(app, pilot)
        await key(pilot, "k")
        await key(pilot, "escape")  # the visitor declines at once
        await settle(app, pilot)
        await key(pilot, "k")  # the offer was used: nothing opens
        assert not isinstance(app.screen, SurveyScreen)
    (record,) = stored(paths)
    assert record["jawaban"]["U2"] is None and record["jawaban"]["U1"] == 3
    assert record["jawaban"]["U9"] == 4
    got = list(survey_store(paths).between(date(2026, 11, 1), date(2026, 11, 30)))
    assert len(got) == 1


async def test_the_screen_returns_to_the_officer_when_the_visitor_walks_away(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await close_a_case(app, pilot)
        await key(pilot, "k")
        screen = app.screen
        assert isinstance(screen, SurveyScreen)
        await key(pilot, "4")
        screen._walked_away()  # what the idle timer does after IDLE_SECONDS
        await settle(app, pilot)
        assert not isinstance(app.screen, SurveyScreen)
    (record,) = stored(paths)
    assert record["jawaban"]["U1"] == 4 and record["jawaban"]["U2"] is None


async def test_review_screen_from_f4_and_the_dashboard_line(paths):
    from textual.widgets import DataTable, Static

    from screens.skm_review import SkmReviewScreen

    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await close_a_case(app, pilot)
        await key(pilot, "k")
        await answer(pilot, "444444443")
        await key(pilot, "escape")
        await settle(app, pilot, rounds=2)  # the save, then the dashboard line it asks for
        line = str(app.screen.query_one("#skm-progress", Static).render())
        assert "1 dari 1 responden" in line or "minimum 1" in line
        assert "IKM 97,22 (A)" in line  # (8×4 + 3) / 9 × 25 = 97.22
        await key(pilot, "f4")
        await key(pilot, "k")
        assert isinstance(app.screen, SkmReviewScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        head = str(app.screen.query_one("#skm-head", Static).render())
        assert "IKM unit layanan: 97,22 — mutu A" in head
        table = app.screen.query_one("#skm-unsur", DataTable)
        assert table.get_row_at(0)[:3] == ["U9", "3,000", "C (Kurang baik)"]  # lowest first
        await key(pilot, "e")
        await app.workers.wait_for_complete()
    exported = sorted(p.name for p in (paths.data_dir / "laporan").glob("skm-*"))
    assert exported == ["skm-2026-07-01-2026-12-31.pdf", "skm-2026-07-01-2026-12-31.xlsx"]
