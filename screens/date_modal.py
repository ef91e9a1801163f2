"""Type a date the way people write it, for the daily log's `t`."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from counter import report as R
from counter.errors import LoketError
from counter.texts import ui_review as T


class DateModal(ModalScreen[date | None]):
    """Type a date the way people write it: "25 November 2026", "2026-11-25", "kemarin"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", T.REPRINT_CANCEL, id="tanggal.batal"),
    ]
    DEFAULT_CSS = """
    DateModal { align: center middle; }
    DateModal > Vertical {
        width: 60; height: auto; padding: 1 2; border: thick $primary; background: $surface;
    }
    DateModal #date-error { color: $error; height: auto; }
    """

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(T.LOG_DATE_PROMPT)
            yield Input(id="date-input")
            yield Static("", id="date-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            chosen = R.parse_date(event.value, today=self.today)
        except LoketError as err:  # unreadable, or a day that does not exist
            self.query_one("#date-error", Static).update(err.message[:1].upper()
                                                         + err.message[1:])
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
