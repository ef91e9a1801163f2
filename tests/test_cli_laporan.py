"""`loket laporan` through main([...]) on a demo store filled by the generator."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from counter import demo
from counter.config import default_profile, resolve_paths
from counter.texts import report as T
from screens.cli import main
from screens.cli.context import Context
from screens.cli.demo import fill_demo_store

LAST = date(2026, 11, 25)  # Wednesday


@pytest.fixture
def demo_store(loket_dirs: tuple[Path, Path]) -> demo.DemoResult:
    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    return fill_demo_store(ctx, days=3, per_day=8, seed=2,
                           until=demo.end_of_day(LAST, default_profile()))


def cases_opened(result: demo.DemoResult, day: date) -> list[str]:
    return [c for c in result.codes if c.startswith(day.strftime("%y%m%d"))]


def test_teks_prints_summary_and_case_table(demo_store: demo.DemoResult,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "laporan", "--tanggal", "25 November 2026"]) == 0
    out = capsys.readouterr().out
    assert T.TITLE_DAY in out and "Rabu, 25 November 2026" in out
    codes = cases_opened(demo_store, LAST)
    assert re.search(rf"^{T.LABEL_OPENED}\s+{len(codes)}\s*$", out, re.MULTILINE)
    for code in codes:
        assert f"{code[:6]}-{code[6:8]}-{code[8:11]}-{code[11]}" in out


def test_demo_flag_after_the_command(demo_store: demo.DemoResult,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["laporan", "--demo", "--tanggal", "2026-11-25"]) == 0
    codes = cases_opened(demo_store, LAST)
    assert f"{codes[0][:6]}-{codes[0][6:8]}-{codes[0][8:11]}-{codes[0][11]}" in \
        capsys.readouterr().out


def test_without_demo_the_real_store_is_read(demo_store: demo.DemoResult,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["laporan", "--tanggal", "2026-11-25"]) == 0
    assert re.search(rf"^{T.LABEL_OPENED}\s+0\s*$", capsys.readouterr().out, re.MULTILINE)


def test_range_csv_has_every_case_of_the_range(demo_store: demo.DemoResult, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rentang.csv"
    first = demo_store.first.isoformat()
    assert main(["--demo", "laporan", "--dari", first, "--sampai", "25-11-2026",
                 "--format", "csv", "-o", str(out)]) == 0
    assert "rentang-langkah.csv" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig", newline="") as fh:
        codes = [r[T.COL_CODE].replace("-", "") for r in csv.DictReader(fh)]
    assert sorted(codes) == sorted(demo_store.codes)


def test_xlsx_and_pdf_are_written(demo_store: demo.DemoResult, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from counter.config import resolve_paths

    monkeypatch.chdir(tmp_path)
    assert main(["--demo", "laporan", "--tanggal", "2026-11-25", "--format", "xlsx"]) == 0
    # without -o: the data folder's laporan/, like the log screen's export, and said where
    where = resolve_paths(demo=True).report_dir / "laporan-2026-11-25.xlsx"
    assert capsys.readouterr().out.strip() == f"Laporan ditulis: {where}"
    assert not (tmp_path / "laporan-2026-11-25.xlsx").exists()
    wb = load_workbook(where, read_only=True)
    rows = list(wb[T.SHEET_CASES].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(cases_opened(demo_store, LAST))
    assert main(["--demo", "laporan", "--tanggal", "2026-11-25", "--format", "PDF",
                 "-o", "harian.pdf"]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "harian.pdf").pages)
    assert T.TITLE_DAY.upper() in text


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--tanggal", "32 November 2026"], ["tidak ada", "hanya sampai tanggal 30", "--tanggal"]),
        (["--tanggal", "kapan-kapan"], ["tidak dikenali", "--tanggal"]),
        (["--dari", "2026-11-30", "--sampai", "2026-11-01"], ["sesudah", "--dari"]),
        (["--dari", "2026-11-01"], ["bersama"]),
        (["--tanggal", "2026-11-25", "--dari", "2026-11-01", "--sampai", "2026-11-02"],
         ["tidak keduanya"]),
        (["--format", "docx"], ["docx", "xlsx"]),
        (["--format", "xlsx", "-o", "/tidak/ada/folder/laporan.xlsx"],
         ["tidak dapat ditulis", "/tidak/ada/folder"]),
    ],
)
def test_clear_indonesian_errors(argv: list[str], words: list[str],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["laporan", *argv]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.err.startswith("Galat: ")
    for word in words:
        assert word in captured.err


@pytest.mark.parametrize("where", ["before", "after"])
def test_demo_flag_works_before_or_after_any_command(demo_store: demo.DemoResult, where: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code = cases_opened(demo_store, LAST)[0]
    for command in (["kasus", code], ["laporan", "--tanggal", "25 November 2026"]):
        argv = ["--demo", *command] if where == "before" else [*command, "--demo"]
        assert main(argv) == 0, capsys.readouterr().err
    # without the flag, the real (empty) store does not know the demo case
    assert main(["kasus", code]) == 1


def test_demo_app_opens_without_setup_and_saves_no_profile(
        demo_store: demo.DemoResult, monkeypatch: pytest.MonkeyPatch) -> None:
    from counter.config import load_profile
    from screens.app import LoketApp

    seen: dict[str, Any] = {}
    monkeypatch.setattr(LoketApp, "run", lambda self: seen.setdefault("profile", self.profile))
    assert main(["--demo"]) == 0
    profile = seen["profile"]
    assert profile is not None and "DEMO" in profile.instansi  # no first-run setup screen
    # the officers on duty in the demo history are the ones to choose from
    from store import open_store

    demo_paths = resolve_paths(demo=True)
    store = open_store(demo_paths.store_dir, profile.tz)
    officers = {store.events(code)[0]["officer"] for code in demo_store.codes}  # who opened
    assert officers and officers <= {o.nama for o in profile.officers}
    assert load_profile(resolve_paths()) is None  # nothing written to the real config


def test_teks_names_the_walk_ins_requests(loket_dirs: tuple[Path, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The walk-ins served on the general SOP, grouped by request, on screen and in the
    file: read with the report's rows (closed from their summaries), not folded again."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from counter.desk import Desk
    from counter.unserved import GENERAL_SOP
    from tests.sessions import supervisor

    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    at = datetime(2026, 11, 25, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    desk = Desk(ctx.store, ctx.catalog, ctx.profile, officer=supervisor(), now=lambda: at)
    for i, request in enumerate(["Mengurus NIB", "Mengurus NIB", "PIRT"]):
        code = desk.open_case(GENERAL_SOP, {"nama": f"Tamu {i}"}, [], []).code
        desk.note(code, request)
        if i == 0:
            desk.close(code, "dibatalkan", "pergi")
    for _ in range(2):  # the summaries made, then read back
        assert main(["--demo", "laporan", "--tanggal", "2026-11-25"]) == 0
        out = capsys.readouterr().out
        assert "Mengurus NIB: 2 pengunjung" in out and "PIRT: 1 pengunjung" in out
    target = tmp_path / "laporan.txt"
    assert main(["--demo", "laporan", "--tanggal", "2026-11-25", "-o", str(target)]) == 0
    assert "Mengurus NIB: 2 pengunjung" in target.read_text()
