"""Demo history: realistic generated cases, made through the desk service.

A new user should see a living product at once, and the tests and benchmarks
need days of history with known shape. Both come from `generate`: a small
discrete-event simulation that walks a controlled clock through the office's
working days and acts on cases only through `counter.desk.Desk`, so demo data
obeys exactly the rules real use does (hand-offs, returns, pauses, closing).

What it makes, deterministically for a given seed: walk-ins through office
hours (more in the morning) on working days, across the catalog's usable
front-desk SOPs; most steps within their mutu baku, some over (usually with
a reason), some returned at decision steps, some waiting for the applicant
(some of whom never come back), files handed off to officials who take their
time, a few cases rejected or cancelled. Nothing is scheduled past `until`,
so the last day ends with files still open where they are.

The simulation writes into any `Repository`; `MemoryRepo` keeps everything in
memory (fast, for tests and benchmarks), and `screens/cli/demo.py` copies it
into the demo store in one write per day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from counter.calendar import WorkingCalendar, calendar_for
from counter.case.schema import seeded_ids
from counter.config import Profile
from counter.demo_office import DEMO_PIN as DEMO_PIN
from counter.demo_office import DEMO_PIN_HASH as DEMO_PIN_HASH
from counter.demo_office import demo_profile as demo_profile
from counter.demo_repo import CLOSED_TYPES as CLOSED_TYPES
from counter.demo_repo import MemoryRepo as MemoryRepo
from counter.demo_simulation import DemoSettings as DemoSettings
from counter.demo_simulation import _Simulation
from counter.demo_simulation import front_desk_sops as front_desk_sops
from counter.errors import LoketError
from counter.sop import Catalog
from counter.texts import report as T

if TYPE_CHECKING:  # the desk is imported where the simulation starts (import cycles)
    from counter.desk import Repository

MAX_DAYS = 250


@dataclass(frozen=True)
class DemoResult:
    first: date
    last: date
    days: tuple[date, ...]
    codes: tuple[str, ...]

    @property
    def cases(self) -> int:
        return len(self.codes)


# ----------------------------------------------------------------- the generator


def working_days_until(calendar: WorkingCalendar, last: date, count: int) -> list[date]:
    """The `count` working days ending with `last` (or the working day before it)."""
    days: list[date] = []
    d = last
    while len(days) < count:
        if calendar.is_working_day(d):
            days.append(d)
        d -= timedelta(days=1)
    return sorted(days)


def generate(
    repo: Repository,
    catalog: Catalog,
    profile: Profile,
    *,
    days: int = 10,
    until: datetime | None = None,
    seed: int = 1,
    settings: DemoSettings | None = None,
    calendar: WorkingCalendar | None = None,
) -> DemoResult:
    """Fill `repo` with `days` working days of history ending at `until` (default: now).

    Same seed, catalog, profile and `until` give the same events.
    """
    if not 1 <= days <= MAX_DAYS:
        raise LoketError(T.DEMO_BAD_DAYS.format(limit=MAX_DAYS), field="--hari")
    cal = calendar or calendar_for(profile)
    until = (until or datetime.now(profile.tz)).astimezone(profile.tz)
    last = until.date()
    hours = cal.day_hours(last)
    if hours is None or until.time().replace(tzinfo=None) <= hours.intervals()[0][0]:
        last -= timedelta(days=1)  # the office has not opened yet today
    work_days = working_days_until(cal, last, days)
    sim = _Simulation(repo, catalog, profile, cal, random.Random(seed), settings or DemoSettings(),
                      until)
    with seeded_ids(seed):
        codes = sim.run(work_days)
    return DemoResult(work_days[0], work_days[-1], tuple(work_days), tuple(codes))


def end_of_day(day: date, profile: Profile, calendar: WorkingCalendar | None = None) -> datetime:
    """The closing time of `day` (17.00 when closed): a `until` that completes the day."""
    cal = calendar or calendar_for(profile)
    hours = cal.day_hours(day)
    close = hours.close if hours is not None else time(17, 0)
    return datetime.combine(day, close, tzinfo=profile.tz)
