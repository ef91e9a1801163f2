"""The daily service log: summaries and table rows from folded, measured cases.

Supervisors close the day by asking what came in, what was finished, where
files wait and which SOP steps ran over their mutu baku. Everything here is a
pure function of case views (`counter.desk.CaseView`: the folded `state`, its
`timing` measured by `counter.clock` at the desk's `now`, and its `sop`), so
the screen, the CLI and the exports show the same figures, and tests can build
views at any time they like.

Definitions (the report's footnotes, kept here so every output agrees):

- The period's cases are the cases *opened* in it (a case code carries its
  day); their status is as of the views' `now`.
- A step run is *measured* when it has a mutu baku and either ended, or is
  still running but already over: a step still running within its time says
  nothing yet. Within = measured and not over.
- Per service, the median time is the median total working time of the
  service's cases closed *selesai*; the standard is the median of those
  cases' allowance (every step's upper bound laid end to end).
- The overrun of a step run is its time beyond the upper bound, in working
  seconds (a hari-kerja step: its excess days times the office's standard
  working day).
- Files waiting are open cases grouped by who holds the file: the role (and
  the named official, when the hand-off named one), or the applicant; the
  oldest is the one held longest (`state.holder_since`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from statistics import median
from typing import TYPE_CHECKING

from counter.damage import UnreadableDay, merged
from counter.report_dates import (
    MAX_RANGE_DAYS,
    ReportError,
    check_range,
    days_in,
    parse_date,
)
from counter.report_rows import (
    BERJALAN,
    CLOSED,
    DIBATALKAN,
    DITOLAK,
    LEWAT,
    MENUNGGU_PELAKSANA,
    MENUNGGU_PEMOHON,
    SELESAI,
    TANPA_BATAS,
    CaseRow,
    StepRow,
    _human,
    case_row,
    overrun_seconds,
    step_rows,
)
from counter.whereabouts import whereabouts

if TYPE_CHECKING:  # the desk imports this module's callers, not the other way round
    from counter.desk import CaseView

__all__ = [
    "BERJALAN", "CLOSED", "DIBATALKAN", "DITOLAK", "LEWAT", "MAX_RANGE_DAYS",
    "MENUNGGU_PELAKSANA", "MENUNGGU_PEMOHON", "SELESAI", "TANPA_BATAS", "CaseRow", "DayLine",
    "OverStep", "ReportError", "ServiceLine", "StepRow", "Summary", "WaitLine", "_human",
    "case_row", "check_range", "day_summary", "days_in", "load_summary", "load_views",
    "load_waiting", "minutes", "overrun_seconds", "parse_date", "period_text", "range_summary",
    "rows_sorted", "share_text", "step_rows", "summary_from_rows", "title_text",
    "unreadable_cases", "unreadable_lines", "waiting_lines",
]

DEFAULT_HOURS = (7, 15)  # arrivals chart spans at least office hours
# One case's rows: its line in the case table and one line per step run.
CaseRows = tuple[CaseRow, Sequence[StepRow]]


# ----------------------------------------------------------------- rows


@dataclass(frozen=True, slots=True)
class ServiceLine:
    sop_id: str
    service: str
    count: int
    selesai: int
    over: int
    median_s: float | None
    standard_s: float | None
    day_s: float | None = None  # its mutu baku in hari kerja (CaseRow.day_s)


@dataclass(frozen=True, slots=True)
class OverStep:
    sop_id: str
    service: str
    step: int
    kegiatan: str
    count: int
    median_overrun_s: float
    reasons: tuple[tuple[str, int], ...]  # most given first; "" = no reason given
    day_s: float | None = None  # the step's limit in hari kerja (StepRow.day_s)


@dataclass(frozen=True, slots=True)
class WaitLine:
    holder: str
    role: str | None
    count: int
    oldest_code: str
    oldest_since: datetime
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DayLine:
    day: date
    opened: int
    selesai: int
    over: int


@dataclass(frozen=True)
class Summary:
    """The figures of one day or one range of days."""

    first: date
    last: date
    opened: int
    selesai: int
    ditolak: int
    dibatalkan: int
    berjalan: int
    menunggu_pelaksana: int
    menunggu_pemohon: int
    steps_measured: int
    steps_within: int
    services: tuple[ServiceLine, ...]
    over_steps: tuple[OverStep, ...]
    waiting: tuple[WaitLine, ...]
    arrivals: tuple[tuple[int, int], ...]  # (hour, cases opened in that hour)
    days: tuple[DayLine, ...]
    cases: tuple[CaseRow, ...]
    steps: tuple[StepRow, ...]
    # days of the period (or holding open files) whose file could not be read: their
    # cases are missing from every figure above, so every output names them
    unreadable: tuple[UnreadableDay, ...] = ()
    # the walk-in queue's review as titled text tables (title, header, rows), attached
    # by the caller that can read the queue (`screens.queue_service.with_queue`); the
    # XLSX and PDF exports add them as their own sheet and section
    queue: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]], ...] = ()

    @property
    def closed(self) -> int:
        return self.selesai + self.ditolak + self.dibatalkan

    @property
    def still_open(self) -> int:
        return self.berjalan + self.menunggu_pelaksana + self.menunggu_pemohon

    @property
    def within_share(self) -> float | None:
        """Share of measured steps within mutu baku (0..1); None when none was measured."""
        return self.steps_within / self.steps_measured if self.steps_measured else None

    @property
    def is_day(self) -> bool:
        return self.first == self.last


# ----------------------------------------------------------------- summaries


def day_summary(views: Iterable[CaseView], day: date, *,
                waiting: Iterable[CaseView] | None = None,
                with_rows: bool = True) -> Summary:
    """The summary of the cases opened on `day` (`views`: `desk.views_on(day)`)."""
    return range_summary(views, day, day, waiting=waiting, with_rows=with_rows)


def range_summary(
    views: Iterable[CaseView],
    first: date,
    last: date,
    *,
    waiting: Iterable[CaseView] | None = None,
    with_rows: bool = True,
    unreadable: Iterable[UnreadableDay] = (),
) -> Summary:
    """The summary of the cases opened from `first` to `last` (inclusive).

    `views` are those cases; `waiting` (e.g. `desk.open_views()`) are the open
    files to group by holder; by default the open cases among `views`. With
    `with_rows=False` the case and step tables are left empty (a screen that
    builds its own table need not pay for them twice).
    """
    views = list(views)
    pool = views if waiting is None else list(waiting)
    return summary_from_rows(((case_row(v), step_rows(v)) for v in views), first, last,
                             waiting=pool, with_rows=with_rows, unreadable=unreadable)


def summary_from_rows(
    items: Iterable[CaseRows],
    first: date,
    last: date,
    *,
    waiting: Iterable[CaseView] = (),
    with_rows: bool = True,
    unreadable: Iterable[UnreadableDay] = (),
    sink: Callable[[CaseRows], None] | None = None,
) -> Summary:
    """The summary from the cases' rows (from views, or from stored per-case summaries).

    `items` is consumed once, in the order given; `waiting` are the open files now.
    `sink`, when given, receives each case's rows as they come (a streaming export
    writes them out), and the summary then keeps no rows (`with_rows` is ignored):
    memory does not grow with the period.
    """
    statuses: Counter[str] = Counter()
    arrivals: Counter[int] = Counter()
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_sop: dict[str, _ServiceAcc] = {}
    over_runs: dict[tuple[str, int], _OverAcc] = {}
    cases: list[CaseRow] = []
    steps: list[StepRow] = []
    measured = within = opened = 0
    keep = with_rows and sink is None

    for item in items:
        row, runs = item
        opened += 1
        statuses[row.status] += 1
        arrivals[row.opened_at.hour] += 1
        line = per_day[row.opened_at.date()]
        line[0] += 1
        line[1] += row.status == SELESAI
        line[2] += row.over
        acc = by_sop.get(row.sop_id)
        if acc is None:
            acc = by_sop[row.sop_id] = _ServiceAcc(row.service)
        acc.add(row)
        for s in runs:
            if s.measured:
                measured += 1
                within += not s.over
            if s.over:
                over = over_runs.get((s.sop_id, s.step))
                if over is None:
                    over = over_runs[(s.sop_id, s.step)] = _OverAcc(s.service, s.kegiatan,
                                                                       s.day_s)
                over.runs.append((s.overrun_s, s.reason))
        if sink is not None:
            sink(item)
        elif keep:
            cases.append(row)
            steps.extend(runs)

    return Summary(
        first=first,
        last=last,
        opened=opened,
        selesai=statuses[SELESAI],
        ditolak=statuses[DITOLAK],
        dibatalkan=statuses[DIBATALKAN],
        berjalan=statuses[BERJALAN],
        menunggu_pelaksana=statuses[MENUNGGU_PELAKSANA],
        menunggu_pemohon=statuses[MENUNGGU_PEMOHON],
        steps_measured=measured,
        steps_within=within,
        services=_services(by_sop),
        over_steps=_over_steps(over_runs),
        waiting=waiting_lines(waiting),
        arrivals=_arrivals(arrivals),
        days=tuple(DayLine(d, *per_day[d]) for d in sorted(per_day)),
        cases=tuple(sorted(cases, key=lambda r: (r.opened_at, r.code))),
        steps=tuple(steps),
        unreadable=merged(unreadable),
    )


class _ServiceAcc:
    """One service's figures as cases stream by: counts and the few numbers the medians
    need, never the rows."""

    __slots__ = ("count", "day_s", "done", "limits_all", "limits_done", "over", "service")

    def __init__(self, service: str) -> None:
        self.service = service
        self.count = self.over = 0
        self.done: list[float] = []
        self.limits_done: list[float] = []
        self.limits_all: list[float] = []
        self.day_s: float | None = None

    def add(self, row: CaseRow) -> None:
        self.count += 1
        self.over += row.over
        self.day_s = self.day_s or row.day_s
        if row.limit_s is not None:
            self.limits_all.append(row.limit_s)
        if row.status == SELESAI:
            self.done.append(row.elapsed_s)
            if row.limit_s is not None:
                self.limits_done.append(row.limit_s)


class _OverAcc:
    """One (service, step)'s overruns as they stream by: the overrun and the reason each."""

    __slots__ = ("day_s", "kegiatan", "runs", "service")

    def __init__(self, service: str, kegiatan: str, day_s: float | None) -> None:
        self.service, self.kegiatan, self.day_s = service, kegiatan, day_s
        self.runs: list[tuple[float, str]] = []


