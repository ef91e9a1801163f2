"""The office's working calendar: when the clock against mutu baku may run.

A step that waits over lunch, a weekend or Lebaran has not been slow, so the
clock counts only office hours. This module knows those hours.

Sources and assumptions (checked November 2026):

- Perpres 21/2023 (Hari Kerja dan Jam Kerja Instansi Pemerintah dan Pegawai
  ASN), Pasal 3-4: five working days, Monday to Friday; 37 jam 30 menit a week
  excluding breaks; work starts 07.30 local time; the break is 90 minutes on
  Friday and 60 minutes on other days. The Perpres leaves the end of the day
  and the break's clock times to the head of each office (PPK), so the default
  here is the common reading that adds up to exactly 37.5 hours:
  Monday-Thursday 07.30-16.00, break 12.00-13.00 (7.5 h a day);
  Friday 07.30-16.30, break 11.30-13.00 (Friday prayers; 7.5 h).
- Ramadan: Perpres 21/2023 gives 32 jam 30 menit a week, starting 08.00 with
  a 60-minute Friday break; the daily times follow the KemenPAN-RB circulars
  that repeat every year for five-day offices (e.g. SE MenPAN-RB 20/2017,
  394/2019, 51/2020, 11/2022, 6/2023): Monday-Thursday 08.00-15.00, break
  12.00-12.30 (6.5 h); Friday 08.00-15.30, break 11.30-12.30 (6.5 h). The
  schedule applies on the dates the office lists in its profile
  (`CalendarSettings.ramadan`), because the start of Ramadan is announced each
  year (sidang isbat) and is not computed here.
- National holidays and cuti bersama: the `holidays` package,
  `country_holidays("ID", categories=("public", "government"))`; the
  government category carries cuti bersama (for 2026 e.g. 20, 23 and 24 March
  around Idul Fitri), read through a per-version cache file
  (counter/national_holidays.py) so a process need not import the package.
  Plus the office's own closed days from its profile.
- Saturday and Sunday are closed. Working hours are wall-clock times in the
  office's zone (WIB/WITA/WIT); a naive datetime is read as office time.

Every day's schedule is computed once and cached as POSIX-second intervals,
so measuring hundreds of running cases every second stays cheap
(`bench/clock_bench.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, tzinfo
from typing import Any

from counter.calendar_days import _CLOSED, _Day, _span, _zone
from counter.calendar_days import NORMAL_HOURS as NORMAL_HOURS
from counter.calendar_days import RAMADAN_HOURS as RAMADAN_HOURS
from counter.calendar_days import DayHours as DayHours
from counter.errors import ConfigError
from counter.national_holidays import NationalHolidays, shared
from counter.texts import clock as T

# How far ahead a due time is searched before the calendar is judged broken.
_MAX_DAYS_AHEAD = 3700


class WorkingCalendar:
    """Working days and hours of one office, in its time zone.

    `settings` is the profile's `CalendarSettings` (anything with
    `closed_days` and `ramadan`, or None). `hours`/`ramadan_hours` override
    the Perpres defaults; `holiday_source` (a date -> name mapping) replaces
    the `holidays` package, mainly for tests of other offices' calendars.
    """

    def __init__(
        self,
        settings: Any = None,
        tz: tzinfo | str = "WIB",
        *,
        hours: Mapping[int, DayHours] = NORMAL_HOURS,
        ramadan_hours: Mapping[int, DayHours] = RAMADAN_HOURS,
        holiday_source: Any = None,
    ) -> None:
        self.tz = _zone(tz)
        self.closed_days = frozenset(getattr(settings, "closed_days", ()) or ())
        self.ramadan = tuple(getattr(settings, "ramadan", ()) or ())
        own = str(getattr(settings, "jam_kerja", "") or "")
        if own and hours is NORMAL_HOURS:  # the unit keeps its own schedule
            from counter.office_hours import parse_hours

            hours = parse_hours(own)
        self.hours = dict(hours)
        self.ramadan_hours = dict(ramadan_hours)
        self._holidays = shared() if holiday_source is None else holiday_source
        self._days: dict[int, _Day] = {}  # date ordinal -> schedule
        # year -> running sums of working seconds and working days over its days
        self._sums: dict[int, tuple[list[float], list[int]]] = {}
        # quarter-hour of POSIX time -> local date ordinal (every real zone offset
        # is a whole number of quarter hours, so a quarter never spans midnight)
        self._ordinals: dict[int, int] = {}
        self._starts: dict[int, float] = {}  # date ordinal -> POSIX time of its midnight
        self._years: dict[int, tuple[int, int, int]] = {}  # date ordinal -> its year's bounds
        lengths = [sum(_span(a, b) for a, b in h.intervals()) for h in self.hours.values()]
        lengths = [x for x in lengths if x > 0]
        self._standard_day_s = sum(lengths) / len(lengths) if lengths else 0.0

    def fingerprint(self) -> str:
        """Everything the working time depends on, as text: two calendars that measure
        alike give the same text (stored per-case summaries are re-measured when it
        changes). Holidays come from the `holidays` package (its version) or, for a
        calendar given its own holiday list, that list."""
        source = self._holidays
        if isinstance(source, NationalHolidays):
            holiday_part = source.fingerprint()
        elif type(source).__module__.startswith("holidays."):  # the package's own object
            import holidays  # imported already: `source` is one of its objects

            holiday_part = f"holidays {holidays.__version__} {type(source).__name__}"
        else:
            holiday_part = repr(sorted((str(k), str(v)) for k, v in dict(source).items()))
        return repr((str(self.tz), sorted(self.closed_days), self.ramadan,
                     sorted(self.hours.items()), sorted(self.ramadan_hours.items()),
                     holiday_part))

    # ----- days -------------------------------------------------------------

    def holiday_name(self, d: date) -> str | None:
        """Name of the national holiday / cuti bersama, or 'Libur kantor'; else None."""
        name = self._holidays.get(d)
        if name:
            return str(name)
        if d in self.closed_days:
            return T.OFFICE_CLOSED
        return None

    def is_ramadan(self, d: date) -> bool:
        return any(first <= d <= last for first, last in self.ramadan)

    def day_hours(self, d: date) -> DayHours | None:
        """The hours that apply on `d`, or None when the office is closed."""
        if self.holiday_name(d) is not None:
            return None
        table = self.ramadan_hours if self.is_ramadan(d) else self.hours
        return table.get(d.weekday())

    def is_working_day(self, d: date) -> bool:
        return self._day(d.toordinal()).total > 0

    @property
    def standard_day_s(self) -> float:
        """Seconds of an average normal working day (27,000 s = 7.5 h by default);
        used only to express hari-kerja limits in seconds for sums and display."""
        return self._standard_day_s

    def day_seconds(self, d: date) -> float:
        """Working seconds of the whole day `d` (0 when closed)."""
        return self._day(d.toordinal()).total

    def _day(self, ordinal: int) -> _Day:
        day = self._days.get(ordinal)
        if day is None:
            day = self._days[ordinal] = self._build_day(date.fromordinal(ordinal))
        return day

    def _build_day(self, d: date) -> _Day:
        hours = self.day_hours(d)
        if hours is None:
            return _CLOSED
        spans = tuple(
            (
                datetime.combine(d, a, tzinfo=self.tz).timestamp(),
                datetime.combine(d, b, tzinfo=self.tz).timestamp(),
            )
            for a, b in hours.intervals()
        )
        return _Day(spans, sum(b - a for a, b in spans))

    # ----- instants ---------------------------------------------------------

    def local(self, dt: datetime) -> datetime:
        """`dt` in office time; a naive datetime is taken to be office time already."""
        if dt.tzinfo is None:
            return dt.replace(tzinfo=self.tz)
        return dt.astimezone(self.tz)

    def _ts(self, dt: datetime) -> float:
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=self.tz)
        return dt.timestamp()

    def _ordinal(self, ts: float) -> int:
        quarter = int(ts // 900)
        ordinal = self._ordinals.get(quarter)
        if ordinal is None:
            ordinal = datetime.fromtimestamp(quarter * 900, self.tz).toordinal()
            self._ordinals[quarter] = ordinal
        return ordinal

    def _at(self, ts: float) -> datetime:
        return datetime.fromtimestamp(ts, self.tz)

    # ----- measuring --------------------------------------------------------

    def working_seconds(self, start: datetime, end: datetime) -> float:
        """Office-hour seconds in [start, end], breaks and closed days left out."""
        return self._seconds(self._ts(start), self._ts(end))

    def _seconds(self, a: float, b: float) -> float:
        if b <= a:
            return 0.0
        first, last = self._ordinal(a), self._ordinal(b)
        if last - first > 3:  # a long span: whole days in between from per-year sums
            inner = self._whole_days(first + 1, last)[0]
            return self._in_day(first, a, self._day_start(first + 1)) + \
                inner + self._in_day(last, self._day_start(last), b)
        total = 0.0
        for ordinal in range(first, last + 1):
            total += self._in_day(ordinal, a, b)
        return total

    def _in_day(self, ordinal: int, a: float, b: float) -> float:
        """Working seconds of the day `ordinal` inside [a, b] (a closed day: none)."""
        day = self._day(ordinal)
        if not day.total:
            return 0.0
        if a <= day.intervals[0][0] and day.intervals[-1][1] <= b:
            return day.total
        return day.worked(a, b)

    def working_days(self, start: datetime, end: datetime) -> float:
        """Working days in [start, end]: each day counts the share of its own
        working seconds that falls inside, so a full day is 1 and the morning
        of a Ramadan day counts against that day's shorter hours."""
        a, b = self._ts(start), self._ts(end)
        if b <= a:
            return 0.0
        first, last = self._ordinal(a), self._ordinal(b)
        if last - first > 3:  # a long span: whole days in between from per-year counts
            inner = self._whole_days(first + 1, last)[1]
            return self.working_days(start, self._at(self._day_start(first + 1))) + inner + \
                self.working_days(self._at(self._day_start(last)), end)
        days = 0.0
        for ordinal in range(first, last + 1):
            day = self._day(ordinal)
            if not day.total:
                continue
            if a <= day.intervals[0][0] and day.intervals[-1][1] <= b:
                days += 1.0
            else:
                days += day.worked(a, b) / day.total
        return days

    def _day_start(self, ordinal: int) -> float:
        """The POSIX time of local midnight beginning the day `ordinal` (kept: every
        long span measured asks it twice)."""
        start = self._starts.get(ordinal)
        if start is None:
            start = self._starts[ordinal] = datetime.combine(
                date.fromordinal(ordinal), time(), self.tz).timestamp()
        return start

    def _whole_days(self, first: int, stop: int) -> tuple[float, int]:
        """(working seconds, working days) of the days `first` .. `stop - 1`, whole.

        From per-year running sums, so a case open for months is measured in a few
        steps instead of one per day (the dashboard measures every open case)."""
        seconds, days = 0.0, 0
        ordinal = first
        while ordinal < stop:
            year, base, next_base = self._year_of(ordinal)
            sums = self._year_sums(year, base)
            end = min(stop, next_base)
            seconds += sums[0][end - base] - sums[0][ordinal - base]
            days += sums[1][end - base] - sums[1][ordinal - base]
            ordinal = end
        return seconds, days

    def _year_of(self, ordinal: int) -> tuple[int, int, int]:
        """(year, ordinal of its 1 January, of the next one) of the day `ordinal`."""
        known = self._years.get(ordinal)
        if known is None:
            year = date.fromordinal(ordinal).year
            known = self._years[ordinal] = (year, date(year, 1, 1).toordinal(),
                                            date(year + 1, 1, 1).toordinal())
        return known

    def _year_sums(self, year: int, base: int) -> tuple[list[float], list[int]]:
        known = self._sums.get(year)
        if known is None:
            seconds, counts = [0.0], [0]
            for ordinal in range(base, date(year + 1, 1, 1).toordinal()):
                total = self._day(ordinal).total
                seconds.append(seconds[-1] + total)
                counts.append(counts[-1] + (1 if total else 0))
            known = self._sums[year] = (seconds, counts)
        return known

    # ----- laying time on the calendar --------------------------------------

    def add_working_seconds(self, start: datetime, seconds: float) -> datetime:
        """The instant when `seconds` of office time have passed since `start`.

        Landing exactly on a closing time gives that closing time, not the next
        morning. Zero or less gives `start` back (in office time).
        """
        a = self._ts(start)
        if seconds <= 0:
            return self._at(a)
        remaining = float(seconds)
        first = self._ordinal(a)
        for ordinal in range(first, first + _MAX_DAYS_AHEAD):
            day = self._day(ordinal)
            for s, e in day.intervals:
                if e <= a:
                    continue
                lo = max(s, a)
                if remaining <= e - lo:
                    return self._at(lo + remaining)
                remaining -= e - lo
        raise self._never_open(start)

    def add_working_days(self, start: datetime, days: float) -> datetime:
        """The instant when `days` working days (as `working_days` counts them)
        have passed since `start`; fractions fall inside the landing day's hours."""
        a = self._ts(start)
        if days <= 0:
            return self._at(a)
        remaining = float(days)
        first = self._ordinal(a)
        for ordinal in range(first, first + _MAX_DAYS_AHEAD):
            day = self._day(ordinal)
            if not day.total:
                continue
            share = day.worked(a, day.intervals[-1][1]) / day.total
            if remaining <= share + 1e-12:
                return self._advance_within(day, a, remaining * day.total)
            remaining -= share
        raise self._never_open(start)

    def _advance_within(self, day: _Day, a: float, seconds: float) -> datetime:
        for s, e in day.intervals:
            if e <= a:
                continue
            lo = max(s, a)
            if seconds <= e - lo + 1e-6:
                return self._at(min(lo + seconds, e))
            seconds -= e - lo
        return self._at(day.intervals[-1][1])

    def _never_open(self, start: datetime) -> ConfigError:
        return ConfigError(
            T.NO_WORKING_TIME.format(days=_MAX_DAYS_AHEAD, start=self.local(start).date())
        )

    def working_dates(self, first: date, last: date) -> Iterable[date]:
        """The working days from `first` to `last` inclusive (for reports and screens)."""
        for ordinal in range(first.toordinal(), last.toordinal() + 1):
            if self._day(ordinal).total:
                yield date.fromordinal(ordinal)


def calendar_for(profile: Any) -> WorkingCalendar:
    """The working calendar of an office profile (`profile.calendar`, `profile.tz`)."""
    return WorkingCalendar(getattr(profile, "calendar", None), profile.tz)
