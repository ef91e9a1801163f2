"""The rows of the service log: one line per case and one per step run.

A pure function of a case view (`counter.desk.CaseView`: the folded `state`, its
`timing` measured by `counter.clock` and its `sop`), so the screen, the CLI, the
exports and the per-case summaries (`counter.summary`) show the same figures.
The definitions behind the columns are in `counter.report`'s docstring.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from counter.case.roles import role_name
from counter.clock import StepTiming, case_day_length, day_length
from counter.sop import Sop, Step
from counter.texts import report as T
from counter.whereabouts import whereabouts

if TYPE_CHECKING:  # the desk imports this module's callers, not the other way round
    from counter.desk import CaseView

# Status values of counter.case.Status, compared as strings so this module
# can summarise views built by any version of the fold.
SELESAI, DITOLAK, DIBATALKAN = "selesai", "ditolak", "dibatalkan"
BERJALAN = "berjalan"
MENUNGGU_PELAKSANA = "menunggu_pelaksana"
MENUNGGU_PEMOHON = "menunggu_pemohon"
CLOSED = (SELESAI, DITOLAK, DIBATALKAN)
LEWAT = "lewat"
TANPA_BATAS = "tanpa_batas"


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
    # a working day's seconds when the case's mutu baku is in hari kerja (its times
    # read in days, as the SOP says them); None: in hours and minutes
    day_s: float | None = None
    # the SOP's short label for narrow columns (nama_singkat or an abbreviation)
    service_short: str = ""


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
    day_s: float | None = None  # as CaseRow.day_s, for this step's own limit


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
        day_s=case_day_length(timing),
        service_short=sop.label if sop is not None else state.sop_id,
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
            day_s=day_length(t),
        ))
    return rows
