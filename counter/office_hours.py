"""Office hours written as officers write them, for a unit that keeps its own schedule.

"Senin-Kamis 07.30-16.00 istirahat 12.00-13.00; Jumat 07.30-16.30 istirahat
11.30-13.00; Sabtu 08.00-12.00" — a weekday not named is closed. Empty means the
national working hours (`counter.calendar.NORMAL_HOURS`).
"""

from __future__ import annotations

import re
from datetime import time

from counter.calendar import DayHours
from counter.errors import ConfigError
from counter.texts import config as T
from counter.texts.dates import HARI

_DAYS = {name.lower(): i for i, name in enumerate(HARI)} | {"jum'at": 4}
_SPAN = r"(\d{1,2})[.:](\d{2})\s*-\s*(\d{1,2})[.:](\d{2})"
_GROUP = re.compile(rf"^(?P<days>[^\d]+?)\s+{_SPAN}(?:\s+istirahat\s+{_SPAN})?$",
                    re.IGNORECASE)


def _time(h: str, m: str, text: str) -> time:
    try:
        return time(int(h), int(m))
    except ValueError:
        raise ConfigError(T.HOURS_BAD.format(text=text), field=T.F9_HOURS) from None


def _days(text: str, whole: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*,\s*", text.strip().lower()):
        ends = [e.strip() for e in part.split("-")]
        if any(e not in _DAYS for e in ends) or len(ends) > 2:
            raise ConfigError(T.HOURS_BAD_DAY.format(text=whole), field=T.F9_HOURS)
        first, last = _DAYS[ends[0]], _DAYS[ends[-1]]
        out.extend(range(first, last + 1) if first <= last else [])
    return out


def parse_hours(text: str) -> dict[int, DayHours]:
    """Weekday (Monday = 0) → hours; `ConfigError` naming the group that is wrong."""
    hours: dict[int, DayHours] = {}
    for group in (g.strip() for g in text.split(";")):
        if not group:
            continue
        m = _GROUP.match(group)
        if m is None:
            raise ConfigError(T.HOURS_BAD.format(text=group), field=T.F9_HOURS)
        g = m.groups()
        opens, closes = _time(g[1], g[2], group), _time(g[3], g[4], group)
        breaks: tuple[tuple[time, time], ...] = ()
        if g[5] is not None:
            b0, b1 = _time(g[5], g[6], group), _time(g[7], g[8], group)
            if not opens <= b0 < b1 <= closes:
                raise ConfigError(T.HOURS_BAD_BREAK.format(text=group), field=T.F9_HOURS)
            breaks = ((b0, b1),)
        if closes <= opens:
            raise ConfigError(T.HOURS_BAD.format(text=group), field=T.F9_HOURS)
        for day in _days(m.group("days"), group):
            hours[day] = DayHours(opens, closes, breaks)
    return hours
