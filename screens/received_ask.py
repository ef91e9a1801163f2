"""The one question asked when documents of a step are still unticked: "semua diterima?".

Asked once, when the officer saves the new case (Ctrl+S) or completes a step
(s / h) with boxes left empty, so a document is never skipped silently and
never costs more than one key: Enter (or y) says everything was received, b
records berkas kurang instead, Esc goes back to the checklist.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from counter.texts import ui as T

Answer = Literal["all", "missing"]


class ReceivedAsk(ModalScreen[Answer | None]):
    """Dismisses with "all" (every item received), "missing" (berkas kurang) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "answer('all')", T.ASK_ALL_KEY, id="tanya.semua_diterima"),
        Binding("y", "answer('all')", T.ASK_ALL_KEY, show=False, id="tanya.ya"),
        Binding("b", "answer('missing')", T.ASK_MISSING_KEY, id="tanya.berkas_kurang"),
        Binding("escape", "answer('')", T.ASK_BACK_KEY, id="tanya.kembali"),
    ]

    def __init__(self, unticked: list[str], step: int) -> None:
        super().__init__()
        self.unticked = unticked
        self.step = step

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(T.ASK_TITLE.format(n=self.step), classes="title")
            yield Static("\n".join(f"[ ] {item}" for item in self.unticked), id="unticked")
            yield Static(T.ASK_QUESTION, classes="warning")
        yield Footer(compact=True)

    def action_answer(self, answer: str) -> None:
        self.dismiss("all" if answer == "all" else "missing" if answer == "missing" else None)
