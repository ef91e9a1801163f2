"""The summary's figures gathered as cases go by, and kept per day for closed cases.

`SummaryAcc.add` takes one case's rows; `part`/`merge` carry the figures of a set of
cases as plain JSON, so a day whose cases are all closed is summed once and kept on
its report page (`counter.report_page`): a year's report merges ~250 small parts
instead of adding up ~600,000 rows again. Every figure a part holds merges exactly
(counts add up; the few numbers a median needs are kept, not the medians), so the
summary is the same whichever way the cases came in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from statistics import median
from typing import TYPE_CHECKING, Any, NamedTuple

from counter.damage import UnreadableDay, merged
from counter.report import (
    DEFAULT_HOURS,
    CaseRows,
    DayLine,
    OverStep,
    ServiceLine,
    Summary,
    WaitItem,
    lines_of_waiting,
    waiting_lines,
)
from counter.report_rows import (
    BERJALAN,
    DIBATALKAN,
    DITOLAK,
    MENUNGGU_PELAKSANA,
    MENUNGGU_PEMOHON,
    SELESAI,
    CaseRow,
    StepRow,
)

if TYPE_CHECKING:
    from counter.desk import CaseView


class CaseFigures(NamedTuple):
    """What the summary's figures read of a case's row (`CaseRow` has them all): small
    enough to hand over from a forked copy (`counter.report_open`)."""

    status: str
    opened_at: datetime
    over: bool
    sop_id: str
    service: str
    day_s: float | None
    limit_s: float | None
    elapsed_s: float


class StepFigures(NamedTuple):
    """What the summary's figures read of a step run's row (`StepRow` has them all)."""

    measured: bool
    over: bool
    sop_id: str
    step: int
    service: str
    kegiatan: str
    day_s: float | None
    overrun_s: float
    reason: str


def figures_of(row: CaseRow, runs: Sequence[StepRow]) -> tuple[CaseFigures,
                                                                 tuple[StepFigures, ...]]:
    return (CaseFigures(row.status, row.opened_at, row.over, row.sop_id, row.service,
                        row.day_s, row.limit_s, row.elapsed_s),
            tuple(StepFigures(s.measured, s.over, s.sop_id, s.step, s.service, s.kegiatan,
                              s.day_s, s.overrun_s, s.reason) for s in runs))


class _Service:
    """One service's figures: counts and the few numbers the medians need."""

    __slots__ = ("count", "day_s", "done", "limits_all", "limits_done", "over", "service")

    def __init__(self, service: str) -> None:
        self.service = service
        self.count = self.over = 0
        self.done: list[float] = []
        self.limits_done: list[float] = []
        self.limits_all: list[float] = []
        self.day_s: float | None = None

    def add(self, row: CaseRow | CaseFigures) -> None:
        self.count += 1
        self.over += row.over
        self.day_s = self.day_s or row.day_s
        if row.limit_s is not None:
            self.limits_all.append(row.limit_s)
        if row.status == SELESAI:
            self.done.append(row.elapsed_s)
            if row.limit_s is not None:
                self.limits_done.append(row.limit_s)


class _Over:
    """One (service, step)'s overruns: the overrun and the reason of each run."""

    __slots__ = ("day_s", "kegiatan", "overruns", "reasons", "service")

    def __init__(self, service: str, kegiatan: str, day_s: float | None) -> None:
        self.service, self.kegiatan, self.day_s = service, kegiatan, day_s
        self.overruns: list[float] = []
        self.reasons: list[str] = []


