"""A ticket made, kept as a PDF, then printed on the counter's printer (CUPS or
ESC/POS, as the profile says). Like the receipts: the PDF is saved first, and a
printer problem comes back as text, never as a crash (the ticket number is taken
either way; the officer can read it out or print it again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from counter.atomic import OWNER_ONLY, ensure_folder, write_file
from counter.errors import PrintError
from counter.printing import PrintResult, media_of, print_pdf
from counter.queue.ticket_paper import TicketData, render_ticket


@dataclass(frozen=True)
class TicketIssued:
    pdf: Path
    printed: bool
    error: str = ""


def ticket_path(pdf_dir: Path, data: TicketData) -> Path:
    day = data.taken_at.date().isoformat()
    return pdf_dir / "antrean" / day / f"{data.label}.pdf"


def issue_ticket(data: TicketData, *, paper: str, dpi: int, pdf_dir: Path,
                 printer: str | None, printer_kind: str = "cups",
                 print_fn: Callable[..., PrintResult] | None = None) -> TicketIssued:
    """Render and keep the ticket's PDF; print it when a printer is set."""
    pdf = render_ticket(data, paper, dpi)
    path = ticket_path(pdf_dir, data)
    ensure_folder(path.parent, PrintError)
    write_file(path, pdf, mode=OWNER_ONLY, error=PrintError)
    if not printer and print_fn is None:
        return TicketIssued(path, False)
    send: Callable[..., Any]
    if print_fn is not None:
        send = print_fn
    elif printer_kind == "escpos":
        from counter.escpos_print import print_escpos

        send = partial(print_escpos, paper=paper, dpi=dpi)
    else:
        send = print_pdf
    result = send(path, printer, title=path.stem, media=media_of(pdf, paper))
    return TicketIssued(path, result.ok, result.error)
