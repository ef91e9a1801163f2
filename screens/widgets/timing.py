"""How a timer reads on screen: elapsed vs mutu baku, a colour and a short word.

The colour alone is not enough (colour-blind officers, monochrome terminals), so
nearing and over also carry a word. Used by the dashboard cells and the step
runner's timer lines.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rich.text import Text

from counter.clock import Level, format_days
from counter.texts import ui as T
from counter.waktu import Unit

LEVEL_STYLE = {
    Level.DALAM: "green",
    Level.MENDEKATI: "bold yellow",
    Level.LEWAT: "bold red",
    Level.TANPA_BATAS: "",
}


def level_of(timing: Any) -> Level:
    return Level(getattr(timing, "level", Level.TANPA_BATAS))


STANDARD_DAY_S = 7.5 * 3600  # counter.calendar's default working day


def _in_days(timing: Any) -> bool:
    """A case measured in hari kerja: some of its steps have day limits, so its total
    reads in days too (never '37:30:00' beside '0 / 1 hari kerja')."""
    steps = getattr(timing, "steps", ())
    return any(getattr(t, "unit", None) == Unit.HARI for _, t in steps)


def elapsed_text(timing: Any, day_s: float = STANDARD_DAY_S) -> str:
    """One format per unit: 'mm:ss' / 'h:mm:ss' for menit and jam limits (hours
    grow past 24 rather than switching to words), '0,4 / 1 hari kerja' for hari."""
    days = getattr(timing, "elapsed_days", None)
    limit_days = getattr(timing, "limit_days", None)
    if getattr(timing, "unit", None) == Unit.HARI and days is not None:
        return days_text(days, limit_days)
    # a case's timer counts only what is held against its mutu baku (see clock)
    held = timing.elapsed_s - getattr(timing, "unlimited_s", 0.0)
    shown = held if timing.limit_s is not None else timing.elapsed_s
    if _in_days(timing) and day_s > 0:
        return days_text(shown / day_s, None if timing.limit_s is None
                         else timing.limit_s / day_s)
    elapsed = _clock(shown)
    if timing.limit_s is None:
        return T.TIMER_NO_LIMIT.format(elapsed=elapsed)
    return T.TIMER.format(elapsed=elapsed, limit=_clock(timing.limit_s))


def days_text(elapsed: float, limit: float | None) -> str:
    """'2,1 / 3 hari kerja': the unit once, so it fits a table column."""
    if limit is None:
        return format_days(elapsed)
    return T.TIMER.format(elapsed=_decimal(elapsed), limit=format_days(limit))


def _decimal(value: float) -> str:
    """0.5 → '0,5', 2.0 → '2' (Indonesian decimal comma)."""
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _clock(seconds: float) -> str:
    """'mm:ss' under an hour, else 'h:mm:ss' (37:30:00 for 37½ working hours)."""
    s = int(max(seconds, 0))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


def timer_text(timing: Any, *, word: bool = True, compact: bool = False) -> Text:
    """The timer as styled text: '12:05 / 15:00 hampir' in yellow. `compact` (an
    80-column table): '12:05/15:00', and only the words that warn (hampir, LEWAT)."""
    level = level_of(timing)
    text = elapsed_text(timing)
    label = T.LEVEL_WORD.get(level.value, "")
    if compact:
        text = text.replace(" / ", "/")
        label = "" if level is Level.DALAM else label
    if getattr(timing, "paused_now", False):
        label = f"{label}, {T.PAUSED_WORD}" if label else T.PAUSED_WORD
    if word and label:
        text = f"{text} {label}"
    return Text(text, style=LEVEL_STYLE[level])


def working_now(calendar: Any, now: datetime) -> bool:
    """Is the office clock running at this moment (office hours, not a break or a
    closed day)? Outside them timers stand still and must say why."""
    if calendar is None:
        return True
    return bool(calendar.working_seconds(now - timedelta(seconds=1),
                                         now + timedelta(seconds=1)) > 0)


def level_class(timing: Any) -> str:
    """CSS class for a widget showing this timing: -dalam, -mendekati, -lewat, -tanpa_batas."""
    return f"-{level_of(timing).value}"
