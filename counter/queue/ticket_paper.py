"""The queue ticket on the counter's roll: the number in large type, the group, the
date and time, how many wait ahead, and a privacy line. No personal data at all.

Built from the receipt's layout blocks (`counter.receipt.layout`), so it shares the
letterhead, the font and the roll's page-as-long-as-its-content rule; the number is
sized to fill the roll's printable width (58 mm or 80 mm) without being cut.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from counter import dates
from counter.barcode_draw import snap
from counter.errors import PrintError
from counter.paper_sizes import DEFAULT_DPI, PAPERS, Paper
from counter.receipt import layout as L
from counter.receipt.data import Letterhead
from counter.receipt.layout import FONT, FONT_BOLD, Block
from counter.texts import queue as T
from counter.texts import receipt as TR

NUMBER_MAX_PT = 64.0


@dataclass(frozen=True)
class TicketData:
    label: str
    group_name: str
    taken_at: datetime
    ahead: int
    letterhead: Letterhead
    demo: bool = False


def _number_size(label: str, width: float) -> float:
    """The largest size (≤ 64 pt) at which the number fits the printable width."""
    at_one = float(pdfmetrics.stringWidth(label, FONT_BOLD, 1.0))
    return min(NUMBER_MAX_PT, width / at_one * 0.95)


def _number(label: str, p: Paper) -> Block:
    w = p.content_width
    size = _number_size(label, w)

    def paint(c: object, x: float, top: float) -> None:
        c.setFont(FONT_BOLD, size)  # type: ignore[attr-defined]
        # cap height ≈ 0.73 em in Vera Bold: sit the baseline under the top edge
        c.drawCentredString(x + w / 2, top - size * 0.8, label)  # type: ignore[attr-defined]

    return Block(size * 1.0 + 2 * mm, paint)


def ticket_blocks(data: TicketData, p: Paper) -> list[Block]:
    w = p.content_width
    blocks = L.letterhead_blocks(data.letterhead, p)
    if data.demo:
        blocks.append(L.text(T.TICKET_DEMO, FONT_BOLD, p.title, w, align="center"))
    blocks.append(L.text(T.TICKET_TITLE, FONT_BOLD, p.title, w, align="center",
                         gap_after=1 * mm))
    blocks.append(_number(data.label, p))
    blocks.append(L.text(data.group_name, FONT_BOLD, p.body * 1.2, w, align="center",
                         gap_after=1.5 * mm))
    blocks.append(L.text(dates.format_datetime(data.taken_at), FONT, p.body, w,
                         align="center", gap_after=1 * mm))
    ahead = T.TICKET_AHEAD.format(n=data.ahead) if data.ahead else T.TICKET_AHEAD_NONE
    blocks.append(L.text(ahead, FONT_BOLD, p.body, w, align="center"))
    blocks.append(L.rule(p))
    blocks.append(L.text(T.TICKET_PRIVACY, FONT, p.small, w, align="center"))
    return blocks


def render_ticket(data: TicketData, paper: str, dpi: int = DEFAULT_DPI) -> bytes:
    """The ticket as PDF bytes for a roll (58 or 80 mm; A5 works but wastes a sheet)."""
    if paper not in PAPERS:
        raise PrintError(TR.UNKNOWN_PAPER.format(paper=paper, choices=", ".join(PAPERS)),
                         field="kertas")
    L.register_fonts()
    p = PAPERS[paper]
    blocks = ticket_blocks(data, p)
    page_h = p.margin_top + sum(b.height for b in blocks) + p.margin_bottom
    if p.height is not None:
        page_h = p.height
    hair = 0.001
    p2 = replace(p, width=snap(p.width, dpi) - hair)
    return L.draw_pages([blocks], p2, snap(page_h, dpi) - hair,
                        title=f"{T.TICKET_TITLE.title()} {data.label}",
                        author=data.letterhead.instansi, continued=data.label)
