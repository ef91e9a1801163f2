"""A working day's shape: opening hours with their breaks (`DayHours`, the normal and
Ramadan weeks of `counter.calendar`) and a day's intervals as POSIX seconds (`_Day`),
the unit the calendar's arithmetic runs on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time, tzinfo
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class DayHours:
    """Opening hours of one weekday: open to close, minus the breaks."""

    open: time
    close: time
    breaks: tuple[tuple[time, time], ...] = ()

    def intervals(self) -> tuple[tuple[time, time], ...]:
        """The working intervals of the day, in order, breaks cut out."""
        out: list[tuple[time, time]] = []
        cursor = self.open
        for b_start, b_end in sorted(self.breaks):
            if b_start > cursor:
                out.append((cursor, min(b_start, self.close)))
            cursor = max(cursor, b_end)
        if cursor < self.close:
            out.append((cursor, self.close))
        return tuple(out)


def _hours(mon_thu: DayHours, fri: DayHours) -> dict[int, DayHours]:
    return {0: mon_thu, 1: mon_thu, 2: mon_thu, 3: mon_thu, 4: fri}


# Weekday (Monday = 0) -> hours; a weekday not listed is closed.
NORMAL_HOURS: Mapping[int, DayHours] = _hours(
    DayHours(time(7, 30), time(16, 0), ((time(12, 0), time(13, 0)),)),
    DayHours(time(7, 30), time(16, 30), ((time(11, 30), time(13, 0)),)),
)
RAMADAN_HOURS: Mapping[int, DayHours] = _hours(
    DayHours(time(8, 0), time(15, 0), ((time(12, 0), time(12, 30)),)),
    DayHours(time(8, 0), time(15, 30), ((time(11, 30), time(12, 30)),)),
)


@dataclass(frozen=True)
class _Day:
    """One day's working intervals as POSIX seconds; `total` is their length."""

    intervals: tuple[tuple[float, float], ...]
    total: float

    def worked(self, a: float, b: float) -> float:
        """Working seconds of this day inside [a, b]."""
        s = 0.0
        for start, end in self.intervals:
            lo = start if start > a else a
            hi = end if end < b else b
            if hi > lo:
                s += hi - lo
        return s


_CLOSED = _Day((), 0.0)


def _span(a: time, b: time) -> float:
    return (b.hour - a.hour) * 3600.0 + (b.minute - a.minute) * 60.0 + (b.second - a.second)


def _zone(tz: tzinfo | str) -> tzinfo:
    if isinstance(tz, str):
        from counter.config import ZONES  # WIB/WITA/WIT names live with the profile

        return ZoneInfo(ZONES.get(tz.upper(), tz))
    return tz
