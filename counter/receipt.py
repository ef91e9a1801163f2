"""The paper a case travels with: tanda terima, serah terima slip, berkas kurang slip.

`render(kind, data, paper)` returns a PDF (bytes) laid out for an 80 mm or
58 mm thermal roll (the page is exactly as long as its content) or for A5.
Layout is a short list of measured blocks drawn top-down on a reportlab canvas:
cheap (a receipt builds in a few milliseconds), and every line is wrapped to
the paper's printable width, so long names and long kelengkapan lists wrap
instead of running off a 58 mm roll. The case code is a Code128 barcode drawn
in whole printer dots (`counter.barcode_draw`), never scaled; each paper's
layout leaves room for it by design and `render` refuses rather than shrink it.

The font is Bitstream Vera (shipped inside reportlab), embedded as TrueType so
names such as "Siti Nur'aini" or "Ç Ğ Å" print on any printer.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from counter import codes, dates
from counter.barcode_draw import BarSpec, draw_code128, snap, symbol_width
from counter.errors import CodeError, PrintError
from counter.texts import receipt as T
from counter.visitor import mask_nik, mask_telepon

KINDS = ("tanda-terima", "serah-terima", "berkas-kurang")
FONT = "LoketSans"
FONT_BOLD = "LoketSans-Bold"

# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Letterhead:
    """The office's kop surat, from the Profile."""

    instansi: str
    unit: str = ""
    alamat: str = ""
    telepon: str = ""
    logo: Path | None = None


