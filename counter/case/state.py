"""The state of a case as `fold` derives it: status, step runs, notes, prints.

Never stored: recomputed from the events each time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from counter.case.event_data import (
    RUN_SELESAI,
)
from counter.texts import case as T
from counter.visitor import Visitor


class Status(StrEnum):
    BERJALAN = "berjalan"
    MENUNGGU_PELAKSANA = "menunggu_pelaksana"
    MENUNGGU_PEMOHON = "menunggu_pemohon"
    SELESAI = "selesai"
    DITOLAK = "ditolak"
    DIBATALKAN = "dibatalkan"
    RUSAK = "rusak"  # its stored events cannot be read: see `CaseState.problems`

    @property
    def closed(self) -> bool:
        return self in (Status.SELESAI, Status.DITOLAK, Status.DIBATALKAN)

    def label(self, holder: str | None = None) -> str:
        """Indonesian text; `holder` is the display name of the role waited for."""
        if self is Status.MENUNGGU_PELAKSANA:
            if holder:
                return T.STATUS_MENUNGGU_PELAKSANA.format(holder=holder)
            return T.STATUS_MENUNGGU_PELAKSANA_ANON
        return {
            Status.BERJALAN: T.STATUS_BERJALAN,
            Status.MENUNGGU_PEMOHON: T.STATUS_MENUNGGU_PEMOHON,
            Status.SELESAI: T.STATUS_SELESAI,
            Status.DITOLAK: T.STATUS_DITOLAK,
            Status.DIBATALKAN: T.STATUS_DIBATALKAN,
            Status.RUSAK: T.STATUS_RUSAK,
        }[self]


CLOSE_STATUS = {"selesai": Status.SELESAI, "ditolak": Status.DITOLAK,
                 "dibatalkan": Status.DIBATALKAN}

Pause = tuple[datetime, datetime | None]


@dataclass(frozen=True)
class StepRun:
    """One pass of the file through one step; a step redone after a return has two runs.

    `officer` started the run, `ended_by` completed or returned it. A run begun by
    a hand-off starts at the hand-off (waiting at the other desk is the step's time);
    `received_*` tell when and by whom the other side confirmed it.
    """

    step: int
    started_at: datetime
    ended_at: datetime | None = None
    pauses: tuple[Pause, ...] = ()
    outcome: str | None = None
    officer: str = ""
    output: str = ""
    over_reason: str = ""
    received: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    role: str | None = None
    ended_by: str = ""
    return_reason: str = ""
    returned_to: int | None = None
    handed_off_to: str | None = None
    handed_off_name: str = ""
    received_at: datetime | None = None
    received_by: str = ""
    received_role: str | None = None

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1][1] is None


@dataclass(frozen=True)
class Note:
    at: datetime
    officer: str
    desk: int
    text: str


@dataclass(frozen=True)
class PrintAttempt:
    """One try at printing; only `ok` attempts count as issued."""

    at: datetime
    doc: str
    ok: bool
    printer: str | None
    pdf: str | None
    error: str
    officer: str
    desk: int


@dataclass(frozen=True)
class Anomaly:
    """An odd but possible fact (two desks, a late event): kept, shown, not fatal."""

    seq: int | None
    type: str
    message: str


@dataclass(frozen=True)
class Problem:
    """A stored event that fails its schema (or cannot belong where it is): named, not fatal.

    The event is left out of the fold; the case shows the problem where it is listed.
    `day` is the day file holding it (the day in the case code), when the code is readable.
    """

    code: str
    event_id: str | None
    seq: int | None
    field: str | None
    message: str
    day: date | None = None

    def text(self) -> str:
        """One line naming file, case, event and field, e.g. for the dashboard."""
        where = T.PROBLEM_FILE.format(day=self.day.isoformat()) if self.day else T.PROBLEM_NO_FILE
        event = self.event_id or (T.PROBLEM_SEQ.format(seq=self.seq) if self.seq is not None
                                  else "?")
        detail = f"{self.field}: {self.message}" if self.field else self.message
        return T.PROBLEM.format(file=where, code=self.code or "?", event=event, detail=detail)


@dataclass(frozen=True)
class CaseState:
    """Everything derived from a case's events; never stored."""

    code: str
    sop_id: str
    visitor: Visitor
    opened_at: datetime
    officer: str
    desk: int
    status: Status
    current_step: int | None
    holder_role: str | None
    holder_since: datetime
    runs: tuple[StepRun, ...]
    closed_at: datetime | None
    outcome: str | None
    close_reason: str
    notes: tuple[Note, ...]
    prints: tuple[PrintAttempt, ...]
    kelengkapan: Mapping[int, tuple[str, ...]]  # latest items received, per step
    over_reasons: Mapping[int, str]
    waiting_missing: tuple[str, ...]  # what the applicant must bring (while waiting)
    waiting_note: str
    anomalies: tuple[Anomaly, ...]
    events: tuple[Mapping[str, Any], ...]  # the readable events as stored (each with its id)
    last_at: datetime
    problems: tuple[Problem, ...] = ()  # stored events that could not be read
    # The id of the case's last stored event, readable or not: an action on this state
    # is planned on it (`append_many`'s `expect`).
    last_event_id: str | None = None

    @property
    def closed(self) -> bool:
        return self.status.closed

    @property
    def current_run(self) -> StepRun | None:
        """The open run (at most one), if any step is under way."""
        for run in reversed(self.runs):
            if run.is_open:
                return run
        return None

    def runs_of(self, step: int) -> tuple[StepRun, ...]:
        return tuple(r for r in self.runs if r.step == step)

    def issued(self, doc: str) -> bool:
        """True once a print of `doc` succeeded; a failed print never counts."""
        return any(p.ok and p.doc == doc for p in self.prints)

    def done_steps(self) -> frozenset[int]:
        """Steps whose latest run ended 'selesai'."""
        latest: dict[int, StepRun] = {}
        for r in self.runs:
            latest[r.step] = r
        return frozenset(s for s, r in latest.items() if r.outcome == RUN_SELESAI)

