"""How timers and due times read in the dashboard's narrow columns."""

from __future__ import annotations

from datetime import datetime

from counter.clock import Level, StepTiming
from counter.waktu import Unit
from screens.home_cells import due_label as _due_label
from screens.widgets.timing import timer_text
from tests.screens.app_fixtures import WIB


def test_minutes_timer_reads_elapsed_over_limit_with_word_and_colour():
    nearing = StepTiming(12 * 60 + 5, 0, 15 * 60, 0.8, Level.MENDEKATI, None, Unit.MENIT)
    text = timer_text(nearing)
    assert str(text) == "12:05 / 15:00 hampir"
    assert "yellow" in str(text.style)
    over = StepTiming(3 * 3600 + 61, 0, 3600, 3.0, Level.LEWAT, None, Unit.JAM)
    assert str(timer_text(over)) == "3:01:01 / 1:00:00 LEWAT"
    assert "red" in str(timer_text(over).style)


def test_working_day_timer_names_the_unit_once():
    t = StepTiming(0, 0, 3 * 27000, 0.7, Level.DALAM, None, Unit.HARI,
                   elapsed_days=2.1, limit_days=3.0)
    assert str(timer_text(t)) == "2,1 / 3 hari kerja tepat"


def test_due_label_shows_the_date_unless_today():
    now = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)
    assert _due_label(datetime(2026, 11, 25, 14, 30, tzinfo=WIB), now) == "14.30"
    assert _due_label(datetime(2026, 12, 1, 8, 5, tzinfo=WIB), now) == "01/12 08.05"
    assert _due_label(datetime(2025, 12, 1, 8, 5, tzinfo=WIB), now) == "01/12/25 08.05"
