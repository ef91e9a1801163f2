"""Working times as an officer reads them: "2 jam 15 menit", "1,5 hari kerja".

Apart from the clock's arithmetic (counter/clock.py, which re-exports these).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.texts import clock as T
from counter.waktu import Unit

if TYPE_CHECKING:
    from counter.clock import CaseTiming, StepTiming


def format_duration(seconds: float) -> str:
    """'2 jam 15 menit' for working or calendar seconds (minutes rounded down)."""
    minutes = int(max(seconds, 0) // 60)
    if minutes == 0:
        return T.LESS_THAN_A_MINUTE
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} {T.HOUR_UNIT}")
    if minutes:
        parts.append(f"{minutes} {T.MINUTE_UNIT}")
    return " ".join(parts)


def format_span(seconds: float, day_s: float | None) -> str:
    """A working time in the unit of the mutu baku it is held against: '1,5 hari kerja'
    when that is counted in working days of `day_s` seconds, else '2 jam 15 menit'
    (the SOP says "5 hari kerja", so the officer never reads "37 jam 30 menit")."""
    return format_days(seconds / day_s) if day_s else format_duration(seconds)


def day_length(timing: StepTiming) -> float | None:
    """The working day (seconds) a hari-kerja step's limit was counted in; None for a
    step timed in minutes or hours."""
    if timing.unit is not Unit.HARI or not timing.limit_days or timing.limit_s is None:
        return None
    return timing.limit_s / timing.limit_days



def case_day_length(timing: CaseTiming) -> float | None:
    """A case read in hari kerja when some of its steps are (see `day_length`)."""
    return next((d for _, t in timing.steps if (d := day_length(t))), None)


def format_days(days: float) -> str:
    """'1,5 hari kerja' with the Indonesian decimal comma."""
    text = f"{days:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} {T.WORKING_DAY_UNIT}"
