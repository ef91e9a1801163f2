"""What the step runner shows: the case's current step, its kelengkapan checklist, the
live timers, and which action keys fit the case now.

`StepView` is the showing half of `StepRunnerScreen` (screens/step_runner.py), which
adds the actions; the timers are re-measured from the stored times each second
(`Desk.remeasure`), never counted, so they are right after a restart.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from counter.case import Action
from counter.clock import Level
from counter.errors import LoketError
from counter.texts import ui as T
from screens.services import desk_of, loket
from screens.widgets.checklist import Checklist
from screens.widgets.footer import QuietFooter
from screens.widgets.header import LoketHeader
from screens.widgets.step_label import step_of
from screens.widgets.step_texts import after_text, progress_line, state_text
from screens.widgets.timing import level_class, timer_text, working_now


class StepView(Screen[None]):
    """One case on screen; `StepRunnerScreen` acts on it."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.view: Any = None
        self._timer_sig: dict[str, tuple[str, str]] = {}
        self._brought: set[str] = set()  # what the applicant brought back on Lanjutkan

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield LoketHeader()
        with VerticalScroll(id="runner"):
            yield Static("", id="sop-line", classes="title")
            yield Static("", id="case-line")
            yield Static("", id="progress")
            yield Static("", id="kegiatan", classes="kegiatan")
            yield Static("", id="details")
            yield Checklist(id="checklist")
            yield Static("", id="state-line", classes="warning")
        with Vertical(id="timers"):
            yield Static("", id="step-timer", classes="timer")
            yield Static("", id="case-timer", classes="timer")
            yield Static(T.RUN_OFF_HOURS, id="off-hours", classes="warning")
        yield QuietFooter(compact=True)

    def on_mount(self) -> None:
        self.load()
        self.set_interval(1.0, self.tick)

    def load(self) -> None:
        try:
            self.view = desk_of(self).view(self.code)
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
        checklist = self.query_one("#checklist", Checklist)
        checklist.clear_options()
        if step is not None and sop is not None:
            position = [s.no for s in sop.steps].index(step.no) + 1
            self.query_one("#progress", Static).update(progress_line(position, len(sop.steps)))
            self.query_one("#kegiatan", Static).update(
                Text(T.RUN_STEP.format(where=step_of(sop, step.no)), style="bold")
                + Text(step.kegiatan))
            mb = step.mutu_baku
            roles = ", ".join(sop.role_name(r) for r in step.pelaksana)
            lines = [
                f"{T.RUN_PELAKSANA}: {roles}",
                f"{T.RUN_OUTPUT}: {mb.output or T.RUN_NO_ITEMS}",
                f"{T.RUN_WAKTU}: {mb.waktu.spoken()}",
            ]
            if step.keterangan:
                lines.append(f"{T.RUN_KETERANGAN}: {step.keterangan}")
            if step.is_decision:
                lines.append(T.RUN_DECISION)
            lines.append(after_text(self.view, desk_of(self)))
            if mb.kelengkapan:
                lines.append(f"{T.RUN_KELENGKAPAN}:")
            self.query_one("#details", Static).update("\n".join(lines))
            # a document already in the file (received at an earlier step) stays ticked
            got = set(state.kelengkapan.get(step.no, ())) or {
                item for items in state.kelengkapan.values() for item in items}
            got |= self._brought
            checklist.add_options([(i, i, i in got) for i in mb.kelengkapan])
            checklist.display = bool(mb.kelengkapan)
            if mb.kelengkapan:
                checklist.highlighted = 0
        else:
            self.query_one("#progress", Static).update("")
            self.query_one("#kegiatan", Static).update("")
            self.query_one("#details", Static).update("")
            checklist.display = False
        self.query_one("#state-line", Static).update(
            "\n".join(line for line in (*self.view.conflicts, state_text(self.view)) if line))
        self._timer_sig.clear()
        self.tick(remeasure=False)
        self.refresh_bindings()

    def tick(self, remeasure: bool = True) -> None:
        """Re-measure from the stored times; touch only the timer whose text changed."""
        if self.view is None:
            return
        if remeasure:
            self.view = desk_of(self).remeasure(self.view)
        off = self.query_one("#off-hours", Static)
        off.display = (not self.view.state.closed
                       and not working_now(loket(self).calendar, loket(self).now()))
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

    def return_choices(self) -> tuple[Any, ...]:
        """Where "tidak" can send the case (an official's desk: on any step it holds)."""
        if self.view is None:
            return ()
        return tuple(desk_of(self).return_choices(self.view))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = self._allowed()
        nxt = self.view.next if self.view is not None else None
        rules = {
            "complete": Action.SELESAI_LANGKAH in allowed and (nxt is None
                                                             or nxt.hand_off is None),
            "hand_off": Action.SELESAI_LANGKAH in allowed and nxt is not None
            and nxt.hand_off is not None,
            "return_step": bool(self.return_choices()),
            "receive": Action.TERIMA in allowed,
            "missing": Action.TUNGGU_PEMOHON in allowed,
            "resume": Action.LANJUT in allowed,
            "close": Action.TUTUP in allowed,
            "note": Action.CATAT in allowed,
            "jump": Action.SELESAI_LANGKAH in allowed and self.view is not None
            and bool(self.view.current_step and self.view.current_step.lanjut),
        }
        official = bool(desk_of(self).serves)  # decides with setuju / tidak
        if action in ("approve", "decline"):
            rules = {"approve": Action.SELESAI_LANGKAH in allowed,
                     "decline": rules["return_step"]}
            return official and rules[action]
        if official and action in ("complete", "hand_off", "return_step"):
            return False
        if action == "resolve_conflict":
            return bool(self.view is not None and self.view.conflicts)
        if action in rules:
            return rules[action]  # hidden when it does not fit: the footer stays short
        return True
