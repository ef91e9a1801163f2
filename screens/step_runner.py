"""The step runner: one case, its current step, live timers and the officer's actions.

Every action goes through `counter.desk.Desk` and the screen then shows the
view it returns; the timers are re-measured from the stored times each second
(`Desk.remeasure`), never counted, so they are right after a restart. What is
shown lives in `StepView` (screens/step_runner_view.py); the actions are here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from counter.case import Status
from counter.clock import Level, day_length, format_span
from counter.errors import ConflictError, LoketError
from counter.texts import sop_authoring as A
from counter.texts import ui as T
from screens.messages import CaseChanged, DetailWanted, DocumentDue
from screens.services import desk_of, tell
from screens.step_runner_view import StepView
from screens.widgets.checklist import Checklist


class StepRunnerScreen(StepView):
    BINDINGS: ClassVar[list[BindingType]] = [
        # first, so the footer keeps F1 at 80 columns however many keys the screen has
        Binding("f1", "app.help", T.KEY_HELP, id="kasus.bantuan"),
        Binding("escape", "back", T.KEY_BACK, id="kasus.kembali"),
        Binding("s", "complete", T.KEY_DONE, id="kasus.selesai"),
        Binding("h", "hand_off", T.KEY_HANDOFF, id="kasus.serahkan"),
        Binding("k", "return_step", T.KEY_RETURN, id="kasus.kembalikan"),
        # an official's desk (meja pejabat) decides: setuju / tidak, on the same keys
        Binding("s", "approve", T.KEY_APPROVE, id="kasus.setuju"),
        Binding("k", "decline", T.KEY_DECLINE, id="kasus.tidak"),
        Binding("r", "receive", T.KEY_RECEIVE, id="kasus.terima"),
        Binding("b", "missing", T.KEY_MISSING, id="kasus.berkas_kurang"),
        Binding("l", "resume", T.KEY_RESUME, id="kasus.lanjutkan"),
        Binding("c", "note", T.KEY_NOTE, id="kasus.catatan"),
        Binding("t", "close", T.KEY_CLOSE, id="kasus.tutup"),
        Binding("p", "reprint", T.KEY_REPRINT, id="kasus.cetak_ulang"),
        Binding("d", "detail", T.KEY_DETAIL, id="kasus.riwayat"),
        Binding("j", "jump", A.KEY_JUMP, id="kasus.lompat"),  # "langsung ke langkah N"
        Binding("x", "resolve_conflict", T.KEY_RESOLVE_CONFLICT, id="kasus.selesaikan_konflik"),
    ]

    # ------------------------------------------------------------------ acting

    def _act(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Call the desk; a refused action is a notification and the case stays on screen."""
        # Planned on what the officer sees: if another desk moved the case meanwhile,
        # the desk refuses rather than act on a step the officer did not see.
        kwargs.setdefault("expect", self.view.state.last_event_id)
        try:
            view = fn(*args, **kwargs)
        except ConflictError as err:  # another desk moved the case: show it as it is now
            self.app.notify(err.message, severity="warning", timeout=10)
            self.load()
            tell(self, CaseChanged(self.code))
            return None
        except LoketError as err:  # nothing was recorded; the case stays here
            self.app.notify(err.user_text, severity="error")
            return None
        except OSError as err:
            self.app.notify(str(err), severity="error")
            return None
        self.view = view
        tell(self, CaseChanged(self.code))
        return view

    def _leave_if_gone(self, view: Any) -> None:
        """A case that left the desk (closed, handed off, waiting) goes back to the list."""
        if view.state.closed or view.state.status in (Status.MENUNGGU_PELAKSANA,
                                                      Status.MENUNGGU_PEMOHON):
            if view.state.closed:
                from screens.skm_offer import offer_survey

                offer_survey(self.app, view)
            self.app.pop_screen()
        else:
            self.show()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_jump(self) -> None:
        """The step's forward branch; with several, the officer chooses which applies."""
        step = self.view.current_step if self.view is not None else None
        if step is None or not step.lanjut:
            return
        if len(step.lanjut) == 1:
            self._jump(step.lanjut[0])
            return
        from screens.jump_choice import JumpModal

        self.app.push_screen(JumpModal(list(step.lanjut)),
                             lambda chosen: self._jump(chosen) if chosen is not None else None)

    def _jump(self, target: Any) -> None:
        view = self._act(desk_of(self).jump_to, self.code, target.ke_langkah,
                         output=target.syarat)
        if view is not None:
            self.app.notify(A.JUMPED.format(target=target.ke_langkah, syarat=target.syarat))
            self._leave_if_gone(view)

    def _over_title(self) -> str | None:
        timing = self.view.current_timing()
        if timing is None or timing.level is not Level.LEWAT or timing.limit_s is None:
            return None
        return T.MODAL_OVER_TITLE.format(n=self.view.state.current_step,
                                         elapsed=format_span(timing.elapsed_s,
                                                             day_length(timing)),
                                         limit=self.view.current_step.mutu_baku.waktu.spoken()
                                         if self.view.current_step else "")

    def action_complete(self) -> None:
        self._complete(hand_off=False)

    def action_hand_off(self) -> None:
        self._complete(hand_off=True)

    def action_approve(self) -> None:
        """Setuju at an official's desk: the step is done, the file goes on (or back)."""
        self._complete(hand_off=False)

    def action_decline(self) -> None:
        """Tidak at an official's desk: back to the sender or the applicant, with a reason."""
        self.action_return_step()

    def _complete(self, hand_off: bool) -> None:
        """s / h finish at once: unticked documents are asked about once ("semua
        diterima?"), a step over its mutu baku asks for an optional reason; a note is `c`."""
        from screens.received_ask import ReceivedAsk

        step = self.view.current_step
        checklist = self.query_one("#checklist", Checklist)
        unticked = checklist.unticked if step is not None and step.mutu_baku.kelengkapan else []
        if not unticked:
            self._finish(list(checklist.selected))
            return

        def answered(answer: str | None) -> None:
            if answer == "all":
                self._finish(list(step.mutu_baku.kelengkapan) if step else [])
            elif answer == "missing":
                self.action_missing()
            else:
                checklist.focus()

        self.app.push_screen(ReceivedAsk(unticked, self.view.state.current_step), answered)

    def _finish(self, ticked: list[str]) -> None:
        over_title = self._over_title()
        if over_title is None:
            self._record_completion(ticked, None)
            return
        from screens.modals import TextModal

        def reason(text: str | None) -> None:
            if text is not None:
                self._record_completion(ticked, text)

        self.app.push_screen(TextModal(over_title, T.MODAL_OVER_LABEL), reason)

    def _record_completion(self, ticked: list[str], over_reason: str | None) -> None:
        before = self.view
        view = self._act(desk_of(self).complete_step, self.code, over_reason=over_reason,
                         received=ticked)
        if view is None:
            return
        if view.handoff is not None:
            self.app.notify(T.RUN_HANDED_OFF.format(holder=view.holder_name))
            tell(self, DocumentDue(self.code, "serah-terima"))
        elif view.state.closed:
            self.app.notify(T.RUN_CLOSED_NOTE.format(code=view.code_human,
                                                     outcome=view.status_text))
        elif view.state.current_step != before.state.current_step:
            self.app.notify(T.RUN_NEXT_STEP.format(n=view.state.current_step))
            if _handed_back(before, view):  # back from an official: a slip like any hand-off
                tell(self, DocumentDue(self.code, "serah-terima"))
        self._leave_if_gone(view)

    def _attempt(self, fn: Any, *args: Any) -> str | None:
        """Run a desk action from a dialog: its refusal is shown in the dialog, which
        stays open with what the officer typed."""
        try:
            self.view = fn(*args)
        except LoketError as err:
            return err.user_text
        except OSError as err:
            return str(err)
        tell(self, CaseChanged(self.code))
        return None

    def action_return_step(self) -> None:
        from screens.modals import ReturnModal

        targets = [(t.step, t.label) for t in self.return_choices()]
        if not targets:
            return
        modal = ReturnModal(targets)
        modal.attempt = lambda answer: self._attempt(desk_of(self).return_step, self.code,
                                                     answer.to_step, answer.reason)

        def done(answer: Any) -> None:
            if answer is None:
                return
            view = self.view
            self.app.notify(T.RUN_RETURNED.format(n=answer.to_step))
            # the lembar pengembalian travels with the returned file (to the official, or
            # to the applicant): it carries the reason and the barcode the receiver scans
            tell(self, DocumentDue(self.code, "pengembalian"))
            self._leave_if_gone(view)

        self.app.push_screen(modal, done)

    def action_receive(self) -> None:
        view = self._act(desk_of(self).receive, self.code)
        if view is not None:
            self.app.notify(T.SCAN_RECEIVED.format(code=view.code_human, role=view.holder_name))
            self.show()

    def action_missing(self) -> None:
        from screens.modals import MissingModal

        step = self.view.current_step
        items = list(step.mutu_baku.kelengkapan) if step else []
        ticked = set(self.query_one("#checklist", Checklist).selected)
        missing = [i for i in items if i not in ticked]

        def done(answer: Any) -> None:
            if answer is None:
                return
            view = self._act(desk_of(self).wait_applicant, self.code, answer.items, answer.note)
            if view is None:
                return
            tell(self, DocumentDue(self.code, "berkas-kurang"))
            self._leave_if_gone(view)

        self.app.push_screen(MissingModal(items, missing), done)

    def action_resume(self) -> None:
        """Lanjutkan: first ask what the applicant brought; those items come ticked."""
        from screens.modals import BroughtModal

        missing = list(self.view.state.waiting_missing)

        def done(brought: list[str] | None) -> None:
            if brought is None:
                return
            view = self._act(desk_of(self).resume, self.code)
            if view is not None:
                self._brought = set(brought)
                self.app.notify(T.RUN_RESUMED.format(n=view.state.current_step))
                self.show()

        if not missing:
            done([])
            return
        self.app.push_screen(BroughtModal(missing), done)

    def action_note(self) -> None:
        from screens.modals import TextModal

        def done(text: str | None) -> None:
            if text and self._act(desk_of(self).note, self.code, text) is not None:
                self.app.notify(T.RUN_NOTE_SAVED)
                self.show()

        self.app.push_screen(TextModal(T.MODAL_NOTE_TITLE, T.MODAL_NOTE_LABEL, required=True),
                             done)

    def action_resolve_conflict(self) -> None:
        """A supervisor settles a conflict between desks: what was decided, in words
        (at a petugas's desk a supervisor types their PIN first)."""
        from counter.accounts.roles import Act
        from screens.modals import TextModal
        from screens.supervisor_pin import as_supervisor

        def ask(desk: Any) -> None:
            def done(text: str | None) -> None:
                if text and self._act(desk.resolve_conflicts, self.code, text) is not None:
                    self.app.notify(T.RUN_CONFLICT_RESOLVED)
                    self.show()

            self.app.push_screen(TextModal(T.MODAL_CONFLICT_TITLE, T.MODAL_CONFLICT_LABEL,
                                           required=True), done)

        as_supervisor(self.app, Act.RESOLVE_CONFLICT, ask)

    def action_close(self) -> None:
        from screens.modals import CloseModal

        nxt = self.view.next
        can_finish = nxt.is_last and self.view.state.status in (Status.BERJALAN,
                                                                 Status.MENUNGGU_PELAKSANA)
        outcomes = [o for o in T.OUTCOMES if o != "selesai" or can_finish]
        from counter.accounts.roles import Act
        from screens.supervisor_pin import as_supervisor

        modal = CloseModal(T.MODAL_CLOSE_TITLE, outcomes)

        def needs_supervisor(answer: Any) -> bool:
            session = desk_of(self).session
            return answer.outcome == "dibatalkan" and not (session and session.may(Act.CANCEL))

        # A petugas's cancellation closes the dialog and asks for a supervisor's PIN.
        modal.attempt = lambda answer: None if needs_supervisor(answer) else self._attempt(
            desk_of(self).close, self.code, answer.outcome, answer.reason)

        def approved(answer: Any, desk: Any) -> None:
            if self._act(desk.close, self.code, answer.outcome, answer.reason) is not None:
                closed(answer)

        def done(answer: Any) -> None:
            if answer is None:
                return
            if needs_supervisor(answer):
                as_supervisor(self.app, Act.CANCEL, lambda desk: approved(answer, desk))
                return
            closed(answer)

        def closed(answer: Any) -> None:
            view = self.view
            self.app.notify(T.RUN_CLOSED_NOTE.format(code=view.code_human,
                                                     outcome=view.status_text))
            self._leave_if_gone(view)

        self.app.push_screen(modal, done)

    def action_reprint(self) -> None:
        tell(self, DocumentDue(self.code, "tanda-terima"))

    def action_detail(self) -> None:
        tell(self, DetailWanted(self.code))



def _handed_back(before: Any, after: Any) -> bool:
    """The file just came back from an official's desk to a counter step."""
    from counter.case import is_back_office, is_counter_role

    return (is_back_office(after.sop, before.state.holder_role)
            and is_counter_role(after.sop, after.state.holder_role))
