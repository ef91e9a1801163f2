"""Code128 drawn as vector bars on a reportlab canvas, sized in printer dots.

python-barcode does the encoding (start code, code set, check symbol, stop);
this module only paints its module string. Its own writers are avoided on
purpose: the PNG writer rounds bar widths to pixels and the SVG route needs a
fragile conversion chain. Here every module is a whole number of dots of the
printer's head (`BarSpec.dpi`: 2 dots = 0.25 mm at 203 dpi), bars start on that
dot grid, quiet zones are at least 10 modules, and nothing is ever scaled to fit:
a caller asks `symbol_width` first and lays out around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import barcode
from reportlab.pdfgen.canvas import Canvas

PRINTER_DPI = 203
MIN_QUIET_MODULES = 10
EDGE_INSET_DOTS = 0.2
"""Each bar edge is pulled in by a fifth of a dot (bar width reduction). Rasterisers
round a rectangle outward when its edge lands a hair past a dot boundary (pdfium
does, and Ghostscript's any-part-of-pixel rule does too), which would widen every
bar by one dot; inset edges fall cleanly inside, so an n-dot bar prints n dots."""


def dot(dpi: int = PRINTER_DPI) -> float:
    """One printer dot in PDF points (about 0.125 mm at 203 dpi)."""
    return 72.0 / dpi


@dataclass(frozen=True, kw_only=True)
class BarSpec:
    """How big one barcode is drawn: module width in dots of a `dpi` head, bar height,
    quiet zones."""

    module_dots: int = 2
    height: float = 34.0  # points (12 mm)
    quiet_modules: int = MIN_QUIET_MODULES
    dpi: int = PRINTER_DPI

    def __post_init__(self) -> None:
        if self.module_dots < 1:
            raise ValueError("module_dots must be a whole number of dots >= 1")
        if self.quiet_modules < MIN_QUIET_MODULES:
            raise ValueError("a Code128 quiet zone needs at least 10 modules")

    @property
    def module(self) -> float:
        """Width of the narrowest bar in points."""
        return self.module_dots * dot(self.dpi)


def code128_modules(text: str) -> str:
    """The symbol as '1' (bar) / '0' (space) modules, straight from python-barcode."""
    modules: str = barcode.get("code128", text).build()[0]
    return modules


def symbol_width(text: str, spec: BarSpec) -> float:
    """Width in points of the symbol *including* both quiet zones."""
    return (len(code128_modules(text)) + 2 * spec.quiet_modules) * spec.module


def snap(x: float, dpi: int = PRINTER_DPI) -> float:
    """The nearest position on the printer's dot grid, so bars do not straddle dots."""
    return round(x / dot(dpi)) * dot(dpi)


def draw_code128(canvas: Canvas, text: str, x: float, y: float, spec: BarSpec) -> float:
    """Draw the symbol with its left quiet zone starting at `x` (snapped), bars up from `y`.

    Returns the width used, quiet zones included. Runs of bar modules become one
    rectangle each, so no hairline gaps appear between neighbouring modules.
    """
    modules = code128_modules(text)
    left = snap(x, spec.dpi) + spec.quiet_modules * spec.module
    inset = EDGE_INSET_DOTS * dot(spec.dpi)
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.setLineWidth(0)
    i = 0
    n = len(modules)
    while i < n:
        if modules[i] == "1":
            j = i
            while j < n and modules[j] == "1":
                j += 1
            canvas.rect(
                left + i * spec.module + inset,
                y,
                (j - i) * spec.module - 2 * inset,
                spec.height,
                stroke=0,
                fill=1,
            )
            i = j
        else:
            i += 1
    canvas.restoreState()
    return (n + 2 * spec.quiet_modules) * spec.module
