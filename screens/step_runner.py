"""The step runner: one case, its current step, live timers and the officer's actions.

Every action goes through `counter.desk.Desk` and the screen then shows the
view it returns; the timers are re-measured from the stored times each second
(`Desk.remeasure`), never counted, so they are right after a restart.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, SelectionList, Static

from counter.case import Action, Status
from counter.clock import Level, format_duration
from counter.dates import format_datetime_short
from counter.errors import LoketError
from counter.texts import ui as T
from screens.widgets.header import LoketHeader
from screens.widgets.timing import level_class, timer_text

BAR = 24


def progress_line(position: int, total: int) -> str:
    """'━━━━━━━━────────  3/6': where the case is among the SOP's steps."""
    if total <= 0:
        return ""
    filled = round(BAR * (position - 1) / total)
    return "━" * filled + "─" * (BAR - filled) + f"  {position}/{total}"


class StepRunnerScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", T.KEY_BACK),
        Binding("s", "complete", T.KEY_DONE),
        Binding("h", "hand_off", T.KEY_HANDOFF),
        Binding("k", "return_step", T.KEY_RETURN),
        Binding("r", "receive", T.KEY_RECEIVE),
        Binding("b", "missing", T.KEY_MISSING),
        Binding("l", "resume", T.KEY_RESUME),
        Binding("c", "note", T.KEY_NOTE),
        Binding("t", "close", T.KEY_CLOSE),
        Binding("p", "reprint", T.KEY_REPRINT),
        Binding("d", "detail", T.KEY_DETAIL),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.view: Any = None
        self._timer_sig: dict[str, tuple[str, str]] = {}

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield LoketHeader()
        with VerticalScroll(id="runner"):
            yield Static("", id="sop-line", classes="title")
            yield Static("", id="case-line")
            yield Static("", id="progress")
            yield Static("", id="kegiatan", classes="kegiatan")
            yield Static("", id="details")
            yield SelectionList[str](id="checklist")
            yield Static("", id="state-line", classes="warning")
        with Vertical(id="timers"):
            yield Static("", id="step-timer", classes="timer")
            yield Static("", id="case-timer", classes="timer")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()
        self.set_interval(1.0, self.tick)

    def load(self) -> None:
        try:
            self.view = self.app.desk.view(self.code)
        except LoketError as err:
            self.app.notify(str(err), severity="error")
            self.app.pop_screen()
            return
        self.show()

    # ------------------------------------------------------------------ showing

    def show(self) -> None:
        v = self.view
        state, sop = v.state, v.sop
        self.query_one("#sop-line", Static).update(
            T.RUN_SOP.format(nomor=sop.nomor if sop else "", nama=sop.nama if sop else
                             state.sop_id))
        self.query_one("#case-line", Static).update(
            T.RUN_CASE.format(code=v.code_human, visitor=state.visitor.nama))
        step = v.current_step
        checklist = self.query_one("#checklist", SelectionList)
        checklist.clear_options()
        if step is not None and sop is not None:
            position = [s.no for s in sop.steps].index(step.no) + 1
            self.query_one("#progress", Static).update(progress_line(position, len(sop.steps)))
            self.query_one("#kegiatan", Static).update(
                Text(T.RUN_STEP.format(n=position, total=len(sop.steps)), style="bold")
                + Text(step.kegiatan))
            mb = step.mutu_baku
            roles = ", ".join(sop.role_name(r) for r in step.pelaksana)
            lines = [
                f"{T.RUN_PELAKSANA}: {roles}",
                f"{T.RUN_OUTPUT}: {mb.output or T.RUN_NO_ITEMS}",
                f"{T.RUN_WAKTU}: {mb.waktu.label()}",
            ]
            if step.keterangan:
                lines.append(f"{T.RUN_KETERANGAN}: {step.keterangan}")
            if step.is_decision:
                lines.append(T.RUN_DECISION)
            lines.append(self._after_text())
            if mb.kelengkapan:
                lines.append(f"{T.RUN_KELENGKAPAN}:")
            self.query_one("#details", Static).update("\n".join(lines))
            got = set(state.kelengkapan.get(step.no, ()))
            checklist.add_options([(i, i, i in got) for i in mb.kelengkapan])
            checklist.display = bool(mb.kelengkapan)
            if mb.kelengkapan:
                checklist.highlighted = 0
        else:
            self.query_one("#progress", Static).update("")
            self.query_one("#kegiatan", Static).update("")
            self.query_one("#details", Static).update("")
            checklist.display = False
        self.query_one("#state-line", Static).update(self._state_text())
        self._timer_sig.clear()
        self.tick(remeasure=False)
        self.refresh_bindings()

    def _after_text(self) -> str:
        """What Selesai will do: the next step here, a hand-off, or closing the case."""
        nxt = self.view.next
        if nxt.is_last:
            return T.RUN_AFTER_LAST
        if nxt.hand_off is not None:
            return T.RUN_AFTER_HANDOFF.format(n=nxt.hand_off.step, role=nxt.hand_off.to_role_name)
        if nxt.next_step is not None and self.view.sop is not None:
            return T.RUN_AFTER_NEXT.format(n=nxt.next_step.no,
                                           role=self.view.sop.role_name(nxt.next_step.role))
        return ""

    def _state_text(self) -> str:
        v = self.view
        state = v.state
        if state.closed:
            when = format_datetime_short(state.closed_at) if state.closed_at else ""
            return T.RUN_CLOSED.format(status=v.status_text, when=when)
        if state.status is Status.MENUNGGU_PEMOHON:
            items = ", ".join(state.waiting_missing) or state.waiting_note
            return T.RUN_WAITING_APPLICANT.format(items=items)
        if state.status is Status.MENUNGGU_PELAKSANA:
            return T.RUN_HANDED.format(holder=v.holder_name,
                                       when=format_datetime_short(state.holder_since))
        return ""

    def tick(self, remeasure: bool = True) -> None:
        """Re-measure from the stored times; touch only the timer whose text changed."""
        if self.view is None:
            return
        if remeasure:
            self.view = self.app.desk.remeasure(self.view)
        step_timing = self.view.current_timing()
        self._set_timer("#step-timer", T.RUN_TIMER_STEP, step_timing)
        self._set_timer("#case-timer", T.RUN_TIMER_CASE, self.view.timing)

    def _set_timer(self, wid: str, label: str, timing: Any) -> None:
        widget = self.query_one(wid, Static)
        text = Text("") if timing is None else Text(f"{label + ':':<9}") + timer_text(timing)
        sig = (str(text), level_class(timing) if timing is not None else "")
        if self._timer_sig.get(wid) == sig:
            return
        self._timer_sig[wid] = sig
        widget.update(text)
        for level in Level:
            widget.set_class(sig[1] == f"-{level.value}", f"-{level.value}")

    # ------------------------------------------------------------------ bindings

    def _allowed(self) -> frozenset[Action]:
        if self.view is None:
            return frozenset()
        return self.view.next.allowed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = self._allowed()
        nxt = self.view.next if self.view is not None else None
        rules = {
            "complete": Action.SELESAI_LANGKAH in allowed and (nxt is None
                                                             or nxt.hand_off is None),
            "hand_off": Action.SELESAI_LANGKAH in allowed and nxt is not None
            and nxt.hand_off is not None,
            "return_step": Action.KEMBALIKAN in allowed,
            "receive": Action.TERIMA in allowed,
            "missing": Action.TUNGGU_PEMOHON in allowed,
            "resume": Action.LANJUT in allowed,
            "close": Action.TUTUP in allowed,
            "note": Action.CATAT in allowed,
        }
        if action in rules:
            return rules[action]  # hidden when it does not fit: the footer stays short
        return True

    # ------------------------------------------------------------------ acting

    def _act(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Call the desk; a refused action is a notification and the case stays on screen."""
        try:
            view = fn(*args, **kwargs)
        except (LoketError, OSError) as err:  # nothing was recorded; the case stays here
            self.app.notify(str(err), severity="error")
            return None
        self.view = view
        self.app.refresh_home()
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

    def _over_title(self) -> str | None:
        timing = self.view.current_timing()
        if timing is None or timing.level is not Level.LEWAT or timing.limit_s is None:
            return None
        return T.MODAL_OVER_TITLE.format(n=self.view.state.current_step,
                                         elapsed=format_duration(timing.elapsed_s),
                                         limit=self.view.current_step.mutu_baku.waktu.label()
                                         if self.view.current_step else "")

    def action_complete(self) -> None:
        self._complete(hand_off=False)

    def action_hand_off(self) -> None:
        self._complete(hand_off=True)

    def _complete(self, hand_off: bool) -> None:
        from screens.modals import CompleteModal

        nxt = self.view.next
        step = self.view.current_step
        role = nxt.hand_off.to_role_name if nxt.hand_off is not None else None
        title = (T.MODAL_HANDOFF_TITLE.format(role=role) if role else
                 T.MODAL_OUTPUT_TITLE.format(n=self.view.state.current_step))
        modal = CompleteModal(title, self._over_title(),
                              output_hint=step.mutu_baku.output if step else "",
                              handoff_role=role)

        def done(answer: Any) -> None:
            if answer is None:
                return
            before = self.view
            ticked = list(self.query_one("#checklist", SelectionList).selected)
            view = self._act(self.app.desk.complete_step, self.code, output=answer.output,
                             over_reason=answer.over_reason, to_name=answer.to_name,
                             received=ticked)
            if view is None:
                return
            if view.handoff is not None:
                self.app.notify(T.RUN_HANDED_OFF.format(holder=view.holder_name))
                self.app.print_doc(self.code, "serah-terima")
            elif view.state.closed:
                self.app.notify(T.RUN_CLOSED_NOTE.format(code=view.code_human,
                                                         outcome=view.status_text))
            elif view.state.current_step != before.state.current_step:
                self.app.notify(T.RUN_NEXT_STEP.format(n=view.state.current_step))
            self._leave_if_gone(view)

        self.app.push_screen(modal, done)

    def action_return_step(self) -> None:
        from screens.modals import ReturnModal

        targets = [(t.step, t.label) for t in self.view.next.returns]
        if not targets:
            return

        def done(answer: Any) -> None:
            if answer is None:
                return
            view = self._act(self.app.desk.return_step, self.code, answer.to_step, answer.reason)
            if view is None:
                return
            self.app.notify(T.RUN_RETURNED.format(n=answer.to_step))
            if view.handoff is not None:
                self.app.print_doc(self.code, "serah-terima")
            self._leave_if_gone(view)

        self.app.push_screen(ReturnModal(targets), done)

    def action_receive(self) -> None:
        view = self._act(self.app.desk.receive, self.code)
        if view is not None:
            self.app.notify(T.SCAN_RECEIVED.format(code=view.code_human, role=view.holder_name))
            self.show()

    def action_missing(self) -> None:
        from screens.modals import MissingModal

        step = self.view.current_step
        items = list(step.mutu_baku.kelengkapan) if step else []
        ticked = set(self.query_one("#checklist", SelectionList).selected)
        missing = [i for i in items if i not in ticked]

        def done(answer: Any) -> None:
            if answer is None:
                return
            view = self._act(self.app.desk.wait_applicant, self.code, answer.items, answer.note)
            if view is None:
                return
            self.app.print_doc(self.code, "berkas-kurang")
            self._leave_if_gone(view)

        self.app.push_screen(MissingModal(items, missing), done)

    def action_resume(self) -> None:
        view = self._act(self.app.desk.resume, self.code)
        if view is not None:
            self.app.notify(T.RUN_RESUMED.format(n=view.state.current_step))
            self.show()

    def action_note(self) -> None:
        from screens.modals import TextModal

        def done(text: str | None) -> None:
            if text and self._act(self.app.desk.note, self.code, text) is not None:
                self.app.notify(T.RUN_NOTE_SAVED)
                self.show()

        self.app.push_screen(TextModal(T.MODAL_NOTE_TITLE, T.MODAL_NOTE_LABEL, required=True),
                             done)

    def action_close(self) -> None:
        from screens.modals import CloseModal

        def done(answer: Any) -> None:
            if answer is None:
                return
            view = self._act(self.app.desk.close, self.code, answer.outcome, answer.reason)
            if view is not None:
                self.app.notify(T.RUN_CLOSED_NOTE.format(code=view.code_human,
                                                         outcome=view.status_text))
                self._leave_if_gone(view)

        self.app.push_screen(CloseModal(T.MODAL_CLOSE_TITLE), done)

    def action_reprint(self) -> None:
        self.app.print_doc(self.code, "tanda-terima")

    def action_detail(self) -> None:
        self.app._open_optional("screens.case_detail", "CaseDetailScreen", T.SCREEN_DETAIL,
                                self.code)

