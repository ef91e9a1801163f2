"""The ticket on the roll: the number readable, on 58 and 80 mm, nothing off the edge,
no personal data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import ImageOps

from counter.paper_sizes import PAPERS
from counter.printing import PrintResult
from counter.queue.ticket_paper import TicketData, render_ticket
from counter.queue.ticket_print import issue_ticket
from counter.receipt.data import Letterhead
from tests.pdf_scan import flat_text, one_bit, pages_at_dpi

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
AT = datetime(2026, 11, 30, 9, 5, tzinfo=ZoneInfo("Asia/Jakarta"))


def data(label: str = "A-007", ahead: int = 3) -> TicketData:
    return TicketData(label, "Konsultasi & pendampingan", AT, ahead,
                      Letterhead("Dinas Koperasi dan UKM", "Bidang Kelembagaan"))


@pytest.mark.parametrize("paper", ["58mm", "80mm"])
@pytest.mark.parametrize("label", ["A-007", "B9-123"])
def test_the_number_is_printed_whole_and_large(paper: str, label: str) -> None:
    pdf = render_ticket(data(label), paper)
    text = flat_text(pdf)
    assert label in text
    assert "Konsultasi & pendampingan" in text
    assert "3 orang menunggu di depan Anda" in text
    assert "Senin, 30 November 2026" in text and "09.05" in text
    assert "tidak memuat data pribadi" in text
    (page,) = pages_at_dpi(pdf)
    p = PAPERS[paper]
    assert abs(page.width - round(p.width / 72 * 203)) <= 1  # the roll's width, not more
    ink = ImageOps.invert(one_bit(page).convert("L")).getbbox()
    assert ink is not None
    margin = round(p.margin_x / 72 * 203) - 2
    assert ink[0] >= margin and ink[2] <= page.width - margin  # nothing cut at the edges
    # the number's row: the widest run of ink is most of the printable width
    rows = one_bit(page).convert("L")
    widths = []
    for y in range(rows.height):
        line = rows.crop((0, y, rows.width, y + 1))
        box = ImageOps.invert(line).getbbox()
        widths.append(box[2] - box[0] if box else 0)
    assert max(widths) > 0.6 * (page.width - 2 * margin)
    ARTIFACTS.mkdir(exist_ok=True)
    if label == "A-007":
        page.save(ARTIFACTS / f"tiket-antrean-{paper}.png")


def test_nobody_ahead_says_so_and_a_printer_failure_keeps_the_pdf(tmp_path: Path) -> None:
    def broken(*_a: object, **_k: object) -> PrintResult:
        return PrintResult(False, "Printer 'Kasir' tidak menerima pekerjaan")

    issued = issue_ticket(data(ahead=0), paper="58mm", dpi=203, pdf_dir=tmp_path,
                          printer="Kasir", print_fn=broken)
    assert not issued.printed and "Kasir" in issued.error
    assert issued.pdf.is_file()
    assert "Tidak ada yang menunggu di depan Anda" in flat_text(issued.pdf.read_bytes())
