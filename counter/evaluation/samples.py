"""Step runs as evaluation samples: one fact per run of a step, in the step's own unit.

The evaluation judges a mutu baku by what really happened each time the step
ran. A sample is read from a case view through the public measuring code
(`counter.report.step_rows`, which builds on `counter.clock`), so the figures
here are the daily log's figures: working time without the applicant's waits,
hari-kerja steps in working days. Everything below is plain data, so tests can
feed the statistics with generated runs of known distribution.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.report import step_rows
from counter.sop import Sop, Step
from counter.texts import evaluation as T
from counter.waktu import Unit

if TYPE_CHECKING:
    from counter.desk import CaseView

DAY_UNITS = (Unit.HARI,)
ENDED = ("selesai", "dikembalikan")


@dataclass(frozen=True, slots=True)
class StepSample:
    """One run of one step.

    `value` and `limit` are in the step's measure: working seconds, or working
    days for a hari-kerja step (`in_days`). `limit` is None for a step without a
    mutu baku. `waited_s` is the time the file was with the applicant (apart);
    `missing`/`checked` come from the kelengkapan check of that run.
    """

    sop_id: str
    versi: int
    code: str
    step: int
    officer: str
    value: float
    limit: float | None
    in_days: bool
    over: bool
    reason: str = ""
    outcome: str = "selesai"
    returned_to: str = ""
    return_reason: str = ""
    waited_s: float = 0.0
    waits: int = 0
    checked: bool = False
    missing: tuple[str, ...] = ()
    applicant_alone: bool = False

    @property
    def returned(self) -> bool:
        return self.outcome == "dikembalikan"


def samples_of(view: CaseView) -> list[StepSample]:
    """Every ended run of the case's steps (a step still under way says nothing yet)."""
    state, sop = view.state, view.sop
    if sop is None:
        return []
    rows = step_rows(view)
    out: list[StepSample] = []
    for (run, timing), row in zip(view.run_timings, rows, strict=True):
        if run.ended_at is None or run.outcome not in ENDED:
            continue
        step = _step(sop, run.step)
        in_days = timing.elapsed_days is not None and bool(timing.limit_days)
        value = timing.elapsed_days if in_days else timing.elapsed_s
        limit = timing.limit_days if in_days else timing.limit_s
        returned_to = ""
        if run.outcome == "dikembalikan":
            returned_to = str(run.returned_to) if run.returned_to is not None \
                else T.RETURN_UNKNOWN
        out.append(StepSample(
            sop_id=state.sop_id,
            versi=sop.versi,
            code=state.code,
            step=run.step,
            officer=run.ended_by or run.officer,
            value=float(value or 0.0),
            limit=limit if row.limit_s is not None and row.level != "tanpa_batas" else None,
            in_days=in_days,
            over=row.over,
            reason=row.reason,
            outcome=run.outcome or "",
            returned_to=returned_to,
            return_reason=run.return_reason,
            waited_s=timing.paused_s,
            waits=len(run.pauses),
            checked=bool(run.received or run.missing),
            missing=tuple(run.missing),
            applicant_alone=bool(step is not None and step.pemohon_sendiri),
        ))
    return out


def samples_from(views: Iterable[CaseView], sop_id: str) -> list[StepSample]:
    """The samples of every view of one SOP, in the views' order."""
    out: list[StepSample] = []
    for view in views:
        if view.state.sop_id == sop_id:
            out.extend(samples_of(view))
    return out


def _step(sop: Sop, no: int) -> Step | None:
    for s in sop.steps:
        if s.no == no:
            return s
    return None
