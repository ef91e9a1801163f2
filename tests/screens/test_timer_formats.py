"""One duration format per unit, and the SOP's own step numbers, wherever Loket speaks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from counter.case.state import StepRun
from counter.clock import CaseTiming, Level, StepTiming
from counter.sop import load_catalog
from counter.waktu import Unit, parse_waktu
from screens.widgets.step_label import step_of
from screens.widgets.timing import elapsed_text
from tests.screens.app_fixtures import WIB


def _step(unit: Unit | None, elapsed_s: float, limit_s: float | None, **kw: Any) -> StepTiming:
    return StepTiming(elapsed_s=elapsed_s, paused_s=0, limit_s=limit_s, fraction=None,
                      level=Level.DALAM, due_at=None, unit=unit, **kw)


def test_hours_stay_a_clock_past_ten_hours():
    assert elapsed_text(_step(Unit.JAM, 15 * 3600 + 180, 24 * 3600)) == "15:03:00 / 24:00:00"
    assert elapsed_text(_step(Unit.MENIT, 125, 900)) == "02:05 / 15:00"


def test_a_case_of_day_limits_reads_in_days_like_its_steps():
    step = _step(Unit.HARI, 0, 27000, elapsed_days=0.0, limit_days=1.0)
    run = StepRun(step=1, started_at=datetime(2026, 11, 25, 8, 0, tzinfo=WIB))
    case = CaseTiming(steps=((run, step),), elapsed_s=13500, paused_s=0,
                      limit_s=5 * 27000, level=Level.DALAM, estimated_completion=None)
    assert elapsed_text(step) == "0 / 1 hari kerja"
    assert elapsed_text(case) == "0,5 / 5 hari kerja"


def test_mutu_baku_in_loket_words():
    assert parse_waktu("40 Menit").spoken() == "40 menit"
    assert parse_waktu("40 Menit").label() == "40 Menit"  # the SOP table keeps its source
    assert parse_waktu("5 Hari Kerja").spoken() == "5 hari kerja"


def test_step_numbers_are_the_sops_own():
    sop = load_catalog().get("pct-07-konsultasi-bisnis")
    assert step_of(sop, 3) == "3 dari 6"
    assert step_of(sop, 7) == "7 (6 dari 6)"
    assert step_of(sop, 7, compact=True) == "7 (6/6)"
