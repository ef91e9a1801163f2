"""Plans: the events one action appends, checked against the case's state.

`Desk` writes a plan's events in one durable write and folds again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from counter.case.events import (
    closed,
    handed_off,
    received,
    reopened,
    resumed,
    step_completed,
    step_returned,
    step_started,
    waiting_applicant,
)
from counter.case.fold import fold
from counter.case.roles import desk_role, needs_hand_off, next_step_of, step_of
from counter.case.rules import (
    Action,
    ReturnTarget,
    hand_off_after,
    require,
    require_sop,
    return_targets,
)
from counter.case.state import CaseState, Status
from counter.errors import CaseError
from counter.sop import Sop
from counter.texts import case as T


def plan_start(state: CaseState, sop: Sop | None, at: datetime, officer: str, desk: int,
               to_name: str = "") -> list[dict[str, Any]]:
    """Start the current step; a step of another (non-counter) desk is handed off instead."""
    require(state, sop, Action.MULAI)
    s = require_sop(state, sop)
    no = state.current_step
    assert no is not None  # guaranteed by MULAI
    role = desk_role(s, step_of(s, no))
    if needs_hand_off(s, state.holder_role, role):
        return [handed_off(state.code, at, officer, desk, no, from_role=state.holder_role,
                           to_role=role or "", to_name=to_name)]
    return [step_started(state.code, at, officer, desk, no)]


def plan_complete(state: CaseState, sop: Sop | None, at: datetime, officer: str, desk: int,
                  output: str = "", to_name: str = "",
                  start_next: bool = True) -> list[dict[str, Any]]:
    """Complete the current step, then hand off to the next desk or start the next step.

    After the last step nothing more is appended: the screen offers `TUTUP`.
    """
    require(state, sop, Action.SELESAI_LANGKAH)
    s = require_sop(state, sop)
    no = state.current_step
    assert no is not None
    events = [step_completed(state.code, at, officer, desk, no, output)]
    ho = hand_off_after(state, s)
    nxt = next_step_of(s, no)
    if ho is not None:
        events.append(handed_off(state.code, at, officer, desk, ho.step,
                                 from_role=ho.from_role, to_role=ho.to_role, to_name=to_name))
    elif nxt is not None and start_next:
        events.append(step_started(state.code, at, officer, desk, nxt.no))
    return events


def plan_return(state: CaseState, sop: Sop | None, target: ReturnTarget, reason: str,
                at: datetime, officer: str, desk: int,
                to_name: str = "") -> list[dict[str, Any]]:
    """A "tidak" decision: back to `target` (one of `return_targets`), handing off if needed."""
    require(state, sop, Action.KEMBALIKAN)
    s = require_sop(state, sop)
    no = state.current_step
    assert no is not None
    if target not in return_targets(state, s):
        raise CaseError(T.UNKNOWN_TARGET.format(step=no), field="to_step")
    events = [step_returned(state.code, at, officer, desk, no, to_step=target.step,
                            to_role=target.role, reason=reason)]
    if needs_hand_off(s, state.holder_role, target.role):
        events.append(handed_off(state.code, at, officer, desk, target.step,
                                 from_role=state.holder_role, to_role=target.role or "",
                                 to_name=to_name))
    return events


def plan_receive(state: CaseState, sop: Sop | None, at: datetime, officer: str, desk: int,
                 role: str | None = None) -> list[dict[str, Any]]:
    """Confirm the handed-off file arrived (default: at the role it was sent to)."""
    require(state, sop, Action.TERIMA)
    assert state.current_step is not None
    return [received(state.code, at, officer, desk, state.current_step,
                     role or state.holder_role or "")]


def plan_wait(state: CaseState, sop: Sop | None, missing: Iterable[str], note_text: str,
              at: datetime, officer: str, desk: int) -> list[dict[str, Any]]:
    """Berkas kurang: pause the clock until the applicant comes back."""
    require(state, sop, Action.TUNGGU_PEMOHON)
    assert state.current_step is not None
    return [waiting_applicant(state.code, at, officer, desk, state.current_step, missing,
                              note_text)]


def plan_resume(state: CaseState, sop: Sop | None, at: datetime, officer: str,
                desk: int) -> list[dict[str, Any]]:
    require(state, sop, Action.LANJUT)
    run = state.current_run
    step = run.step if run is not None else state.current_step
    return [resumed(state.code, at, officer, desk, step or 1)]


def plan_close(state: CaseState, sop: Sop | None, outcome: str, reason: str, at: datetime,
               officer: str, desk: int, output: str = "") -> list[dict[str, Any]]:
    """Close the case. 'selesai' needs every step done; a pending last step is completed."""
    require(state, sop, Action.TUTUP)
    event = closed(state.code, at, officer, desk, outcome, reason)
    if outcome != "selesai" or state.current_step is None:
        return [event]
    is_last = next_step_of(sop, state.current_step) is None and sop is not None
    if is_last and state.status in (Status.BERJALAN, Status.MENUNGGU_PELAKSANA):
        return [step_completed(state.code, at, officer, desk, state.current_step, output),
                event]
    raise CaseError(T.SELESAI_PENDING.format(step=state.current_step), field="outcome")


def plan_reopen(state: CaseState, sop: Sop | None, reason: str, at: datetime, officer: str,
                desk: int) -> list[dict[str, Any]]:
    """Reopen a closed case at the step it closed on (the last step run, else the first)."""
    if not state.closed:
        raise CaseError(T.NOT_CLOSED, field="status")
    step = state.runs[-1].step if state.runs else (sop.steps[0].no if sop and sop.steps else 1)
    return [reopened(state.code, at, officer, desk, step, reason)]


def apply(state: CaseState, sop: Sop | None, new_events: Iterable[Mapping[str, Any]]
          ) -> CaseState:
    """Fold `new_events` onto a state (previews, tests); the store gives the real seq."""
    combined = [*state.events, *new_events]
    return fold([dict(ev, seq=i) if not isinstance(ev.get("seq"), int) else ev
                 for i, ev in enumerate(combined)], sop)

