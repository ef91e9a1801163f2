"""Role and step look-ups in one place: where the file is, who takes it, what a role is called.

A step's *desk role* is its first pelaksana that is not the applicant (the
applicant's own work happens wherever the file is, i.e. at the counter).
Completing a step *hands the file off* when the next step's desk role is not a
counter role, not the applicant, and not the current holder (`needs_hand_off`).
Every module that asks such a question (the fold, the rules, receipts, reports,
the demo, the screens) asks it here.
"""

from __future__ import annotations

from counter.sop import Pelaksana, Sop, Step


def step_of(sop: Sop | None, no: int | None) -> Step | None:
    if sop is None or no is None:
        return None
    return sop.find_step(no)


def next_step_of(sop: Sop | None, no: int) -> Step | None:
    if sop is None:
        return None
    steps = list(sop.steps)
    for i, s in enumerate(steps):
        if s.no == no:
            return steps[i + 1] if i + 1 < len(steps) else None
    return next((s for s in steps if s.no > no), None)


def pelaksana_of(sop: Sop | None, role: str | None) -> Pelaksana | None:
    if sop is None or role is None:
        return None
    return sop.find_role(role)


def is_counter_role(sop: Sop | None, role: str | None) -> bool:
    p = pelaksana_of(sop, role)
    return bool(p and p.loket)


def is_applicant_role(sop: Sop | None, role: str | None) -> bool:
    p = pelaksana_of(sop, role)
    return bool(p and p.pemohon)


def intake_role(sop: Sop | None) -> str | None:
    """The role that takes the file in when a case is opened."""
    if sop is None or not sop.steps:
        return None
    first = sop.steps[0]
    for role in first.pelaksana:
        if is_counter_role(sop, role):
            return role
    counters = sop.counter_roles
    if counters:
        return counters[0]
    return next((r for r in first.pelaksana if not is_applicant_role(sop, r)), first.role)


def desk_role(sop: Sop | None, step: Step | None) -> str | None:
    """Where the file is during `step`: its first pelaksana that is not the applicant."""
    if step is None:
        return None
    for role in step.pelaksana:
        if not is_applicant_role(sop, role):
            return role
    return intake_role(sop)


def role_name(sop: Sop | None, role: str | None) -> str:
    """A role's display name; the id itself when the SOP does not know it."""
    if role is None:
        return ""
    return sop.role_name(role) if sop is not None else role


def is_back_office(sop: Sop | None, role: str | None) -> bool:
    """A desk behind the counter: a real role that is neither a counter role nor the applicant."""
    return role is not None and not is_counter_role(sop, role) and not is_applicant_role(sop, role)


def needs_hand_off(sop: Sop | None, from_role: str | None, to_role: str | None) -> bool:
    """Moving the file from `from_role` to `to_role` needs a hand-off slip and a receipt.

    True when `to_role` is a real desk (not the applicant), is not a counter role
    (the counter takes its files back by starting the step), and differs from the
    role holding the file now.
    """
    return to_role != from_role and is_back_office(sop, to_role)


def resolve_role_step(sop: Sop | None, from_step: int, role: str) -> int | None:
    """A return naming only a role goes to that role's latest step before `from_step`."""
    if sop is None:
        return None
    before = [s for s in sop.steps if s.no < from_step and role in s.pelaksana]
    if before:
        return before[-1].no
    anywhere = [s for s in sop.steps if role in s.pelaksana]
    return anywhere[0].no if anywhere else None

