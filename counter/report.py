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

import calendar as _calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from typing import TYPE_CHECKING

from counter.case.roles import role_name
from counter.clock import StepTiming
from counter.damage import UnreadableDay, merged
from counter.errors import LoketError
from counter.sop import Sop, Step
from counter.texts import dates as TD
from counter.texts import report as T
from counter.whereabouts import whereabouts

if TYPE_CHECKING:  # the desk imports this module's callers, not the other way round
    from counter.desk import CaseView, Desk

# Status values of counter.case.Status, compared as strings so this module
# can summarise views built by any version of the fold.
SELESAI, DITOLAK, DIBATALKAN = "selesai", "ditolak", "dibatalkan"
BERJALAN = "berjalan"
MENUNGGU_PELAKSANA = "menunggu_pelaksana"
MENUNGGU_PEMOHON = "menunggu_pemohon"
CLOSED = (SELESAI, DITOLAK, DIBATALKAN)
LEWAT = "lewat"
TANPA_BATAS = "tanpa_batas"
MAX_RANGE_DAYS = 366
DEFAULT_HOURS = (7, 15)  # arrivals chart spans at least office hours


class ReportError(LoketError):
    """A report request that cannot be met: a bad date, a reversed range."""


# ----------------------------------------------------------------- rows


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the case table (screen, text, CSV, XLSX, PDF)."""

    code: str
    code_human: str
    opened_at: datetime
    visitor: str
    nik_masked: str
    sop_id: str
    service: str
    officer: str
    desk: int
    status: str
    status_label: str
    holder: str
    elapsed_s: float
    paused_s: float
    limit_s: float | None
    level: str
    over: bool
    closed_at: datetime | None
    current_step: int | None


@dataclass(frozen=True, slots=True)
class StepRow:
    """One run of one step: the evidence behind the within/over shares."""

    code: str
    code_human: str
    sop_id: str
    service: str
    step: int
    kegiatan: str
    pelaksana: str
    officer: str
    started_at: datetime
    ended_at: datetime | None
    elapsed_s: float
    paused_s: float
    limit_s: float | None
    mutu_baku: str
    level: str
    judgement: str  # T.JUDGE_WITHIN / JUDGE_OVER / JUDGE_RUNNING / JUDGE_NO_LIMIT
    measured: bool
    over: bool
    overrun_s: float
    outcome: str
    reason: str
    return_reason: str


@dataclass(frozen=True, slots=True)
class ServiceLine:
    sop_id: str
    service: str
    count: int
    selesai: int
    over: int
    median_s: float | None
    standard_s: float | None


@dataclass(frozen=True, slots=True)
class OverStep:
    sop_id: str
    service: str
    step: int
    kegiatan: str
    count: int
    median_overrun_s: float
    reasons: tuple[tuple[str, int], ...]  # most given first; "" = no reason given


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


# ----------------------------------------------------------------- helpers


def _step_of(sop: Sop | None, no: int) -> Step | None:
    return sop.find_step(no) if sop is not None else None


def _mask_nik(nik: str) -> str:
    from counter.visitor import mask_nik

    return mask_nik(nik) if nik else ""


def _human(code: str) -> str:
    if len(code) == 12 and code.isdigit():
        return f"{code[:6]}-{code[6:8]}-{code[8:11]}-{code[11]}"
    return code


def _holder(view: CaseView) -> tuple[str, str | None]:
    """(display name of who holds the file, role id) for an open case."""
    where = whereabouts(view.state, view.sop)
    return (where.holder, where.role) if where is not None else ("", None)


def overrun_seconds(timing: StepTiming) -> float:
    """Time beyond the step's upper bound, in working seconds (0 when within)."""
    if timing.limit_s is None:
        return 0.0
    days, limit_days = timing.elapsed_days, timing.limit_days
    if days is not None and limit_days:
        return max(days - limit_days, 0.0) * (timing.limit_s / limit_days)
    return max(timing.elapsed_s - timing.limit_s, 0.0)


# ----------------------------------------------------------------- rows


def case_row(view: CaseView) -> CaseRow:
    """The case table line of one view."""
    state, timing, sop = view.state, view.timing, view.sop
    status = state.status
    closed = status.value in CLOSED
    holder = "" if closed else _holder(view)[0]
    label = status.label(holder)
    level = timing.level.value
    return CaseRow(
        code=state.code,
        code_human=_human(state.code),
        opened_at=state.opened_at,
        visitor=state.visitor.nama,
        nik_masked=_mask_nik(state.visitor.nik),
        sop_id=state.sop_id,
        service=sop.nama if sop is not None else state.sop_id,
        officer=state.officer,
        desk=state.desk,
        status=status.value,
        status_label=label,
        holder=holder,
        # the time held against the case's mutu baku: steps without one are left out
        elapsed_s=timing.elapsed_s - timing.unlimited_s,
        paused_s=timing.paused_s,
        limit_s=timing.limit_s,
        level=level,
        over=level == LEWAT,
        closed_at=state.closed_at,
        current_step=state.current_step,
    )


