"""The step runner's sentences about a case: where it stands, what Selesai will do next,
and why it is not at this desk now. Pure functions of a `CaseView`."""

from __future__ import annotations

from typing import Any

from counter.case import Status
from counter.dates import format_datetime_short
from counter.texts import ui as T
from counter.whereabouts import whereabouts

BAR = 24


def progress_line(position: int, total: int) -> str:
    """'━━━━━━━━────────  3/6': where the case is among the SOP's steps."""
    if total <= 0:
        return ""
    filled = round(BAR * (position - 1) / total)
    return "━" * filled + "─" * (BAR - filled) + f"  {position}/{total}"


def after_text(view: Any, desk: Any = None) -> str:
    """What Selesai will do: the next step here, a hand-off, or closing the case. At an
    official's desk a next step it does not serve goes back to the counter, not 'here'."""
    nxt = view.next
    if nxt.is_last:
        return T.RUN_AFTER_LAST
    if nxt.hand_off is not None:
        return T.RUN_AFTER_HANDOFF.format(n=nxt.hand_off.step, role=nxt.hand_off.to_role_name)
    if nxt.next_step is not None and view.sop is not None:
        role = view.sop.role_name(nxt.next_step.role)
        if desk is not None and desk.serves and not desk.serves_role(view.sop,
                                                                     nxt.next_step.role):
            return T.RUN_AFTER_BACK.format(n=nxt.next_step.no, role=role)
        return T.RUN_AFTER_NEXT.format(n=nxt.next_step.no, role=role)
    return ""


def state_text(view: Any) -> str:
    """Closed, waiting for the applicant, or with an official since when."""
    state = view.state
    if state.closed:
        when = format_datetime_short(state.closed_at) if state.closed_at else ""
        return T.RUN_CLOSED.format(status=view.status_text, when=when)
    where = whereabouts(state, view.sop)
    if state.status is Status.MENUNGGU_PEMOHON:
        items = ", ".join(state.waiting_missing) or state.waiting_note
        return T.RUN_WAITING_APPLICANT.format(items=items)
    if state.status is Status.MENUNGGU_PELAKSANA and where is not None:
        return T.RUN_HANDED.format(holder=where.holder,
                                   when=format_datetime_short(where.since))
    return ""
