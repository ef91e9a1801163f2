"""Printing a case's documents without freezing the counter.

`Desk.receipt_data` fills the document from the case and the office profile;
`start_print` runs
render → save PDF → `lp` in a thread worker (`counter.printing.issue`), then
records the attempt on the UI thread with `Desk.record_print`. A printer that
fails is a notification: the PDF is kept and the case goes on.
"""

from __future__ import annotations

from typing import Any

from counter.texts import ui as T


def start_print(app: Any, code: str, doc: str, extra: dict[str, Any]) -> None:
    """Make, save and print `doc` for case `code` in a thread; record the attempt."""
    from counter.errors import LoketError

    try:
        view = app.desk.view(code)
        data = app.desk.receipt_data(view, doc)
    except LoketError as err:
        app.notify(str(err), severity="error")
        return
    profile, at = app.profile, app.now()
    issue = app.issue
    if issue is None:
        from counter.printing import issue

    def work() -> None:
        try:
            issued = issue(doc, data, profile.paper, pdf_dir=app.paths.pdf_dir,
                           printer=profile.printer, at=at)
        except LoketError as err:
            app.call_from_thread(_failed, app, doc, str(err))
            return
        app.call_from_thread(_record, app, code, doc, issued)

    app.run_worker(work, thread=True, group="print", name=f"print-{doc}-{code}")


def _failed(app: Any, doc: str, message: str) -> None:
    app.notify(T.PRINT_FAILED.format(doc=T.PRINT_DOCS.get(doc, doc), error=message, pdf="-"),
               severity="error", timeout=10)


def _record(app: Any, code: str, doc: str, issued: Any) -> None:
    from counter.errors import LoketError

    name = T.PRINT_DOCS.get(doc, doc)
    try:
        app.desk.record_print(code, doc, issued.ok, issued.printer, str(issued.pdf),
                              issued.error)
    except LoketError as err:
        app.notify(str(err), severity="error")
    if issued.ok:
        app.notify(T.PRINT_OK.format(doc=name.capitalize(), printer=issued.printer))
    elif not issued.printer:
        app.notify(T.PRINT_SAVED.format(doc=name.capitalize(), pdf=issued.pdf), timeout=6)
    else:
        app.notify(T.PRINT_FAILED.format(doc=name.capitalize(), error=issued.error,
                                         pdf=issued.pdf), severity="warning", timeout=10)
    app.refresh_home()
