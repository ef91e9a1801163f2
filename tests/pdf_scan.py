"""Reading a rendered PDF as a barcode scanner reads the paper (shared by tests)."""

from __future__ import annotations

import io
from collections.abc import Callable

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


SPECKLE = 0.05
APERTURE_MM = 0.5
"""A handheld scanner reads a line through a spot taller than one printer dot (about
0.5 mm): it averages a few dot rows, which is why a lone speck does not cut a bar."""


def speckled(img: Image.Image, fraction: float = SPECKLE, seed: int = 0) -> Image.Image:
    """The 1-bit print with `fraction` of its dots flipped at random (dust, worn head)."""
    import random

    from PIL import ImageChops

    bits = one_bit(img) if img.mode != "1" else img
    rng = random.Random(seed)
    cut = round(fraction * 256)
    noise = Image.frombytes("L", bits.size, rng.randbytes(bits.size[0] * bits.size[1]))
    return ImageChops.logical_xor(bits, noise.point(lambda v: 255 if v < cut else 0)
                                  .convert("1"))



def grey_pixels(img: Image.Image) -> Callable[[int, int], int]:
    """The grey value (0 black … 255 white) at x, y, as a plain int."""
    grey = img.convert("L")
    raw, width = grey.tobytes(), grey.size[0]
    return lambda x, y: raw[y * width + x]


def scanned(img: Image.Image, dpi: int = DPI) -> Image.Image:
    """What the scanner's line sees: the dot rows under its spot averaged, then black or
    white."""
    aperture = max(1, round(APERTURE_MM * dpi / 25.4))
    grey = img.convert("L")
    tall = grey.resize((grey.size[0], max(1, grey.size[1] // aperture)), Image.Resampling.BOX)
    return tall.point(lambda v: 255 if v >= 128 else 0)
