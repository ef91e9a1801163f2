"""Where is the file now, and since when: one answer for every place that asks.

The daily log, the case detail and `loket kasus` once each worked it out
themselves, and one case read "Pemohon" in the log and "Staf (sejak …)" in its
detail. A wait is dated from when this wait began (the berkas kurang, the
hand-off), not from when the role first took the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter.case.roles import role_name
from counter.case.state import Status
from counter.texts import report as T


@dataclass(frozen=True)
class Whereabouts:
    holder: str  # who has it, as officers say it ("Pemohon", "Koor (Pak Budi)")
    role: str | None  # the SOP role id; None while the applicant has it
    since: datetime


def whereabouts(state: Any, sop: Any) -> Whereabouts | None:
    """Who holds an open case's file and since when; None once it is closed."""
    if state.closed:
        return None
    run = state.current_run
    if state.status is Status.MENUNGGU_PEMOHON:
        since = run.pauses[-1][0] if run is not None and run.paused else state.holder_since
        return Whereabouts(T.APPLICANT, None, since)
    role = state.holder_role
    name = role_name(sop, role) or T.UNKNOWN_HOLDER
    official = run.handed_off_name if run is not None else ""
    if official:
        name = T.HOLDER_WITH_NAME.format(role=name, name=official)
    return Whereabouts(name, role, state.holder_since)
