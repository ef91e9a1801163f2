"""What an open case's timing keeps between measurements: the parts the clock does not move.

The dashboard re-measures its open cases every second and on every reload, the log on
every F4; most of a case's measuring (its finished runs, the SOP's steps found for each
run, its allowance) does not depend on `now`, and neither does its due time nor its
estimated completion while their inputs stay the same. A plan is kept for the very
state object (the folds of open cases are kept too, `counter.case.fold_cache`) under the
very SOP and calendar, and only for an immutable state (a frozen dataclass holding a
tuple of runs), so the same object always means the same runs. The two answers that
depend on `now` only through their inputs (`due`, `tail`) are reused only when those
inputs are equal to the last ones: the result is always that of measuring afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

CAPACITY = 8192  # plans kept (open cases); all forgotten at once when full


@dataclass(eq=False)
class CasePlan:
    """One open case's measuring, as far as it does not depend on `now`."""

    state: object
    sop: object
    cal: object
    nearing: float
    runs: tuple[Any, ...]
    steps: tuple[Any, ...]
    found: tuple[tuple[int, Any], ...]  # per run: (index in the SOP's steps, the Step)
    ended: tuple[Any, ...]  # per run: the StepTiming of a finished run, None while running
    opened: datetime  # in office time
    pauses: tuple[tuple[datetime, datetime | None], ...]  # every run's, in run order
    limit_s: float | None  # the case's allowance
    # (exempt spans, due time) of the last measurement
    due: tuple[list[tuple[datetime, datetime]], datetime] | None = None
    # (cursor, index, (cursor, laid_any, partial)) of the last estimate's remaining steps
    tail: tuple[datetime, int, tuple[datetime, bool, bool]] | None = None


_PLANS: dict[int, CasePlan] = {}


def kept_plan(state: object, sop: object, cal: object, nearing: float) -> CasePlan | None:
    """The plan kept for exactly this state, SOP and calendar; None when there is none."""
    plan = _PLANS.get(id(state))
    if plan is not None and plan.state is state and plan.sop is sop and plan.cal is cal \
            and plan.nearing == nearing:
        return plan
    return None


def keep_plan(plan: CasePlan) -> None:
    """Keep `plan` if its state cannot change (the plan holds it: its id stays its own)."""
    if not (_frozen(plan.state) and isinstance(getattr(plan.state, "runs", None), tuple)
            and all(_frozen(run) for run in plan.runs)):
        return
    if len(_PLANS) >= CAPACITY:
        _PLANS.clear()
    _PLANS[id(plan.state)] = plan


def forget_all() -> None:
    """Drop every kept plan (tests)."""
    _PLANS.clear()


def _frozen(obj: object) -> bool:
    params = getattr(type(obj), "__dataclass_params__", None)
    return bool(params is not None and params.frozen)
