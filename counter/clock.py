"""Elapsed time of steps and cases against their mutu baku.

Pure functions of (runs, SOP steps, working calendar, now): nothing here reads
the wall clock or stores a result, so a restart or a changed office calendar
recomputes every timer the same way, and tests can travel in time.

Which clock a step runs on follows its mutu baku's unit (docs/sop-format.md):

- menit, jam: working seconds (office hours, breaks and closed days left out);
- hari: working days; a day counts the share of its own working seconds that
  the step covered (WorkingCalendar.working_days), so a step that starts at
  10.00 and ends at 10.00 on the next working day took exactly 1 hari kerja,
  and a Ramadan morning counts against that day's shorter hours;
- minggu, bulan, and any "... kalender" text: calendar time (7 and 30 days);
- no limit (N/A, Menyesuaikan, empty): working seconds, elapsed only.

While the case waits for the applicant (the run's `pauses`), the clock stops;
the paused time is reported separately, in the same clock. A pause still open
counts up to `now`, so the due time of a paused step moves later while the
pause lasts (it is shown as if the applicant came back now).

Levels (`nearing` defaults to 0.75): a fixed or "Maksimal" limit is within
below 75 % of the bound, nearing from 75 % up to the bound, over past it. A
range ("2-4 hari") is within up to its lower bound, nearing between the bounds,
over past the upper bound. `fraction` is always elapsed / upper bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from counter.calendar import WorkingCalendar
from counter.clock_kept import CasePlan, keep_plan, kept_plan
from counter.clock_text import case_day_length as case_day_length
from counter.clock_text import day_length as day_length
from counter.clock_text import format_days as format_days
from counter.clock_text import format_duration as format_duration
from counter.clock_text import format_span as format_span
from counter.clock_units import Clock as _Clock
from counter.clock_units import WorkSeconds as _WorkSeconds
from counter.clock_units import clock_for as _clock_for
from counter.clock_units import due as _due
from counter.clock_units import net as _net
from counter.clock_units import spans as _spans
from counter.clock_units import waktu_of
from counter.sop import Step
from counter.texts import clock as T
from counter.waktu import Kind, Unit, Waktu

DEFAULT_NEARING = 0.75


class Level(StrEnum):
    DALAM = "dalam"
    MENDEKATI = "mendekati"
    LEWAT = "lewat"
    TANPA_BATAS = "tanpa_batas"

    def label(self) -> str:
        return T.LEVEL_LABELS[self.value]


class RunLike(Protocol):
    """What the clock reads of a `counter.case.StepRun`."""

    @property
    def step(self) -> int: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def ended_at(self) -> datetime | None: ...
    @property
    def pauses(self) -> Sequence[tuple[datetime, datetime | None]]: ...


class StateLike(Protocol):
    """What the clock reads of a `counter.case.CaseState`."""

    @property
    def opened_at(self) -> datetime: ...
    @property
    def closed_at(self) -> datetime | None: ...
    @property
    def current_step(self) -> int | None: ...
    @property
    def runs(self) -> Sequence[RunLike]: ...


class SopLike(Protocol):
    """What the clock reads of a `counter.sop.Sop`: its steps."""

    @property
    def steps(self) -> Sequence[Step]: ...


@dataclass(frozen=True)
class StepTiming:
    """One run of a step against its mutu baku.

    `elapsed_s`/`paused_s` are working seconds (calendar seconds for minggu,
    bulan and "kalender" limits). `limit_s` is the upper bound in the same
    seconds; for hari-kerja limits it is the bound times a standard 7.5-hour
    day, for sums and display only: their level and fraction come from
    `elapsed_days`/`limit_days`. `due_at` is when the upper bound is reached.
    """

    elapsed_s: float
    paused_s: float
    limit_s: float | None
    fraction: float | None
    level: Level
    due_at: datetime | None
    unit: Unit | None = None
    elapsed_days: float | None = None
    limit_days: float | None = None
    paused_now: bool = False


@dataclass(frozen=True)
class CaseTiming:
    """A whole case: its runs, its total time and its estimated completion.

    The case's allowance (`limit_s`, working seconds) is every SOP step's upper
    bound laid end to end on the calendar from the opening; `due_at` is where
    that allowance runs out, moved later by the pauses and by the time spent in
    steps without a limit (`unlimited_s`), which `fraction` and `level` leave out
    as well: `elapsed_s` still shows the whole working time. `estimated_completion`
    lays the remaining steps' mutu baku on the calendar from now (from the
    current step's due time while that is still ahead); steps without a limit
    add nothing, and `estimate_partial` says that some remaining step had none.
    For a closed case it is the closing time; None when nothing can be laid.
    """

    steps: tuple[tuple[RunLike, StepTiming], ...]
    elapsed_s: float
    paused_s: float
    limit_s: float | None
    level: Level
    estimated_completion: datetime | None
    fraction: float | None = None
    due_at: datetime | None = None
    estimate_partial: bool = False
    unlimited_s: float = 0.0  # working time in steps without a limit, not held against it


# ----- clocks: counter.clock_units -------------------------------------------


def _level(kind: Kind, value: float, low: float | None, high: float, nearing: float) -> Level:
    slack = 1e-6 * max(high, 1e-9)  # float noise of timestamp arithmetic
    if value > high + slack:
        return Level.LEWAT
    if kind is Kind.RENTANG and low is not None:
        return Level.MENDEKATI if value > low + slack else Level.DALAM
    return Level.MENDEKATI if value >= nearing * high - slack else Level.DALAM


# ----- steps ----------------------------------------------------------------


def measure_step(
    run: RunLike,
    step: Step | None,
    calendar: WorkingCalendar,
    now: datetime,
    nearing: float = DEFAULT_NEARING,
) -> StepTiming:
    """Time of one run of `step` (a `counter.sop.Step`, or None) at `now`."""
    if run.ended_at is not None:  # a finished run's time no longer depends on `now`
        try:
            return _measure_ended(_Ended(run.step, run.started_at, run.ended_at,
                                         tuple(run.pauses or ())), step, calendar, nearing)
        except TypeError:  # something unhashable (a test's stand-in): measured directly
            pass
    return _measure_step(run, step, calendar, now, nearing)


@dataclass(frozen=True)
class _Ended:
    """What the clock reads of a finished run (the key of its kept timing)."""

    step: int
    started_at: datetime
    ended_at: datetime
    pauses: tuple[tuple[datetime, datetime | None], ...]


@lru_cache(maxsize=8192)
def _measure_ended(run: _Ended, step: Step | None, calendar: WorkingCalendar,
                   nearing: float) -> StepTiming:
    """A finished run measured once: the dashboard re-measures its open cases on every
    read, and most of their runs are finished steps whose time cannot change (a changed
    calendar or SOP is another key)."""
    return _measure_step(run, step, calendar, run.ended_at, nearing)


def _measure_step(
    run: RunLike,
    step: Step | None,
    calendar: WorkingCalendar,
    now: datetime,
    nearing: float = DEFAULT_NEARING,
) -> StepTiming:
    cal = calendar
    start = cal.local(run.started_at)
    end = cal.local(run.ended_at) if run.ended_at is not None else cal.local(now)
    end = max(end, start)
    pauses = tuple(run.pauses or ())
    spans = _spans(pauses, start, end, cal)
    paused_now = run.ended_at is None and any(p_end is None for _, p_end in pauses)

    waktu = waktu_of(step)
    clock, factor, day_s = _clock_for(waktu, cal)
    seconds_clock: _Clock = clock if day_s is None else _WorkSeconds(cal)
    elapsed_s, paused_s = _net(seconds_clock, start, end, spans)
    if not waktu.limited or waktu.high is None:
        return StepTiming(elapsed_s, paused_s, None, None, Level.TANPA_BATAS, None,
                          paused_now=paused_now)

    high = waktu.high * factor
    low = waktu.low * factor if waktu.low is not None else None
    value = elapsed_s if day_s is None else _net(clock, start, end, spans)[0]
    level = _level(waktu.kind, value, low, high, nearing)
    due = _due(clock, start, high, spans)
    if day_s is None:
        return StepTiming(elapsed_s, paused_s, high, value / high, level, due, waktu.unit,
                          paused_now=paused_now)
    return StepTiming(
        elapsed_s, paused_s, high * day_s, value / high, level, due, waktu.unit,
        elapsed_days=value, limit_days=high, paused_now=paused_now,
    )


# ----- cases ----------------------------------------------------------------


def _step_no(run: RunLike) -> int:
    return run.step


def _find(steps: Sequence[Step], no: int | None) -> tuple[int, Step | None]:
    for i, s in enumerate(steps):
        if s.no == no:
            return i, s
    return -1, None


def _lay(cursor: datetime, step: Step | None, cal: WorkingCalendar) -> datetime | None:
    """`cursor` plus the step's upper bound on its clock; None when it has no limit."""
    waktu = waktu_of(step)
    if not waktu.limited or waktu.high is None:
        return None
    clock, factor, _ = _clock_for(waktu, cal)
    return clock.advance(cursor, waktu.high * factor)


