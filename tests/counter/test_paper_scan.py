"""Every paper size and every document decodes at every supported printer resolution,
also with 5 % speckle, and also after a trip through a real CUPS spooler: render →
rasterise at the printer's dpi → speckle → a scanner's line → zxing-cpp."""

from __future__ import annotations

import shutil
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter.codes import make_code
from counter.paper_sizes import DPIS, PAPERS
from counter.printing import issue
from counter.receipt import KINDS, render
from tests.counter.test_printing import _cups_pdf_out_dir, _real_pdf_printer
from tests.counter.test_receipt import sample
from tests.pdf_scan import decoded, grey_pixels, one_bit, pages_at_dpi, scanned, speckled

CODE = make_code(date(2026, 11, 25), 1, 7)
SEEDS = (1, 2, 3)
WIB = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize("kind", KINDS)
def test_decodes_at_the_printers_resolution_and_with_speckle(kind, paper, dpi):
    page = pages_at_dpi(render(kind, sample(), paper, dpi), dpi)[0]
    assert decoded(one_bit(page)) == [CODE]
    for seed in SEEDS:
        assert decoded(scanned(speckled(page, seed=seed), dpi)) == [CODE], f"speckle seed {seed}"


def test_geometry_for_one_resolution_is_not_whole_dots_at_another():
    """Why the profile names the printer's dpi: bars laid out in 203 dpi dots land between
    the dots of a 180 dpi head, and the symbol no longer reads as whole modules."""
    import re

    page = one_bit(pages_at_dpi(render("tanda-terima", sample(), "58mm", 203), 180)[0])
    grey = page.convert("L")
    w, h = grey.size
    px = grey_pixels(grey)
    rows = ["".join("1" if px(x, y) < 128 else "0" for x in range(w)) for y in range(h)]
    bar_rows = [r for r in rows if r.count("1") > 80]
    runs = {len(m.group()) for m in re.finditer(r"1+|0+", bar_rows[len(bar_rows) // 2].strip("0"))}
    assert any(r % 2 for r in runs)  # odd runs: a 2-dot module is no longer whole dots


def _wait_landed(out_dir: Path, stem: str) -> Path:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for p in out_dir.glob("*.pdf"):
            if stem in p.name and b"%%EOF" in p.read_bytes()[-64:]:
                return p
        time.sleep(0.2)
    raise AssertionError(f"no job output for {stem} in {out_dir}")


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("paper", list(PAPERS))
def test_decodes_after_the_cups_spooler_at_each_resolution(tmp_path, paper, dpi):
    if not _real_pdf_printer() or shutil.which("lp") is None:
        pytest.skip("no CUPS spooler with the PDF printer here (run scripts/ci-cups)")
    at = datetime.now(WIB)
    issued = issue("serah-terima", sample(), paper, pdf_dir=tmp_path / f"{time.monotonic_ns()}",
                   printer="PDF", at=at, dpi=dpi)
    assert issued.ok, issued.error
    landed = _wait_landed(_cups_pdf_out_dir(), issued.pdf.stem)
    try:
        page = pages_at_dpi(landed.read_bytes(), dpi)[0]
        assert decoded(one_bit(page)) == [CODE]
        for seed in SEEDS:
            assert decoded(scanned(speckled(page, seed=seed), dpi)) == [CODE]
    finally:
        landed.unlink(missing_ok=True)
