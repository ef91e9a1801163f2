"""The periods an SKM is reported for (PermenPANRB 14/2017 asks at least yearly;
offices report per triwulan or semester too)."""

from __future__ import annotations

from datetime import date, timedelta

PERIODS = ("bulan", "triwulan", "semester", "tahun")


def period_containing(day: date, kind: str) -> tuple[date, date]:
    """The calendar month, quarter, half-year or year that holds `day`."""
    months = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}[kind]
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    end_month = first_month + months
    end = (date(day.year + 1, 1, 1) if end_month > 12 else date(day.year, end_month, 1))
    return start, end - timedelta(days=1)
