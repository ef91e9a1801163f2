"""The daily log's filter and sort, without a screen."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from counter.config import default_profile
from counter.log_filter import Filters, Sort, code_matches, span_dates, visible_rows
from counter.report import CaseRow

WIB = default_profile().tz


def row(code_human: str, visitor: str, minute: int, *, status: str = "berjalan",
        over: bool = False, officer: str = "Siti") -> CaseRow:
    return CaseRow(
        code=code_human.replace("-", ""), code_human=code_human,
        opened_at=datetime(2026, 10, 1, 9, minute, tzinfo=WIB), visitor=visitor,
        nik_masked="", sop_id="pct-07-konsultasi-bisnis", service="Konsultasi Bisnis",
        officer=officer, desk=1, status=status, status_label=status, holder="Admin",
        elapsed_s=60.0 * minute, paused_s=0.0, limit_s=None, level="dalam", over=over,
        closed_at=None, current_step=1)


# 1 October: every code's date part "261001" holds "0010" across the dashes
DAY = [row("261001-01-001-4", "Ani Lestari", 5), row("261001-01-002-7", "Budi", 10),
       row("261001-01-003-1", "Citra", 20, status="menunggu_pemohon", over=True)]


def shown(**filters) -> list[str]:
    return [r.code_human for r in visible_rows(DAY, Filters(**filters), Sort())]


def test_a_code_matches_from_the_start_of_its_parts_only():
    assert shown(text="001-4") == ["261001-01-001-4"]
    assert shown(text="0014") == ["261001-01-001-4"]
    assert shown(text="0010") == []  # not inside "261001-01-…"
    assert shown(text="261001-01") == [r.code_human for r in DAY]
    assert not code_matches("261001-01-002-7", "001-0")


def test_name_words_and_filters_combine():
    assert shown(text="ani") == ["261001-01-001-4"]
    assert shown(text="lestari ani") == ["261001-01-001-4"]
    assert shown(only_over=True) == ["261001-01-003-1"]
    assert shown(only_waiting=True) == ["261001-01-003-1"]
    assert shown(officer="Nobody") == []


def test_sort_by_a_column_and_back():
    rows = visible_rows(DAY, Filters(), Sort(column="visitor", reverse=True))
    assert [r.visitor for r in rows] == ["Citra", "Budi", "Ani Lestari"]
    rows = visible_rows(DAY, Filters(), Sort(column="time"))
    assert [r.elapsed_s for r in rows] == sorted(r.elapsed_s for r in DAY)


def test_spans():
    wed = date(2026, 11, 25)
    assert span_dates(wed, "day") == (wed, wed)
    assert span_dates(wed, "week") == (wed - timedelta(days=2), wed + timedelta(days=4))
    assert span_dates(date(2026, 2, 10), "month") == (date(2026, 2, 1), date(2026, 2, 28))