@lru_cache(maxsize=4096)
def _allowance(cal: WorkingCalendar, opened: datetime, waktus: tuple[Waktu, ...]) -> float | None:
    """Working seconds of every step's upper bound laid end to end from `opened`.

    Cached: a dashboard re-measures the same open cases every second, and the
    plan of a case never changes once it is opened.
    """
    cursor = opened
    planned = False
    for waktu in waktus:
        if waktu.limited and waktu.high is not None:
            clock, factor, _ = _clock_for(waktu, cal)
            cursor, planned = clock.advance(cursor, waktu.high * factor), True
    return cal.working_seconds(opened, cursor) if planned else None


def measure_case(
    state: StateLike,
    sop: SopLike,
    calendar: WorkingCalendar,
    now: datetime,
    nearing: float = DEFAULT_NEARING,
) -> CaseTiming:
    """Time of a whole case (`counter.case.CaseState`) against its SOP at `now`."""
    cal = calendar
    closed_at = state.closed_at
    plan = kept_plan(state, sop, cal, nearing) if closed_at is None else None
    if plan is None:
        plan = plan_case(state, sop, cal, nearing)
        if closed_at is None:
            keep_plan(plan)
    timings = tuple(
        (run, ended if ended is not None else measure_step(run, step, cal, now, nearing))
        for run, ended, (_, step) in zip(plan.runs, plan.ended, plan.found, strict=True)
    )

    opened, pauses = plan.opened, plan.pauses
    end = max(cal.local(closed_at) if closed_at is not None else cal.local(now), opened)
    spans = _spans(pauses, opened, end, cal)
    work = _WorkSeconds(cal)
    elapsed_s, paused_s = _net(work, opened, end, spans)
    # Time in steps with no mutu baku (N/A, Menyesuaikan: the applicant's own form, the
    # ministry's certificate) has no standard to break, so, like a pause, it does not
    # count against the case's allowance.
    unlimited = [(run.started_at, run.ended_at) for run, t in timings
                 if t.level is Level.TANPA_BATAS]
    exempt = _spans([*pauses, *unlimited], opened, end, cal) if unlimited else spans
    counted_s = _net(work, opened, end, exempt)[0] if unlimited else elapsed_s

    limit_s = plan.limit_s
    fraction = due = None
    level = Level.TANPA_BATAS
    if limit_s is not None:
        known = plan.due
        due = known[1] if known is not None and known[0] == exempt else None  # same spans
        if due is None:
            due = _due(work, opened, limit_s, exempt)
            plan.due = (exempt, due)
        if limit_s > 0:
            fraction = counted_s / limit_s
            level = _level(Kind.TETAP, counted_s, None, limit_s, nearing)

    estimate: datetime | None
    if closed_at is not None:
        estimate, partial = cal.local(closed_at), False
    else:
        estimate, partial = _estimate(state, plan, timings, cal, now)
    return CaseTiming(timings, elapsed_s, paused_s, limit_s, level, estimate,
                      fraction, due, partial, elapsed_s - counted_s)


