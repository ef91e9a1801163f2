"""The documents: tanda terima, serah terima slip, berkas kurang slip, lembar pengembalian.

Each builder turns `ReceiptData` into the blocks of one paper; `render` lays them out
for a paper size (`counter.paper_sizes`) and a printer resolution. The barcode is
drawn in whole printer dots and never scaled; each paper leaves room for it by design
and `render` refuses rather than shrink it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from reportlab.lib.units import mm

from counter import codes, dates
from counter.barcode_draw import snap
from counter.errors import CodeError, PrintError
from counter.paper_sizes import DEFAULT_DPI, DPIS, PAPERS, Paper
from counter.receipt import layout as L
from counter.receipt.data import Letterhead, ReceiptData
from counter.receipt.layout import FONT, FONT_BOLD, Block
from counter.texts import receipt as T
from counter.visitor import mask_nik, mask_telepon

KINDS = ("tanda-terima", "serah-terima", "berkas-kurang", "pengembalian")


def _head(kind: str, data: ReceiptData, paper: Paper, dpi: int) -> list[Block]:
    w = paper.content_width
    blocks = L.letterhead_blocks(data.letterhead, paper)
    if data.demo:
        blocks.append(L.text(T.DEMO, FONT_BOLD, paper.title, w, align="center",
                             gap_after=1 * mm))
    blocks.append(L.text(T.TITLE[kind], FONT_BOLD, paper.title, w, align="center",
                         gap_after=1.5 * mm))
    if data.reprint is not None:
        blocks.append(L.text(
            T.SALINAN_ULANG.format(waktu=dates.format_datetime_short(data.reprint.at),
                                   petugas=data.reprint.officer),
            FONT_BOLD, paper.small, w, align="center", gap_after=1 * mm))
    if data.copy_label:
        blocks.append(L.text(T.SALINAN.format(label=data.copy_label), FONT, paper.small, w,
                             align="center", gap_after=1 * mm))
    blocks += L.barcode(data.code, paper, dpi)
    return blocks


def _heading(text: str, paper: Paper, *, bold: bool = True) -> Block:
    head = L.text(text, FONT_BOLD if bold else FONT, paper.body, paper.content_width)
    head.keep_with_next = True
    return head


def _visitor(data: ReceiptData, paper: Paper, *, full: bool) -> list[Block]:
    blocks = [L.field(T.NAMA, data.visitor_nama, paper, bold_value=True)]
    if full and data.visitor_nik:
        blocks.append(L.field(T.NIK, mask_nik(data.visitor_nik), paper))
    if full and data.visitor_telepon:
        blocks.append(L.field(T.TELEPON_LABEL, mask_telepon(data.visitor_telepon), paper))
    if data.nama_usaha:
        blocks.append(L.field(T.NAMA_USAHA, data.nama_usaha, paper))
    return blocks


def _service(data: ReceiptData, paper: Paper) -> list[Block]:
    blocks = [L.field(T.LAYANAN, data.sop_nama, paper, bold_value=True)]
    if data.sop_nomor:
        blocks.append(L.field(T.NOMOR_SOP, data.sop_nomor, paper))
    return blocks


def _when(data: ReceiptData, paper: Paper, label: str = T.TANGGAL,
          at: datetime | None = None) -> list[Block]:
    when = at if at is not None else data.opened_at
    blocks = [L.field(label, dates.format_datetime(when), paper)]
    if data.desk is not None:
        blocks.append(L.field(T.LOKET, f"{data.desk:02d}", paper))
    blocks.append(L.field(T.PETUGAS, data.officer, paper))
    return blocks


def _estimate(data: ReceiptData) -> tuple[str, str]:
    """The label and value of the "when is it done" line."""
    if data.closed_at is not None:
        return data.closed_label or T.SELESAI, dates.format_datetime(data.closed_at)
    if data.estimated_completion is None:
        return T.PERKIRAAN_SELESAI, T.PERKIRAAN_TIDAK_ADA
    text = dates.format_datetime(data.estimated_completion)
    return T.PERKIRAAN_SELESAI, f"{text} ({data.estimate_text})" if data.estimate_text else text


def _foot(note: str, data: ReceiptData, paper: Paper) -> list[Block]:
    w = paper.content_width
    rule = L.rule(paper)
    rule.keep_with_next = True
    blocks = [rule, L.text(note, FONT, paper.small, w)]
    if data.demo:
        blocks.append(L.text(T.DEMO_FOOT, FONT_BOLD, paper.small, w))
    if data.printed_at is not None:
        blocks.append(L.text(T.DICETAK.format(waktu=dates.format_datetime_short(data.printed_at)),
                             FONT, paper.small, w, align="right"))
    return blocks


def _tanda_terima(data: ReceiptData, paper: Paper, dpi: int) -> list[Block]:
    blocks = _head("tanda-terima", data, paper, dpi)
    blocks += _when(data, paper)
    blocks.append(L.rule(paper))
    blocks += _visitor(data, paper, full=True)
    blocks.append(L.rule(paper))
    blocks += _service(data, paper)
    label, value = _estimate(data)
    blocks.append(L.field(label, value, paper, bold_value=True))
    for label, value in ((T.BIAYA, data.biaya), (T.PRODUK_LAYANAN, data.produk_layanan),
                         (T.JANGKA_WAKTU, data.jangka_waktu)):
        if value:  # the service charter's published terms (Standar Pelayanan)
            blocks.append(L.field(label, value, paper))
    blocks.append(L.space(1 * mm))
    blocks.append(_heading(T.BERKAS_DITERIMA, paper))
    blocks += L.item_list(data.received, paper)
    blocks.append(L.space(3 * mm))
    blocks.append(L.signatures((T.YANG_MENYERAHKAN, data.visitor_nama),
                               (T.YANG_MENERIMA, data.officer), paper))
    blocks += _foot(T.CATATAN_TANDA_TERIMA, data, paper)
    if data.privacy:
        blocks.insert(-1 if data.printed_at is not None else len(blocks),
                      L.text(data.privacy, FONT, paper.small, paper.content_width))
    return blocks


def _serah_terima(data: ReceiptData, paper: Paper, dpi: int) -> list[Block]:
    h = data.handoff
    if h is None:
        raise PrintError(T.NO_HANDOFF)
    blocks = _head("serah-terima", data, paper, dpi)
    blocks += _service(data, paper)
    blocks.append(L.field(T.PEMOHON, data.visitor_nama, paper))
    blocks.append(L.rule(paper))
    blocks.append(L.field(T.LANGKAH, T.LANGKAH_TEKS.format(no=h.step_no, kegiatan=h.kegiatan),
                          paper, bold_value=True))
    sender = f"{h.from_role} ({h.from_officer})" if h.from_officer else h.from_role
    blocks.append(L.field(T.DARI, sender, paper))
    receiver = f"{h.to_role} ({h.to_name})" if h.to_name else h.to_role
    blocks.append(L.field(T.KEPADA, receiver, paper, bold_value=True))
    if h.handed_at is not None:
        blocks.append(L.field(T.DISERAHKAN, dates.format_datetime(h.handed_at), paper))
    due = dates.format_datetime(h.due_at) if h.due_at is not None else T.PERKIRAAN_TIDAK_ADA
    if h.waktu:
        due = f"{due} ({T.MUTU_BAKU.format(waktu=h.waktu)})"
    blocks.append(L.field(T.BATAS_WAKTU, due, paper, bold_value=True))
    if h.output:
        blocks.append(L.field(T.OUTPUT, h.output, paper))
    blocks.append(L.space(1 * mm))
    blocks.append(_heading(T.DOKUMEN_DISERAHKAN, paper))
    blocks += L.item_list(h.documents, paper)
    blocks.append(L.space(3 * mm))
    blocks.append(L.signatures((T.YANG_MENYERAHKAN, h.from_officer), (T.YANG_MENERIMA, h.to_name),
                               paper, extra=T.DITERIMA_PUKUL))
    blocks += _foot(T.CATATAN_SERAH_TERIMA, data, paper)
    return blocks


def _berkas_kurang(data: ReceiptData, paper: Paper, dpi: int) -> list[Block]:
    if not data.missing and not data.note:
        raise PrintError(T.NO_MISSING)
    w = paper.content_width
    blocks = _head("berkas-kurang", data, paper, dpi)
    blocks += _when(data, paper, at=data.requested_at)
    blocks.append(L.rule(paper))
    blocks += _visitor(data, paper, full=False)
    blocks += _service(data, paper)
    if data.missing:
        blocks.append(L.space(1 * mm))
        blocks.append(_heading(T.MASIH_KURANG, paper))
        blocks += [L.text(item, FONT_BOLD, paper.body, w, prefix=f"{i}. ")
                   for i, item in enumerate(data.missing, 1)]
    if data.note:
        blocks.append(L.space(1 * mm))
        blocks.append(_heading(T.CATATAN_PETUGAS, paper))
        blocks.append(L.text(data.note, FONT, paper.body, w))
    received = [i for i in data.received if i not in set(data.missing)]
    if received:
        blocks.append(L.space(1 * mm))
        blocks.append(_heading(T.SUDAH_DITERIMA, paper, bold=False))
        blocks += L.item_list(received, paper)
    blocks.append(L.space(3 * mm))
    blocks.append(L.signatures((T.PEMOHON, data.visitor_nama), (T.PETUGAS_LOKET, data.officer),
                               paper))
    blocks += _foot(T.CATATAN_BERKAS_KURANG, data, paper)
    return blocks


def _pengembalian(data: ReceiptData, paper: Paper, dpi: int) -> list[Block]:
    r = data.returned
    if r is None:
        raise PrintError(T.NO_RETURN)
    w = paper.content_width
    blocks = _head("pengembalian", data, paper, dpi)
    blocks += _service(data, paper)
    blocks += _visitor(data, paper, full=False)
    blocks.append(L.rule(paper))
    blocks.append(L.field(T.DARI_LANGKAH, T.LANGKAH_TEKS.format(no=r.from_step,
                                                               kegiatan=r.from_kegiatan), paper))
    blocks.append(L.field(T.KE_LANGKAH, T.LANGKAH_TEKS.format(no=r.to_step,
                                                             kegiatan=r.to_kegiatan),
                          paper, bold_value=True))
    blocks.append(L.field(T.KEPADA, r.to_role, paper, bold_value=True))
    if r.returned_at is not None:
        blocks.append(L.field(T.DIKEMBALIKAN_PADA, dates.format_datetime(r.returned_at), paper))
    if r.officer:
        blocks.append(L.field(T.PETUGAS, r.officer, paper))
    if r.rule:
        blocks.append(L.field(T.KETENTUAN_SOP, r.rule, paper))
    blocks.append(L.space(1 * mm))
    blocks.append(_heading(T.YANG_DIPERBAIKI, paper))
    blocks.append(L.text(r.reason, FONT_BOLD, paper.body, w))
    blocks.append(L.space(3 * mm))
    right = (T.PEMOHON, data.visitor_nama) if r.to_applicant else (T.YANG_MENERIMA, "")
    blocks.append(L.signatures((T.YANG_MENGEMBALIKAN, r.officer), right, paper))
    note = T.CATATAN_PENGEMBALIAN_PEMOHON if r.to_applicant else T.CATATAN_PENGEMBALIAN
    blocks += _foot(note, data, paper)
    return blocks


_BUILDERS = {
    "tanda-terima": _tanda_terima,
    "serah-terima": _serah_terima,
    "berkas-kurang": _berkas_kurang,
    "pengembalian": _pengembalian,
}


TEST_CODE_SEQ = 999


def render_test_page(letterhead: Letterhead, printer: str, paper: str, dpi: int,
                     at: datetime) -> bytes:
    """A printer test page: the settings it was made for and a barcode to scan (a code of
    the reserved demo desk 00, so it can never be taken for a real case)."""
    p = PAPERS[paper]
    w = p.content_width
    code = codes.make_code(at.date(), codes.DEMO_DESK, TEST_CODE_SEQ)
    L.register_fonts()
    blocks = L.letterhead_blocks(letterhead, p)
    blocks.append(L.text(T.TEST_TITLE, FONT_BOLD, p.title, w, align="center", gap_after=1.5 * mm))
    blocks += L.barcode(code, p, dpi)
    blocks.append(L.field(T.TEST_PRINTER, printer, p, bold_value=True))
    blocks.append(L.field(T.TEST_PAPER, T.PAPER_NAMES.get(paper, paper), p))
    blocks.append(L.field(T.TEST_DPI, T.TEST_DPI_VALUE.format(dpi=dpi), p))
    blocks.append(L.field(T.TEST_WHEN, dates.format_datetime(at), p))
    blocks.append(L.rule(p))
    blocks.append(L.text(T.TEST_NOTE, FONT, p.small, w))
    return _draw(blocks, p, dpi, title=T.TEST_TITLE, author=letterhead.instansi,
                 continued=T.TEST_TITLE)


def _draw(blocks: list[Block], p: Paper, dpi: int, *, title: str, author: str,
          continued: str) -> bytes:
    if p.height is None:
        page_h = p.margin_top + sum(b.height for b in blocks) + p.margin_bottom
        pages = [blocks]
    else:
        page_h = p.height
        pages = L.paginate(blocks, p.height - p.margin_top - p.margin_bottom)
    # The page is a whole number of printer dots each way, so a rasteriser maps points to
    # dots at exactly dpi/72 (no stretch of a fraction of a dot that would break the bars).
    # A hair under the whole dots, so a rasteriser that rounds the size up gets exactly them.
    hair = 0.001  # points; the PDF keeps 4 decimals
    p = replace(p, width=snap(p.width, dpi) - hair)
    page_h = snap(page_h, dpi) - hair
    return L.draw_pages(pages, p, page_h, title=title, author=author, continued=continued)


def render(kind: str, data: ReceiptData, paper: str, dpi: int = DEFAULT_DPI) -> bytes:
    """The document as PDF bytes, its barcode in whole dots of a `dpi` printer.
    Raises PrintError for an unknown kind/paper/resolution or bad data."""
    if kind not in _BUILDERS:
        raise PrintError(T.UNKNOWN_KIND.format(kind=kind, choices=", ".join(KINDS)), field="jenis")
    if paper not in PAPERS:
        raise PrintError(
            T.UNKNOWN_PAPER.format(paper=paper, choices=", ".join(PAPERS)), field="kertas"
        )
    if dpi not in DPIS:
        raise PrintError(T.UNKNOWN_DPI.format(dpi=dpi, choices=", ".join(map(str, DPIS))),
                         field="dpi")
    try:
        code = codes.normalize(data.code)
    except CodeError as err:
        raise PrintError(T.BAD_CODE.format(code=data.code, why=err.message), field="kode") from None
    data = replace(data, code=code)
    L.register_fonts()
    p = PAPERS[paper]
    blocks = _BUILDERS[kind](data, p, dpi)
    human = codes.human(data.code)
    return _draw(blocks, p, dpi, title=f"{T.TITLE[kind].title()} {human}",
                 author=data.letterhead.instansi, continued=f"{T.TITLE[kind]} {human}")