def step_rows(view: CaseView) -> list[StepRow]:
    """One line per step run of the case, in the order they ran."""
    state, sop = view.state, view.sop
    service = sop.nama if sop is not None else state.sop_id
    human = _human(state.code)
    reasons = state.over_reasons
    rows = []
    for run, t in view.run_timings:
        step = _step_of(sop, run.step)
        level = t.level.value
        limited = level != TANPA_BATAS and t.limit_s is not None
        ended = run.ended_at is not None
        over = level == LEWAT
        measured = limited and (ended or over)
        if not limited:
            judgement = T.JUDGE_NO_LIMIT
        elif over:
            judgement = T.JUDGE_OVER
        elif ended:
            judgement = T.JUDGE_WITHIN
        else:
            judgement = T.JUDGE_RUNNING
        role = run.role or (step.role if step is not None else None)
        reason = run.over_reason or (reasons.get(run.step, "") if over else "")
        rows.append(StepRow(
            code=state.code,
            code_human=human,
            sop_id=state.sop_id,
            service=service,
            step=run.step,
            kegiatan=step.kegiatan if step is not None else "",
            pelaksana=role_name(sop, role),
            officer=run.ended_by or run.officer,
            started_at=run.started_at,
            ended_at=run.ended_at,
            elapsed_s=t.elapsed_s,
            paused_s=t.paused_s,
            limit_s=t.limit_s,
            mutu_baku=step.mutu_baku.waktu.spoken() if step is not None else "",
            level=level,
            judgement=judgement,
            measured=measured,
            over=over,
            overrun_s=overrun_seconds(t) if over else 0.0,
            outcome=T.RUN_OUTCOMES.get(run.outcome, str(run.outcome)),
            reason=reason,
            return_reason=run.return_reason,
        ))
    return rows


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
    statuses: Counter[str] = Counter()
    arrivals: Counter[int] = Counter()
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_sop: dict[str, list[tuple[CaseRow, CaseView]]] = defaultdict(list)
    over_runs: dict[tuple[str, int], list[StepRow]] = defaultdict(list)
    cases: list[CaseRow] = []
    steps: list[StepRow] = []
    measured = within = 0

    for view in views:
        row = case_row(view)
        statuses[row.status] += 1
        arrivals[row.opened_at.hour] += 1
        line = per_day[row.opened_at.date()]
        line[0] += 1
        line[1] += row.status == SELESAI
        line[2] += row.over
        by_sop[row.sop_id].append((row, view))
        runs = step_rows(view)
        for s in runs:
            if s.measured:
                measured += 1
                within += not s.over
            if s.over:
                over_runs[(s.sop_id, s.step)].append(s)
        if with_rows:
            cases.append(row)
            steps.extend(runs)

    pool = views if waiting is None else list(waiting)
    return Summary(
        first=first,
        last=last,
        opened=len(views),
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
        waiting=waiting_lines(pool),
        arrivals=_arrivals(arrivals),
        days=tuple(DayLine(d, *per_day[d]) for d in sorted(per_day)),
        cases=tuple(sorted(cases, key=lambda r: (r.opened_at, r.code))),
        steps=tuple(steps),
        unreadable=merged(unreadable),
    )


def _services(by_sop: dict[str, list[tuple[CaseRow, CaseView]]]) -> tuple[ServiceLine, ...]:
    lines = []
    for sop_id, items in by_sop.items():
        done = [r.elapsed_s for r, _ in items if r.status == SELESAI]
        limits = [r.limit_s for r, _ in items if r.status == SELESAI and r.limit_s is not None]
        if not limits:
            limits = [r.limit_s for r, _ in items if r.limit_s is not None]
        lines.append(ServiceLine(
            sop_id=sop_id,
            service=items[0][0].service,
            count=len(items),
            selesai=len(done),
            over=sum(r.over for r, _ in items),
            median_s=median(done) if done else None,
            standard_s=median(limits) if limits else None,
        ))
    lines.sort(key=lambda s: (-s.count, s.service))
    return tuple(lines)