def plan_case(state: StateLike, sop: SopLike, cal: WorkingCalendar, nearing: float,
              ended: tuple[StepTiming | None, ...] | None = None,
              limit: tuple[float | None] | None = None) -> CasePlan:
    """What `measure_case` needs of the case that does not depend on `now`; `ended`
    (every run's timing once finished) and `limit` (the allowance) as an earlier
    measuring of the very same runs found them, when known (`counter.open_snapshot`)."""
    steps = tuple(sop.steps)
    runs = tuple(state.runs)
    found = tuple(_find(steps, _step_no(run)) for run in runs)
    opened = cal.local(state.opened_at)
    if ended is None or len(ended) != len(runs):
        # a finished run's time no longer depends on `now` (any `now` gives the same)
        ended = tuple(measure_step(run, step, cal, opened, nearing)
                      if run.ended_at is not None else None
                      for run, (_, step) in zip(runs, found, strict=True))
    return CasePlan(
        state=state, sop=sop, cal=cal, nearing=nearing, runs=runs, steps=steps, found=found,
        ended=ended, opened=opened, pauses=tuple(p for run in runs for p in (run.pauses or ())),
        limit_s=limit[0] if limit is not None else
        _allowance(cal, opened, tuple(waktu_of(step) for step in steps)))


def _estimate(
    state: StateLike,
    plan: CasePlan,
    timings: Sequence[tuple[RunLike, StepTiming]],
    cal: WorkingCalendar,
    now: datetime,
) -> tuple[datetime | None, bool]:
    """(estimated completion, whether a remaining step without a limit was left out)."""
    steps = plan.steps
    cursor = cal.local(now)
    laid_any = partial = False
    current = state.current_step
    if current is None and timings:
        index = _find(steps, _step_no(timings[-1][0]))[0]  # between steps: after the last
    elif current is None:
        index = -1  # nothing started yet: the whole SOP lies ahead
    else:
        index, step = _find(steps, current)
        running = [t for r, t in timings if _step_no(r) == current and r.ended_at is None]
        if not waktu_of(step).limited:
            partial = True
        elif running:
            laid_any = True
            due = running[-1].due_at
            if due is not None and due > cursor:
                cursor = due
        else:
            laid = _lay(cursor, step, cal)
            if laid is not None:
                cursor, laid_any = laid, True
    known = plan.tail
    if known is not None and known[0] == cursor and known[1] == index:
        rest = known[2]  # the remaining steps laid from the same instant: the same end
    else:
        rest = _lay_rest(cursor, steps[index + 1:], cal)
        plan.tail = (cursor, index, rest)
    cursor, laid_rest, partial_rest = rest
    laid_any, partial = laid_any or laid_rest, partial or partial_rest
    return (cursor if laid_any else None), partial


def _lay_rest(cursor: datetime, steps: Sequence[Step],
              cal: WorkingCalendar) -> tuple[datetime, bool, bool]:
    """(`steps` laid end to end from `cursor`, whether any was laid, whether one had none)."""
    laid_any = partial = False
    for step in steps:
        laid = _lay(cursor, step, cal)
        if laid is None:
            partial = True
        else:
            cursor, laid_any = laid, True
    return cursor, laid_any, partial
