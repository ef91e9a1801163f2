"""A long report's open cases folded and measured now, on every core the machine has.

Closed cases come from the day pages (`counter.report_page`); what is left of a
month's report is the open files, each folded from its events and measured against
the clock (~0.5 ms a case, a month can hold a thousand). That work is the same pure
function per case, so on a POSIX machine the cases are split between this process
and forked copies of it, each returning its cases' rows and where each file waits
(pickled, through a pipe). A copy that fails is no failure: its cases are done here
afterwards, so a problem shows exactly as it would without the copies.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from counter.errors import LoketError
from counter.export.columns import CASE_COLUMNS, STEP_COLUMNS
from counter.export.xlsx_cells import kinds_of, template
from counter.report import WaitItem, wait_item
from counter.report_acc import CaseFigures, StepFigures, figures_of
from counter.report_rows import case_row, step_rows

if TYPE_CHECKING:
    from counter.desk import CaseView, Desk

# Below this many open cases forking costs more than it saves.
PARALLEL_FROM = 200
# A copy holds only the thread that forked it: a lock another thread held at that moment
# stays locked there. `loket laporan` has one other thread (the XLSX compressor, which
# takes no lock the folding needs); a process with more (the app) folds here only.
MAX_THREADS = 2
Events = Sequence[Mapping[str, Any]]
_CASE_KINDS = kinds_of(CASE_COLUMNS)
_STEP_KINDS = kinds_of(STEP_COLUMNS)


@dataclass(frozen=True)
class OpenCase:
    """An open case's report rows now, as the summary's figures and as sheet XML
    (`counter.export.xlsx_cells`), where its file waits, and which events made it."""

    figures: tuple[CaseFigures, tuple[StepFigures, ...]]  # what the summary adds up
    case_xml: str
    steps_xml: str
    wait: WaitItem | None
    made_from: tuple[object, int]  # (last event id, event count)
    # whether it was folded afresh (not found kept: a report keeps the file only when one
    # was), and then its entry for the next process's file (counter.open_snapshot)
    kept: Any = None
    fresh: bool = False


def made_from(events: Events) -> tuple[object, int]:
    return (events[-1].get("id") if events else None), len(events)


def open_case(view: CaseView, events: Events, desk: Desk | None = None,
              fresh: bool = False) -> OpenCase:
    """The case's rows; for one folded afresh (`fresh`, with `desk`), its entry for the next
    process's file too (the others' are in the file already)."""
    from counter.open_snapshot import entry_for

    row, steps = case_row(view), step_rows(view)
    kept = entry_for(view.state, view.sop, desk.calendar, desk.profile.nearing) \
        if desk is not None and fresh else None
    return OpenCase(figures_of(row, steps), template(_CASE_KINDS, row),
                    "".join(template(_STEP_KINDS, s) for s in steps), wait_item(view),
                    made_from(events), kept, fresh)


def fold_open(desk: Desk, cases: Mapping[str, Events]) -> dict[str, OpenCase]:
    """Each case folded and measured in this process."""
    from counter.summary.reader import _sop_named, live_view

    done = {}
    for code, events in cases.items():
        before = desk.folds_made
        view = live_view(desk, events, *_sop_named(events))
        done[code] = open_case(view, events, desk, desk.folds_made > before)
    return done


def can_fork(cases: int) -> bool:
    """Worth sharing `cases` out (another core to do it on), and safe to fork here?"""
    return (os.cpu_count() or 1) >= 2 and cases >= PARALLEL_FROM and hasattr(os, "fork") \
        and threading.active_count() <= MAX_THREADS


class Share:
    """Cases a forked copy reads (`load`, in the copy: what it reads is its own memory,
    not pages shared with this process that it would have to copy as it touches them)
    and folds while this process goes on; `result` waits for them (and does them here
    when the copy failed; nothing when they cannot be read: the days say why)."""

    def __init__(self, desk: Desk, codes: Collection[str],
                 load: Callable[[], Mapping[str, Events]]) -> None:
        self.desk, self.codes, self.load = desk, frozenset(codes), load
        self.child = _fork(desk, load)
        self._result: dict[str, OpenCase] | None = None

    def result(self) -> dict[str, OpenCase]:
        if self._result is None:
            got = _collect(self.child)
            self.child = None
            if got is None:
                try:
                    got = fold_open(self.desk, self.load())
                except LoketError:
                    got = {}
            self._result = got
        return self._result

    def close(self) -> None:
        """Stop a copy whose cases were not asked for (the report ended or failed before
        their days: its work is not needed) and reap it."""
        if self.child is None:
            return
        pid, read = self.child
        self.child = None
        with contextlib.suppress(OSError):
            os.close(read)
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)


def _fork(desk: Desk, load: Callable[[], Mapping[str, Events]]) -> tuple[int, int] | None:
    """(pid, read end) of a copy folding the cases `load` gives; None when no copy could
    be made."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid:
        os.close(write)
        return pid, read
    status = 1  # the copy: fold, hand the result over, and leave without any clean-up
    try:  # of the parent's (no atexit, no flushing of its buffers)
        os.close(read)
        data = pickle.dumps(fold_open(desk, load()), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as out:
            out.write(data)
        status = 0
    finally:
        os._exit(status)


def _collect(child: tuple[int, int] | None) -> dict[str, OpenCase] | None:
    """A copy's result, or None when it failed (its cases are then done here)."""
    if child is None:
        return None
    pid, read = child
    try:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return None
        got = pickle.loads(data)
    except (OSError, pickle.UnpicklingError, EOFError):
        return None
    return got if isinstance(got, dict) else None
