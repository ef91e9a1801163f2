"""A real spreadsheet program opens Loket's XLSX report and finds every value where
openpyxl's own workbook of the same summary has it: the rows carry no position
(`counter.export.xlsx_cells`), so this is what an admin opening the file relies on.

LibreOffice Calc runs headless with a profile in the test's temp folder (never the
user's), converting each sheet to CSV."""

from __future__ import annotations

import csv
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from counter import export
from counter import report as R
from counter.texts import report as T
from tests.counter.test_report import DAY, build_scenario

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None,
                                reason="needs LibreOffice Calc (scripts/ci-office)")
QUEUE = (("Nomor antrean", ("Nomor", "Dipanggil", "Menunggu"), (("A-001", "08:01", "3"),)),)


def _as_calc_writes(value: object) -> str:
    """A cell as Calc's CSV export writes it (raw values, dates in its default format)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%m/%d/%Y %H:%M:%S")
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else str(int(value))
    return str(value)


def test_libreoffice_reads_every_cell_where_openpyxl_does(tmp_path: Path) -> None:
    summary = replace(R.day_summary(build_scenario().views(), DAY), queue=QUEUE)
    path = export.write_xlsx(summary, tmp_path / "laporan.xlsx")
    plain = load_workbook(export.write_xlsx(summary, tmp_path / "biasa.xlsx", fast=False))
    out = tmp_path / "csv"
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,"
         "false,false,-1", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180)
    for name in (T.SHEET_CASES, T.SHEET_STEPS, T.SHEET_SUMMARY, "Antrean"):
        with (out / f"laporan-{name}.csv").open(encoding="utf-8") as fh:
            calc = [row for row in csv.reader(fh)]
        expected = [[_as_calc_writes(None if v == "" else v) for v in row]
                    for row in plain[name].iter_rows(values_only=True)]
        width = max(len(r) for r in expected)
        calc = [r + [""] * (width - len(r)) for r in calc]
        expected = [r + [""] * (width - len(r)) for r in expected]
        while expected and not any(expected[-1]):  # a trailing empty row Calc leaves out
            expected.pop()
        assert calc == expected, name
    assert len(summary.steps) > 10
