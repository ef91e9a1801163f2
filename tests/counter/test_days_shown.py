"""A mutu baku in hari kerja is said in hari kerja wherever Loket shows it (issue 10,
point 15): the daily log, its summary, the case history, the reports; never converted
to "45 jam" beside an SOP that says "6 hari"."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from rich.console import Console

from counter import demo
from counter import report as R
from counter.config import default_profile
from counter.desk import CaseView, Desk
from counter.export.wording import case_time_text as report_time_text
from counter.report_rows import case_row, step_rows
from counter.sop import load_catalog
from screens.daily_log_cells import time_cell
from screens.daily_log_summary import summary_view
from screens.widgets.case_story import case_time_text as history_time_text
from tests.sessions import petugas

WIB = ZoneInfo("Asia/Jakarta")
START = datetime(2026, 11, 25, 8, 0, tzinfo=WIB)  # a Wednesday morning
DAYS_SOP = "pct-05-data-base-koperasi"  # 1 + 2 + 1 + 1 + 1 hari, the rest N/A
MINUTES_SOP = "pct-07-konsultasi-bisnis"  # menit only


def _opened(sop_id: str, worked: timedelta) -> CaseView:
    now = [START]
    desk = Desk(demo.MemoryRepo(), load_catalog(), default_profile(), officer=petugas(),
                now=lambda: now[0])
    view = desk.open_case(sop_id, {"nama": "Sri Wahyuni"}, [], [])
    now[0] = START + worked
    return desk.remeasure(view)


def _plain(renderable: object) -> str:
    console = Console(width=200, record=True)
    console.print(renderable)
    return console.export_text()


def test_a_case_of_day_limits_reads_in_hari_kerja_everywhere():
    view = _opened(DAYS_SOP, timedelta(hours=3, minutes=45))  # half a 7.5-hour day
    row = case_row(view)
    assert str(time_cell(row)) == "0,5 / 6 hari kerja"
    assert report_time_text(row) == "0,5 hari kerja / 6 hari kerja"
    assert history_time_text(view).startswith("0,5 hari kerja dari 6 hari kerja")
    summary = R.summary_from_rows([(row, step_rows(view))], START.date(), START.date())
    text = _plain(summary_view(summary))
    assert "mutu baku 6 hari kerja" in text and "45 jam" not in text


def test_a_case_of_minute_limits_keeps_hours_and_minutes():
    view = _opened(MINUTES_SOP, timedelta(minutes=20))
    row = case_row(view)
    assert row.day_s is None
    assert "hari" not in str(time_cell(row)) and str(time_cell(row)).startswith("0:20 / ")
    assert report_time_text(row).startswith("20 menit / ")
    assert "hari" not in history_time_text(view)
