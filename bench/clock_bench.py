"""How long the dashboard's clock takes: 300 running cases measured once.

The dashboard re-measures every open case every second, so one pass must stay
far below a second. Cases are generated: opened over the last 0-15 days,
2-6 runs each (some with pauses, some waiting for the applicant now), on an
SOP mixing menit, jam, hari, ranges, maximums and no-limit steps.

Run: .venv/bin/python bench/clock_bench.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter.calendar import WorkingCalendar
from counter.case import StepRun
from counter.clock import measure_case
from counter.config import CalendarSettings
from counter.sop import MutuBaku, Step
from counter.waktu import parse_waktu

WIB = ZoneInfo("Asia/Jakarta")
WAKTU = ["15 menit", "30 menit", "1 jam", "Maksimal 1 hari", "2-4 hari", "N/A", "3 hari"]
STEPS = tuple(
    Step(i + 1, f"langkah {i + 1}", ("admin",), MutuBaku((), parse_waktu(w), ""))
    for i, w in enumerate(WAKTU)
)


@dataclass(frozen=True)
class State:
    opened_at: datetime
    runs: tuple
    current_step: int | None
    closed_at: datetime | None = None


@dataclass(frozen=True)
class Sop:
    steps: tuple


def make_cases(n: int, now: datetime, rng: random.Random) -> list[State]:
    cases = []
    for _ in range(n):
        opened = now - timedelta(minutes=rng.randint(5, 15 * 24 * 60))
        span = (now - opened) / 6
        runs, t = [], opened
        count = rng.randint(2, 6)
        for i in range(count):
            last = i == count - 1
            end = None if last else t + span * rng.random()
            pauses: tuple = ()
            if rng.random() < 0.3:
                p0 = t + (span * rng.random()) / 2
                pauses = ((p0, None if last and rng.random() < 0.5 else p0 + span / 4),)
            runs.append(StepRun(i + 1, t, end, pauses, None if last else "selesai"))
            t = end or t
        cases.append(State(opened, tuple(runs), count))
    return cases


def main() -> None:
    now = datetime(2026, 11, 25, 10, 30, tzinfo=WIB)
    cases = make_cases(300, now, random.Random(7))
    sop = Sop(STEPS)
    settings = CalendarSettings(
        closed_days=(date(2026, 11, 16),), ramadan=((date(2026, 2, 19), date(2026, 3, 19)),)
    )

    t0 = time.perf_counter()
    cal = WorkingCalendar(settings, WIB)
    for state in cases:
        measure_case(state, sop, cal, now)
    cold = time.perf_counter() - t0

    warm = []
    for tick in range(30):  # the dashboard, once a second for 30 seconds
        t0 = time.perf_counter()
        for state in cases:
            measure_case(state, sop, cal, now + timedelta(seconds=tick))
        warm.append(time.perf_counter() - t0)

    runs = sum(len(c.runs) for c in cases)
    print(f"cases: {len(cases)}, runs: {runs}")
    print(f"first pass (new calendar, holidays loaded): {cold * 1000:.1f} ms")
    print(f"warm pass, median of {len(warm)}: {statistics.median(warm) * 1000:.1f} ms")
    print(f"warm pass, worst: {max(warm) * 1000:.1f} ms")
    print(f"per case (median): {statistics.median(warm) / len(cases) * 1e6:.0f} us")


if __name__ == "__main__":
    main()
