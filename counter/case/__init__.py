"""Cases: facts (events, never edited) and the state derived from them.

A case is only its list of events; status, current step, who holds the file and
every step run are recomputed by `fold` each time, so a restart, a second desk
or a corrected SOP never leaves a stored counter out of step with the facts.

The package's parts: `events` (the vocabulary and the constructors, the only
place event dicts are made), `state` (what a fold derives), `roles` (every
role/step look-up), `fold`, `rules` (what can be done now: `next_action`,
`require`, `return_targets`) and `plans` (the events one action appends).
Callers use `from counter import case as C` and the names re-exported here.

Who holds the file (`holder_role`) follows these rules, in event order:
- `opened`: the intake role (a counter role among the first step's pelaksana,
  else the SOP's first counter role, else the first step's desk role);
- `handed_off`: the receiving role (status "menunggu <role>" until `received`);
- `received`: the role that scanned it;
- `step_returned`: the target role;
- `step_started` of a step whose desk role is a counter role: that role (the
  file is back at the counter).

A step's *desk role* is its first pelaksana that is not the applicant (the
applicant's own work happens wherever the file is, i.e. at the counter).
Completing a step *hands the file off* when the next step's desk role is not a
counter role, not the applicant, and not the current holder (`needs_hand_off`).
"""

from counter.case.events import (
    AFTER_CLOSE_OK,
    CLOSED,
    DOCS,
    EVENT_TYPES,
    HANDED_OFF,
    KELENGKAPAN_CHECKED,
    NOTE,
    OPENED,
    OUTCOMES,
    OVER_REASON,
    PRINTED,
    RECEIVED,
    RESUMED,
    RUN_DIKEMBALIKAN,
    RUN_DILEWATI,
    RUN_DITUTUP,
    RUN_SELESAI,
    STEP_COMPLETED,
    STEP_RETURNED,
    STEP_STARTED,
    WAITING_APPLICANT,
    closed,
    handed_off,
    kelengkapan_checked,
    note,
    opened,
    over_reason,
    printed,
    received,
    resumed,
    step_completed,
    step_returned,
    step_started,
    waiting_applicant,
)
from counter.case.fold import fold
from counter.case.plans import (
    apply,
    plan_close,
    plan_complete,
    plan_receive,
    plan_resume,
    plan_return,
    plan_start,
    plan_wait,
)
from counter.case.roles import (
    desk_role,
    intake_role,
    is_applicant_role,
    is_back_office,
    is_counter_role,
    needs_hand_off,
    next_step_of,
    pelaksana_of,
    resolve_role_step,
    role_name,
    step_of,
)
from counter.case.rules import (
    Action,
    HandOff,
    NextAction,
    ReturnTarget,
    allowed_actions,
    hand_off_after,
    next_action,
    require,
    return_targets,
    status_text,
)
from counter.case.state import (
    Anomaly,
    CaseState,
    Note,
    Pause,
    PrintAttempt,
    Status,
    StepRun,
)
from counter.visitor import Visitor

__all__ = [
    "AFTER_CLOSE_OK",
    "CLOSED",
    "DOCS",
    "EVENT_TYPES",
    "HANDED_OFF",
    "KELENGKAPAN_CHECKED",
    "NOTE",
    "OPENED",
    "OUTCOMES",
    "OVER_REASON",
    "PRINTED",
    "RECEIVED",
    "RESUMED",
    "RUN_DIKEMBALIKAN",
    "RUN_DILEWATI",
    "RUN_DITUTUP",
    "RUN_SELESAI",
    "STEP_COMPLETED",
    "STEP_RETURNED",
    "STEP_STARTED",
    "WAITING_APPLICANT",
    "Action",
    "Anomaly",
    "CaseState",
    "HandOff",
    "NextAction",
    "Note",
    "Pause",
    "PrintAttempt",
    "ReturnTarget",
    "Status",
    "StepRun",
    "Visitor",
    "allowed_actions",
    "apply",
    "closed",
    "desk_role",
    "fold",
    "hand_off_after",
    "handed_off",
    "intake_role",
    "is_applicant_role",
    "is_back_office",
    "is_counter_role",
    "kelengkapan_checked",
    "needs_hand_off",
    "next_action",
    "next_step_of",
    "note",
    "opened",
    "over_reason",
    "pelaksana_of",
    "plan_close",
    "plan_complete",
    "plan_receive",
    "plan_resume",
    "plan_return",
    "plan_start",
    "plan_wait",
    "printed",
    "received",
    "require",
    "resolve_role_step",
    "resumed",
    "return_targets",
    "role_name",
    "status_text",
    "step_completed",
    "step_of",
    "step_returned",
    "step_started",
    "waiting_applicant",
]
