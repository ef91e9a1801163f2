"""The layout engine for paper: measured blocks drawn top-down on a reportlab canvas.

A document is a short list of `Block`s (each knows its height and how to paint
itself from its top edge). That is cheap (a receipt builds in a few milliseconds),
and every line is wrapped to the paper's printable width, so long names and long
lists wrap instead of running off a 58 mm roll. A roll's page is exactly as long as
its content; A5 is cut into pages with headings kept with what follows.

The font is Bitstream Vera (shipped inside reportlab), embedded as TrueType so
names such as "Siti Nur'aini" or "Ç Ğ Å" print on any printer.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from counter import codes
from counter.barcode_draw import BarSpec, draw_code128, snap, symbol_width
from counter.errors import PrintError
from counter.paper_sizes import Paper
from counter.receipt.data import Letterhead
from counter.texts import receipt as T

FONT = "LoketSans"
FONT_BOLD = "LoketSans-Bold"


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont(FONT, os.path.join(folder, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, os.path.join(folder, "VeraBd.ttf")))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines no wider than `width`; words too long for a line are cut by characters."""
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width) or [""]:
        while pdfmetrics.stringWidth(line, font, size) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and pdfmetrics.stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


@dataclass
class Block:
    """A measured piece of the page: its height and how to draw it from its top edge."""

    height: float
    paint: Callable[[Canvas, float, float], None]  # (canvas, x_left, y_top)
    keep_with_next: bool = False


def text(
    text: str,
    font: str,
    size: float,
    width: float,
    *,
    align: str = "left",
    prefix: str = "",
    gap_after: float = 0.0,
) -> Block:
    """Wrapped text; `prefix` (e.g. "1. ") hangs, later lines indent under the text."""
    indent = pdfmetrics.stringWidth(prefix, font, size) if prefix else 0.0
    lines = wrap(text, font, size, width - indent)
    leading = size * 1.22

    def paint(c: Canvas, x: float, top: float) -> None:
        c.setFont(font, size)
        y = top - size
        for i, line in enumerate(lines):
            if i == 0 and prefix:
                c.drawString(x, y, prefix)
            if align == "center":
                c.drawCentredString(x + width / 2, y, line)
            elif align == "right":
                c.drawRightString(x + width, y, line)
            else:
                c.drawString(x + indent, y, line)
            y -= leading

    return Block(len(lines) * leading + gap_after, paint)


def field(label: str, value: str, paper: Paper, *, bold_value: bool = False) -> Block:
    """ "Label   value" in two columns, or label above value on a narrow roll."""
    width = paper.content_width
    vfont = FONT_BOLD if bold_value else FONT
    size = paper.body
    leading = size * 1.22
    if paper.label_width == 0:
        head = text(label, FONT, paper.small, width)
        body = text(value, vfont, size, width)

        def paint_stacked(c: Canvas, x: float, top: float) -> None:
            c.setFillGray(0.25)
            head.paint(c, x, top)
            c.setFillGray(0)
            body.paint(c, x, top - head.height)

        return Block(head.height + body.height + 1.5, paint_stacked)
    gap = 2 * mm
    llines = wrap(label, FONT, size, paper.label_width - gap)
    vlines = wrap(value, vfont, size, width - paper.label_width)

    def paint(c: Canvas, x: float, top: float) -> None:
        y = top - size
        c.setFont(FONT, size)
        for line in llines:
            c.drawString(x, y, line)
            y -= leading
        c.drawString(x + paper.label_width - gap, top - size, ":")
        y = top - size
        c.setFont(vfont, size)
        for line in vlines:
            c.drawString(x + paper.label_width, y, line)
            y -= leading

    return Block(max(len(llines), len(vlines)) * leading + 1.0, paint)


def rule(paper: Paper, *, space: float = 2 * mm, heavy: bool = False) -> Block:
    width = paper.content_width

    def paint(c: Canvas, x: float, top: float) -> None:
        c.saveState()
        c.setLineWidth(1.2 if heavy else 0.5)
        if paper.dashed and not heavy:
            c.setDash(2, 2)
        y = top - space / 2
        c.line(x, y, x + width, y)
        c.restoreState()

    return Block(space, paint)


def space(h: float) -> Block:
    return Block(h, lambda c, x, top: None)


def barcode(code: str, paper: Paper, dpi: int) -> list[Block]:
    """The symbol centred on the dot grid, and the human-readable code under it."""
    spec = bar_spec(paper, dpi)
    need = symbol_width(code, spec)
    if need > paper.content_width:
        raise PrintError(
            T.BARCODE_TOO_WIDE.format(
                need=need / mm, paper=paper.name, have=paper.content_width / mm
            )
        )
    width = paper.content_width

    def paint(c: Canvas, x: float, top: float) -> None:
        left = snap(x + (width - need) / 2, dpi)
        draw_code128(c, code, left, top - spec.height, spec)

    bars = Block(spec.height + 1.2 * mm, paint)
    return [
        bars,
        text(codes.human(code), FONT_BOLD, paper.code, width, align="center", gap_after=1 * mm),
    ]