def _services(by_sop: dict[str, _ServiceAcc]) -> tuple[ServiceLine, ...]:
    lines = []
    for sop_id, acc in by_sop.items():
        limits = acc.limits_done or acc.limits_all
        lines.append(ServiceLine(
            sop_id=sop_id,
            service=acc.service,
            count=acc.count,
            selesai=len(acc.done),
            over=acc.over,
            median_s=median(acc.done) if acc.done else None,
            standard_s=median(limits) if limits else None,
            day_s=acc.day_s,
        ))
    lines.sort(key=lambda s: (-s.count, s.service))
    return tuple(lines)


def _over_steps(over_runs: dict[tuple[str, int], _OverAcc]) -> tuple[OverStep, ...]:
    lines = []
    for (sop_id, step), acc in over_runs.items():
        reasons = Counter(reason for _, reason in acc.runs)
        ordered = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))
        lines.append(OverStep(
            sop_id=sop_id,
            service=acc.service,
            step=step,
            kegiatan=acc.kegiatan,
            count=len(acc.runs),
            median_overrun_s=median(overrun for overrun, _ in acc.runs),
            reasons=tuple(ordered),
            day_s=acc.day_s,
        ))
    lines.sort(key=lambda o: (-o.count, -o.median_overrun_s, o.sop_id, o.step))
    return tuple(lines)


