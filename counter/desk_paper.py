"""The desk's paper: what a document shows, making, printing and recording it, and a
document saved where the user asked. Apart from counter/desk.py so the desk's case
rules stay readable; `Desk.issue`, `Desk.receipt_data` and `Desk.export_document`
call these."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from counter.codes import is_demo_code

if TYPE_CHECKING:  # paper and printing load reportlab: only when a document is made
    from counter.desk import Desk
    from counter.desk_view import CaseView
    from counter.printing import Issued
    from counter.receipt import ReceiptData


def receipt_data(desk: Desk, view: CaseView, kind: str, copy_label: str = "") -> ReceiptData:
    """What a document shows; its officer is whoever received the file (the case's
    opener), also on a reprint by someone else (`copy_label` marks the copy)."""
    from counter.receipt import receipt_data_for

    return receipt_data_for(view.state, view.sop, desk.profile, view.timing, kind,
                            now=desk.now(), day_s=desk.calendar.standard_day_s,
                            copy_label=copy_label, printed_by=desk.officer,
                            demo=desk.profile.demo or is_demo_code(view.code))


def issue(desk: Desk, code: str, kind: str, pdf_dir: Path, *, paper: str | None = None,
          printer: str | None = None, copy_label: str = "",
          issue_fn: Callable[..., Issued] | None = None) -> tuple[CaseView, Issued]:
    """Make a document for the case, save it, print it, and record the attempt.

    A failed print is recorded as such (never counted as issued); the PDF is
    kept under `pdf_dir` either way so the officer can reprint or hand it over.
    `issue_fn` stands in for `counter.printing.issue` (tests, a shell's printer).
    """
    paper = paper or desk.profile.paper
    make: Callable[..., Issued]
    if issue_fn is not None:
        make = issue_fn
    else:
        from counter.printing import issue

        make = issue
        if desk.profile.printer_kind == "escpos":  # a raster to the thermal head itself
            from functools import partial

            from counter.escpos_print import print_escpos

            make = partial(issue, print_fn=partial(print_escpos, paper=paper,
                                                   dpi=desk.profile.dpi))
    view = desk.view(code)
    issued = make(kind, receipt_data(desk, view, kind, copy_label), paper, pdf_dir=pdf_dir,
                  printer=printer if printer is not None else desk.profile.printer,
                  at=desk.now(), dpi=desk.profile.dpi)
    view = desk.record_print(code, doc=issued.doc, ok=issued.ok, printer=issued.printer,
                             pdf=str(issued.pdf), error=issued.error)
    return view, issued


def export_document(desk: Desk, code: str, kind: str, output: Path,
                    paper: str | None = None) -> Path:
    """The document as a PDF file where the user asked; not a print, so not recorded.
    The folder must exist (a mistyped folder is refused, not created)."""
    from counter.atomic import OWNER_ONLY, check_target, write_file
    from counter.errors import PrintError
    from counter.receipt import render

    check_target(Path(output), PrintError)  # before any work
    pdf = render(kind, receipt_data(desk, desk.view(code), kind), paper or desk.profile.paper,
                 desk.profile.dpi)
    return write_file(output, pdf, mode=OWNER_ONLY, error=PrintError)
