"""The F2 form's "pemohon lama" lines: past visitors matching what is being typed.

Up to three, shown under the visitor fields while the officer types a name (3 letters), a
NIK or a phone number (6 digits); Ctrl+O fills the form from the first one's
last case. The NIK is matched, never shown.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from counter.dates import format_date_short
from counter.returning import PastVisit, find_returning, visit_label
from counter.texts import ui as T
from counter.visitor import mask_telepon


class ReturningList(Static):
    """Up to three matches; `first` is what Ctrl+O fills the form from."""

    DEFAULT_CSS = """
    ReturningList { height: auto; color: $text-muted; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.visits: list[PastVisit] = []
        self.matches: list[PastVisit] = []

    @property
    def first(self) -> PastVisit | None:
        return self.matches[0] if self.matches else None

    def show_for(self, text: str, sop_name: Any) -> None:
        # three lines at most: the checklist below must stay in reach at 80x24
        self.matches = find_returning(self.visits, text, limit=3)
        self.display = bool(self.matches)
        if not self.matches:
            self.update("")
            return
        out = Text(T.NEW_RETURNING_TITLE, style="bold")
        for visit in self.matches:
            label = visit_label(visit, sop_name(visit.sop_id), format_date_short(visit.at.date()),
                                mask_telepon)
            out.append("\n  " + label)
        self.update(out)
