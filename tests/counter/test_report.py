"""Summary figures of the daily service log, checked against answers known by construction.

`build_scenario` plays one morning at the counter through the desk service with
a hand-set clock (every step inside 08.00-11.00, no break crossed, so a step's
working time is plain clock arithmetic). The expected figures are computed here
from the scenario's own timeline table, never by calling the report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median
from zoneinfo import ZoneInfo

import pytest

from counter import demo
from counter import report as R
from counter.calendar import calendar_for
from counter.config import default_profile
from counter.desk import Desk
from counter.sop import load_catalog
from tests.sessions import supervisor

WIB = ZoneInfo("Asia/Jakarta")
DAY = date(2026, 11, 25)  # a Wednesday, a working day
SOP = "pct-07-konsultasi-bisnis"
LIMITS = {1: 15, 2: 15, 3: 40, 4: 20, 5: 10, 7: 10}  # the SOP's mutu baku, minutes


def at(hhmm: str) -> datetime:
    h, m = hhmm.split(":")
    return datetime(DAY.year, DAY.month, DAY.day, int(h), int(m), tzinfo=WIB)


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Scenario:
    repo: demo.MemoryRepo
    desk: Desk
    clock: Clock
    codes: dict[str, str] = field(default_factory=dict)
    # (case, step, start, end or None, over reason): the expected step runs
    runs: list[tuple[str, int, str, str | None, str]] = field(default_factory=list)

    def views(self) -> list:
        return self.desk.views_on(DAY)


def build_scenario() -> Scenario:
    catalog, profile = load_catalog(), default_profile()
    repo = demo.MemoryRepo()
    clock = Clock(at("08:00"))
    desk = Desk(repo, catalog, profile, officer="Siti Aminah", now=clock)
    sc = Scenario(repo, desk, clock)

    def go(hhmm: str) -> None:
        clock.now = at(hhmm)

    def open_case(name: str, hhmm: str) -> str:
        go(hhmm)
        code = desk.open_case(SOP, {"nama": f"Pemohon {name}", "nik": "3501014507900002"},
                              ["Form konsultasi bisnis"], []).state.code
        sc.codes[name] = code
        return code

    # A: the whole service; step 2 and the coordinator's evaluation run over.
    a = open_case("A", "08:00")
    go("08:10"); desk.complete_step(a)  # noqa: E702
    go("08:35"); desk.complete_step(a, over_reason="Sistem lambat")  # noqa: E702
    go("09:05"); desk.complete_step(a)  # noqa: E702
    go("09:20"); desk.complete_step(a)  # noqa: E702  -> handed off to Koor
    go("09:25"); desk.receive(a)  # noqa: E702
    go("09:50"); desk.complete_step(a, over_reason="Rapat")  # noqa: E702
    go("09:55"); desk.complete_step(a)  # noqa: E702  -> closed selesai
    sc.runs += [("A", 1, "08:00", "08:10", ""), ("A", 2, "08:10", "08:35", "Sistem lambat"),
                ("A", 3, "08:35", "09:05", ""), ("A", 4, "09:05", "09:20", ""),
                ("A", 5, "09:20", "09:50", "Rapat"), ("A", 7, "09:50", "09:55", "")]
    # B: step 1 runs over without a reason, then the applicant must bring a document.
    b = open_case("B", "08:30")
    go("08:50"); desk.complete_step(b)  # noqa: E702
    go("09:00"); desk.wait_applicant(b, ["Fotokopi KTP"])  # noqa: E702
    sc.runs += [("B", 1, "08:30", "08:50", ""), ("B", 2, "08:50", None, "")]
    # C: handed off to the coordinator (named), who has not received it yet.
    c = open_case("C", "09:00")
    for hhmm in ("09:05", "09:10", "09:40"):
        go(hhmm)
        desk.complete_step(c)
    go("09:50")
    desk.complete_step(c, to_name="Pak Hadi")
    sc.runs += [("C", 1, "09:00", "09:05", ""), ("C", 2, "09:05", "09:10", ""),
                ("C", 3, "09:10", "09:40", ""), ("C", 4, "09:40", "09:50", ""),
                ("C", 5, "09:50", None, "")]
    # D: cancelled after ten minutes.
    d = open_case("D", "10:10")
    go("10:20")
    desk.acting_as(supervisor()).close(d, "dibatalkan", "Pemohon membatalkan")
    sc.runs += [("D", 1, "10:10", "10:20", "")]
    go("11:00")
    return sc


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return build_scenario()


@pytest.fixture(scope="module")
def summary(scenario: Scenario) -> R.Summary:
    return R.day_summary(scenario.views(), DAY)


def minutes_between(a: str, b: str) -> float:
    return (at(b) - at(a)).total_seconds() / 60


def expected_runs(sc: Scenario) -> list[tuple[str, int, float, bool, bool, str]]:
    """(case, step, minutes so far, ended, over, reason) from the timeline table at 11.00."""
    out = []
    for case, step, start, end, reason in sc.runs:
        pause = 0.0
        if case == "B" and end is None:
            pause = minutes_between("09:00", "11:00")  # waiting for the applicant
        mins = minutes_between(start, end or "11:00") - pause
        out.append((case, step, mins, end is not None, mins > LIMITS[step], reason))
    return out


def test_counts_follow_the_raw_events(scenario: Scenario, summary: R.Summary) -> None:
    events = [e for evs in scenario.repo.events_on(DAY).values() for e in evs]
    outcomes = Counter(e["data"]["outcome"] for e in events if e["type"] == "closed")
    opened = [e for e in events if e["type"] == "opened"]
    assert summary.opened == len(opened) == 4
    assert (summary.selesai, summary.ditolak, summary.dibatalkan) == (
        outcomes["selesai"], outcomes["ditolak"], outcomes["dibatalkan"])
    assert summary.closed == sum(outcomes.values())
    assert summary.still_open == len(opened) - sum(outcomes.values())
    assert summary.menunggu_pemohon == 1 and summary.menunggu_pelaksana == 1


def test_share_of_steps_within_mutu_baku(scenario: Scenario, summary: R.Summary) -> None:
    runs = expected_runs(scenario)
    measured = [r for r in runs if r[3] or r[4]]  # ended, or running and already over
    within = [r for r in measured if not r[4]]
    assert summary.steps_measured == len(measured)
    assert summary.steps_within == len(within)
    assert summary.within_share == pytest.approx(len(within) / len(measured))
    assert R.share_text(summary.within_share) == \
        f"{100 * len(within) / len(measured):.1f}".replace(".", ",") + " %"


def test_steps_that_ran_over_with_reasons_and_median_overrun(
    scenario: Scenario, summary: R.Summary
) -> None:
    over: dict[int, list[tuple[float, str]]] = {}
    for _case, step, mins, _ended, is_over, reason in expected_runs(scenario):
        if is_over:
            over.setdefault(step, []).append((mins - LIMITS[step], reason))
    got = {o.step: o for o in summary.over_steps}
    assert set(got) == set(over)
    for step, items in over.items():
        line = got[step]
        assert line.count == len(items)
        assert line.median_overrun_s == pytest.approx(median(m for m, _ in items) * 60, abs=1)
        assert dict(line.reasons) == dict(Counter(r for _, r in items))
    # most frequent first
    assert summary.over_steps[0].count == max(len(v) for v in over.values())


def test_service_median_and_standard(summary: R.Summary) -> None:
    (line,) = summary.services
    assert line.sop_id == SOP and line.count == 4 and line.selesai == 1
    assert line.median_s == pytest.approx(minutes_between("08:00", "09:55") * 60, abs=1)
    # the standard of a selesai case: every step's bound laid end to end (all minutes here)
    assert line.standard_s == pytest.approx(sum(LIMITS.values()) * 60, abs=1)


def test_files_waiting_per_holder(scenario: Scenario, summary: R.Summary) -> None:
    by_holder = {w.holder: w for w in summary.waiting}
    assert set(by_holder) == {"Pemohon", "Koor (Pak Hadi)"}
    koor = by_holder["Koor (Pak Hadi)"]
    assert koor.count == 1 and koor.role == "koor"
    assert koor.oldest_code == scenario.codes["C"] and koor.oldest_since == at("09:50")
    assert by_holder["Pemohon"].oldest_code == scenario.codes["B"]


def test_arrivals_per_hour(summary: R.Summary) -> None:
    arrivals = dict(summary.arrivals)
    assert (arrivals[8], arrivals[9], arrivals[10]) == (2, 1, 1)
    assert sum(arrivals.values()) == 4 and min(arrivals) <= 7 and max(arrivals) >= 15


def test_case_rows(scenario: Scenario, summary: R.Summary) -> None:
    rows = {r.code: r for r in summary.cases}
    a = rows[scenario.codes["A"]]
    assert a.status == "selesai" and a.holder == ""
    assert a.elapsed_s == pytest.approx(115 * 60, abs=1)
    assert a.limit_s == pytest.approx(sum(LIMITS.values()) * 60, abs=1)
    assert a.over is (sum(LIMITS.values()) < 115)  # 115 minutes against 110
    assert a.nik_masked == "3501********0002" and "4507" not in a.nik_masked
    c = rows[scenario.codes["C"]]
    assert c.holder == "Koor (Pak Hadi)" and c.officer == "Siti Aminah"
    assert [r.code for r in summary.cases] == [scenario.codes[k] for k in "ABCD"]


def test_step_rows(scenario: Scenario, summary: R.Summary) -> None:
    expected = expected_runs(scenario)
    got = [(s.code, s.step, round(s.elapsed_s / 60), s.over, s.reason) for s in summary.steps]
    want = [(scenario.codes[c], st, round(m), o, r) for c, st, m, _e, o, r in expected]
    assert sorted(got) == sorted(want)
    judged = Counter(s.judgement for s in summary.steps)
    assert judged["berjalan"] == 1  # B's step 2, paused and within


def test_generated_day_counts_match_the_events() -> None:
    profile, catalog = default_profile(), load_catalog()
    repo = demo.MemoryRepo()
    until = demo.end_of_day(DAY, profile)
    result = demo.generate(repo, catalog, profile, days=1, until=until, seed=11,
                           settings=demo.DemoSettings(per_day=40))
    desk = Desk(repo, catalog, profile, now=lambda: until)
    s = R.day_summary(desk.views_on(result.last), result.last)
    grouped = repo.events_on(result.last)
    closed = Counter(evs[-1]["data"]["outcome"] for evs in grouped.values()
                     if any(e["type"] == "closed" for e in evs))
    assert s.opened == len(grouped) > 20
    assert (s.selesai, s.ditolak, s.dibatalkan) == (
        closed["selesai"], closed["ditolak"], closed["dibatalkan"])
    hours = Counter(datetime.fromisoformat(evs[0]["at"]).hour for evs in grouped.values())
    assert {h: c for h, c in s.arrivals if c} == dict(hours)
    # selesai medians: working time from opening to closing, pauses left out
    cal = calendar_for(profile)
    per_sop: dict[str, list[float]] = {}
    for evs in grouped.values():
        if evs[-1]["type"] != "closed" or evs[-1]["data"]["outcome"] != "selesai":
            continue
        start, end = (datetime.fromisoformat(evs[i]["at"]) for i in (0, -1))
        paused, since = 0.0, None
        for e in evs:
            if e["type"] == "waiting_applicant":
                since = datetime.fromisoformat(e["at"])
            elif e["type"] == "resumed" and since is not None:
                paused += cal.working_seconds(since, datetime.fromisoformat(e["at"]))
                since = None
        per_sop.setdefault(evs[0]["data"]["sop_id"], []).append(
            cal.working_seconds(start, end) - paused)
    # Only time held against a mutu baku counts (steps "Menyesuaikan"/N/A are left out):
    # a service whose every step has a standard counts the whole time, one with none
    # counts nothing; a mixed one would need the step spans and is not checked here.
    def standards(sop_id: str) -> set[bool]:
        return {step.mutu_baku.waktu.limited and step.mutu_baku.waktu.high is not None
                for step in catalog.get(sop_id).steps}

    checked = set()
    for line in s.services:
        if line.sop_id not in per_sop:
            assert line.median_s is None
        elif standards(line.sop_id) == {True}:
            assert line.median_s == pytest.approx(median(per_sop[line.sop_id]), abs=2)
            checked.add("timed")
        elif standards(line.sop_id) == {False}:
            assert line.median_s == 0.0
            checked.add("untimed")
    assert checked == {"timed", "untimed"}  # the seed covers both kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-25", date(2026, 11, 25)),
        ("25-11-2026", date(2026, 11, 25)),
        ("25/11/2026", date(2026, 11, 25)),
        ("25 November 2026", date(2026, 11, 25)),
        ("  25 november   2026 ", date(2026, 11, 25)),
        ("Rabu, 25 Nov 2026", date(2026, 11, 25)),
        ("1 Agustus 2026", date(2026, 8, 1)),
        ("7 Agu 2026", date(2026, 8, 7)),
        ("hari ini", date(2026, 11, 25)),
        ("Kemarin", date(2026, 11, 24)),
    ],
)
def test_parse_date_accepts_iso_and_indonesian(text: str, expected: date) -> None:
    assert R.parse_date(text, today=date(2026, 11, 25)) == expected


@pytest.mark.parametrize("text", ["", "25 Novembre 2026", "besok"])
def test_parse_date_refuses_with_indonesian_message(text: str) -> None:
    with pytest.raises(R.ReportError) as err:
        R.parse_date(text, today=date(2026, 11, 25))
    assert "tidak dikenali" in err.value.message


@pytest.mark.parametrize("text, says", [
    ("31 Februari 2026", "Februari 2026 hanya sampai tanggal 28"),
    ("31/04/2026", "April 2026 hanya sampai tanggal 30"),
    ("2026-13-01", "bulan ditulis 1 sampai 12"),
])
def test_a_date_that_does_not_exist_is_said_so(text: str, says: str) -> None:
    with pytest.raises(R.ReportError) as err:
        R.parse_date(text, today=date(2026, 11, 25))
    assert "tidak ada" in err.value.message and says in err.value.message


def test_reversed_range_is_refused() -> None:
    with pytest.raises(R.ReportError) as err:
        R.check_range(date(2026, 11, 30), date(2026, 11, 1))
    assert "2026-11-30" in str(err.value) and "sesudah" in str(err.value)
    R.check_range(DAY, DAY + timedelta(days=30))
