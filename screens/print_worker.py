"""Printing a case's documents without freezing the counter.

`start_print` runs `Desk.issue` (document from the case → save PDF → `lp` → record
the attempt) in a thread worker, then tells the officer on the UI thread. A printer
that fails is a notification: the PDF is kept and the case goes on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.texts import shell as TS
from counter.texts import ui as T
from screens.messages import DocumentIssued
from screens.services import desk_of
from screens.worker_guard import run_guarded

if TYPE_CHECKING:
    from screens.app import LoketApp


def start_print(app: LoketApp, code: str, doc: str) -> None:
    """Make, save and print `doc` for case `code` in a thread; record the attempt."""
    from counter.errors import LoketError

    desk, pdf_dir, issue_fn = desk_of(app), app.paths.pdf_dir, app.issue

    def work() -> None:
        try:
            _, issued = desk.issue(code, doc, pdf_dir, issue_fn=issue_fn)
        except LoketError as err:
            app.call_from_thread(_failed, app, doc, str(err))
            return
        app.call_from_thread(_done, app, code, doc, issued)

    run_guarded(app, work, TS.WORK_PRINT, thread=True, group="print", name=f"print-{doc}-{code}")


def _failed(app: LoketApp, doc: str, message: str) -> None:
    app.notify(T.PRINT_NOT_MADE.format(doc=T.PRINT_DOCS.get(doc, doc).capitalize(),
                                       error=message.rstrip(". ")),
               severity="error", timeout=10)


def _done(app: LoketApp, code: str, doc: str, issued: Any) -> None:
    name = T.PRINT_DOCS.get(doc, doc)
    if issued.ok:
        app.notify(T.PRINT_OK.format(doc=name.capitalize(), printer=issued.printer))
    elif not issued.printer:
        # the file's name only: the whole path would cover the step text for seconds
        app.notify(T.PRINT_SAVED.format(doc=name.capitalize(), pdf=Path(issued.pdf).name))
    else:
        app.notify(T.PRINT_FAILED.format(doc=name.capitalize(), error=issued.error.rstrip(". "),
                                         pdf=issued.pdf), severity="warning", timeout=10)
    app.post_message(DocumentIssued(code, doc, issued))
