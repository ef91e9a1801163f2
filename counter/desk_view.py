"""What the desk service hands out and needs: the store it reads (`Repository`) and a
case as the screens show it (`CaseView`), apart from `Desk` so readers of a view need
not load the service.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from counter import case as C
from counter.clock import CaseTiming, Level, StepTiming
from counter.codes import human
from counter.damage import UnreadableDay
from counter.sop import Sop, Step


class Repository(Protocol):
    """What the desk needs of a store (store.Store on disk, demo.MemoryRepo in memory).

    `append_many(events, expect)` writes one action's events in one atomic write, or
    nothing and `ConflictError` when the case's last event is no longer `expect`;
    `next_code(day, desk, reserve=False)` proposes a code that the `opened` event's
    `append_many` then takes.
    """

    def append(self, event: dict[str, Any]) -> dict[str, Any]: ...
    def append_many(self, events: Sequence[dict[str, Any]],
                    expect: str | None = None) -> list[dict[str, Any]]: ...
    def events(self, code: str) -> list[dict[str, Any]]: ...
    def next_code(self, day: date, desk: int, *, reserve: bool = True) -> str: ...
    def open_codes(self) -> list[str]: ...
    def codes_on(self, day: date) -> list[str]: ...
    def events_on(self, day: date) -> dict[str, list[dict[str, Any]]]: ...
    def events_of(self, codes: Iterable[str]) -> dict[str, list[dict[str, Any]]]: ...
    def unread_days(self) -> list[date]: ...


@dataclass(frozen=True)
class CaseView:
    """A case as the screens show it: its derived state and its timing at one moment."""

    state: C.CaseState
    timing: CaseTiming
    sop: Sop | None
    handoff: C.HandOff | None = None  # the action just taken handed the file off
    received_now: bool = False  # a scan just recorded the file's arrival
    # Desks that were apart acted on the same point of the case ("konflik: …" lines),
    # not yet settled by a supervisor's `conflict_resolved` event.
    conflicts: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.state.code

    @property
    def code_human(self) -> str:
        return human(self.state.code)

    @property
    def current_step(self) -> Step | None:
        if self.sop is None or self.state.current_step is None or self.state.closed:
            return None
        try:
            return self.sop.step(self.state.current_step)
        except KeyError:
            return None

    @property
    def holder_name(self) -> str:
        return C.role_name(self.sop, self.state.holder_role)

    @property
    def status_text(self) -> str:
        return C.status_text(self.state, self.sop)

    @property
    def next(self) -> C.NextAction:
        return C.next_action(self.state, self.sop)

    @property
    def run_timings(self) -> list[tuple[C.StepRun, StepTiming]]:
        """Each step run with its timing, in the order they ran (none without an SOP)."""
        return [(run, t) for run, (_, t) in zip(self.state.runs, self.timing.steps,
                                                strict=False)]

    def current_timing(self) -> StepTiming | None:
        """The timing of the running step run, if any (the step runner's timer)."""
        run = self.state.current_run
        for r, t in self.timing.steps:
            if r is run:
                return t
        return None


@dataclass(frozen=True)
class CasesRead:
    """The cases that could be read, and the days whose file could not."""

    views: list[CaseView]
    unreadable: tuple[UnreadableDay, ...] = ()


@dataclass(frozen=True)
class ScanResult:
    view: CaseView
    received: bool
    # The file was sent to a role this desk does not serve: where it should be instead.
    elsewhere: str = ""



def _fold_name(text: str) -> str:
    return " ".join(text.casefold().split())


def _sop_versi(events: list[dict[str, Any]]) -> int | None:
    """The SOP version a case began with (its opening's `sop_versi`), None if not named."""
    data = events[0].get("data") if events else None
    versi = data.get("sop_versi") if isinstance(data, dict) else None
    return versi if isinstance(versi, int) and not isinstance(versi, bool) else None


def _sop_id(events: list[dict[str, Any]]) -> str:
    """The SOP a case's stored events name (its opening's), or "" when unreadable."""
    data = events[0].get("data") if events else None
    sop_id = data.get("sop_id") if isinstance(data, dict) else None
    return sop_id if isinstance(sop_id, str) else ""


def _only_remarks(events: Iterable[Mapping[str, Any]]) -> bool:
    """Events that change nothing an action is planned on (a note, a print attempt)."""
    return all(e.get("type") in C.AFTER_CLOSE_OK for e in events)


def _no_timing() -> CaseTiming:
    """An SOP removed from the catalog still shows its case, only without a clock."""
    return CaseTiming(steps=(), elapsed_s=0.0, paused_s=0.0, limit_s=None,
                      level=Level.TANPA_BATAS, estimated_completion=None)
