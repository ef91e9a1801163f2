"""The official's desk (meja pejabat) decides: *setuju* or *tidak*, and the file leaves.

At an official's desk every file that leaves goes by hand to another desk, so it
leaves with a `handed_off` the other side confirms by a scan, also when it goes
back to the counter (a counter desk starts its own next step in place: the file
never left it). *Tidak* is open to an official on any step it holds, not only on
the SOP's decision steps: the file goes back to the desk that sent it, or to the
applicant through the counter, with a reason and a lembar pengembalian.

Pure functions of a case's state; `Desk` (counter/desk.py) applies them when its
profile names the roles it serves (`[pusat] peran`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from counter import case as C
from counter.errors import CaseError
from counter.sop import Sop
from counter.texts import desk as T

Keeps = Callable[[str | None], bool]  # does this desk serve the role (keep the file)?


def hand_back(events: list[dict[str, Any]], state: C.CaseState, sop: Sop | None,
              keeps: Keeps, to_name: str = "") -> tuple[list[dict[str, Any]], C.HandOff | None]:
    """An action's plan as an official's desk writes it: a next step started at a role
    this desk does not serve becomes a hand-off to that role (the counter receives the
    file back by a scan, like any hand-off). Returns the events and the hand-off."""
    if not events or events[-1].get("type") != C.STEP_STARTED:
        return events, None
    last = events[-1]
    step_no = int(last["data"]["step"])
    role = C.desk_role(sop, C.step_of(sop, step_no))
    if role is None or keeps(role):
        return events, None
    moved = C.handed_off(last["code"], datetime.fromisoformat(last["at"]), last["officer"],
                         last["desk"], step_no, from_role=state.holder_role, to_role=role,
                         to_name=to_name)
    return [*events[:-1], moved], C.HandOff(step=step_no, from_role=state.holder_role,
                                            to_role=role, to_role_name=C.role_name(sop, role))


def decline_targets(state: C.CaseState, sop: Sop | None, keeps: Keeps,
                    ) -> tuple[C.ReturnTarget, ...]:
    """Where an official's *tidak* can send the file it holds: the SOP's own "tidak"
    branches on a decision step; else back to the desk that sent it, and back to the
    applicant (their first step, through the counter) when the SOP has one."""
    if state.closed or state.status is not C.Status.BERJALAN or sop is None \
            or state.current_step is None or not keeps(state.holder_role):
        return ()
    own = C.return_targets(state, sop)
    if own:
        return own
    out: list[C.ReturnTarget] = []
    sender = _sender(state, sop)
    if sender is not None:
        step, role = sender
        out.append(C.ReturnTarget(syarat="", step=step, role=role, label=T.DECLINE_TO_SENDER
                                  .format(role=C.role_name(sop, role), step=step)))
    applicant = _applicant_step(sop, state.current_step)
    if applicant is not None and all(t.step != applicant[0] for t in out):
        step, role = applicant
        out.append(C.ReturnTarget(syarat="", step=step, role=role, label=T.DECLINE_TO_APPLICANT
                                  .format(role=C.role_name(sop, role), step=step)))
    return tuple(out)


def _sender(state: C.CaseState, sop: Sop) -> tuple[int, str] | None:
    """The step and role the file was handed off from to reach the current step."""
    for run in reversed(state.runs[:-1]):
        if run.step != state.current_step and run.role and run.role != state.holder_role \
                and not C.is_applicant_role(sop, run.role):
            return run.step, run.role
    return None


def _applicant_step(sop: Sop, before: int) -> tuple[int, str] | None:
    """The applicant's first step before `before` (the counter serves it), if any."""
    for step in sop.steps:
        if step.no >= before:
            return None
        role = next((r for r in step.pelaksana if C.is_applicant_role(sop, r)), None)
        if role is not None:
            return step.no, role
    return None


def plan_decline(state: C.CaseState, sop: Sop | None, target: C.ReturnTarget, reason: str,
                 at: datetime, officer: str, desk: int, keeps: Keeps,
                 to_name: str = "") -> tuple[list[dict[str, Any]], C.HandOff | None]:
    """*Tidak* at an official's desk: the step is returned with the reason and the file
    handed off to the desk role of the step it goes back to."""
    if not reason.strip():
        raise CaseError(T.DECLINE_NO_REASON, field="alasan")
    if target not in decline_targets(state, sop, keeps):
        raise CaseError(T.NO_SUCH_TARGET.format(step=state.current_step,
                                                to_step=target.step), field="to_step")
    no = state.current_step
    assert no is not None and sop is not None  # guaranteed by decline_targets
    events = [C.step_returned(state.code, at, officer, desk, no, to_step=target.step,
                              to_role=target.role, reason=reason)]
    role = C.desk_role(sop, C.step_of(sop, target.step))
    if role is None or keeps(role):
        return events, None
    events.append(C.handed_off(state.code, at, officer, desk, target.step,
                               from_role=state.holder_role, to_role=role, to_name=to_name))
    return events, C.HandOff(step=target.step, from_role=state.holder_role, to_role=role,
                             to_role_name=C.role_name(sop, role))
