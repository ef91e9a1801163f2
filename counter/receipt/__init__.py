"""The paper a case travels with: tanda terima, serah terima slip, berkas kurang slip,
lembar pengembalian.

`render(kind, data, paper, dpi)` returns a PDF (bytes) for an 80 mm or 58 mm roll or
A5. The package is cut along its seams: `data` (what a paper says), `layout` (the
block layout engine), `documents` (the papers themselves and `render`), `from_case`
(a case → what its paper says). Paper sizes are defined once, in `counter.paper_sizes`.
"""

from counter.paper_sizes import DPIS, PAPERS, Paper
from counter.receipt.data import HandOff, Letterhead, ReceiptData, Reprint, Return
from counter.receipt.documents import KINDS, render
from counter.receipt.from_case import receipt_data_for
from counter.receipt.layout import FONT, FONT_BOLD, letterhead_blocks, register_fonts

__all__ = [
    "DPIS", "FONT", "FONT_BOLD", "KINDS", "PAPERS", "HandOff", "Letterhead", "Paper",
    "ReceiptData", "Reprint", "Return", "letterhead_blocks", "receipt_data_for", "register_fonts",
    "render",
]
