"""Dates as people type them in a report request, and the limits of a period."""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, timedelta

from counter.errors import LoketError
from counter.texts import dates as TD
from counter.texts import report as T

MAX_RANGE_DAYS = 366


class ReportError(LoketError):
    """A report request that cannot be met: a bad date, a reversed range."""


_MONTHS = {name.lower(): i for i, name in enumerate(TD.BULAN, 1)}
_MONTHS.update({name.lower(): i for i, name in enumerate(TD.BULAN_SINGKAT, 1)})
_MONTHS.update({"agust": 8, "sept": 9, "des": 12, "nop": 11, "nov": 11, "peb": 2})
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:[a-z]+,\s*)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def parse_date(text: str, today: date | None = None) -> date:
    """A date typed as 2026-11-25, 25-11-2026, 25/11/2026, "25 November 2026",
    "Rabu, 25 Nov 2026", "hari ini" or "kemarin"; `ReportError` otherwise."""
    raw = " ".join((text or "").split())
    low = raw.lower()
    if low in T.TODAY_WORDS or low in T.YESTERDAY_WORDS:
        base = today or date.today()
        return base if low in T.TODAY_WORDS else base - timedelta(days=1)
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(low):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _NUMERIC.match(low):
        parts = int(m[3]), int(m[2]), int(m[1])
    elif (m := _WORDS.match(low)) and m[2] in _MONTHS:
        parts = int(m[3]), _MONTHS[m[2]], int(m[1])
    if parts is None:
        raise ReportError(T.BAD_DATE.format(text=raw), field="tanggal")
    year, month, day = parts
    try:
        return date(year, month, day)
    except ValueError:
        pass
    # read, but not a day of the calendar: "31 Februari 2026" says so, not "not understood"
    if 1 <= month <= 12 and 1 <= year <= 9999:
        last = _calendar.monthrange(year, month)[1]
        raise ReportError(T.NO_SUCH_DATE.format(text=raw, month=TD.BULAN[month - 1],
                                                year=year, last=last), field="tanggal")
    raise ReportError(T.NO_SUCH_MONTH.format(text=raw), field="tanggal")


def check_range(first: date, last: date) -> None:
    """Refuse a reversed or overlong range with a message naming both dates."""
    if first > last:
        raise ReportError(T.RANGE_REVERSED.format(first=first.isoformat(), last=last.isoformat()),
                          field="--dari")
    days = (last - first).days + 1
    if days > MAX_RANGE_DAYS:
        raise ReportError(T.RANGE_TOO_LONG.format(days=days, limit=MAX_RANGE_DAYS),
                          field="--sampai")


def days_in(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
