"""The desk service: the one place where a counter action becomes stored events.

The screens, the CLI and the demo generator all act on cases through `Desk`, so
the rules of the SOP (counter/case.py's plans) and the clock are applied the
same way everywhere, and the screens stay thin. The store is any object with the
`Repository` methods, so this module imports no database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from counter import case as C
from counter.accounts.roles import Act
from counter.accounts.signin import Session, require
from counter.calendar import WorkingCalendar, calendar_for
from counter.clock import CaseTiming, Level, StepTiming, measure_case
from counter.codes import DEMO_DESK, human, is_demo_code, normalize, parse_code
from counter.config import Profile
from counter.damage import UnreadableDay, merged
from counter.errors import CaseError, ConflictError, LoketError
from counter.sop import Catalog, Sop, Step
from counter.sync.order import describe_fork, forks
from counter.texts import case as TC
from counter.texts import desk as T
from counter.visitor import Visitor, make_visitor

if TYPE_CHECKING:  # paper and printing load reportlab: only when a document is made
    from counter.printing import Issued
    from counter.receipt import ReceiptData


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


class Desk:
    """Acts on cases for one officer at one desk; `now` gives the (aware) current time.

    Every event it writes names its session's officer at its clock's time: a caller
    never passes an officer or a time. `officer` is the signed-in `Session` (the app's
    and the CLI's sign-in make one); a bare name stands for a petugas loket without
    any supervisor's rights (the demo's and tests' officers); None: nobody is signed
    in, so the desk may read but each act is refused.
    """

    def __init__(
        self,
        repo: Repository,
        catalog: Catalog,
        profile: Profile,
        officer: Session | str | None = None,
        now: Callable[[], datetime] | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> None:
        self.repo = repo
        self.catalog = catalog
        self.profile = profile
        self.session: Session | None = Session(officer) if isinstance(officer, str) \
            and officer else officer if isinstance(officer, Session) else None
        self.calendar = calendar or calendar_for(profile)
        # Names of the office's desks (from the server), for conflict lines: {5: "Kabid"}.
        self.desk_names: dict[int, str] = {}
        self._now = now or (lambda: datetime.now(profile.tz))

    @property
    def officer(self) -> str:
        """The signed-in officer's name ("" when nobody is signed in)."""
        return self.session.nama if self.session is not None else ""

    def acting_as(self, session: Session) -> Desk:
        """The same desk acting as `session` (a supervisor's PIN typed here for one act)."""
        other = copy(self)
        other.session = session
        return other

    def _require(self, act: Act) -> None:
        if self.session is None:
            raise CaseError(T.NOT_SIGNED_IN, field="petugas")
        require(self.session, act)

    # ---------------------------------------------------------------- reading

    def now(self) -> datetime:
        return self._now().astimezone(self.profile.tz)

    def sop_of(self, sop_id: str, versi: int | None = None) -> Sop | None:
        """The SOP (at the version a case began with, when it names one)."""
        try:
            return self.catalog.at_version(sop_id, versi)
        except KeyError:
            return None

    def fold(self, events: list[dict[str, Any]]) -> CaseView:
        sop = self.sop_of(_sop_id(events), _sop_versi(events))
        state = C.fold(events, sop)
        view = self.measure(state, sop)
        conflicts = tuple(describe_fork(f, self.profile.tz, self.desk_names)
                          for f in forks(events) if not f.resolved)
        return replace(view, conflicts=conflicts) if conflicts else view

    def measure(self, state: C.CaseState, sop: Sop | None) -> CaseView:
        timing = measure_case(state, sop, self.calendar, self.now(), self.profile.nearing) \
            if sop is not None else _no_timing()
        return CaseView(state=state, timing=timing, sop=sop)

    def remeasure(self, view: CaseView) -> CaseView:
        """The same case at the current time, without reading the store (timer ticks)."""
        return replace(self.measure(view.state, view.sop), handoff=view.handoff,
                       conflicts=view.conflicts)

    def view(self, code: str) -> CaseView:
        return self.fold(self.repo.events(code))

    def planned(self, code: str, expect: str | None) -> CaseView:
        """The case now, to plan an action on; `expect` is the last event id of the view the
        officer decided on (None: plan on whatever is stored now).

        If the case moved since that view, `ConflictError` says what changed, so an
        officer never completes a step that another desk finished a moment ago.
        """
        events = self.repo.events(code)
        sop = self.sop_of(_sop_id(events))
        # Planning needs the state, not the clock: the timing is measured once, after.
        view = CaseView(state=C.fold(events, sop), timing=_no_timing(), sop=sop)
        if expect is not None and view.state.last_event_id != expect:
            ids = [e["id"] for e in view.state.events]
            newer = view.state.events[ids.index(expect) + 1:] if expect in ids else ()
            if not newer or not _only_remarks(newer):
                raise ConflictError(C.describe_conflict(newer, view.sop), code=view.code,
                                    newer=tuple(dict(e) for e in newer))
        return view

    def views_of(self, codes: Iterable[str]) -> list[CaseView]:
        """Many cases at once (the store reads each day file once); unknown codes are
        left out."""
        codes = list(codes)
        found = self.repo.events_of(codes)
        return [self.fold(found[code]) for code in codes if code in found]

    def open_views(self) -> list[CaseView]:
        """Every case not closed (the dashboard, files waiting)."""
        return self.views_of(self.repo.open_codes())

    def views_on(self, day: date) -> list[CaseView]:
        return [self.fold(evs) for evs in self.repo.events_on(day).values()]

    # A damaged day file is named, never allowed to blind the other days: the readers
    # below read day by day and set aside the days whose file raised a store error.

    def read_views(self, codes: Iterable[str]) -> CasesRead:
        """Many cases, day file by day file; an unreadable day is named, not raised."""
        by_day: dict[date, list[str]] = {}
        for code in codes:
            by_day.setdefault(parse_code(code).day, []).append(code)
        views: list[CaseView] = []
        unreadable: list[UnreadableDay] = []
        for day in sorted(by_day):
            day_codes = by_day[day]
            try:
                found = self.repo.events_of(day_codes)
            except LoketError as err:
                if err.path is None:
                    raise
                unreadable.append(self._unreadable(day, err))
                continue
            views += [self.fold(found[c]) for c in day_codes if c in found]
        return CasesRead(views, merged(unreadable))

    def open_cases(self, known: Mapping[str, CaseView] | None = None) -> CasesRead:
        """Every case not closed that can be read, and the days that cannot (including a
        day the index could not read when it was rebuilt: its open cases are unknown).

        ``known`` are views already folded (a report's own period), used as they are.
        """
        known = known or {}
        codes = self.repo.open_codes()
        read = self.read_views(c for c in codes if c not in known)
        others = {v.code: v for v in read.views}
        views = [known.get(c) or others[c] for c in codes if c in known or c in others]
        extra = []
        for day in self.repo.unread_days():
            try:
                self.repo.events_on(day)
            except LoketError as err:
                if err.path is None:
                    raise
                extra.append(self._unreadable(day, err))
        return CasesRead(views, merged(read.unreadable, extra))

    def cases_on(self, day: date) -> CasesRead:
        """The cases opened on ``day``, or the day named as unreadable."""
        try:
            return CasesRead(self.views_on(day))
        except LoketError as err:
            if err.path is None:
                raise
            return CasesRead([], (self._unreadable(day, err),))

    def _unreadable(self, day: date, err: LoketError) -> UnreadableDay:
        codes: tuple[str, ...] = ()
        count: int | None = None
        if day not in self.repo.unread_days():
            codes = tuple(c for c in self.repo.open_codes() if parse_code(c).day == day)
            count = len(codes)
        return UnreadableDay(day=day, path=err.path or "", message=err.message,
                             open_cases=count, codes=codes)

    # ---------------------------------------------------------------- acting

    def _stamp(self) -> tuple[datetime, str, int]:
        if self.session is None:
            raise CaseError(T.NOT_SIGNED_IN, field="petugas")
        return self.now(), self.session.nama, self.profile.desk

    def _applicant_alone(self, events: list[dict[str, Any]], sop: Sop | None,
                         ) -> list[dict[str, Any]]:
        """A step the applicant does alone (`pemohon_sendiri`) starts as a wait for the
        applicant: its time is theirs, as with berkas kurang."""
        if not events or sop is None or events[-1]["type"] != C.STEP_STARTED:
            return events
        last = events[-1]
        step = sop.find_step(last["data"].get("step"))
        if step is None or not step.pemohon_sendiri:
            return events
        from counter.texts import sop_authoring as A

        return [*events, C.waiting_applicant(last["code"], datetime.fromisoformat(last["at"]),
                                             last["officer"], last["desk"], step.no, [],
                                             A.APPLICANT_ALONE.format(kegiatan=step.kegiatan))]

    def _commit(self, view: CaseView, events: Iterable[Mapping[str, Any]],
                handoff: C.HandOff | None = None, *, any_state: bool = False) -> CaseView:
        """Write one action's events in one durable write, planned on `view`.

        If the case moved meanwhile (another desk, another process) nothing is written
        and `ConflictError` says, in Indonesian, what changed. An action that fits any
        state (a note, a print attempt), or one overtaken only by such remarks (the
        print worker recording a receipt), is simply written after the newer events.
        """
        planned = self._applicant_alone([dict(ev) for ev in events], view.sop)
        for _attempt in range(3):
            try:
                stored = self.repo.append_many(planned, expect=view.state.last_event_id)
                break
            except ConflictError as err:
                if not (any_state or _only_remarks(err.newer)):
                    raise ConflictError(C.describe_conflict(err.newer, view.sop),
                                        code=view.code, newer=err.newer) from None
                view = self.view(view.code)
        else:
            raise ConflictError(C.describe_conflict((), view.sop), code=view.code)
        state = C.fold([*view.state.events, *stored], view.sop)
        if view.state.problems:
            state = replace(state, problems=view.state.problems + state.problems)
        return replace(self.measure(state, view.sop), handoff=handoff)

    def open_case(
        self,
        sop_id: str,
        visitor: Visitor | Mapping[str, str],
        received: Iterable[str] = (),
        missing: Iterable[str] = (),
        note: str = "",
    ) -> CaseView:
        """A walk-in: a new code, the opening facts, and the first step started.

        With documents missing, the case waits for the applicant from the start
        (the clock does not run against the office).
        """
        sop = self.sop_of(sop_id)
        if sop is None:
            raise CaseError(T.UNKNOWN_SOP.format(sop_id=sop_id), field="sop_id")
        if not sop.usable:
            raise CaseError(T.SOP_NOT_USABLE.format(nama=sop.nama), field="sop_id")
        if not isinstance(visitor, Visitor):
            visitor = make_visitor(**dict(visitor))
        at, _officer, desk = self._stamp()
        # demo cases take the reserved desk 00: their codes can never be a real desk's
        code_desk = DEMO_DESK if self.profile.demo else desk
        received, missing = list(received), list(missing)
        for _attempt in range(3):
            # A proposal, taken by the write of the opening itself: code and facts are one
            # write, so a kill never leaves a code without its case or half a case.
            code = self.repo.next_code(at.date(), code_desk, reserve=False)
            events = self._opening(code, sop, visitor, received, missing, note, at)
            try:
                stored = self.repo.append_many(events, expect=None)
                return self.measure(C.fold(stored, sop), sop)
            except ConflictError:
                continue  # another process took that code a moment ago: take the next
        raise ConflictError(TC.CONFLICT_CODE_TAKEN, field="code")

    def _opening(self, code: str, sop: Sop, visitor: Visitor, received: list[str],
                 missing: list[str], note: str, at: datetime) -> list[dict[str, Any]]:
        """The events of a walk-in: opened, the first step begun, kelengkapan, berkas kurang."""
        officer, desk = self.officer, self.profile.desk
        first = sop.first_step
        opening = C.opened(code, at, officer, desk, sop.id, visitor, sop_versi=sop.versi)
        base = C.fold([{**opening, "seq": 0}], sop)
        events = [opening, *C.plan_start(base, sop, at, officer, desk)]
        if not missing:  # berkas kurang already waits for the applicant
            events = self._applicant_alone(events, sop)
        if received or missing:
            events.append(C.kelengkapan_checked(code, at, officer, desk, first.no, received,
                                                missing))
        if missing:
            events.append(C.waiting_applicant(code, at, officer, desk, first.no, missing, note))
        return events

    def complete_step(self, code: str, output: str = "", over_reason: str | None = None,
                      to_name: str = "", received: Iterable[str] | None = None,
                      expect: str | None = None) -> CaseView:
        """Selesai: the step is done; the next one starts here, goes to its desk, or the case
        closes as selesai after the last step.

        `received` is the step's kelengkapan checklist as ticked now; it is recorded
        when it differs from what the case already holds for the step.
        """
        view = self.planned(code, expect)
        at, officer, desk = self._stamp()
        state, sop = view.state, view.sop
        events: list[dict[str, Any]] = []
        step = view.current_step
        if received is not None and step is not None and step.mutu_baku.kelengkapan:
            got = [i for i in step.mutu_baku.kelengkapan if i in set(received)]
            if set(got) != set(state.kelengkapan.get(step.no, ())):
                missing = [i for i in step.mutu_baku.kelengkapan if i not in got]
                events.append(C.kelengkapan_checked(code, at, officer, desk, step.no, got,
                                                    missing))
        if over_reason and over_reason.strip() and state.current_step is not None:
            events.append(C.over_reason(code, at, officer, desk, state.current_step,
                                        over_reason))
        nxt = C.next_action(state, sop)
        if nxt.is_last and state.status is C.Status.BERJALAN:
            events += C.plan_close(state, sop, "selesai", "", at, officer, desk, output=output)
            return self._commit(view, events)
        events += C.plan_complete(state, sop, at, officer, desk, output=output, to_name=to_name)
        handoff = nxt.hand_off if any(e["type"] == C.HANDED_OFF for e in events) else None
        return self._commit(view, events, handoff)

    def jump_to(self, code: str, target: int, output: str = "", to_name: str = "",
                expect: str | None = None) -> CaseView:
        """A decision's forward branch: complete this step and go on at step `target`.

        `expect` is the last event the officer saw, as for every other action."""
        from counter.case_jump import plan_jump

        view = self.planned(code, expect)
        at, officer, desk = self._stamp()
        events = plan_jump(view.state, view.sop, target, at, officer, desk, output, to_name)
        handoff = None
        for e in events:
            if e["type"] == C.HANDED_OFF and view.sop is not None:
                to_role = e["data"].get("to_role", "")
                handoff = C.HandOff(target, view.state.holder_role, to_role,
                                    view.sop.role_name(to_role))
        return self._commit(view, events, handoff)

    def hand_off(self, code: str, output: str = "", to_name: str = "",
                 over_reason: str | None = None,
                 received: Iterable[str] | None = None, expect: str | None = None) -> CaseView:
        """Serahkan: complete this step and send the file to the next step's role."""
        view = self.planned(code, expect)
        if view.next.hand_off is None:
            raise CaseError(T.NOT_A_HAND_OFF.format(step=view.state.current_step), field="step")
        return self.complete_step(code, output=output, over_reason=over_reason, to_name=to_name,
                                  received=received, expect=expect)

    def return_step(self, code: str, to_step: int, reason: str, to_name: str = "",
                    expect: str | None = None) -> CaseView:
        """Kembalikan: a "tidak" decision sends the file back to an earlier step."""
        view = self.planned(code, expect)
        targets = [t for t in C.return_targets(view.state, view.sop) if t.step == to_step]
        if not targets:
            raise CaseError(T.NO_SUCH_TARGET.format(step=view.state.current_step,
                                                    to_step=to_step), field="to_step")
        at, officer, desk = self._stamp()
        events = C.plan_return(view.state, view.sop, targets[0], reason, at, officer, desk,
                               to_name=to_name)
        handoff = None
        if any(e["type"] == C.HANDED_OFF for e in events):
            ho = events[-1]["data"]
            handoff = C.HandOff(step=ho["step"], from_role=ho["from_role"], to_role=ho["to_role"],
                                to_role_name=C.role_name(view.sop, ho["to_role"]))
        return self._commit(view, events, handoff)

    def receive(self, code: str, expect: str | None = None) -> CaseView:
        view = self.planned(code, expect)
        at, officer, desk = self._stamp()
        return self._commit(view, C.plan_receive(view.state, view.sop, at, officer, desk))

    def wait_applicant(self, code: str, missing: Iterable[str], note: str = "",
                       expect: str | None = None) -> CaseView:
        view = self.planned(code, expect)
        at, officer, desk = self._stamp()
        return self._commit(view, C.plan_wait(view.state, view.sop, missing, note, at, officer,
                                              desk))

    def resume(self, code: str, expect: str | None = None) -> CaseView:
        view = self.planned(code, expect)
        at, officer, desk = self._stamp()
        return self._commit(view, C.plan_resume(view.state, view.sop, at, officer, desk))

    def note(self, code: str, text: str, expect: str | None = None) -> CaseView:
        """A remark; it fits any state, so `expect` (what the officer saw) is not checked."""
        view = self.view(code)
        at, officer, desk = self._stamp()
        return self._commit(view, [C.note(code, at, officer, desk, text)], any_state=True)

    def reveal_nik(self, code: str, where: str = "") -> str:
        """The case's full NIK, for an officer who must type it elsewhere; the look is
        recorded first (who, when, at which desk), so an auditor can ask who saw it.
        Like a note it fits any state."""
        view = self.view(code)
        nik = view.state.visitor.nik
        if not nik:
            raise CaseError(T.NO_NIK.format(code=view.code_human), field="nik")
        at, officer, desk = self._stamp()
        self._commit(view, [C.nik_revealed(code, at, officer, desk, where)], any_state=True)
        return nik

    def close(self, code: str, outcome: str, reason: str = "",
              expect: str | None = None) -> CaseView:
        """Tutup; a cancellation (`dibatalkan`) is a supervisor's act."""
        if outcome == "dibatalkan":
            self._require(Act.CANCEL)
        view = self.planned(code, expect)
        at, officer, desk = self._stamp()
        return self._commit(view, C.plan_close(view.state, view.sop, outcome, reason, at,
                                               officer, desk))

    def resolve_conflicts(self, code: str, note: str, expect: str | None = None) -> CaseView:
        """A supervisor settles the case's conflicts: one `conflict_resolved` per fork,
        with what was decided. Both desks' actions stay as they were recorded. Like a
        note it fits any state (`expect` is not checked)."""
        self._require(Act.RESOLVE_CONFLICT)
        view = self.view(code)
        if not view.conflicts:
            raise CaseError(T.NO_CONFLICT.format(code=view.code_human), field="code")
        at, officer, desk = self._stamp()
        events = [C.conflict_resolved(code, at, officer, desk, fork.prev, note)
                  for fork in forks(view.state.events) if not fork.resolved]
        return self._commit(view, events)

    def reopen(self, code: str, reason: str, expect: str | None = None) -> CaseView:
        """A supervisor reopens a closed case (closed by mistake) at the step it closed
        on; the close and the reopening both stay in its history."""
        self._require(Act.REOPEN)
        view = self.planned(code, expect)
        at, officer, desk = self._stamp()
        return self._commit(view, C.plan_reopen(view.state, view.sop, reason, at, officer,
                                                desk))

    def record_print(self, code: str, doc: str, ok: bool, printer: str | None = None,
                     pdf: str = "", error: str = "") -> CaseView:
        """Every print attempt is a fact; only an ok one counts as issued."""
        view = self.view(code)
        at, officer, desk = self._stamp()
        event = C.printed(code, at, officer, desk, doc, ok=ok, printer=printer or "", pdf=pdf,
                          error=error)
        return self._commit(view, [event], any_state=True)

    def receipt_data(self, view: CaseView, kind: str, copy_label: str = "") -> ReceiptData:
        """What a document shows; its officer is whoever received the file (the case's
        opener), also on a reprint by someone else (`copy_label` marks the copy)."""
        from counter.receipt import receipt_data_for

        return receipt_data_for(view.state, view.sop, self.profile, view.timing, kind,
                                now=self.now(), day_s=self.calendar.standard_day_s,
                                copy_label=copy_label, printed_by=self.officer,
                                demo=self.profile.demo or is_demo_code(view.code))

    def issue(self, code: str, kind: str, pdf_dir: Path, *, paper: str | None = None,
              printer: str | None = None, copy_label: str = "",
              issue_fn: Callable[..., Issued] | None = None) -> tuple[CaseView, Issued]:
        """Make a document for the case, save it, print it, and record the attempt.

        A failed print is recorded as such (never counted as issued); the PDF is
        kept under `pdf_dir` either way so the officer can reprint or hand it over.
        `issue_fn` stands in for `counter.printing.issue` (tests, a shell's printer).
        """
        paper = paper or self.profile.paper
        make: Callable[..., Issued]
        if issue_fn is not None:
            make = issue_fn
        else:
            from counter.printing import issue

            make = issue
            if self.profile.printer_kind == "escpos":  # a raster to the thermal head itself
                from functools import partial

                from counter.escpos_print import print_escpos

                make = partial(issue, print_fn=partial(print_escpos, paper=paper,
                                                       dpi=self.profile.dpi))
        view = self.view(code)
        issued = make(kind, self.receipt_data(view, kind, copy_label), paper, pdf_dir=pdf_dir,
                      printer=printer if printer is not None else self.profile.printer,
                      at=self.now(), dpi=self.profile.dpi)
        view = self.record_print(code, doc=issued.doc, ok=issued.ok, printer=issued.printer,
                                 pdf=str(issued.pdf), error=issued.error)
        return view, issued

    def export_document(self, code: str, kind: str, output: Path,
                        paper: str | None = None) -> Path:
        """The document as a PDF file where the user asked; not a print, so not recorded.
        The folder must exist (a mistyped folder is refused, not created)."""
        from counter.atomic import OWNER_ONLY, check_target, write_file
        from counter.errors import PrintError
        from counter.receipt import render

        check_target(Path(output), PrintError)  # before any work
        pdf = render(kind, self.receipt_data(self.view(code), kind), paper or self.profile.paper,
                     self.profile.dpi)
        return write_file(output, pdf, mode=OWNER_ONLY, error=PrintError)

    def scan(self, text: str) -> ScanResult:
        """A scanned or typed code: the case, received here if it was on its way to a role
        this desk serves; otherwise only opened, saying where the file should be."""
        parse_code(text)  # a clear message for a malformed code or a wrong check digit
        normalized = normalize(text)
        view = self.view(normalized)
        if view.state.status is C.Status.MENUNGGU_PELAKSANA:
            if not self.serves_role(view.sop, view.state.holder_role):
                return ScanResult(view=view, received=False, elsewhere=view.holder_name)
            received = self.receive(normalized)
            return ScanResult(view=replace(received, received_now=True), received=True)
        return ScanResult(view=view, received=False)

    # ---------------------------------------------------------------- roles

    @property
    def serves(self) -> tuple[str, ...]:
        """The SOP roles (jabatan) this desk serves: an official's desk (meja pejabat)
        names them in the profile (`[pusat] peran`); a counter desk names none."""
        return self.profile.pusat.peran

    @property
    def in_office(self) -> bool:
        """Part of an office of several desks (a server is set)?"""
        return bool(self.profile.pusat.effective_dsn)

    def serves_role(self, sop: Sop | None, role: str | None) -> bool:
        """May a scan here record the file as received by `role`?

        An official's desk receives for the roles it serves, matched by id or by
        name (jabatan) to the SOP's pelaksana. A counter desk in an office of several
        desks receives only for counter roles: a counter re-scanning the slip of a file
        it sent to the Kepala Bidang must not record it as received by him. A lone
        desk (no server) keeps receiving for everyone, as it always has.
        """
        if role is None:
            return False
        if self.serves:
            names = {_fold_name(role), _fold_name(C.role_name(sop, role))}
            return any(_fold_name(s) in names for s in self.serves)
        if not self.in_office:
            return True
        return C.is_counter_role(sop, role)

    def files_for_me(self, views: Iterable[CaseView] | None = None) -> list[CaseView]:
        """An official's desk's home list: files on their way to its roles (handed off,
        not yet received) and files with it, oldest first. `views`: the open cases
        already read (default: read them now)."""
        views = self.open_views() if views is None else views
        mine = [v for v in views
                if not v.state.closed and self.serves_role(v.sop, v.state.holder_role)]
        return sorted(mine, key=lambda v: (v.state.holder_since or v.state.opened_at, v.code))


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
