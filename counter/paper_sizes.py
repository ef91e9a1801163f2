"""Every paper Loket prints on, defined once: geometry, type sizes and the barcode's size.

Kept free of reportlab and python-barcode so the profile (`counter.config`) and the
CLI can name the papers without loading a PDF library. Lengths are PDF points.

The barcode is sized for the printer, not the paper alone: a module must be a whole
number of the printer's dots, so `Paper.module_dots(dpi)` picks the whole number of
dots nearest the paper's intended module width at that resolution (never under 2:
one-dot bars vanish in a worn thermal head and in speckle).
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4
"""One millimetre in PDF points."""
DPIS = (203, 180, 300)
"""Printer resolutions Loket lays the barcode out for: 203 dpi (8 dots/mm, most thermal
heads, the default), 180 dpi (Epson-class heads), 300 dpi (office lasers, 12 dots/mm)."""
DEFAULT_DPI = 203
MIN_MODULE_DOTS = 2


@dataclass(frozen=True, kw_only=True)
class Paper:
    """Page geometry and type sizes of one paper; `height` None means a roll whose page
    is as long as its content. `label_width` 0 stacks labels above values (narrow roll)."""

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
    module_mm: float
    bar_height: float
    label_width: float
    logo_height: float
    dashed: bool

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def is_roll(self) -> bool:
        return self.height is None

    def module_dots(self, dpi: int) -> int:
        """Barcode module width in whole printer dots at `dpi`."""
        return max(MIN_MODULE_DOTS, round(self.module_mm * dpi / 25.4))


PAPERS: dict[str, Paper] = {
    # 80 mm roll: 72 mm printable (576 dots at 203 dpi) centred on the paper.
    "80mm": Paper(
        name="80mm", width=80 * MM, height=None,
        margin_x=4 * MM, margin_top=3 * MM, margin_bottom=10 * MM,
        body=8.0, small=6.5, title=10.5, code=11.0,
        module_mm=0.375, bar_height=12 * MM,
        label_width=23 * MM, logo_height=11 * MM, dashed=True,
    ),
    # 58 mm roll: 48 mm printable (384 dots at 203 dpi); 2-dot modules keep the symbol
    # about 30 mm wide with room for its quiet zones.
    "58mm": Paper(
        name="58mm", width=58 * MM, height=None,
        margin_x=5 * MM, margin_top=3 * MM, margin_bottom=10 * MM,
        body=7.0, small=6.0, title=9.0, code=9.5,
        module_mm=0.25, bar_height=11 * MM,
        label_width=0, logo_height=9 * MM, dashed=True,
    ),
    # A5 portrait for plain office printers.
    "a5": Paper(
        name="a5", width=148 * MM, height=210 * MM,
        margin_x=13 * MM, margin_top=10 * MM, margin_bottom=10 * MM,
        body=9.0, small=7.5, title=12.5, code=12.0,
        module_mm=0.375, bar_height=13 * MM,
        label_width=34 * MM, logo_height=16 * MM, dashed=False,
    ),
}
PAPER_NAMES = tuple(PAPERS)
