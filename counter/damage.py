"""A day of the record that cannot be read, as the screens and reports name it.

A damaged day file must blind nothing but itself: the dashboard, the daily log
and the reports show everything else and say which day is missing, where its
file is, and how many open cases it holds, so the office knows what to restore.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class UnreadableDay:
    """One day whose file could not be read just now."""

    day: date
    path: str
    message: str  # why (the store's words: empty, not JSON at line…, wrong shape…)
    open_cases: int | None  # open cases of the index living there; None: not known
    codes: tuple[str, ...] = ()  # their codes, when known (placeholder rows name them)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def merged(*groups: Iterable[UnreadableDay]) -> tuple[UnreadableDay, ...]:
    """One entry per day, oldest first; a known count wins over an unknown one."""
    by_day: dict[date, UnreadableDay] = {}
    for group in groups:
        for item in group:
            seen = by_day.get(item.day)
            if seen is None or (seen.open_cases is None and item.open_cases is not None):
                by_day[item.day] = item
    return tuple(by_day[d] for d in sorted(by_day))