def _logo(path: Path | None, paper: Paper) -> tuple[ImageReader | None, float]:
    """The logo image and its drawn width at the paper's logo height; a bad file is skipped
    (a receipt must print even when the logo is missing)."""
    if path is None:
        return None, 0.0
    try:
        img = ImageReader(str(path))
        iw, ih = img.getSize()
    except Exception:
        return None, 0.0
    if not iw or not ih:
        return None, 0.0
    return img, paper.logo_height * iw / ih


def letterhead_blocks(head: Letterhead, paper: Paper) -> list[Block]:
    width = paper.content_width
    img, logo_w = _logo(head.logo, paper)
    side_logo = img is not None and paper.height is not None  # A5: logo left of the text
    text_w = width - (logo_w + 3 * mm) * 2 if side_logo else width
    parts = [text(head.instansi.upper(), FONT_BOLD, paper.title - 1, text_w, align="center")]
    if head.unit:
        parts.append(text(head.unit, FONT_BOLD, paper.body, text_w, align="center"))
    if head.alamat:
        parts.append(text(head.alamat, FONT, paper.small, text_w, align="center"))
    if head.telepon:
        parts.append(
            text(T.TELEPON.format(telepon=head.telepon), FONT, paper.small, text_w, align="center")
        )
    text_h = sum(p.height for p in parts)
    blocks: list[Block] = []
    if img is not None and not side_logo:

        def paint_logo(c: Canvas, x: float, top: float) -> None:
            c.drawImage(
                img,
                x + (width - logo_w) / 2,
                top - paper.logo_height,
                logo_w,
                paper.logo_height,
                mask="auto",
            )

        blocks.append(Block(paper.logo_height + 1.5 * mm, paint_logo))
    height = max(text_h, paper.logo_height if side_logo else 0.0)

    def paint_text(c: Canvas, x: float, top: float) -> None:
        if side_logo and img is not None:
            c.drawImage(img, x, top - paper.logo_height, logo_w, paper.logo_height, mask="auto")
        tx = x + (width - text_w) / 2
        y = top - (height - text_h) / 2
        for p in parts:
            p.paint(c, tx, y)
            y -= p.height

    blocks.append(Block(height, paint_text))
    blocks.append(rule(paper, heavy=True, space=2.5 * mm))
    return blocks


def item_list(items: Sequence[str], paper: Paper) -> list[Block]:
    if not items:
        return [text(T.TIDAK_ADA, FONT, paper.body, paper.content_width)]
    return [
        text(item, FONT, paper.body, paper.content_width, prefix=f"{i}. ")
        for i, item in enumerate(items, 1)
    ]


def signatures(
    left: tuple[str, str], right: tuple[str, str], paper: Paper, extra: str = ""
) -> Block:
    """Two columns: role, room to sign, a line, and the name in brackets under it."""
    width = paper.content_width
    gap = 4 * mm
    col = (width - gap) / 2
    sign_room = 13 * mm if paper.height is None else 14 * mm
    size = paper.small if paper.label_width == 0 else paper.body
    cols = []
    for title, name in (left, right):
        t = text(title, FONT, size, col, align="center")
        n = text(name, FONT_BOLD, size, col, align="center")
        cols.append((t, n))
    tail = text(extra, FONT, paper.small, width) if extra else None
    body_h = max(t.height + sign_room + n.height for t, n in cols)
    total = body_h + (tail.height + 1.5 * mm if tail else 0.0)

    def paint(c: Canvas, x: float, top: float) -> None:
        for i, (t, n) in enumerate(cols):
            cx = x + i * (col + gap)
            t.paint(c, cx, top)
            y_line = top - t.height - sign_room
            c.setLineWidth(0.5)
            c.line(cx + 2 * mm, y_line, cx + col - 2 * mm, y_line)
            n.paint(c, cx, y_line - 1)
        if tail:
            tail.paint(c, x, top - body_h - 1.5 * mm)

    return Block(total, paint)


def paginate(blocks: list[Block], usable: float) -> list[list[Block]]:
    """Split into pages of at most `usable` height; a heading stays with what follows."""
    pages: list[list[Block]] = [[]]
    used = 0.0
    for i, b in enumerate(blocks):
        need = b.height
        if b.keep_with_next and i + 1 < len(blocks):
            need += blocks[i + 1].height
        if pages[-1] and used + need > usable:
            pages.append([])
            used = 0.0
        pages[-1].append(b)
        used += b.height
    return pages


def bar_spec(paper: Paper, dpi: int) -> BarSpec:
    """The paper's barcode in whole dots of a `dpi` printer."""
    return BarSpec(module_dots=paper.module_dots(dpi), height=paper.bar_height, dpi=dpi)


def draw_pages(
    pages: list[list[Block]], paper: Paper, page_h: float, *, title: str, author: str,
    continued: str,
) -> bytes:
    """Paint pages of blocks into PDF bytes; a loose later sheet says whose it is."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=(paper.width, page_h), pageCompression=1, initialFontName=FONT,
               lang="id")
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Loket")
    for number, page in enumerate(pages, 1):
        y = page_h - paper.margin_top
        if number > 1:
            c.setFont(FONT, paper.small)
            c.drawString(paper.margin_x, y + 2 * mm,
                         T.LANJUTAN.format(doc=continued, page=number))
        for b in page:
            b.paint(c, paper.margin_x, y)
            y -= b.height
        c.showPage()
    c.save()
    return out.getvalue()