def _over_steps(over_runs: dict[tuple[str, int], list[StepRow]]) -> tuple[OverStep, ...]:
    lines = []
    for (sop_id, step), rows in over_runs.items():
        reasons = Counter(r.reason for r in rows)
        ordered = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))
        lines.append(OverStep(
            sop_id=sop_id,
            service=rows[0].service,
            step=step,
            kegiatan=rows[0].kegiatan,
            count=len(rows),
            median_overrun_s=median(r.overrun_s for r in rows),
            reasons=tuple(ordered),
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


# ----------------------------------------------------------------- dates typed by people

_MONTHS = {name.lower(): i for i, name in enumerate(TD.BULAN, 1)}
_MONTHS.update({name.lower(): i for i, name in enumerate(TD.BULAN_SINGKAT, 1)})
_MONTHS.update({"agust": 8, "sept": 9, "des": 12, "nop": 11, "nov": 11, "peb": 2})
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:[a-z]+,\s*)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def parse_date(text: str, today: date | None = None) -> date:
    """A date typed as 2026-11-25, 25-11-2026, 25/11/2026, "25 November 2026",
    "Rabu, 25 Nov 2026", "hari ini" or "kemarin"; `ReportError` otherwise."""
    raw = " ".join((text or "").split())
    low = raw.lower()
    if low in T.TODAY_WORDS or low in T.YESTERDAY_WORDS:
        base = today or date.today()
        return base if low in T.TODAY_WORDS else base - timedelta(days=1)
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(low):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _NUMERIC.match(low):
        parts = int(m[3]), int(m[2]), int(m[1])
    elif (m := _WORDS.match(low)) and m[2] in _MONTHS:
        parts = int(m[3]), _MONTHS[m[2]], int(m[1])
    if parts is None:
        raise ReportError(T.BAD_DATE.format(text=raw), field="tanggal")
    year, month, day = parts
    try:
        return date(year, month, day)
    except ValueError:
        pass
    # read, but not a day of the calendar: "31 Februari 2026" says so, not "not understood"
    if 1 <= month <= 12 and 1 <= year <= 9999:
        last = _calendar.monthrange(year, month)[1]
        raise ReportError(T.NO_SUCH_DATE.format(text=raw, month=TD.BULAN[month - 1],
                                                year=year, last=last), field="tanggal")
    raise ReportError(T.NO_SUCH_MONTH.format(text=raw), field="tanggal")


def check_range(first: date, last: date) -> None:
    """Refuse a reversed or overlong range with a message naming both dates."""
    if first > last:
        raise ReportError(T.RANGE_REVERSED.format(first=first.isoformat(), last=last.isoformat()),
                          field="--dari")
    days = (last - first).days + 1
    if days > MAX_RANGE_DAYS:
        raise ReportError(T.RANGE_TOO_LONG.format(days=days, limit=MAX_RANGE_DAYS),
                          field="--sampai")


def days_in(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def load_views(desk: Desk, first: date, last: date) -> list[CaseView]:
    """The views of every case opened from `first` to `last`, through the desk service."""
    check_range(first, last)
    out: list[CaseView] = []
    for d in days_in(first, last):
        out.extend(desk.views_on(d))
    return out


# ----------------------------------------------------------------- display helpers


def minutes(seconds: float | None) -> float | None:
    """Seconds as minutes with one decimal, for spreadsheets; None stays None."""
    return None if seconds is None else round(seconds / 60.0, 1)


def share_text(share: float | None) -> str:
    """ "87,5 %" with the Indonesian decimal comma; "-" for no share."""
    if share is None:
        return T.NONE
    return f"{share * 100:.1f}".replace(".", ",") + " %"


def period_text(summary: Summary) -> str:
    from counter.dates import format_date, format_day_date

    if summary.is_day:
        return format_day_date(summary.first)
    return T.PERIOD_RANGE.format(first=format_date(summary.first), last=format_date(summary.last))


def title_text(summary: Summary) -> str:
    return T.TITLE_DAY if summary.is_day else T.TITLE_RANGE


def rows_sorted(rows: Sequence[CaseRow], key: str, reverse: bool = False) -> list[CaseRow]:
    """Case rows sorted by one field (None values last), for screens and the CLI."""
    present = [r for r in rows if getattr(r, key) is not None]
    missing = [r for r in rows if getattr(r, key) is None]
    return sorted(present, key=lambda r: getattr(r, key), reverse=reverse) + missing


def load_waiting(desk: Desk, views: Sequence[CaseView]) -> list[CaseView]:
    """Every open case now, reusing `views` already folded.

    The daily log shows where files wait *now*, including files opened on other
    days; those are read through the desk, each day file once.
    """
    known = {v.state.code: v for v in views}
    codes = desk.repo.open_codes()
    others = {v.state.code: v for v in desk.views_of(c for c in codes if c not in known)}
    return [known.get(c) or others[c] for c in codes if c in known or c in others]


def load_summary(desk: Desk, first: date, last: date) -> Summary:
    """The period's summary through the desk service, whatever day file is damaged.

    A day whose file cannot be read is left out of the figures and named in
    `Summary.unreadable` (with the open cases it holds), as is a day of an open
    file elsewhere in the history; every other day is reported as usual.
    """
    check_range(first, last)
    views: list[CaseView] = []
    unreadable: list[UnreadableDay] = []
    for d in days_in(first, last):
        read = desk.cases_on(d)
        views += read.views
        unreadable += read.unreadable
    open_now = desk.open_cases(known={v.state.code: v for v in views})
    return range_summary(views, first, last, waiting=open_now.views,
                         unreadable=[*unreadable, *open_now.unreadable])


def unreadable_cases(item: UnreadableDay) -> str:
    """ "3 kasus terbuka", or that the count is not known."""
    if item.open_cases is None:
        return T.UNREADABLE_CASES_UNKNOWN
    return T.UNREADABLE_CASES.format(count=item.open_cases)


def unreadable_lines(summary: Summary) -> list[str]:
    """The warning and one line per unreadable day; empty when every day was read."""
    from counter.dates import format_day_date

    if not summary.unreadable:
        return []
    return [T.UNREADABLE_HEAD, *(
        T.UNREADABLE_LINE.format(day=format_day_date(u.day), path=u.path,
                                 cases=unreadable_cases(u), message=u.message)
        for u in summary.unreadable)]
