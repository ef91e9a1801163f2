"""The working calendar: office hours, breaks, weekends, holidays, Ramadan, zones.

Expected values are worked out by hand from the default hours (Perpres
21/2023): Mon-Thu 07.30-16.00 with 12.00-13.00 off (7.5 h), Fri 07.30-16.30
with 11.30-13.00 off (7.5 h); Ramadan Mon-Thu 08.00-15.00 with 12.00-12.30 off,
Fri 08.00-15.30 with 11.30-12.30 off (6.5 h).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from counter.calendar import WorkingCalendar
from counter.config import CalendarSettings

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
H = 3600
# Ramadan 1447 H as an office would list it in its profile.
RAMADAN_2026 = ((date(2026, 2, 19), date(2026, 3, 19)),)


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0, tz: ZoneInfo = WIB) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar(CalendarSettings(ramadan=RAMADAN_2026), WIB)


def test_lunch_break_is_not_counted(cal: WorkingCalendar) -> None:
    # Mon 23 Nov 2026 11.00-14.00 = 3 h, minus the 12.00-13.00 break = 2 h
    assert cal.working_seconds(at(2026, 11, 23, 11), at(2026, 11, 23, 14)) == 2 * H


def test_friday_prayer_break_is_ninety_minutes(cal: WorkingCalendar) -> None:
    # Fri 27 Nov 11.00-13.30: 11.00-11.30 (30 m) + 13.00-13.30 (30 m) = 1 h
    assert cal.working_seconds(at(2026, 11, 27, 11), at(2026, 11, 27, 13, 30)) == 1 * H


def test_a_full_week_is_37_and_a_half_hours(cal: WorkingCalendar) -> None:
    # 4 x 7.5 h + 7.5 h on Friday, nothing on the weekend
    assert cal.working_seconds(at(2026, 11, 23), at(2026, 11, 30)) == 37.5 * H


def test_weekend_is_skipped(cal: WorkingCalendar) -> None:
    # Fri 15.00-16.30 (1.5 h) + Mon 07.30-09.00 (1.5 h) = 3 h
    assert cal.working_seconds(at(2026, 11, 27, 15), at(2026, 11, 30, 9)) == 3 * H


def test_national_holiday_is_skipped(cal: WorkingCalendar) -> None:
    # Mon 17 Aug 2026 is Hari Kemerdekaan: Fri 16.00-16.30 (0.5 h) + Tue 07.30-08.30 (1 h)
    assert cal.holiday_name(date(2026, 8, 17)) is not None
    assert not cal.is_working_day(date(2026, 8, 17))
    assert cal.working_seconds(at(2026, 8, 14, 16), at(2026, 8, 18, 8, 30)) == 1.5 * H


def test_cuti_bersama_comes_from_the_government_category(cal: WorkingCalendar) -> None:
    for d in (date(2026, 3, 20), date(2026, 3, 23), date(2026, 3, 24), date(2026, 12, 24)):
        name = cal.holiday_name(d)
        assert name is not None and "cuti bersama" in name.lower(), d
        assert not cal.is_working_day(d)
    # Wed 23 Dec 15.00-16.00 (1 h); Thu 24 cuti bersama, Fri 25 Natal, weekend;
    # Mon 28 Dec 07.30-08.00 (0.5 h)
    assert cal.working_seconds(at(2026, 12, 23, 15), at(2026, 12, 28, 8)) == 1.5 * H


def test_lebaran_2026_closes_a_whole_week(cal: WorkingCalendar) -> None:
    # Tue 17 Mar (Ramadan) 14.00-15.00 = 1 h; 18 cuti (Nyepi), 19 Nyepi, 20 cuti,
    # 21-22 Idul Fitri on the weekend, 23-24 cuti; Wed 25 (normal) 07.30-09.00 = 1.5 h
    assert cal.working_seconds(at(2026, 3, 17, 14), at(2026, 3, 25, 9)) == 2.5 * H


def test_ramadan_day_has_shorter_hours(cal: WorkingCalendar) -> None:
    # Mon 2 Mar 2026: 08.00-15.00 minus 12.00-12.30 = 6.5 h
    assert cal.day_seconds(date(2026, 3, 2)) == 6.5 * H
    assert cal.working_seconds(at(2026, 3, 2, 7), at(2026, 3, 2, 17)) == 6.5 * H
    # Fri 6 Mar 11.00-13.00: 11.00-11.30 + 12.30-13.00 = 1 h (60-minute Friday break)
    assert cal.working_seconds(at(2026, 3, 6, 11), at(2026, 3, 6, 13)) == 1 * H
    # the same Monday without the Ramadan schedule: 07.30-16.00 minus 1 h = 7.5 h
    plain = WorkingCalendar(CalendarSettings(), WIB)
    assert plain.working_seconds(at(2026, 3, 2, 7), at(2026, 3, 2, 17)) == 7.5 * H


def test_office_closed_day(cal: WorkingCalendar) -> None:
    office = WorkingCalendar(CalendarSettings(closed_days=(date(2026, 11, 24),)), WIB)
    assert office.holiday_name(date(2026, 11, 24)) == "Libur kantor"
    assert cal.holiday_name(date(2026, 11, 24)) is None
    # Mon 15.00-16.00 (1 h), Tue closed, Wed 07.30-08.30 (1 h)
    assert office.working_seconds(at(2026, 11, 23, 15), at(2026, 11, 25, 8, 30)) == 2 * H
    # the national calendar alone counts Tuesday too: 1 + 7.5 + 1 h
    assert cal.working_seconds(at(2026, 11, 23, 15), at(2026, 11, 25, 8, 30)) == 9.5 * H


def test_settings_by_duck_typing() -> None:
    @dataclass
    class Settings:
        closed_days: tuple = (date(2026, 11, 24),)
        ramadan: tuple = ()

    assert not WorkingCalendar(Settings(), "WIB").is_working_day(date(2026, 11, 24))


def test_hours_are_local_to_the_office_zone() -> None:
    wita = WorkingCalendar(None, WITA)
    wib = WorkingCalendar(None, "WIB")
    start, end = at(2026, 11, 23, 7), at(2026, 11, 23, 9)  # 07.00-09.00 WIB
    # = 08.00-10.00 WITA, all inside WITA office hours: 2 h
    assert wita.working_seconds(start, end) == 2 * H
    # in a WIB office: 07.30-09.00 = 1.5 h
    assert wib.working_seconds(start, end) == 1.5 * H
    # a naive time is read as office time: 07.00-09.00 WITA -> 07.30-09.00
    assert wita.working_seconds(datetime(2026, 11, 23, 7), datetime(2026, 11, 23, 9)) == 1.5 * H


def test_backwards_interval_is_zero(cal: WorkingCalendar) -> None:
    assert cal.working_seconds(at(2026, 11, 23, 14), at(2026, 11, 23, 10)) == 0


def test_working_days_are_shares_of_each_day(cal: WorkingCalendar) -> None:
    # Mon 10.00-16.00 minus lunch = 5 h = 2/3 of 7.5 h; Tue 07.30-10.00 = 2.5 h = 1/3
    assert cal.working_days(at(2026, 11, 23, 10), at(2026, 11, 24, 10)) == pytest.approx(1.0)
    # Ramadan Mon 2 Mar 08.00-11.15 = 3.25 h of 6.5 h = 0.5
    assert cal.working_days(at(2026, 3, 2, 8), at(2026, 3, 2, 11, 15)) == pytest.approx(0.5)
    # Fri 23.00 to Mon 00.00: only closed time
    assert cal.working_days(at(2026, 11, 27, 23), at(2026, 11, 30)) == 0


def test_add_working_seconds_crosses_the_weekend(cal: WorkingCalendar) -> None:
    # Fri 16.00 + 1 h: 30 m on Friday, 30 m on Monday from 07.30
    assert cal.add_working_seconds(at(2026, 11, 27, 16), H) == at(2026, 11, 30, 8)
    # landing on closing time stays on that day
    assert cal.add_working_seconds(at(2026, 11, 23, 15), H) == at(2026, 11, 23, 16)
    # 11.30 + 1 h on a Monday: 30 m before lunch, 30 m after: 13.30
    assert cal.add_working_seconds(at(2026, 11, 23, 11, 30), H) == at(2026, 11, 23, 13, 30)
    # from before opening: 07.30 + 15 m
    assert cal.add_working_seconds(at(2026, 11, 23, 6), 900) == at(2026, 11, 23, 7, 45)


def test_add_working_days_skips_holidays(cal: WorkingCalendar) -> None:
    # Wed 23 Dec 10.00 + 1 day: Wed gives 5 h = 2/3; Thu cuti bersama, Fri Natal, weekend;
    # Mon 28 Dec: 1/3 x 7.5 h = 2.5 h after 07.30 = 10.00
    assert cal.add_working_days(at(2026, 12, 23, 10), 1) == at(2026, 12, 28, 10)
    # Fri after closing + 1 day = the whole of Monday: Monday 16.00
    assert cal.add_working_days(at(2026, 11, 27, 17), 1) == at(2026, 11, 30, 16)
    # Mon 07.30 + 0.5 day = 3.75 h: 07.30-11.15
    assert cal.add_working_days(at(2026, 11, 23, 7, 30), 0.5) == at(2026, 11, 23, 11, 15)


def test_results_are_in_office_time(cal: WorkingCalendar) -> None:
    due = cal.add_working_seconds(datetime(2026, 11, 23, 1, 0, tzinfo=ZoneInfo("UTC")), 60)
    assert due.utcoffset() == at(2026, 11, 23).utcoffset()
    # 01.00 UTC = 08.00 WIB, + 1 minute
    assert due == at(2026, 11, 23, 8, 1)


def test_working_dates(cal: WorkingCalendar) -> None:
    days = list(cal.working_dates(date(2026, 12, 21), date(2026, 12, 31)))
    # 21-23 Dec, (24 cuti, 25 Natal, 26-27 weekend), 28-31 Dec
    assert days == [date(2026, 12, d) for d in (21, 22, 23, 28, 29, 30, 31)]


def test_long_spans_measure_as_the_sum_of_their_days() -> None:
    """A case open for months (the dashboard measures every open one each second) is
    measured from per-year sums; it must equal the day-by-day sum of its days."""
    import random
    from datetime import timedelta

    tz = ZoneInfo("Asia/Jakarta")
    settings = CalendarSettings(closed_days=(date(2026, 3, 3),),
                                ramadan=((date(2026, 2, 18), date(2026, 3, 19)),))
    cal = WorkingCalendar(settings, tz)
    rng = random.Random(7)
    start = datetime(2025, 6, 1, tzinfo=tz)
    for _ in range(300):
        a = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 600))
        b = a + timedelta(minutes=rng.randrange(0, 60 * 24 * 400))
        seconds = days = 0.0
        cursor = a
        while cursor < b:  # one local day at a time
            midnight = datetime.combine(cursor.date() + timedelta(days=1), datetime.min.time(),
                                        tz)
            piece_end = min(midnight, b)
            seconds += cal.working_seconds(cursor, piece_end)
            days += cal.working_days(cursor, piece_end)
            cursor = piece_end
        assert cal.working_seconds(a, b) == pytest.approx(seconds, abs=1e-6)
        assert cal.working_days(a, b) == pytest.approx(days, abs=1e-9)
