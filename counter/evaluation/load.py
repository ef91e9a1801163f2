"""Reading a period's step runs of one SOP through the desk service.

The desk's store holds every event this desk made and, with the office sync,
every event of the office's other desks: the evaluation is office-wide as soon
as the office record is shared. Only the cases of the evaluated SOP are folded
(a quarter of a busy office is thousands of cases); a day file that cannot be
read is named, not raised.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from counter.damage import UnreadableDay
from counter.errors import LoketError
from counter.evaluation.evaluate import Evaluation, evaluate
from counter.evaluation.samples import StepSample, samples_of
from counter.sop import Sop

if TYPE_CHECKING:
    from counter.desk import CaseView, Desk


@dataclass(frozen=True)
class Loaded:
    evaluation: Evaluation
    unreadable: tuple[UnreadableDay, ...]


def file_name(sop_id: str, first: date, last: date, fmt: str) -> str:
    """The default name of an evaluation written to the data folder's laporan/."""
    ext = "txt" if fmt == "teks" else fmt
    return f"evaluasi-{sop_id}-{first.isoformat()}-{last.isoformat()}.{ext}"


def _days(first: date, last: date) -> Iterator[date]:
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


def _sop_id(events: list[dict[str, Any]]) -> str:
    for e in events:
        if e.get("type") == "opened":
            return str((e.get("data") or {}).get("sop_id", ""))
    return ""


def views_of_sop(desk: Desk, sop_id: str, first: date, last: date
                 ) -> tuple[list[CaseView], list[UnreadableDay]]:
    """The cases of one SOP opened from `first` to `last`, and the days that failed."""
    views: list[CaseView] = []
    bad: list[UnreadableDay] = []
    for day in _days(first, last):
        try:
            found = desk.repo.events_on(day)
        except LoketError as err:
            if err.path is None:
                raise
            bad.append(UnreadableDay(day=day, path=err.path, message=err.message,
                                     open_cases=None))
            continue
        views += [desk.fold(evs) for evs in found.values() if _sop_id(evs) == sop_id]
    return views, bad


def samples_between(desk: Desk, sop_id: str, first: date, last: date
                    ) -> tuple[list[StepSample], set[int], list[UnreadableDay]]:
    views, bad = views_of_sop(desk, sop_id, first, last)
    samples = [s for v in views for s in samples_of(v)]
    return samples, {v.state.desk for v in views}, bad


def load_evaluation(desk: Desk, sop: Sop, first: date, last: date) -> Loaded:
    """The evaluation of `sop` for the period, compared with the period just before."""
    samples, desks, bad = samples_between(desk, sop.id, first, last)
    span = (last - first).days + 1
    earlier, _, bad_before = samples_between(desk, sop.id, first - timedelta(days=span),
                                             first - timedelta(days=1))
    versions = {v.versi: v for v in desk.catalog.versions_of(sop.id)}
    evaluation = evaluate(sop, samples, first, last, earlier=earlier, versions=versions,
                          desks=max(1, len(desks)))
    return Loaded(evaluation, tuple(bad + bad_before))
