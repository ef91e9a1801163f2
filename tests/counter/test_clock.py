"""The clock against mutu baku: elapsed working time, pauses, levels, due times.

Runs and case states are small fakes shaped like counter.case's StepRun and
CaseState; steps are real counter.sop Steps. Every expected value is worked out
by hand from the default hours: Mon-Thu 07.30-16.00 with 12.00-13.00 off
(7.5 h = 450 min), Fri 07.30-16.30 with 11.30-13.00 off (7.5 h); Ramadan
Mon-Thu 08.00-15.00 with 12.00-12.30 off, Fri 08.00-15.30 with 11.30-12.30 off.
Mon 23 Nov 2026 starts the week used most.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from counter.calendar import WorkingCalendar
from counter.clock import Level, format_days, format_duration, measure_case, measure_step
from counter.config import CalendarSettings
from counter.sop import MutuBaku, Step
from counter.waktu import Unit, parse_waktu

WIB = ZoneInfo("Asia/Jakarta")
M = 60
H = 3600
DAY = 7.5 * H  # a standard working day


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=WIB)


def mon(h: int, mi: int = 0) -> datetime:
    return at(2026, 11, 23, h, mi)


def step(no: int, waktu: str) -> Step:
    return Step(no, f"langkah {no}", ("admin",), MutuBaku((), parse_waktu(waktu), ""))


@dataclass(frozen=True)
class Run:
    step: int
    started_at: datetime
    ended_at: datetime | None = None
    pauses: tuple = ()
    outcome: str | None = None


@dataclass(frozen=True)
class State:
    opened_at: datetime
    runs: tuple = ()
    current_step: int | None = None
    closed_at: datetime | None = None


@dataclass(frozen=True)
class FakeSop:
    steps: tuple = field(default_factory=tuple)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    # Ramadan 1447 H as the office lists it
    return WorkingCalendar(CalendarSettings(ramadan=((date(2026, 2, 19), date(2026, 3, 19)),)), WIB)


def timing(waktu: str, run: Run, cal: WorkingCalendar, now: datetime, **kw):
    return measure_step(run, step(run.step, waktu), cal, now, **kw)


# ----- working time across breaks, weekends, holidays ----------------------


def test_lunch_break_does_not_count(cal: WorkingCalendar) -> None:
    run = Run(1, mon(11, 30))
    # 11.30-12.00 (30 m) + 13.00-13.15 (15 m) = 45 m of 60: exactly 75 % -> nearing
    t = timing("1 jam", run, cal, mon(13, 15))
    assert t.elapsed_s == 45 * M
    assert t.limit_s == 60 * M
    assert t.fraction == pytest.approx(0.75)
    assert t.level is Level.MENDEKATI
    # due: 30 m before lunch, 30 m after it
    assert t.due_at == mon(13, 30)
    # 44 m (73 %) is still within; 61 m is over
    assert timing("1 jam", run, cal, mon(13, 14)).level is Level.DALAM
    assert timing("1 jam", run, cal, mon(13, 31)).level is Level.LEWAT


def test_friday_prayer_break(cal: WorkingCalendar) -> None:
    fri = at(2026, 11, 27, 11)
    run = Run(1, fri, ended_at=at(2026, 11, 27, 13, 30))
    # 11.00-11.30 + 13.00-13.30 = 60 m of "1 jam": at the bound, not over;
    # a later `now` does not change a finished step
    t = timing("1 jam", run, cal, at(2026, 11, 30, 10))
    assert t.elapsed_s == 60 * M
    assert t.level is Level.MENDEKATI
    assert t.due_at == at(2026, 11, 27, 13, 30)


def test_weekend_does_not_count(cal: WorkingCalendar) -> None:
    run = Run(1, at(2026, 11, 27, 15, 30))
    # Fri 15.30-16.30 (1 h) + Mon 07.30-08.30 (1 h) = 2 h of "2 jam"
    t = timing("2 jam", run, cal, at(2026, 11, 30, 8, 30))
    assert t.elapsed_s == 2 * H
    assert t.level is Level.MENDEKATI
    assert t.due_at == at(2026, 11, 30, 8, 30)
    assert timing("2 jam", run, cal, at(2026, 11, 30, 8, 31)).level is Level.LEWAT


def test_hari_step_over_a_national_holiday(cal: WorkingCalendar) -> None:
    # Fri 14 Aug 2026 10.00; Mon 17 Aug is Hari Kemerdekaan
    run = Run(1, at(2026, 8, 14, 10))
    # Fri 10.00-11.30 + 13.00-16.30 = 5 h = 2/3 day; Tue 07.30-08.45 = 1.25 h = 1/6 day
    t = timing("1 hari", run, cal, at(2026, 8, 18, 8, 45))
    assert t.unit is Unit.HARI
    assert t.elapsed_days == pytest.approx(2 / 3 + 1 / 6)
    assert t.elapsed_s == pytest.approx(6.25 * H)
    assert t.limit_days == 1
    assert t.limit_s == DAY
    assert t.level is Level.MENDEKATI  # 83 %
    # due: the remaining 1/3 day (2.5 h) on Tuesday from 07.30
    assert t.due_at == at(2026, 8, 18, 10)


def test_maksimal_hari_over_cuti_bersama(cal: WorkingCalendar) -> None:
    # Wed 23 Dec 2026 13.00; Thu 24 cuti bersama, Fri 25 Natal, weekend
    run = Run(1, at(2026, 12, 23, 13))
    # Wed 13.00-16.00 = 3 h = 0.4; Mon 07.30-09.00 = 1.5 h = 0.2 -> 0.6: within
    t = timing("Maksimal 1 hari", run, cal, at(2026, 12, 28, 9))
    assert t.elapsed_days == pytest.approx(0.6)
    assert t.level is Level.DALAM
    # due: the remaining 0.6 x 7.5 h = 4.5 h from Mon 07.30 = 12.00
    assert t.due_at == at(2026, 12, 28, 12)
    # Mon 11.00: 0.4 + 3.5/7.5 = 0.87 -> nearing; Mon 13.30: 0.4 + 5/7.5 = 1.07 -> over
    assert timing("Maksimal 1 hari", run, cal, at(2026, 12, 28, 11)).level is Level.MENDEKATI
    assert timing("Maksimal 1 hari", run, cal, at(2026, 12, 28, 13, 30)).level is Level.LEWAT


def test_ramadan_hours(cal: WorkingCalendar) -> None:
    # Ramadan Friday 6 Mar 2026, break 11.30-12.30
    run = Run(1, at(2026, 3, 6, 11))
    # 11.00-11.30 + 12.30-13.00 = 1 h of 2 h
    t = timing("2 jam", run, cal, at(2026, 3, 6, 13))
    assert t.elapsed_s == 1 * H
    assert t.level is Level.DALAM
    # due: 30 m before the break, then 1.5 h from 12.30 = 14.00
    assert t.due_at == at(2026, 3, 6, 14)
    # a Ramadan day is 6.5 h: Mon 2 Mar 08.00-12.00 (4 h) + 12.30-14.00 (1.5 h) = 5.5/6.5
    day = timing("1 hari", Run(1, at(2026, 3, 2, 8)), cal, at(2026, 3, 2, 14))
    assert day.elapsed_days == pytest.approx(5.5 / 6.5)
    assert day.level is Level.MENDEKATI
    # due at the Ramadan closing time, 15.00
    assert day.due_at == at(2026, 3, 2, 15)


# ----- pauses ----------------------------------------------------------------


def test_pause_is_reported_separately(cal: WorkingCalendar) -> None:
    run = Run(1, mon(9), pauses=((mon(9, 20), mon(10, 30)),))
    # 09.00-11.00 = 120 m, paused 70 m -> 50 m of 60 = 83 %
    t = timing("1 jam", run, cal, mon(11))
    assert t.elapsed_s == 50 * M
    assert t.paused_s == 70 * M
    assert t.level is Level.MENDEKATI
    assert not t.paused_now
    # due: 20 m before the pause, the other 40 m from 10.30 = 11.10
    assert t.due_at == mon(11, 10)


def test_open_pause_stops_the_clock(cal: WorkingCalendar) -> None:
    run = Run(1, mon(9), pauses=((mon(9, 20), None),))
    t = timing("1 jam", run, cal, mon(11))
    # only 09.00-09.20 counts; 09.20-11.00 (100 m) is paused
    assert t.elapsed_s == 20 * M
    assert t.paused_s == 100 * M
    assert t.paused_now
    assert t.level is Level.DALAM
    # due as if the applicant came back now: 11.00 + the remaining 40 m
    assert t.due_at == mon(11, 40)


def test_pause_over_lunch_counts_only_working_time(cal: WorkingCalendar) -> None:
    run = Run(1, mon(11), ended_at=mon(14), pauses=((mon(11, 50), mon(13, 10)),))
    # gross 11.00-14.00 = 2 h; paused 11.50-12.00 + 13.00-13.10 = 20 m; net 100 m
    t = timing("2 jam", run, cal, mon(15))
    assert t.paused_s == 20 * M
    assert t.elapsed_s == 100 * M


# ----- ranges, maximum, nearing, no limit -----------------------------------


def test_range_in_days(cal: WorkingCalendar) -> None:
    run = Run(1, mon(7, 30))

    def level(now: datetime) -> Level:
        return timing("2-4 hari", run, cal, now).level

    # Wed 07.30: Mon + Tue = 2 days = the lower bound -> within
    assert level(at(2026, 11, 25, 7, 30)) is Level.DALAM
    # Wed 09.00: 2 + 1.5/7.5 = 2.2 -> between the bounds -> nearing; fraction of the upper bound
    t = timing("2-4 hari", run, cal, at(2026, 11, 25, 9))
    assert t.level is Level.MENDEKATI
    assert t.fraction == pytest.approx(2.2 / 4)
    # Thu 16.00: 4 days -> still nearing; due exactly then
    assert level(at(2026, 11, 26, 16)) is Level.MENDEKATI
    assert t.due_at == at(2026, 11, 26, 16)
    # Fri 08.30: 4 + 1/7.5 -> over
    assert level(at(2026, 11, 27, 8, 30)) is Level.LEWAT


def test_range_in_minutes(cal: WorkingCalendar) -> None:
    run = Run(1, mon(8))
    assert timing("30 s.d. 60 menit", run, cal, mon(8, 30)).level is Level.DALAM
    assert timing("30 s.d. 60 menit", run, cal, mon(8, 31)).level is Level.MENDEKATI
    assert timing("30 s.d. 60 menit", run, cal, mon(9)).level is Level.MENDEKATI
    assert timing("30 s.d. 60 menit", run, cal, mon(9, 1)).level is Level.LEWAT


def test_maksimal_nears_at_75_percent(cal: WorkingCalendar) -> None:
    run = Run(1, mon(8))
    # 89 m of 120 = 74 % -> within; 90 m = 75 % -> nearing; 120 m -> nearing; 121 m -> over
    assert timing("Maksimal 2 jam", run, cal, mon(9, 29)).level is Level.DALAM
    assert timing("Maksimal 2 jam", run, cal, mon(9, 30)).level is Level.MENDEKATI
    assert timing("Maksimal 2 jam", run, cal, mon(10)).level is Level.MENDEKATI
    assert timing("Maksimal 2 jam", run, cal, mon(10, 1)).level is Level.LEWAT


def test_nearing_is_configurable(cal: WorkingCalendar) -> None:
    run = Run(1, mon(8))
    # 35 m of 60 = 58 %
    assert timing("1 jam", run, cal, mon(8, 35)).level is Level.DALAM
    assert timing("1 jam", run, cal, mon(8, 35), nearing=0.5).level is Level.MENDEKATI


@pytest.mark.parametrize("text", ["N/A", "Menyesuaikan", "", "-"])
def test_no_limit_gives_elapsed_only(cal: WorkingCalendar, text: str) -> None:
    t = timing(text, Run(1, mon(11, 30)), cal, mon(13, 15))
    # 30 m before lunch + 15 m after
    assert t.elapsed_s == 45 * M
    assert t.level is Level.TANPA_BATAS
    assert t.limit_s is None and t.fraction is None and t.due_at is None


def test_missing_step_has_no_limit(cal: WorkingCalendar) -> None:
    t = measure_step(Run(9, mon(9)), None, cal, mon(10))
    assert t.level is Level.TANPA_BATAS
    assert t.elapsed_s == 1 * H


def test_weeks_run_on_calendar_time(cal: WorkingCalendar) -> None:
    run = Run(1, at(2026, 11, 27, 15))
    # Fri 27 Nov 15.00 -> Fri 4 Dec 14.00 = 6 days 23 h of 7 days: nearing
    t = timing("1 minggu", run, cal, at(2026, 12, 4, 14))
    assert t.elapsed_s == 6 * 86400 + 23 * H
    assert t.level is Level.MENDEKATI
    assert t.due_at == at(2026, 12, 4, 15)
    # a one-day pause moves the due time a day later
    paused = Run(1, at(2026, 11, 27, 15), pauses=((at(2026, 11, 30), at(2026, 12, 1)),))
    t = timing("1 minggu", paused, cal, at(2026, 12, 4, 14))
    assert t.paused_s == 86400
    assert t.due_at == at(2026, 12, 5, 15)


def test_calendar_days(cal: WorkingCalendar) -> None:
    # "3 hari kalender" from Mon 10.00 ends Thu 10.00, weekend or not
    t = timing("3 hari kalender", Run(1, mon(10)), cal, mon(11))
    assert t.due_at == at(2026, 11, 26, 10)
    assert t.elapsed_s == 1 * H


def test_month_is_thirty_days(cal: WorkingCalendar) -> None:
    t = timing("1 bulan", Run(1, mon(10)), cal, mon(11))
    assert t.due_at == mon(10) + timedelta(days=30)


# ----- cases ---------------------------------------------------------------

SOP = FakeSop(steps=(step(1, "15 menit"), step(2, "1 hari"), step(3, "N/A"), step(4, "30 menit")))


def test_case_timing_and_estimate_over_the_weekend(cal: WorkingCalendar) -> None:
    fri = lambda h, mi=0: at(2026, 11, 27, h, mi)  # noqa: E731
    state = State(
        opened_at=fri(15),
        runs=(Run(1, fri(15), ended_at=fri(15, 10), outcome="selesai"), Run(2, fri(15, 10))),
        current_step=2,
    )
    ct = measure_case(state, SOP, cal, fri(16))
    (r1, t1), (r2, t2) = ct.steps
    assert (r1, r2) == state.runs
    assert t1.elapsed_s == 10 * M and t1.level is Level.DALAM
    # step 2 ("1 hari") from Fri 15.10: Friday gives 80 m of 450; the other 370 m on
    # Monday: 07.30-12.00 (270 m) + 100 m from 13.00 = 14.40
    assert t2.due_at == at(2026, 11, 30, 14, 40)
    # remaining: step 3 (N/A) adds nothing, step 4 adds 30 m -> Mon 15.10
    assert ct.estimated_completion == at(2026, 11, 30, 15, 10)
    assert ct.estimate_partial
    # case allowance: 15 m + 1 day (450 m) + 30 m = 495 m of working time
    assert ct.limit_s == 495 * M
    assert ct.elapsed_s == 1 * H
    assert ct.fraction == pytest.approx(60 / 495)
    assert ct.level is Level.DALAM
    # from Fri 15.00: 90 m on Friday, 405 m on Monday: 270 m to 12.00, 135 m after 13.00
    assert ct.due_at == at(2026, 11, 30, 15, 15)


def test_estimate_of_a_new_case_skips_cuti_bersama(cal: WorkingCalendar) -> None:
    sop = FakeSop(steps=(step(1, "1 jam"), step(2, "1 hari")))
    opened = at(2026, 12, 23, 15)
    ct = measure_case(State(opened_at=opened), sop, cal, opened)
    # 1 jam: Wed 15.00-16.00; 1 hari: nothing left on Wed, Thu 24 cuti bersama,
    # Fri 25 Natal, weekend -> the whole of Mon 28 Dec, ending 16.00
    assert ct.estimated_completion == at(2026, 12, 28, 16)
    assert not ct.estimate_partial
    assert ct.steps == ()


def test_case_pause_and_estimate_while_waiting(cal: WorkingCalendar) -> None:
    sop = FakeSop(steps=(step(1, "1 jam"), step(2, "15 menit")))
    state = State(opened_at=mon(9), runs=(Run(1, mon(9), pauses=((mon(9, 20), None),)),),
                  current_step=1)
    ct = measure_case(state, sop, cal, mon(11))
    assert ct.elapsed_s == 20 * M
    assert ct.paused_s == 100 * M
    # step 1 due as if resumed now: 11.00 + 40 m; then step 2's 15 m
    assert ct.estimated_completion == mon(11, 55)
    # allowance 75 m; 20 m used; due 11.00 + 55 m
    assert ct.limit_s == 75 * M
    assert ct.due_at == mon(11, 55)


def test_over_step_does_not_pull_the_estimate_back(cal: WorkingCalendar) -> None:
    sop = FakeSop(steps=(step(1, "15 menit"), step(2, "15 menit")))
    state = State(opened_at=mon(9), runs=(Run(1, mon(9)),), current_step=1)
    ct = measure_case(state, sop, cal, mon(10))
    # step 1 was due 09.15 and is over; the estimate starts from now: 10.00 + 15 m
    assert ct.steps[0][1].level is Level.LEWAT
    assert ct.estimated_completion == mon(10, 15)
    # the case's allowance is 30 m and 60 m have passed
    assert ct.level is Level.LEWAT


def test_closed_case(cal: WorkingCalendar) -> None:
    sop = FakeSop(steps=(step(1, "1 jam"),))
    state = State(opened_at=mon(9), runs=(Run(1, mon(9), ended_at=mon(9, 40)),),
                  closed_at=mon(9, 40))
    ct = measure_case(state, sop, cal, at(2026, 12, 1, 10))
    assert ct.estimated_completion == mon(9, 40)
    assert ct.elapsed_s == 40 * M
    assert ct.level is Level.DALAM  # 40 of 60 m


def test_case_without_limits(cal: WorkingCalendar) -> None:
    sop = FakeSop(steps=(step(1, "N/A"), step(2, "Menyesuaikan")))
    state = State(opened_at=mon(9), runs=(Run(1, mon(9)),), current_step=1)
    ct = measure_case(state, sop, cal, mon(10))
    assert ct.level is Level.TANPA_BATAS
    assert ct.limit_s is None
    assert ct.estimated_completion is None
    assert ct.estimate_partial


# ----- display ---------------------------------------------------------------


def test_formatting() -> None:
    assert format_duration(2 * H + 15 * M + 59) == "2 jam 15 menit"
    assert format_duration(45 * M) == "45 menit"
    assert format_duration(3 * H) == "3 jam"
    assert format_duration(30) == "kurang dari 1 menit"
    assert format_days(1.5) == "1,5 hari kerja"
    assert format_days(2.0) == "2 hari kerja"
    assert Level.LEWAT.label() == "lewat batas waktu"


# ----- real cases folded from events -------------------------------------------


def test_measure_case_on_a_folded_case(cal: WorkingCalendar) -> None:
    from counter import case as C
    from counter.sop import Pelaksana, Sop, Source

    def fri(h: int, mi: int = 0) -> datetime:
        return at(2026, 11, 27, h, mi)

    def real_step(no: int, waktu: str, role: str) -> Step:
        return Step(no, f"langkah {no}", (role,), MutuBaku((), parse_waktu(waktu), ""))

    sop = Sop(
        id="uji", nama="Uji", status="berlaku", instansi="Dinas", source=Source("uji.txt"),
        pelaksana=(Pelaksana("admin", "Admin", loket=True), Pelaksana("kabid", "Kepala Bidang")),
        steps=(real_step(1, "15 menit", "admin"), real_step(2, "1 hari", "kabid"),
               real_step(3, "30 menit", "admin")),
    )
    code, who = "261127010010", "Siti"
    events = [
        C.opened(code, fri(15), who, 1, "uji", {"nama": "Budi"}),
        C.step_started(code, fri(15), who, 1, 1),
        C.waiting_applicant(code, fri(15, 5), who, 1, 1, ["KTP"]),
        C.resumed(code, fri(15, 25), who, 1, 1),
        C.step_completed(code, fri(15, 30), who, 1, 1),
        C.handed_off(code, fri(15, 40), who, 1, 2, from_role="admin", to_role="kabid"),
    ]
    state = C.fold([dict(ev, seq=i) for i, ev in enumerate(events)], sop)
    ct = measure_case(state, sop, cal, at(2026, 11, 30, 9))

    (_, t1), (_, t2) = ct.steps
    # step 1: 15.00-15.30 with 15.05-15.25 paused: 10 m of 15
    assert (t1.elapsed_s, t1.paused_s, t1.level) == (10 * M, 20 * M, Level.DALAM)
    # step 2 runs from the hand-off, 15.40: Fri 50 m + Mon 07.30-09.00 90 m = 140/450 day
    assert t2.elapsed_days == pytest.approx(140 / 450)
    assert t2.level is Level.DALAM
    # its due: the other 400 m on Monday: 270 m to 12.00, 130 m from 13.00 = 15.10
    assert t2.due_at == at(2026, 11, 30, 15, 10)
    # then step 3's 30 m
    assert ct.estimated_completion == at(2026, 11, 30, 15, 40)
    assert not ct.estimate_partial
    # the case: Fri 15.00-16.30 (90 m) + Mon 07.30-09.00 (90 m) - 20 m paused
    assert ct.elapsed_s == 160 * M
    assert ct.paused_s == 20 * M
    # allowance 15 + 450 + 30 = 495 m; due: 5 m, the pause, then 490 m from 15.25:
    # Fri 65 m, Mon 270 m to 12.00 and 155 m from 13.00 = 15.35
    assert ct.limit_s == 495 * M
    assert ct.due_at == at(2026, 11, 30, 15, 35)


def test_steps_without_a_limit_do_not_count_against_the_case(cal: WorkingCalendar) -> None:
    # 15 menit, then N/A (e.g. the ministry prints the certificate), then 30 menit
    sop = FakeSop((step(1, "15 menit"), step(2, "N/A"), step(3, "30 menit")))
    state = State(
        opened_at=mon(9),
        runs=(Run(1, mon(9), ended_at=mon(9, 10), outcome="selesai"),
              Run(2, mon(9, 10), ended_at=mon(11, 10), outcome="selesai"),
              Run(3, mon(11, 10))),
        current_step=3,
    )
    ct = measure_case(state, sop, cal, mon(11, 20))
    assert ct.elapsed_s == 140 * M  # 09.00-11.20, all of it shown
    assert ct.unlimited_s == 120 * M  # the N/A step, 09.10-11.10
    assert ct.limit_s == 45 * M
    # 10 m in step 1 + 10 m in step 3 = 20 of 45 m
    assert ct.fraction == pytest.approx(20 / 45)
    assert ct.level is Level.DALAM
    # 45 m from 09.00 with 09.10-11.10 skipped: 10 m, then 35 m from 11.10 -> 11.45
    assert ct.due_at == mon(11, 45)


def test_an_open_case_measured_again_gives_what_a_first_measure_gives(
        cal: WorkingCalendar) -> None:
    """The dashboard measures the same open case every second (`counter.clock_kept` keeps
    what does not move with the clock): at every instant, through the weekend, a pause,
    the due time passing and an unlimited step, the figures equal those of a case never
    measured before."""
    from dataclasses import replace

    from counter import clock_kept

    sop = FakeSop((step(1, "15 menit"), step(2, "N/A"), step(3, "2 hari"), step(4, "1 jam")))
    fri = lambda h, mi=0: at(2026, 11, 27, h, mi)  # noqa: E731
    states = [
        State(opened_at=fri(9), runs=(Run(1, fri(9), ended_at=fri(9, 10)),
                                      Run(2, fri(9, 10), ended_at=fri(10)),
                                      Run(3, fri(10))), current_step=3),
        State(opened_at=fri(9), runs=(Run(1, fri(9), pauses=((fri(9, 5), None),)),),
              current_step=1),
        State(opened_at=fri(14), runs=(Run(1, fri(14), ended_at=fri(14, 5)),
                                       Run(2, fri(14, 5))), current_step=2),
        State(opened_at=fri(15), current_step=None),
    ]
    instants = [fri(15) + timedelta(minutes=37 * i) for i in range(200)]  # to Tue
    for state in states:
        for now in instants:
            kept = measure_case(state, sop, cal, now)
            fresh = measure_case(replace(state), sop, cal, now)  # another object: no plan
            assert kept == fresh, (state, now)
        assert clock_kept.kept_plan(state, sop, cal, 0.75) is not None


def test_a_changing_stand_in_is_measured_afresh(cal: WorkingCalendar) -> None:
    """Only an immutable state is kept: one whose runs can change in place (a test's or a
    tool's own object) is measured from what it holds now."""

    @dataclass
    class Loose:
        opened_at: datetime
        runs: tuple = ()
        current_step: int | None = None
        closed_at: datetime | None = None

    sop = FakeSop((step(1, "1 jam"), step(2, "1 jam")))
    state = Loose(opened_at=mon(9), runs=(Run(1, mon(9)),), current_step=1)
    assert measure_case(state, sop, cal, mon(10)).limit_s == 2 * H
    state.runs = (Run(1, mon(9), ended_at=mon(9, 30)), Run(2, mon(9, 30)))
    state.current_step = 2
    ct = measure_case(state, sop, cal, mon(10))
    assert [t.elapsed_s for _, t in ct.steps] == [30 * M, 30 * M]
