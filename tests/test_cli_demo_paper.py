"""Demo cases can never be mistaken for real ones: desk 00 codes, "DEMO" on the paper,
and `loket --demo` never uses the real office profile."""

from datetime import date

from counter.codes import is_demo_code, parse_code
from counter.config import default_profile, resolve_paths, save_profile
from screens.cli import main
from store import open_store
from tests.pdf_scan import flat_text, scan_pdf


def test_demo_codes_use_desk_00_and_demo_paper_says_demo(paths, tmp_path, capsys):
    real = default_profile().with_changes(instansi="Dinas Koperasi Kabupaten Nyata", desk=1)
    save_profile(paths, real)
    assert main(["demo", "--hari", "1", "--per-hari", "4"]) == 0
    demo_paths = resolve_paths(demo=True)
    store = open_store(demo_paths.store_dir, real.tz)
    # every demo case (at an early hour today's only case may be closed already)
    days = [date.fromisoformat(f.stem) for f in store.day_files()]
    codes = sorted(c for day in days for c in store.events_on(day))
    assert codes
    assert all(is_demo_code(c) and parse_code(c).desk == 0 for c in codes)
    out = tmp_path / "demo.pdf"
    assert main(["--demo", "cetak", codes[0], "-o", str(out)]) == 0
    pdf = out.read_bytes()
    text = flat_text(pdf)
    assert "DEMO" in text and "BUKAN DOKUMEN RESMI" in text
    assert "Nyata".upper() not in text  # the real office's name is not on demo paper
    assert scan_pdf(pdf) == [codes[0]]
