"""The clocks a step can run on: working seconds, working days, wall time.

`counter.clock` measures steps and cases against their mutu baku; which clock a
step runs on (its waktu's unit) and the arithmetic of pauses on a clock live here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from counter.calendar import WorkingCalendar
from counter.sop import Step
from counter.waktu import Kind, Unit, Waktu

CALENDAR_SECONDS = {
    Unit.MENIT: 60.0,
    Unit.JAM: 3600.0,
    Unit.HARI: 86400.0,
    Unit.MINGGU: 7 * 86400.0,
    Unit.BULAN: 30 * 86400.0,
}
WORK_SECONDS = {Unit.MENIT: 60.0, Unit.JAM: 3600.0}
NO_LIMIT = Waktu(raw="", kind=Kind.TANPA)


class Clock(Protocol):
    def measure(self, a: datetime, b: datetime) -> float: ...
    def advance(self, a: datetime, amount: float) -> datetime: ...


@dataclass(frozen=True)
class WorkSeconds:
    cal: WorkingCalendar

    def measure(self, a: datetime, b: datetime) -> float:
        return self.cal.working_seconds(a, b)

    def advance(self, a: datetime, amount: float) -> datetime:
        return self.cal.add_working_seconds(a, amount)


@dataclass(frozen=True)
class WorkDays:
    cal: WorkingCalendar

    def measure(self, a: datetime, b: datetime) -> float:
        return self.cal.working_days(a, b)

    def advance(self, a: datetime, amount: float) -> datetime:
        return self.cal.add_working_days(a, amount)


@dataclass(frozen=True)
class Wall:
    cal: WorkingCalendar

    def measure(self, a: datetime, b: datetime) -> float:
        return max((b - a).total_seconds(), 0.0)

    def advance(self, a: datetime, amount: float) -> datetime:
        return self.cal.local(a) + timedelta(seconds=amount)


def waktu_of(step: Step | None) -> Waktu:
    """The step's mutu baku waktu; no limit for a missing step."""
    return step.mutu_baku.waktu if step is not None else NO_LIMIT


def clock_for(waktu: Waktu, cal: WorkingCalendar) -> tuple[Clock, float, float | None]:
    """(clock, factor from the waktu's unit to the clock's amount, seconds per amount).

    The last item converts the clock's amount to seconds for `limit_s`; None
    means the clock already counts seconds.
    """
    unit = waktu.unit
    if unit is None:
        return WorkSeconds(cal), 1.0, None
    if unit in (Unit.MINGGU, Unit.BULAN) or not waktu.hari_kerja:
        return Wall(cal), CALENDAR_SECONDS[unit], None
    if unit is Unit.HARI:
        return WorkDays(cal), 1.0, cal.standard_day_s
    return WorkSeconds(cal), WORK_SECONDS[unit], None


def spans(
    pauses: Iterable[tuple[datetime, datetime | None]],
    start: datetime,
    end: datetime,
    cal: WorkingCalendar,
) -> list[tuple[datetime, datetime]]:
    """Pauses clipped to [start, end] (an open one runs to `end`), sorted and merged."""
    clipped = []
    for p_start, p_end in pauses:
        a = max(cal.local(p_start), start)
        b = min(cal.local(p_end) if p_end is not None else end, end)
        if b > a:
            clipped.append((a, b))
    clipped.sort()
    merged: list[tuple[datetime, datetime]] = []
    for a, b in clipped:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def net(clock: Clock, start: datetime, end: datetime, spans: list[Any]) -> tuple[float, float]:
    """(time on the clock minus pauses, paused time) in [start, end]."""
    gross = clock.measure(start, end)
    paused = sum(clock.measure(a, b) for a, b in spans)
    return max(gross - paused, 0.0), paused


def due(clock: Clock, start: datetime, amount: float, spans: list[Any]) -> datetime:
    """When `amount` on the clock has run since `start`, the pauses skipped."""
    cursor, remaining = start, amount
    for a, b in spans:
        available = clock.measure(cursor, a) if a > cursor else 0.0
        if remaining <= available:
            return clock.advance(cursor, remaining)
        remaining -= available
        cursor = max(cursor, b)
    return clock.advance(cursor, remaining)
