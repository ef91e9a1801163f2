"""The walk-in queue's review in the report files (`loket laporan --format xlsx|pdf|teks
--output FILE`) and the log screen's export: its own sheet in the workbook, a
section of the PDF, the text file's last section; per group and per desk."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from counter.config import load_profile
from screens.cli import main
from screens.queue_service import queue_desk
from tests.pdf_scan import flat_text

PROFILE = '[[antrean.grup]]\nkode = "A"\nnama = "Konsultasi"\n'


def queue_day(paths) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(PROFILE, encoding="utf-8")
    profile = load_profile(paths)
    assert profile is not None
    at = [datetime.now(profile.tz).replace(hour=8, minute=0, second=0, microsecond=0)]

    def clock() -> datetime:
        return at[0]

    kiosk = queue_desk(paths, profile, desk=0, now=clock)
    desk = queue_desk(paths, profile, desk=3, now=clock)
    kiosk.take("A")
    kiosk.take("A")
    at[0] += timedelta(minutes=12)
    desk.call_next()  # A-001 waited 12 minutes at desk 3
    desk.left("A-002")


def test_the_report_files_carry_the_queue(paths, tmp_path: Path, capsys) -> None:
    queue_day(paths)
    xlsx, pdf, txt = (tmp_path / f"lap.{x}" for x in ("xlsx", "pdf", "txt"))
    assert main(["laporan", "--format", "xlsx", "--output", str(xlsx)]) == 0
    assert main(["laporan", "--format", "pdf", "--output", str(pdf)]) == 0
    assert main(["laporan", "--format", "teks", "--output", str(txt)]) == 0
    capsys.readouterr()

    sheet = load_workbook(xlsx, read_only=True)["Antrean"]
    rows = [tuple(c for c in r if c is not None) for r in sheet.iter_rows(values_only=True)]
    assert ("Waktu tunggu per grup",) in rows
    group = next(r for r in rows if r and r[0] == "A Konsultasi")
    # tiket 2, dipanggil 1, median 12 mnt, p90 12 mnt, dilayani 0, tidak hadir 0, pergi 1
    assert group == ("A Konsultasi", 2, 1, "12 mnt", "12 mnt", 0, 0, 1, 0)
    desk = next(r for r in rows if r and r[0] == "Loket 3")
    assert desk[:2] == ("Loket 3", 1) and desk[6] == 1  # called 1, left 1

    text = flat_text(pdf.read_bytes())
    assert "Antrean: Waktu tunggu per grup" in text and "Antrean: Per loket" in text
    assert "Loket 3" in text and "12 mnt" in text

    report = txt.read_text(encoding="utf-8")
    assert "Per loket" in report and "Loket 3" in report and "Tunggu terlama" in report


def test_a_day_without_tickets_adds_no_queue_sheet(paths, tmp_path: Path, capsys) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(PROFILE, encoding="utf-8")
    out = tmp_path / "lap.xlsx"
    assert main(["laporan", "--format", "xlsx", "--output", str(out)]) == 0
    assert "Antrean" not in load_workbook(out, read_only=True).sheetnames
