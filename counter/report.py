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

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from counter.damage import UnreadableDay
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


# An open file as the waiting lines group it: (holder, since, code, role).
WaitItem = tuple[str, datetime, str, "str | None"]


def wait_item(view: CaseView) -> WaitItem | None:
    """Who holds an open case's file and since when; None once it is closed."""
    state = view.state
    if state.status.value in CLOSED:
        return None
    where = whereabouts(state, view.sop)
    if where is None:
        return None
    return where.holder, where.since, state.code, where.role


def waiting_lines(views: Iterable[CaseView]) -> tuple[WaitLine, ...]:
    """Open files grouped by who holds them; the group holding files longest first."""
    return lines_of_waiting(item for v in views if (item := wait_item(v)) is not None)


def lines_of_waiting(items: Iterable[WaitItem]) -> tuple[WaitLine, ...]:
    """`waiting_lines` from the open files' `wait_item`s."""
    groups: dict[str, list[tuple[datetime, str, str | None]]] = defaultdict(list)
    for holder, since, code, role in items:
        groups[holder].append((since, code, role))
    lines = []
    for holder, items_held in groups.items():
        items_held.sort()
        since, code, role = items_held[0]
        lines.append(WaitLine(holder, role, len(items_held), code, since,
                              tuple(c for _, c, _ in items_held)))
    lines.sort(key=lambda w: (w.oldest_since, w.holder))
    return tuple(lines)


# The accumulator, the readers of a period and the wording (they build on all above).
from counter.report_acc import summary_from_rows  # noqa: E402
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