def waiting_lines(views: Iterable[CaseView]) -> tuple[WaitLine, ...]:
    """Open files grouped by who holds them; the group holding files longest first."""
    groups: dict[str, list[tuple[datetime, str, str | None]]] = defaultdict(list)
    for view in views:
        state = view.state
        if state.status.value in CLOSED:
            continue
        where = whereabouts(state, view.sop)
        if where is None:
            continue
        holder, role, since = where.holder, where.role, where.since
        groups[holder].append((since, state.code, role))
    lines = []
    for holder, items in groups.items():
        items.sort()
        since, code, role = items[0]
        lines.append(WaitLine(holder, role, len(items), code, since,
                              tuple(c for _, c, _ in items)))
    lines.sort(key=lambda w: (w.oldest_since, w.holder))
    return tuple(lines)


def _arrivals(counts: Counter[int]) -> tuple[tuple[int, int], ...]:
    lo, hi = DEFAULT_HOURS
    if counts:
        lo, hi = min(lo, min(counts)), max(hi, max(counts))
    return tuple((h, counts.get(h, 0)) for h in range(lo, hi + 1))


# The readers of a period and the wording (they build on everything above).
from counter.report_load import load_summary, load_views, load_waiting  # noqa: E402
from counter.report_wording import (  # noqa: E402
    minutes,
    period_text,
    rows_sorted,
    share_text,
    title_text,
    unreadable_cases,
    unreadable_lines,
)
