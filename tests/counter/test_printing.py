"""Printing through CUPS: a real spooler when this machine has one (scripts/ci-cups),
a stand-in `lp` otherwise; and every way printing fails tells the officer why."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
import zxingcpp

from counter.codes import make_code
from counter.printing import issue, pdf_path_for, print_pdf
from counter.receipt import Letterhead, ReceiptData, render

WIB = ZoneInfo("Asia/Jakarta")
CODE = make_code(date(2026, 11, 25), 2, 41)
AT = datetime(2026, 11, 25, 9, 5, 30, tzinfo=WIB)


def _real_pdf_printer() -> bool:
    if shutil.which("lpstat") is None:
        return False
    try:
        out = subprocess.run(["lpstat", "-p", "PDF"], capture_output=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0


REAL = _real_pdf_printer()


def data() -> ReceiptData:
    return ReceiptData(
        letterhead=Letterhead("Dinas Koperasi dan UKM Kota Batu", "PLUT KUMKM"),
        code=CODE,
        opened_at=AT,
        visitor_nama="Siti Nur'aini Ç Ğ",
        sop_nama="Konsultasi Bisnis",
        sop_nomor="01/SOP/PLUT/2026",
        officer="Dewi Ayu Lestari Å",
        visitor_nik="3501234567890002",
        received=("Fotokopi KTP",),
    )


def _decode_pdf(path: Path) -> list[str]:
    page = pdfium.PdfDocument(path)[0]
    img = page.render(scale=203 / 72).to_pil().convert("L")
    return [r.text for r in zxingcpp.read_barcodes(img.point(lambda v: 255 if v >= 128 else 0))]


def _cups_pdf_out_dir() -> Path:
    """Where cups-pdf puts this user's jobs: its `Out` with ${HOME} and ${USER} taken
    from the passwd entry, as cups-pdf does (not from $HOME, which tests and sudo change)."""
    entry = pwd.getpwuid(os.getuid())
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            if line.startswith("Out "):
                out = line.split(None, 1)[1].strip()
    return Path(out.replace("${HOME}", entry.pw_dir).replace("${USER}", entry.pw_name))


def _stand_in(bin_dir: Path, name: str, body: str) -> Path:
    bin_dir.mkdir(parents=True, exist_ok=True)
    script = bin_dir / name
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return script


@pytest.fixture
def pdf_file(tmp_path) -> Path:
    path = tmp_path / "tanda-terima.pdf"
    path.write_bytes(render("tanda-terima", data(), "80mm"))
    return path


def test_issue_prints_on_the_spooler_and_the_job_still_scans(tmp_path, monkeypatch):
    """Real CUPS + cups-pdf when present: the job lands as a PDF whose barcode decodes."""
    if REAL:
        printer = "PDF"
        out_dir = _cups_pdf_out_dir()
    else:  # no spooler here: a stand-in lp that keeps the file the way cups-pdf would
        printer = "PDF"
        out_dir = tmp_path / "landed"
        out_dir.mkdir()
        log = tmp_path / "lp-args"
        _stand_in(
            tmp_path / "bin",
            "lp",
            f'echo "$@" > {log}\nfor f; do last="$f"; done\n/bin/cp "$last" {out_dir}/\n'
            'echo "request id is PDF-7 (1 file(s))"\n',
        )
        monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    issued = issue(
        "tanda-terima", data(), "58mm", pdf_dir=tmp_path / "cetak", printer=printer, at=AT
    )
    assert issued.ok, issued.error
    assert issued.error == ""
    assert re.fullmatch(r"PDF-\d+", issued.job)
    # the PDF is kept in the day's folder whatever the printer did
    assert issued.pdf.parent == tmp_path / "cetak" / "2026" / "2026-11-25"
    assert _decode_pdf(issued.pdf) == [CODE]
    event = issued.event_data()
    assert event["ok"] is True and event["printer"] == "PDF" and event["doc"] == "tanda-terima"

    stem = issued.pdf.stem
    landed: list[Path] = []
    deadline = time.monotonic() + 20
    while not landed and time.monotonic() < deadline:
        # cups-pdf writes the file in place: wait until it is whole
        landed = [p for p in out_dir.glob("*.pdf")
                  if stem in p.name and b"%%EOF" in p.read_bytes()[-64:]]
        time.sleep(0.2)
    try:
        assert landed, f"no job output in {out_dir}"
        assert _decode_pdf(landed[0]) == [CODE]  # what the spooler made still scans
    finally:
        for p in landed:
            p.unlink(missing_ok=True)
    if not REAL:
        args = (tmp_path / "lp-args").read_text()
        assert "-d PDF" in args and "print-scaling=none" in args and str(issued.pdf) in args


def test_unknown_printer_is_named_in_the_message(tmp_path, monkeypatch, pdf_file):
    if not REAL:
        _stand_in(
            tmp_path / "bin",
            "lp",
            'echo "lp: Error - The printer or class does not exist." >&2\nexit 1\n',
        )
        _stand_in(tmp_path / "bin", "lpstat", 'echo "scheduler is running"\n')
        monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    result = print_pdf(pdf_file, "Printer-Tidak-Ada-77")
    assert not result.ok
    assert "Printer-Tidak-Ada-77" in result.error and "tidak dikenal" in result.error
    assert "PDF" in result.error  # tells the officer the document is kept


def test_spooler_down_is_told_apart_from_an_unknown_printer(tmp_path, monkeypatch, pdf_file):
    if REAL:
        # the real lp, pointed at a scheduler that is not there
        monkeypatch.setenv("CUPS_SERVER", "127.0.0.1:9")
    else:
        _stand_in(
            tmp_path / "bin",
            "lp",
            'echo "lp: Error - The printer or class does not exist." >&2\nexit 1\n',
        )
        _stand_in(tmp_path / "bin", "lpstat", 'echo "scheduler is not running"\n')
        monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    result = print_pdf(pdf_file, "PDF", timeout=10)
    assert not result.ok
    assert "CUPS tidak berjalan" in result.error
    assert "'PDF'" in result.error  # the officer knows which printer was tried


def test_lp_missing_from_path(tmp_path, monkeypatch, pdf_file):
    empty = tmp_path / "kosong"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = print_pdf(pdf_file, "PDF")
    assert not result.ok
    assert "'lp' tidak ditemukan" in result.error


def test_printer_not_accepting_jobs(tmp_path, monkeypatch, pdf_file):
    _stand_in(
        tmp_path / "bin",
        "lp",
        "echo 'lp: Destination \"Termal\" is not accepting jobs.' >&2\nexit 1\n",
    )
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    result = print_pdf(pdf_file, "Termal")
    assert not result.ok and "tidak menerima" in result.error and "Termal" in result.error


def test_hanging_lp_is_cut_off(tmp_path, monkeypatch, pdf_file):
    _stand_in(tmp_path / "bin", "lp", "exec /bin/sleep 10\n")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    started = time.monotonic()
    result = print_pdf(pdf_file, "Termal", timeout=0.5)
    assert time.monotonic() - started < 5
    assert not result.ok and "tidak menjawab" in result.error


def test_other_lp_errors_pass_the_detail_on(tmp_path, monkeypatch, pdf_file):
    _stand_in(tmp_path / "bin", "lp", 'echo "lp: Error - Forbidden" >&2\nexit 1\n')
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    result = print_pdf(pdf_file, "Termal")
    assert not result.ok and "Forbidden" in result.error and "Gagal mencetak" in result.error


def test_no_printer_configured_still_saves_the_pdf(tmp_path):
    issued = issue("tanda-terima", data(), "a5", pdf_dir=tmp_path, printer=None, at=AT)
    assert not issued.ok
    assert "Belum ada printer" in issued.error
    assert issued.pdf.is_file() and _decode_pdf(issued.pdf) == [CODE]
    assert str(issued.pdf) in issued.message()
    assert issued.event_data()["ok"] is False


def test_missing_pdf_file_is_reported_not_raised(tmp_path):
    result = print_pdf(tmp_path / "hilang.pdf", "PDF")
    assert not result.ok and "tidak ditemukan" in result.error


def test_reprints_never_overwrite_an_earlier_copy(tmp_path):
    first = issue("tanda-terima", data(), "80mm", pdf_dir=tmp_path, printer=None, at=AT)
    second = issue("tanda-terima", data(), "80mm", pdf_dir=tmp_path, printer=None, at=AT)
    assert first.pdf != second.pdf and first.pdf.is_file() and second.pdf.is_file()
    assert pdf_path_for(tmp_path, CODE, "serah-terima", AT).name.startswith(CODE)
