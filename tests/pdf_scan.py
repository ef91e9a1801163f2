"""Reading a rendered PDF as a barcode scanner reads the paper (shared by tests)."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from pypdf import PdfReader

DPI = 203  # a thermal receipt printer's resolution


def pages_at_dpi(pdf: bytes, dpi: int = DPI) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]


def one_bit(img: Image.Image) -> Image.Image:
    """What a thermal head prints: each dot black or white, no dithering."""
    return img.point(lambda v: 255 if v >= 128 else 0).convert("1")


def decoded(img: Image.Image) -> list[str]:
    return [
        r.text for r in zxingcpp.read_barcodes(img) if r.format == zxingcpp.BarcodeFormat.Code128
    ]


def scan_pdf(pdf: bytes) -> list[str]:
    """Every Code128 text on every page, read from a 1-bit print of the page."""
    return [text for page in pages_at_dpi(pdf) for text in decoded(one_bit(page))]


def flat_text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())