@dataclass(frozen=True)
class HandOff:
    """What a serah terima slip says about the hand-off it travels with."""

    step_no: int
    kegiatan: str
    from_role: str
    to_role: str
    from_officer: str = ""
    to_name: str = ""
    handed_at: datetime | None = None
    documents: tuple[str, ...] = ()
    output: str = ""
    due_at: datetime | None = None
    waktu: str = ""  # the receiving step's mutu baku as text, e.g. "1 hari kerja"


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on one document; filled from the case state and the Profile.

    `visitor_nik` and `visitor_telepon` are given in full and masked here, so no
    caller can forget it. `estimate_text` is e.g. "5 hari kerja".
    """

    letterhead: Letterhead
    code: str
    opened_at: datetime
    visitor_nama: str
    sop_nama: str
    sop_nomor: str
    officer: str
    visitor_nik: str = ""
    visitor_telepon: str = ""
    nama_usaha: str = ""
    desk: int | None = None
    received: tuple[str, ...] = ()
    estimated_completion: datetime | None = None
    estimate_text: str = ""
    handoff: HandOff | None = None
    missing: tuple[str, ...] = ()
    printed_at: datetime | None = None
    copy_label: str = ""  # e.g. "arsip kantor" on the office's second copy
    extra: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


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


# --------------------------------------------------------------------------- paper


@dataclass(frozen=True)
class Paper:
    """Page geometry and type sizes of one paper; `height` None means a roll."""

    name: str
    width: float
    height: float | None
    margin_x: float
    margin_top: float
    margin_bottom: float
    body: float
    small: float
    title: float
    code: float
    bar: BarSpec
    label_width: float  # 0 = labels stacked above values (narrow roll)
    logo_height: float
    dashed: bool

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x


PAPERS: dict[str, Paper] = {
    # 80 mm roll: 72 mm printable (576 dots) centred on the paper.
    "80mm": Paper(
        "80mm",
        80 * mm,
        None,
        4 * mm,
        3 * mm,
        10 * mm,
        8.0,
        6.5,
        10.5,
        11.0,
        BarSpec(module_dots=3, height=12 * mm),
        23 * mm,
        11 * mm,
        True,
    ),
    # 58 mm roll: 48 mm printable (384 dots); 2-dot modules keep the symbol ~30 mm.
    "58mm": Paper(
        "58mm",
        58 * mm,
        None,
        5 * mm,
        3 * mm,
        10 * mm,
        7.0,
        6.0,
        9.0,
        9.5,
        BarSpec(module_dots=2, height=11 * mm),
        0,
        9 * mm,
        True,
    ),
    # A5 portrait for plain office printers.
    "a5": Paper(
        "a5",
        148 * mm,
        210 * mm,
        13 * mm,
        10 * mm,
        10 * mm,
        9.0,
        7.5,
        12.5,
        12.0,
        BarSpec(module_dots=3, height=13 * mm),
        34 * mm,
        16 * mm,
        False,
    ),
}


# --------------------------------------------------------------------------- blocks


@dataclass
class Block:
    """A measured piece of the page: its height and how to draw it from its top edge."""

    height: float
    paint: Callable[[Canvas, float, float], None]  # (canvas, x_left, y_top)
    keep_with_next: bool = False


def _text(
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


def _field(label: str, value: str, paper: Paper, *, bold_value: bool = False) -> Block:
    """ "Label   value" in two columns, or label above value on a narrow roll."""
    width = paper.content_width
    vfont = FONT_BOLD if bold_value else FONT
    size = paper.body
    leading = size * 1.22
    if paper.label_width == 0:
        head = _text(label, FONT, paper.small, width)
        body = _text(value, vfont, size, width)

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


def _rule(paper: Paper, *, space: float = 2 * mm, heavy: bool = False) -> Block:
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


def _space(h: float) -> Block:
    return Block(h, lambda c, x, top: None)


def _barcode(code: str, paper: Paper) -> list[Block]:
    """The symbol centred on the dot grid, and the human-readable code under it."""
    spec = paper.bar
    need = symbol_width(code, spec)
    if need > paper.content_width:
        raise PrintError(
            T.BARCODE_TOO_WIDE.format(
                need=need / mm, paper=paper.name, have=paper.content_width / mm
            )
        )
    width = paper.content_width

    def paint(c: Canvas, x: float, top: float) -> None:
        left = snap(x + (width - need) / 2)
        draw_code128(c, code, left, top - spec.height, spec)

    bars = Block(spec.height + 1.2 * mm, paint)
    return [
        bars,
        _text(codes.human(code), FONT_BOLD, paper.code, width, align="center", gap_after=1 * mm),
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
    parts = [_text(head.instansi.upper(), FONT_BOLD, paper.title - 1, text_w, align="center")]
    if head.unit:
        parts.append(_text(head.unit, FONT_BOLD, paper.body, text_w, align="center"))
    if head.alamat:
        parts.append(_text(head.alamat, FONT, paper.small, text_w, align="center"))
    if head.telepon:
        parts.append(
            _text(T.TELEPON.format(telepon=head.telepon), FONT, paper.small, text_w, align="center")
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
    blocks.append(_rule(paper, heavy=True, space=2.5 * mm))
    return blocks


def _list(items: Sequence[str], paper: Paper) -> list[Block]:
    if not items:
        return [_text(T.TIDAK_ADA, FONT, paper.body, paper.content_width)]
    return [
        _text(item, FONT, paper.body, paper.content_width, prefix=f"{i}. ")
        for i, item in enumerate(items, 1)
    ]


def _signatures(
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
        t = _text(title, FONT, size, col, align="center")
        n = _text(name, FONT_BOLD, size, col, align="center")
        cols.append((t, n))
    tail = _text(extra, FONT, paper.small, width) if extra else None
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


# --------------------------------------------------------------------------- documents


def _head(kind: str, data: ReceiptData, paper: Paper) -> list[Block]:
    w = paper.content_width
    blocks = letterhead_blocks(data.letterhead, paper)
    blocks.append(
        _text(T.TITLE[kind], FONT_BOLD, paper.title, w, align="center", gap_after=1.5 * mm)
    )
    if data.copy_label:
        blocks.append(
            _text(
                T.SALINAN.format(label=data.copy_label),
                FONT,
                paper.small,
                w,
                align="center",
                gap_after=1 * mm,
            )
        )
    blocks += _barcode(data.code, paper)
    return blocks


def _visitor(data: ReceiptData, paper: Paper, *, full: bool) -> list[Block]:
    blocks = [_field(T.NAMA, data.visitor_nama, paper, bold_value=True)]
    if full and data.visitor_nik:
        blocks.append(_field(T.NIK, mask_nik(data.visitor_nik), paper))
    if full and data.visitor_telepon:
        blocks.append(_field(T.TELEPON_LABEL, mask_telepon(data.visitor_telepon), paper))
    if data.nama_usaha:
        blocks.append(_field(T.NAMA_USAHA, data.nama_usaha, paper))
    return blocks


def _service(data: ReceiptData, paper: Paper) -> list[Block]:
    blocks = [_field(T.LAYANAN, data.sop_nama, paper, bold_value=True)]
    if data.sop_nomor:
        blocks.append(_field(T.NOMOR_SOP, data.sop_nomor, paper))
    return blocks


def _when(data: ReceiptData, paper: Paper) -> list[Block]:
    blocks = [_field(T.TANGGAL, dates.format_datetime(data.opened_at), paper)]
    if data.desk is not None:
        blocks.append(_field(T.LOKET, f"{data.desk:02d}", paper))
    blocks.append(_field(T.PETUGAS, data.officer, paper))
    return blocks


def _estimate(data: ReceiptData) -> str:
    if data.estimated_completion is None:
        return T.PERKIRAAN_TIDAK_ADA
    text = dates.format_datetime(data.estimated_completion)
    return f"{text} ({data.estimate_text})" if data.estimate_text else text


def _foot(note: str, data: ReceiptData, paper: Paper) -> list[Block]:
    w = paper.content_width
    rule = _rule(paper)
    rule.keep_with_next = True
    blocks = [rule, _text(note, FONT, paper.small, w)]
    if data.printed_at is not None:
        blocks.append(
            _text(
                T.DICETAK.format(waktu=dates.format_datetime_short(data.printed_at)),
                FONT,
                paper.small,
                w,
                align="right",
            )
        )
    return blocks


def _tanda_terima(data: ReceiptData, paper: Paper) -> list[Block]:
    w = paper.content_width
    blocks = _head("tanda-terima", data, paper)
    blocks += _when(data, paper)
    blocks.append(_rule(paper))
    blocks += _visitor(data, paper, full=True)
    blocks.append(_rule(paper))
    blocks += _service(data, paper)
    blocks.append(_field(T.PERKIRAAN_SELESAI, _estimate(data), paper, bold_value=True))
    blocks.append(_space(1 * mm))
    head = _text(T.BERKAS_DITERIMA, FONT_BOLD, paper.body, w)
    head.keep_with_next = True
    blocks.append(head)
    blocks += _list(data.received, paper)
    blocks.append(_space(3 * mm))
    blocks.append(
        _signatures((T.YANG_MENYERAHKAN, data.visitor_nama), (T.YANG_MENERIMA, data.officer), paper)
    )
    blocks += _foot(T.CATATAN_TANDA_TERIMA, data, paper)
    return blocks


def _serah_terima(data: ReceiptData, paper: Paper) -> list[Block]:
    h = data.handoff
    if h is None:
        raise PrintError(T.NO_HANDOFF)
    w = paper.content_width
    blocks = _head("serah-terima", data, paper)
    blocks += _service(data, paper)
    blocks.append(_field(T.PEMOHON, data.visitor_nama, paper))
    blocks.append(_rule(paper))
    blocks.append(
        _field(
            T.LANGKAH,
            T.LANGKAH_TEKS.format(no=h.step_no, kegiatan=h.kegiatan),
            paper,
            bold_value=True,
        )
    )
    sender = f"{h.from_role} ({h.from_officer})" if h.from_officer else h.from_role
    blocks.append(_field(T.DARI, sender, paper))
    receiver = f"{h.to_role} ({h.to_name})" if h.to_name else h.to_role
    blocks.append(_field(T.KEPADA, receiver, paper, bold_value=True))
    if h.handed_at is not None:
        blocks.append(_field(T.DISERAHKAN, dates.format_datetime(h.handed_at), paper))
    due = dates.format_datetime(h.due_at) if h.due_at is not None else T.PERKIRAAN_TIDAK_ADA
    if h.waktu:
        due = f"{due} ({T.MUTU_BAKU.format(waktu=h.waktu)})"
    blocks.append(_field(T.BATAS_WAKTU, due, paper, bold_value=True))
    if h.output:
        blocks.append(_field(T.OUTPUT, h.output, paper))
    blocks.append(_space(1 * mm))
    head = _text(T.DOKUMEN_DISERAHKAN, FONT_BOLD, paper.body, w)
    head.keep_with_next = True
    blocks.append(head)
    blocks += _list(h.documents, paper)
    blocks.append(_space(3 * mm))
    blocks.append(
        _signatures(
            (T.YANG_MENYERAHKAN, h.from_officer),
            (T.YANG_MENERIMA, h.to_name),
            paper,
            extra=T.DITERIMA_PUKUL,
        )
    )
    blocks += _foot(T.CATATAN_SERAH_TERIMA, data, paper)
    return blocks


def _berkas_kurang(data: ReceiptData, paper: Paper) -> list[Block]:
    if not data.missing:
        raise PrintError(T.NO_MISSING)
    w = paper.content_width
    blocks = _head("berkas-kurang", data, paper)
    blocks += _when(data, paper)
    blocks.append(_rule(paper))
    blocks += _visitor(data, paper, full=False)
    blocks += _service(data, paper)
    blocks.append(_space(1 * mm))
    head = _text(T.MASIH_KURANG, FONT_BOLD, paper.body, w)
    head.keep_with_next = True
    blocks.append(head)
    blocks += [
        _text(item, FONT_BOLD, paper.body, w, prefix=f"{i}. ")
        for i, item in enumerate(data.missing, 1)
    ]
    if data.received:
        blocks.append(_space(1 * mm))
        head = _text(T.SUDAH_DITERIMA, FONT, paper.body, w)
        head.keep_with_next = True
        blocks.append(head)
        blocks += _list(data.received, paper)
    blocks.append(_space(3 * mm))
    blocks.append(
        _signatures((T.PEMOHON, data.visitor_nama), (T.PETUGAS_LOKET, data.officer), paper)
    )
    blocks += _foot(T.CATATAN_BERKAS_KURANG, data, paper)
    return blocks


_BUILDERS = {
    "tanda-terima": _tanda_terima,
    "serah-terima": _serah_terima,
    "berkas-kurang": _berkas_kurang,
}


def _paginate(blocks: list[Block], usable: float) -> list[list[Block]]:
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


def render(kind: str, data: ReceiptData, paper: str) -> bytes:
    """The document as PDF bytes. Raises PrintError for an unknown kind/paper or bad data."""
    if kind not in _BUILDERS:
        raise PrintError(T.UNKNOWN_KIND.format(kind=kind, choices=", ".join(KINDS)), field="jenis")
    if paper not in PAPERS:
        raise PrintError(
            T.UNKNOWN_PAPER.format(paper=paper, choices=", ".join(PAPERS)), field="kertas"
        )
    try:
        code = codes.normalize(data.code)
    except CodeError as err:
        raise PrintError(T.BAD_CODE.format(code=data.code, why=err.message), field="kode") from None
    data = replace(data, code=code)
    register_fonts()
    p = PAPERS[paper]
    blocks = _BUILDERS[kind](data, p)
    content_h = sum(b.height for b in blocks)
    if p.height is None:
        page_h = p.margin_top + content_h + p.margin_bottom
        pages = [blocks]
    else:
        page_h = p.height
        pages = _paginate(blocks, p.height - p.margin_top - p.margin_bottom)

    continued = f"{T.TITLE[kind]} {codes.human(data.code)}"
    out = io.BytesIO()
    c = Canvas(out, pagesize=(p.width, page_h), pageCompression=1, initialFontName=FONT, lang="id")
    c.setTitle(f"{T.TITLE[kind].title()} {codes.human(data.code)}")
    c.setAuthor(data.letterhead.instansi)
    c.setCreator("Loket")
    for number, page in enumerate(pages, 1):
        y = page_h - p.margin_top
        if number > 1:  # a loose second sheet still says which case it belongs to
            c.setFont(FONT, p.small)
            c.drawString(p.margin_x, y + 2 * mm, T.LANJUTAN.format(doc=continued, page=number))
        for b in page:
            b.paint(c, p.margin_x, y)
            y -= b.height
        c.showPage()
    c.save()
    return out.getvalue()


# --------------------------------------------------------------------------- from a case


def _duration_text(seconds: float, day_s: float) -> str:
    """ "5 hari kerja", or "2 jam 30 menit kerja" for a service shorter than a working day."""
    if seconds >= day_s * 0.999:
        return T.HARI_KERJA.format(n=math.ceil(seconds / day_s - 0.01))
    minutes = max(1, round(seconds / 60))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return T.JAM_MENIT_KERJA.format(jam=hours, menit=minutes)
    if hours:
        return T.JAM_KERJA.format(n=hours)
    return T.MENIT_KERJA.format(n=minutes)


def _received_items(state: Any) -> tuple[str, ...]:
    """Every kelengkapan item received in the case so far, in step order, once each."""
    items: dict[str, None] = {}
    for step in sorted(state.kelengkapan):
        for item in state.kelengkapan[step]:
            items.setdefault(item, None)
    return tuple(items)


def _handoff(state: Any, sop: Any, timing: Any) -> HandOff | None:
    """The latest hand-off of the case, as its slip tells it."""
    from counter.case import role_name  # the case module names roles for everyone

    event = next((e for e in reversed(state.events) if e.get("type") == "handed_off"), None)
    if event is None:
        return None
    data = event.get("data") or {}
    no = int(data.get("step"))
    at = datetime.fromisoformat(event["at"]) if isinstance(event.get("at"), str) else event["at"]
    step = next((s for s in sop.steps if s.no == no), None) if sop is not None else None
    sender_run = next((r for r in reversed(state.runs) if r.ended_at and r.ended_at <= at), None)
    sender = None
    if sop is not None and sender_run is not None:
        sender = next((s for s in sop.steps if s.no == sender_run.step), None)
    output = (sender_run.output if sender_run and sender_run.output else "") or (
        sender.mutu_baku.output if sender else ""
    )
    due = None
    for run, step_timing in timing.steps if timing is not None else ():
        if run.step == no and run.started_at == at:
            due = step_timing.due_at
    return HandOff(
        step_no=no,
        kegiatan=step.kegiatan if step else "",
        from_role=role_name(sop, data.get("from_role")),
        to_role=role_name(sop, data.get("to_role")),
        from_officer=str(event.get("officer") or ""),
        to_name=str(data.get("to_name") or ""),
        handed_at=at,
        documents=tuple(step.mutu_baku.kelengkapan) if step else (),
        output=output,
        due_at=due,
        waktu=step.mutu_baku.waktu.label() if step else "",
    )


def receipt_data_for(
    state: Any,
    sop: Any,
    profile: Any,
    timing: Any,
    kind: str,
    *,
    now: datetime | None = None,
    officer: str = "",
    copy_label: str = "",
    day_s: float = 27_000.0,
) -> ReceiptData:
    """What to print for a case: `state` a `counter.case.CaseState`, `sop` its `Sop`,
    `profile` the office `Profile`, `timing` its `clock.CaseTiming` (or None).

    `officer` is who prints (defaults to who opened the case); `day_s` the
    calendar's `standard_day_s`, to say the allowance in hari kerja.
    """
    if kind not in KINDS:
        raise PrintError(T.UNKNOWN_KIND.format(kind=kind, choices=", ".join(KINDS)), field="jenis")
    estimate, estimate_text = None, ""
    if timing is not None:
        estimate = timing.estimated_completion
        if timing.limit_s:
            estimate_text = _duration_text(timing.limit_s, day_s)
        if timing.estimate_partial:
            estimate_text = ", ".join(filter(None, (estimate_text, T.SEBAGIAN_TANPA_BATAS)))
    missing = tuple(state.waiting_missing)
    if not missing:
        last = next((r for r in reversed(state.runs) if r.missing), None)
        missing = tuple(last.missing) if last else ()
    visitor = state.visitor
    return ReceiptData(
        letterhead=Letterhead(
            profile.instansi, profile.unit, profile.alamat, profile.telepon, profile.logo
        ),
        code=state.code,
        opened_at=state.opened_at,
        visitor_nama=visitor.nama,
        sop_nama=sop.nama if sop is not None else state.sop_id,
        sop_nomor=(sop.nomor or "") if sop is not None else "",
        officer=officer or state.officer,
        visitor_nik=visitor.nik,
        visitor_telepon=visitor.telepon,
        nama_usaha=visitor.nama_usaha,
        desk=state.desk,
        received=_received_items(state),
        estimated_completion=estimate,
        estimate_text=estimate_text,
        handoff=_handoff(state, sop, timing) if kind == "serah-terima" else None,
        missing=missing,
        printed_at=now,
        copy_label=copy_label,
    )
