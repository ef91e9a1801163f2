"""Decisions for the screens: what can be done to a case now, and what it would mean.

Pure functions of a `CaseState` and its `Sop`; `next_action` is what the counter
screen shows, `require` says (in Indonesian) why an action does not fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter.case.roles import (
    desk_role,
    needs_hand_off,
    next_step_of,
    resolve_role_step,
    role_name,
    step_of,
)
from counter.case.state import CaseState, Status
from counter.errors import CaseError
from counter.sop import Kembali, Sop, Step
from counter.texts import case as T


class Action(StrEnum):
    """What an officer can do to a case; labels in `texts.case.ACTIONS`."""

    MULAI = "mulai"
    SELESAI_LANGKAH = "selesai_langkah"
    KEMBALIKAN = "kembalikan"
    TERIMA = "terima"
    TUNGGU_PEMOHON = "tunggu_pemohon"
    LANJUT = "lanjut"
    TUTUP = "tutup"
    CATAT = "catat"
    CETAK = "cetak"

    @property
    def label(self) -> str:
        return T.ACTIONS[self.value]


@dataclass(frozen=True)
class ReturnTarget:
    """A "tidak" branch of a decision step, resolved to a step and a role."""

    syarat: str
    step: int
    role: str | None
    label: str


@dataclass(frozen=True)
class HandOff:
    """Completing the current step sends the file to `to_role` for `step`."""

    step: int
    from_role: str | None
    to_role: str
    to_role_name: str


@dataclass(frozen=True)
class NextAction:
    """What the counter screen shows for a case: the default action and the options."""

    action: Action | None  # the default (highlighted) action; None when closed
    allowed: frozenset[Action]
    step: Step | None  # the current step
    role: str | None  # its desk role
    next_step: Step | None  # the step after it
    hand_off: HandOff | None  # completing now hands the file off
    is_last: bool  # completing now finishes the SOP's steps
    returns: tuple[ReturnTarget, ...]  # where a "tidak" decision can send it


def require_sop(state: CaseState, sop: Sop | None) -> Sop:
    if sop is None:
        raise CaseError(T.NO_SOP.format(sop_id=state.sop_id), field="sop_id")
    return sop


def return_targets(state: CaseState, sop: Sop | None,
                   step_no: int | None = None) -> tuple[ReturnTarget, ...]:
    """The `kembali` branches of the (current) step, each resolved to step + role."""
    step = step_of(sop, state.current_step if step_no is None else step_no)
    if step is None:
        return ()
    out: list[ReturnTarget] = []
    for k in step.kembali:
        target = _resolve_kembali(sop, step, k)
        if target is None:
            continue
        to_step, role = target
        text = T.RETURN_TARGET.format(step=to_step, role=role_name(sop, role) or "-")
        if k.syarat:
            text = T.RETURN_TARGET_WITH_SYARAT.format(syarat=k.syarat, step=to_step,
                                                      role=role_name(sop, role) or "-")
        out.append(ReturnTarget(syarat=k.syarat, step=to_step, role=role, label=text))
    return tuple(out)


def _resolve_kembali(sop: Sop | None, step: Step, k: Kembali) -> tuple[int, str | None] | None:
    if k.ke_langkah is not None:
        target = step_of(sop, k.ke_langkah)
        return k.ke_langkah, k.ke_pelaksana or desk_role(sop, target)
    if k.ke_pelaksana:
        to_step = resolve_role_step(sop, step.no, k.ke_pelaksana)
        return (to_step if to_step is not None else step.no), k.ke_pelaksana
    return None


def hand_off_after(state: CaseState, sop: Sop | None) -> HandOff | None:
    """The hand-off that completing the current step implies, if any (see module doc)."""
    if state.current_step is None:
        return None
    nxt = next_step_of(sop, state.current_step)
    to_role = desk_role(sop, nxt)
    if nxt is None or to_role is None or not needs_hand_off(sop, state.holder_role, to_role):
        return None
    return HandOff(step=nxt.no, from_role=state.holder_role, to_role=to_role,
                   to_role_name=role_name(sop, to_role))


def allowed_actions(state: CaseState, sop: Sop | None) -> frozenset[Action]:
    """Every action that fits the case now; `require` explains the others."""
    always = {Action.CATAT, Action.CETAK}
    if state.closed:
        return frozenset(always)
    acts = always | {Action.TUTUP}
    if state.status is Status.MENUNGGU_PEMOHON:
        return frozenset(acts | {Action.LANJUT})
    if sop is None or state.current_step is None:
        return frozenset(acts)
    step = step_of(sop, state.current_step)
    run = state.current_run
    running = run is not None and run.step == state.current_step
    if state.status is Status.MENUNGGU_PELAKSANA:
        # The other desk may confirm receipt, or the counter records its result
        # when the file comes back.
        acts |= {Action.TERIMA, Action.SELESAI_LANGKAH}
    elif running:
        acts |= {Action.SELESAI_LANGKAH, Action.TUNGGU_PEMOHON}
    else:
        acts |= {Action.MULAI, Action.TUNGGU_PEMOHON}
    if step is not None and step.is_decision and (running or
                                                  state.status is Status.MENUNGGU_PELAKSANA):
        acts.add(Action.KEMBALIKAN)
    return frozenset(acts)


def require(state: CaseState, sop: Sop | None, action: Action) -> None:
    """Raise `CaseError` (Indonesian) saying why `action` does not fit now."""
    if action in allowed_actions(state, sop):
        return
    what = action.label.lower()
    holder = role_name(sop, state.holder_role)
    if state.closed:
        raise CaseError(T.CLOSED.format(status=state.status.label(holder), action=what),
                        field="status")
    if action is Action.KEMBALIKAN and state.current_step is not None and sop is not None:
        raise CaseError(T.NOT_DECISION.format(step=state.current_step), field="step")
    if state.current_step is None and state.status is Status.BERJALAN and sop is not None:
        raise CaseError(T.NO_CURRENT_STEP.format(action=what), field="step")
    if sop is None:
        raise CaseError(T.NO_SOP.format(sop_id=state.sop_id), field="sop_id")
    raise CaseError(T.NOT_ALLOWED.format(action=what, status=state.status.label(holder)),
                    field="status")


def next_action(state: CaseState, sop: Sop | None) -> NextAction:
    """The counter screen's view of a case: what to do next and what completing means."""
    allowed = allowed_actions(state, sop)
    step = None if state.closed else step_of(sop, state.current_step)
    nxt = next_step_of(sop, step.no) if step is not None else None
    if state.closed:
        action = None
    elif state.status is Status.MENUNGGU_PEMOHON:
        action = Action.LANJUT
    elif state.status is Status.MENUNGGU_PELAKSANA:
        action = Action.TERIMA
    elif Action.SELESAI_LANGKAH in allowed:
        action = Action.SELESAI_LANGKAH
    elif Action.MULAI in allowed:
        action = Action.MULAI
    else:
        action = Action.TUTUP
    return NextAction(
        action=action, allowed=allowed, step=step, role=desk_role(sop, step),
        next_step=nxt, hand_off=None if step is None else hand_off_after(state, sop),
        is_last=step is not None and nxt is None,
        returns=return_targets(state, sop) if Action.KEMBALIKAN in allowed else (),
    )


def status_text(state: CaseState, sop: Sop | None) -> str:
    """'berjalan', 'menunggu Kepala Bidang', …, with the role's display name."""
    return state.status.label(role_name(sop, state.holder_role))


# Plans: the events an action appends, checked against the state. The screens
