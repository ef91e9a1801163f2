"""A forward jump on a decision ("jika lengkap, langsung ke langkah 4").

The current step is completed and the step the SOP's `[[langkah.lanjut]]` names
starts next, here or at its own desk (a hand-off), so the steps in between are
skipped without being recorded as done. Kept beside the case package: it only
composes the case's own events and rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from counter.case import Action, CaseState, handed_off, require, step_completed, step_started
from counter.case.roles import desk_role, needs_hand_off, step_of
from counter.case.rules import require_sop
from counter.errors import CaseError
from counter.sop import Sop
from counter.texts import sop_authoring as T


def jump_targets(state: CaseState, sop: Sop | None) -> list[int]:
    """The steps the current step may jump to, as its SOP writes them."""
    if sop is None or state.current_step is None:
        return []
    step = sop.find_step(state.current_step)
    return [j.ke_langkah for j in step.lanjut] if step is not None else []


def plan_jump(state: CaseState, sop: Sop | None, target: int, at: datetime, officer: str,
              desk: int, output: str = "", to_name: str = "") -> list[dict[str, Any]]:
    require(state, sop, Action.SELESAI_LANGKAH)
    s = require_sop(state, sop)
    no = state.current_step
    assert no is not None
    if target not in jump_targets(state, s):
        raise CaseError(T.JUMP_UNKNOWN.format(step=no, target=target), field="ke_langkah")
    events = [step_completed(state.code, at, officer, desk, no, output)]
    role = desk_role(s, step_of(s, target))
    if needs_hand_off(s, state.holder_role, role):
        events.append(handed_off(state.code, at, officer, desk, target,
                                 from_role=state.holder_role, to_role=role or "",
                                 to_name=to_name))
    else:
        events.append(step_started(state.code, at, officer, desk, target))
    return events
