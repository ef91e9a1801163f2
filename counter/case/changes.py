"""What changed in a case, in words: the message of an action refused by a conflict.

When two desks act on one case at once, the store keeps the first action and
refuses the second (`ConflictError` with the events the second did not know).
The officer then reads what happened meanwhile, e.g. "Kasus ini baru saja diubah
di loket 2: langkah 3 sudah selesai", on a screen that shows the case afresh.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from counter.case.event_data import (
    CLOSED,
    HANDED_OFF,
    RECEIVED,
    RESUMED,
    STEP_COMPLETED,
    STEP_RETURNED,
    STEP_STARTED,
    WAITING_APPLICANT,
    Closed,
    HandedOff,
    KelengkapanChecked,
    OverReason,
    Received,
    Resumed,
    StepCompleted,
    StepReturned,
    StepStarted,
    WaitingApplicant,
)
from counter.case.roles import role_name
from counter.case.schema import Event, SchemaError, read_event
from counter.sop import Sop
from counter.texts import case as T

_STEP_DATA = (StepStarted, KelengkapanChecked, StepCompleted, OverReason, StepReturned,
              WaitingApplicant, Resumed)
# The fact that says most about an action (a completion over the hand-off that follows it).
_WEIGHT = {CLOSED: 0, STEP_COMPLETED: 1, STEP_RETURNED: 1, RECEIVED: 2, HANDED_OFF: 3,
           WAITING_APPLICANT: 3, RESUMED: 3, STEP_STARTED: 4}


def describe_event(event: Event, sop: Sop | None) -> str:
    """One change in words ("langkah 3 sudah selesai", "berkas diserahkan ke Kepala Bidang")."""
    template = T.CHANGE.get(event.type)
    if template is None:
        return T.CHANGE_OTHER.format(type=event.type)
    data = event.data
    if isinstance(data, HandedOff):
        return template.format(role=role_name(sop, data.to_role))
    if isinstance(data, Received):
        return template.format(role=role_name(sop, data.role))
    if isinstance(data, Closed):
        return template.format(outcome=data.outcome)
    if isinstance(data, _STEP_DATA):
        return template.format(step=data.step)
    return template


def describe_conflict(newer: Sequence[Mapping[str, Any]], sop: Sop | None) -> str:
    """The officer's message for an action refused because of `newer` events."""
    events: list[Event] = []
    for raw in newer:
        try:
            events.append(read_event(raw))
        except SchemaError:
            continue
    if not events:
        return T.CONFLICT.format(desk="lain", what=T.CHANGE_OTHER.format(type="?"))
    main = min(events, key=lambda e: _WEIGHT.get(e.type, 5))
    return T.CONFLICT.format(desk=main.desk, what=describe_event(main, sop))
