"""Loket's own XLSX package: what a spreadsheet user sees (sheet names, column widths, the
frozen bold header, date formats, the queue sheet) is what openpyxl's workbook shows; the
archive is sound; a table past a sheet's last row or ZIP's 4 GiB is refused, not cut."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from counter import export
from counter import report as R
from counter.export import xlsx_stream
from counter.export.target import ExportError
from counter.export.zip_raw import DeflateSpool, RawZip, ZipTooLarge
from counter.texts import report as T
from tests.counter.test_report import DAY, Scenario, build_scenario

QUEUE = (("Nomor antrean", ("Nomor", "Dipanggil", "Menunggu"), (("A-001", "08:01", "3"),
                                                                 ("A-002", "08:09", "12"))),)


@pytest.fixture(scope="module")
def summary() -> R.Summary:
    scenario: Scenario = build_scenario()
    return replace(R.day_summary(scenario.views(), DAY), queue=QUEUE)


def test_the_workbook_looks_as_openpyxls_does(summary: R.Summary, tmp_path: Path) -> None:
    fast = load_workbook(export.write_xlsx(summary, tmp_path / "cepat.xlsx"))
    plain = load_workbook(export.write_xlsx(summary, tmp_path / "biasa.xlsx", fast=False))
    assert fast.sheetnames == plain.sheetnames == [T.SHEET_CASES, T.SHEET_STEPS,
                                                   T.SHEET_SUMMARY, "Antrean"]
    for name in fast.sheetnames:
        a, b = fast[name], plain[name]
        assert a.freeze_panes == b.freeze_panes
        assert {k: d.width for k, d in a.column_dimensions.items() if d.width} == \
            {k: d.width for k, d in b.column_dimensions.items() if d.width}
        rows_a = [tuple(c.value for c in r) for r in a.iter_rows()]
        rows_b = [tuple(None if c.value == "" else c.value for c in r) for r in b.iter_rows()]
        assert rows_a == rows_b, name
        bold_a = [(c.coordinate, c.font.b) for r in a.iter_rows() for c in r if c.value]
        bold_b = [(c.coordinate, c.font.b) for r in b.iter_rows() for c in r if c.value]
        assert bold_a == bold_b, name
        dates_a = [(c.coordinate, c.number_format) for r in a.iter_rows() for c in r
                   if c.is_date]
        assert dates_a == [(c.coordinate, c.number_format) for r in b.iter_rows() for c in r
                           if c.is_date], name
    assert fast[T.SHEET_CASES].freeze_panes == "A2"
    assert fast["Antrean"]["A1"].font.b and fast["Antrean"]["B3"].value == "08:01"


def test_the_archive_is_sound(summary: R.Summary, tmp_path: Path) -> None:
    path = export.write_xlsx(summary, tmp_path / "r.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None  # every entry's CRC and size check out
        names = archive.namelist()
        assert names[0] == "[Content_Types].xml" and "xl/worksheets/sheet2.xml" in names
        steps = archive.read("xl/worksheets/sheet2.xml")
    assert steps.count(b"<row") == len(summary.steps) + 1  # the header and one a run
    assert path.stat().st_mode & 0o077 == 0  # owner-only: the tables name applicants


def test_a_table_past_the_last_row_is_refused_whole(summary: R.Summary, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_stream, "MAX_ROWS", len(summary.steps))  # one row too many
    target = tmp_path / "besar.xlsx"
    with pytest.raises(ExportError) as caught:
        export.write_xlsx(summary, target)
    assert T.SHEET_STEPS in caught.value.message and "1.048.576" in caught.value.message
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_an_entry_past_4_gib_is_refused(tmp_path: Path) -> None:
    spool = DeflateSpool("xl/worksheets/sheet2.xml", tmp_path)
    spool.feed(b"<row/>")
    spool.close()
    spool.size = 1 << 32  # as a sheet that grew past ZIP's 32-bit sizes would be
    with (tmp_path / "x.zip").open("wb") as fh, pytest.raises(ZipTooLarge):
        RawZip(fh).add_spool(spool)
    spool.discard()
