"""What screens tell the shell, as Textual messages named for what happened.

A screen does not call the app's methods (`app.show_case()`, `app.print_doc()`,
`app.refresh_home()`): it posts one of these with `screens.services.tell`, and
`LoketApp` decides what follows (open the runner, print in a worker, reload the
dashboard). So screens need not know the shell, and the shell's reactions live
in one place: the `on_…` handlers of `screens/app.py`.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message


class CaseOpened(Message):
    """A new case was recorded at this desk: show it in the step runner."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


class CaseSelected(Message):
    """The officer chose a case (a row on the dashboard): show it."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


class CaseChanged(Message):
    """Something was recorded on a case: the dashboard's lists are out of date."""

    def __init__(self, code: str | None = None) -> None:
        super().__init__()
        self.code = code


class DocumentDue(Message):
    """A document belongs in the applicant's or the official's hand: print it."""

    def __init__(self, code: str, doc: str) -> None:
        super().__init__()
        self.code, self.doc = code, doc


class DocumentIssued(Message):
    """A print attempt finished (printed, saved as PDF only, or failed) and was recorded."""

    def __init__(self, code: str, doc: str, issued: Any) -> None:
        super().__init__()
        self.code, self.doc, self.issued = code, doc, issued


class DetailWanted(Message):
    """The officer asked for a case's full history (the case detail screen)."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


class DashboardLoaded(Message):
    """The dashboard has read its cases for the first time (the store is warm)."""
