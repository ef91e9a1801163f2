"""The desk service: the one place where a counter action becomes stored events.

The screens, the CLI and the demo generator all act on cases through `Desk`, so
the rules of the SOP (counter/case.py's plans) and the clock are applied the
same way everywhere, and the screens stay thin. The store is any object with the
`Repository` methods, so this module imports no database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from copy import copy
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter import case as C
from counter.accounts.roles import Act
from counter.accounts.signin import Session, require
from counter.codes import DEMO_DESK, is_demo_code, normalize, parse_code
from counter.desk_read import DeskReader
from counter.desk_view import CasesRead as CasesRead
from counter.desk_view import CaseView as CaseView
from counter.desk_view import Repository as Repository
from counter.desk_view import ScanResult as ScanResult
from counter.desk_view import _only_remarks
from counter.errors import CaseError, ConflictError
from counter.sop import Sop
from counter.sync.order import forks
from counter.texts import case as TC
from counter.texts import desk as T
from counter.visitor import Visitor, make_visitor

if TYPE_CHECKING:  # paper and printing load reportlab: only when a document is made
    from counter.printing import Issued
    from counter.receipt import ReceiptData


class Desk(DeskReader):
    """Acts on cases for one officer at one desk (reading: `DeskReader`)."""

    def acting_as(self, session: Session) -> Desk:
        """The same desk acting as `session` (a supervisor's PIN typed here for one act)."""
        other = copy(self)
        other.session = session
        return other

    def _require(self, act: Act) -> None:
        if self.session is None:
            raise CaseError(T.NOT_SIGNED_IN, field="petugas")
        require(self.session, act)

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
        if self.serves:  # an official's desk: the file goes back by hand, received by a scan
            events, back = self._hand_back(events, view, to_name)
            handoff = handoff or back
        return self._commit(view, events, handoff)

    def _hand_back(self, events: list[dict[str, Any]], view: CaseView, to_name: str,
                   ) -> tuple[list[dict[str, Any]], C.HandOff | None]:
        from counter.official import hand_back

        return hand_back(events, view.state, view.sop,
                         lambda role: self.serves_role(view.sop, role), to_name)

    def return_choices(self, view: CaseView) -> tuple[C.ReturnTarget, ...]:
        """Where "tidak" can send the case now: the SOP's decision branches at a counter;
        at an official's desk also back to the sender or the applicant (counter/official)."""
        if not self.serves:
            return view.next.returns
        from counter.official import decline_targets

        return decline_targets(view.state, view.sop,
                               lambda role: self.serves_role(view.sop, role))

    def jump_to(self, code: str, target: int, output: str = "", to_name: str = "",
                expect: str | None = None) -> CaseView:
        """A decision's forward branch: complete this step and go on at step `target`.

        `expect` is the last event the officer saw, as for every other action."""
        from counter.case_jump import plan_jump

        view = self.planned(code, expect)
        at, officer, desk = self._stamp()
        events = plan_jump(view.state, view.sop, target, at, officer, desk, output, to_name)
        handoff = None
        if self.serves:  # an official's desk: the file goes back by hand (counter/official)
            events, handoff = self._hand_back(events, view, to_name)
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
        if self.serves:  # an official's "tidak", on any step it holds
            return self._decline(view, to_step, reason, to_name)
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

    def _decline(self, view: CaseView, to_step: int, reason: str, to_name: str) -> CaseView:
        from counter.official import plan_decline

        targets = [t for t in self.return_choices(view) if t.step == to_step]
        if not targets:
            raise CaseError(T.NO_SUCH_TARGET.format(step=view.state.current_step,
                                                    to_step=to_step), field="to_step")
        at, officer, desk = self._stamp()
        events, handoff = plan_decline(view.state, view.sop, targets[0], reason, at, officer,
                                       desk, lambda role: self.serves_role(view.sop, role),
                                       to_name=to_name)
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

    def redact_personal(self, code: str, before: date, reason: str = "") -> CaseView:
        """Purge a closed case's NIK, phone and address at the end of retention: one
        `data_redacted` event, the store removes the values in the same write."""
        from counter.privacy import acts

        return acts.redact(self, code, before, reason)

    def correct_personal(self, code: str, field: str, value: str,
                         reason: str = "") -> CaseView:
        """Record the visitor's correction of one of their fields (`data_corrected`)."""
        from counter.privacy import acts

        return acts.correct(self, code, field, value, reason)

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
