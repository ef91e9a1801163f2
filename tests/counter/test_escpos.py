"""ESC/POS thermal printers: the same documents as a raster; the barcode is decoded from
the very bytes python-escpos would send to the printer (its Dummy and File printers)."""

from __future__ import annotations

from datetime import datetime

import pytest
from escpos.printer import Dummy
from PIL import Image

from counter.config import default_profile
from counter.desk import Desk
from counter.escpos_print import print_escpos
from counter.paper_sizes import DPIS, PAPERS
from counter.receipt import KINDS, render
from counter.sop import load_catalog
from store import open_store
from tests.counter.test_receipt import CODE, sample
from tests.pdf_scan import decoded, scanned, speckled

ROLLS = [p for p, spec in PAPERS.items() if spec.is_roll]


def images_from_escpos(data: bytes) -> list[Image.Image]:
    """Rebuild the pictures from `GS v 0` raster commands (stacking a picture's fragments;
    a cut `GS V` ends one picture)."""
    pictures: list[list[Image.Image]] = [[]]
    i = 0
    while i < len(data):
        if data[i:i + 3] == b"\x1dv0":
            xl, xh, yl, yh = data[i + 4:i + 8]
            width_bytes, height = xl + 256 * xh, yl + 256 * yh
            start = i + 8
            body = data[start:start + width_bytes * height]
            # ESC/POS: a 1 bit is a black dot; PIL's "1" mode: 1 is white
            img = Image.frombytes("1", (width_bytes * 8, height), bytes(b ^ 0xFF for b in body))
            pictures[-1].append(img)
            i = start + width_bytes * height
        elif data[i:i + 2] == b"\x1dV":
            pictures.append([])
            i += 2
        else:
            i += 1
    out = []
    for parts in (p for p in pictures if p):
        whole = Image.new("1", (parts[0].size[0], sum(p.size[1] for p in parts)), 1)
        y = 0
        for part in parts:
            whole.paste(part, (0, y))
            y += part.size[1]
        out.append(whole)
    return out


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("paper", ROLLS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_raster_sent_to_the_printer_scans(tmp_path, kind, paper, dpi):
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(render(kind, sample(), paper, dpi))
    device = Dummy()
    result = print_escpos(pdf, None, paper=paper, dpi=dpi, device=device)
    assert result.ok, result.error
    [picture] = images_from_escpos(device.output)
    # as wide as the head prints (72 mm / 48 mm), in whole bytes of dots
    printable = round(PAPERS[paper].content_width * dpi / 72)
    assert printable <= picture.size[0] < printable + 16
    assert decoded(picture.convert("L")) == [CODE]
    assert decoded(scanned(speckled(picture, seed=7), dpi)) == [CODE]


def test_desk_prints_on_an_escpos_file_printer_and_records_it(tmp_path):
    """A profile with printer_kind "escpos" and a file: target (what /dev/usb/lp0 is)."""
    device = tmp_path / "lp0"
    device.touch()
    profile = default_profile().with_changes(printer_kind="escpos", printer=f"file:{device}",
                                             paper="58mm")
    desk = Desk(open_store(tmp_path / "store", profile.tz), load_catalog(), profile,
                officer="Siti Aminah",
                now=lambda: datetime(2026, 11, 25, 9, 30, tzinfo=profile.tz))
    code = desk.open_case("pct-07-konsultasi-bisnis", {"nama": "Ani"},
                          received=["Form konsultasi bisnis"]).code
    view, issued = desk.issue(code, "tanda-terima", tmp_path / "cetak")
    assert issued.ok, issued.error
    assert view.state.issued("tanda-terima")
    [picture] = images_from_escpos(device.read_bytes())
    assert decoded(picture.convert("L")) == [code]


def test_a_bad_escpos_target_is_an_indonesian_message(tmp_path):
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(render("tanda-terima", sample(), "80mm"))
    result = print_escpos(pdf, "serial:COM1", paper="80mm")
    assert not result.ok and "usb:VID:PID" in result.error
    result = print_escpos(pdf, "tcp:127.0.0.1:9", paper="80mm", timeout=2)
    assert not result.ok and "ESC/POS" in result.error