class SummaryAcc:
    """The figures of the cases added (or merged) so far."""

    def __init__(self) -> None:
        self.opened = self.measured = self.within = 0
        self.statuses: Counter[str] = Counter()
        self.arrivals: Counter[int] = Counter()
        self.per_day: dict[date, list[int]] = {}
        self.services: dict[str, _Service] = {}
        self.over_runs: dict[tuple[str, int], _Over] = {}

    def add(self, row: CaseRow | CaseFigures,
            runs: Sequence[StepRow] | Sequence[StepFigures]) -> None:
        self.opened += 1
        self.statuses[row.status] += 1
        self.arrivals[row.opened_at.hour] += 1
        day = row.opened_at.date()
        line = self.per_day.get(day)
        if line is None:
            line = self.per_day[day] = [0, 0, 0]
        line[0] += 1
        line[1] += row.status == SELESAI
        line[2] += row.over
        acc = self.services.get(row.sop_id)
        if acc is None:
            acc = self.services[row.sop_id] = _Service(row.service)
        acc.add(row)
        for s in runs:
            if s.measured:
                self.measured += 1
                self.within += not s.over
            if s.over:
                over = self.over_runs.get((s.sop_id, s.step))
                if over is None:
                    over = self.over_runs[(s.sop_id, s.step)] = _Over(s.service, s.kegiatan,
                                                                      s.day_s)
                over.overruns.append(s.overrun_s)
                over.reasons.append(s.reason)

    # -- parts: the figures as JSON, to keep and merge ---------------------------------

    def part(self) -> dict[str, Any]:
        return {
            "n": self.opened, "m": self.measured, "w": self.within,
            "st": dict(self.statuses), "ar": [[h, c] for h, c in self.arrivals.items()],
            "d": [[d.isoformat(), *line] for d, line in self.per_day.items()],
            "sv": [[sop_id, a.service, a.count, a.over, a.day_s, a.done, a.limits_done,
                    a.limits_all] for sop_id, a in self.services.items()],
            "ov": [[sop_id, step, o.service, o.kegiatan, o.day_s, o.overruns, o.reasons]
                   for (sop_id, step), o in self.over_runs.items()],
        }

    def merge(self, part: Mapping[str, Any]) -> None:
        """Add a part's figures (one `checked_part` accepted)."""
        self.opened += part["n"]
        self.measured += part["m"]
        self.within += part["w"]
        self.statuses.update(part["st"])
        for hour, count in part["ar"]:
            self.arrivals[hour] += count
        for iso, n, done, over in part["d"]:
            line = self.per_day.setdefault(date.fromisoformat(iso), [0, 0, 0])
            line[0] += n
            line[1] += done
            line[2] += over
        for sop_id, service, count, over, day_s, done, limits_done, limits_all in part["sv"]:
            acc = self.services.get(sop_id)
            if acc is None:
                acc = self.services[sop_id] = _Service(service)
            acc.count += count
            acc.over += over
            acc.day_s = acc.day_s or day_s
            acc.done += done
            acc.limits_done += limits_done
            acc.limits_all += limits_all
        for sop_id, step, service, kegiatan, day_s, overruns, reasons in part["ov"]:
            o = self.over_runs.get((sop_id, step))
            if o is None:
                o = self.over_runs[(sop_id, step)] = _Over(service, kegiatan, day_s)
            o.overruns += overruns
            o.reasons += reasons

    def finish(self, first: date, last: date, *, waiting: Iterable[CaseView] = (),
               unreadable: Iterable[UnreadableDay] = (), cases: Sequence[CaseRow] = (),
               steps: Sequence[StepRow] = (),
               wait_items: Iterable[WaitItem] | None = None) -> Summary:
        """The summary; the files waiting from their views, or their `wait_items`."""
        s = self.statuses
        lines = waiting_lines(waiting) if wait_items is None else lines_of_waiting(wait_items)
        return Summary(
            first=first, last=last, opened=self.opened,
            selesai=s[SELESAI], ditolak=s[DITOLAK], dibatalkan=s[DIBATALKAN],
            berjalan=s[BERJALAN], menunggu_pelaksana=s[MENUNGGU_PELAKSANA],
            menunggu_pemohon=s[MENUNGGU_PEMOHON],
            steps_measured=self.measured, steps_within=self.within,
            services=_services(self.services), over_steps=_over_steps(self.over_runs),
            waiting=lines, arrivals=_arrivals(self.arrivals),
            days=tuple(DayLine(d, *self.per_day[d]) for d in sorted(self.per_day)),
            cases=tuple(sorted(cases, key=lambda r: (r.opened_at, r.code))),
            steps=tuple(steps), unreadable=merged(unreadable),
        )


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
    acc = SummaryAcc()
    cases: list[CaseRow] = []
    steps: list[StepRow] = []
    keep = with_rows and sink is None
    for item in items:
        row, runs = item
        acc.add(row, runs)
        if sink is not None:
            sink(item)
        elif keep:
            cases.append(row)
            steps.extend(runs)
    return acc.finish(first, last, waiting=waiting, unreadable=unreadable, cases=cases,
                      steps=steps)


def checked_part(raw: object) -> dict[str, Any] | None:
    """A kept part whose every value has the type `merge` needs; None otherwise (a page
    edited by hand or of another version is made again, never trusted)."""
    try:
        assert isinstance(raw, dict)
        assert all(type(raw[k]) is int for k in ("n", "m", "w"))
        assert isinstance(raw["st"], dict) and all(
            isinstance(k, str) and type(v) is int for k, v in raw["st"].items())
        assert all(_ints(x, 2) for x in raw["ar"])
        for line in raw["d"]:
            assert isinstance(line, list) and len(line) == 4 and _ints(line[1:], 3)
            date.fromisoformat(line[0])
        for sv in raw["sv"]:
            assert isinstance(sv, list) and len(sv) == 8
            assert isinstance(sv[0], str) and isinstance(sv[1], str) and _ints(sv[2:4], 2)
            assert _number_or_none(sv[4]) and all(_numbers(x) for x in sv[5:])
        for ov in raw["ov"]:
            assert isinstance(ov, list) and len(ov) == 7
            assert isinstance(ov[0], str) and type(ov[1]) is int
            assert isinstance(ov[2], str) and isinstance(ov[3], str) and _number_or_none(ov[4])
            assert _numbers(ov[5]) and isinstance(ov[6], list) and len(ov[5]) == len(ov[6])
            assert all(isinstance(r, str) for r in ov[6])
    except (AssertionError, KeyError, TypeError, ValueError):
        return None
    return raw


def _ints(values: object, n: int) -> bool:
    return isinstance(values, list) and len(values) == n and all(type(v) is int for v in values)


def _numbers(values: object) -> bool:
    return isinstance(values, list) and all(type(v) in (int, float) for v in values)


def _number_or_none(value: object) -> bool:
    return value is None or type(value) in (int, float)


def _services(by_sop: dict[str, _Service]) -> tuple[ServiceLine, ...]:
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


def _over_steps(over_runs: dict[tuple[str, int], _Over]) -> tuple[OverStep, ...]:
    lines = []
    for (sop_id, step), acc in over_runs.items():
        reasons = Counter(acc.reasons)
        ordered = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))
        lines.append(OverStep(
            sop_id=sop_id,
            service=acc.service,
            step=step,
            kegiatan=acc.kegiatan,
            count=len(acc.overruns),
            median_overrun_s=median(acc.overruns),
            reasons=tuple(ordered),
            day_s=acc.day_s,
        ))
    lines.sort(key=lambda o: (-o.count, -o.median_overrun_s, o.sop_id, o.step))
    return tuple(lines)


def _arrivals(counts: Counter[int]) -> tuple[tuple[int, int], ...]:
    lo, hi = DEFAULT_HOURS
    if counts:
        lo, hi = min(lo, min(counts)), max(hi, max(counts))
    return tuple((h, counts.get(h, 0)) for h in range(lo, hi + 1))
