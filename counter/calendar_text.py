"""The office calendar as an officer types it in F9: closed days, Ramadan ranges, and the
warning threshold as a percentage. Each refusal names the item that is wrong."""

from __future__ import annotations

import re
from datetime import date

from counter import dates
from counter.errors import ConfigError
from counter.report import ReportError, parse_date
from counter.texts import config as T

_RANGE_SPLIT = re.compile(r"\s+(?:s\.?\s?d\.?|sampai)\s+", re.IGNORECASE)


def _items(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,\n]", text) if part.strip()]


def _day(text: str, field: str) -> date:
    try:
        return parse_date(text)
    except ReportError as err:
        raise ConfigError(err.message, field=field) from None


def parse_closed_days(text: str) -> tuple[date, ...]:
    """"24 Desember 2026, 2026-12-31" → the days, sorted, each once."""
    return tuple(sorted({_day(item, T.F9_CLOSED) for item in _items(text)}))


def parse_ramadan(text: str) -> tuple[tuple[date, date], ...]:
    """"2027-02-08 s.d. 2027-03-09" (several separated by ';') → the ranges."""
    ranges = []
    for item in re.split(r"[;\n]", text):
        item = item.strip()
        if not item:
            continue
        ends = _RANGE_SPLIT.split(item)
        if len(ends) != 2:
            raise ConfigError(T.F9_RANGE_FORM.format(text=item), field=T.F9_RAMADAN)
        first, last = _day(ends[0], T.F9_RAMADAN), _day(ends[1], T.F9_RAMADAN)
        if last < first:
            raise ConfigError(T.F9_RANGE_REVERSED.format(text=item), field=T.F9_RAMADAN)
        ranges.append((first, last))
    return tuple(sorted(ranges))


def parse_percent(text: str) -> float:
    """"75" or "75 %" → 0.75; 1 to 99."""
    digits = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        value = float(digits)
    except ValueError:
        raise ConfigError(T.F9_PERCENT.format(text=text), field=T.F9_NEARING) from None
    if not 1 <= value <= 99:
        raise ConfigError(T.F9_PERCENT.format(text=text), field=T.F9_NEARING)
    return value / 100


def closed_days_text(days: tuple[date, ...]) -> str:
    return ", ".join(dates.format_date(d) for d in days)


def ramadan_text(ranges: tuple[tuple[date, date], ...]) -> str:
    return "; ".join(f"{dates.format_date(a)} s.d. {dates.format_date(b)}" for a, b in ranges)


def percent_text(nearing: float) -> str:
    return f"{round(nearing * 100):d}"
