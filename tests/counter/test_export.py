"""Exports read back and compared with the stored events: CSV, XLSX and the PDF text."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from counter import export
from counter import report as R
from counter.codes import normalize
from counter.config import default_profile
from counter.errors import LoketError
from counter.texts import report as T
from tests.counter.test_report import DAY, Scenario, build_scenario


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return build_scenario()


@pytest.fixture(scope="module")
def summary(scenario: Scenario) -> R.Summary:
    return R.day_summary(scenario.views(), DAY)


def stored(scenario: Scenario) -> dict[str, list[dict]]:
    return scenario.repo.events_on(DAY)


def test_csv_round_trip_matches_the_store(scenario: Scenario, summary: R.Summary,
                                          tmp_path: Path) -> None:
    cases_path, steps_path = export.write_csv(summary, tmp_path / "laporan.csv")
    assert steps_path == tmp_path / "laporan-langkah.csv"
    assert cases_path.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read UTF-8
    with cases_path.open(encoding="utf-8-sig", newline="") as fh:
        cases = list(csv.DictReader(fh))
    events = stored(scenario)
    assert [normalize(r[T.COL_CODE]) for r in cases] == list(events)
    for row in cases:
        evs = events[normalize(row[T.COL_CODE])]
        assert datetime.fromisoformat(row[T.COL_OPENED]) == datetime.fromisoformat(evs[0]["at"])
        assert row[T.COL_VISITOR] == evs[0]["data"]["visitor"]["nama"]
        closing = [e for e in evs if e["type"] == "closed"]
        if closing:
            assert datetime.fromisoformat(row[T.COL_CLOSED]) == \
                datetime.fromisoformat(closing[0]["at"])
            assert row[T.COL_STATUS] == closing[0]["data"]["outcome"]
        else:
            assert row[T.COL_CLOSED] == ""
    a = next(r for r in cases if normalize(r[T.COL_CODE]) == scenario.codes["A"])
    assert float(a[T.COL_ELAPSED_MIN]) == pytest.approx(115.0)
    with steps_path.open(encoding="utf-8-sig", newline="") as fh:
        steps = list(csv.DictReader(fh))
    completed = sum(e["type"] in ("step_completed", "step_returned") for evs in events.values()
                    for e in evs)
    ended = [s for s in steps if s[T.COL_END]]
    assert len(steps) == len(scenario.runs)
    assert len(ended) == completed + 1  # + D's step, ended by the cancellation
    reasons = {e["data"]["reason"] for evs in events.values() for e in evs
               if e["type"] == "over_reason"}
    assert {s[T.COL_REASON] for s in steps if s[T.COL_REASON]} == reasons


def test_xlsx_has_typed_columns_and_matches_the_store(scenario: Scenario, summary: R.Summary,
                                                      tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = export.write_xlsx(summary, tmp_path / "laporan.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == [T.SHEET_CASES, T.SHEET_STEPS]
    ws = wb[T.SHEET_CASES]
    header = [c.value for c in ws[1]]
    assert header == [c.header for c in export.CASE_COLUMNS]
    col = {h: i for i, h in enumerate(header)}
    events = stored(scenario)
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(events)
    for row in rows:
        evs = events[normalize(row[col[T.COL_CODE]])]
        opened = row[col[T.COL_OPENED]]
        assert isinstance(opened, datetime)  # a real date cell, in office time
        assert opened == datetime.fromisoformat(evs[0]["at"]).replace(tzinfo=None)
        assert isinstance(row[col[T.COL_ELAPSED_MIN]], (int, float))
        assert row[col[T.COL_DESK]] == evs[0]["desk"]
    assert ws.cell(row=2, column=col[T.COL_OPENED] + 1).number_format == export.DATETIME_FORMAT
    assert ws.column_dimensions["C"].width == export.CASE_COLUMNS[2].width
    steps = wb[T.SHEET_STEPS]
    step_rows = list(steps.iter_rows(min_row=2, values_only=True))
    assert len(step_rows) == len(scenario.runs)
    scol = {c.value: i for i, c in enumerate(steps[1])}
    running = [r for r in step_rows if r[scol[T.COL_END]] is None]
    assert len(running) == sum(1 for run in scenario.runs if run[3] is None)
    assert all(isinstance(r[scol[T.COL_LIMIT_MIN]], (int, float)) for r in step_rows)


def test_pdf_text_carries_the_summary(summary: R.Summary, scenario: Scenario,
                                      tmp_path: Path) -> None:
    from pypdf import PdfReader

    profile = default_profile().with_changes(instansi="Dinas Koperasi UKM Kabupaten Pacitan",
                                             alamat="Jl. Contoh No. 1, Pacitan")
    path = export.write_pdf(summary, profile, tmp_path / "laporan.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    flat = " ".join(text.split())
    assert T.TITLE_DAY.upper() in flat
    assert "DINAS KOPERASI UKM KABUPATEN PACITAN" in flat  # the letterhead
    assert "25 November 2026" in flat
    assert f"{T.LABEL_OPENED} {summary.opened}" in flat
    share = R.share_text(summary.steps_within / summary.steps_measured)
    assert f"{summary.steps_within} dari {summary.steps_measured} langkah ({share})" in flat
    assert "Sistem lambat" in flat and "Rapat" in flat  # reasons of over-time steps
    assert "Koor (Pak Hadi)" in flat  # files waiting with the named official
    for code in scenario.codes.values():
        assert R._human(code) in flat
    assert "Mengetahui" in flat  # the supervisor's signature block


def test_pdf_of_a_range_caps_the_case_table(summary: R.Summary) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    data = export.render_pdf(summary, default_profile(), max_cases=2)
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages).split())
    assert T.PDF_MORE_CASES.format(count=summary.opened - 2) in flat


def test_unwritable_path_is_a_clear_error(summary: R.Summary, tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada" / "laporan.csv"
    with pytest.raises(LoketError) as err:
        export.write_csv(summary, missing)
    assert "tidak dapat ditulis" in str(err.value) and "laporan.csv" in str(err.value)
    with pytest.raises(LoketError):
        export.write_xlsx(summary, tmp_path / "tidak-ada" / "x.xlsx")


def test_text_report_lists_summary_and_cases(summary: R.Summary, scenario: Scenario) -> None:
    from screens.cli.report_text import render_text  # presentation lives with the CLI

    text = render_text(summary)
    assert "\x1b[" not in text  # plain text for a file or a pipe
    assert T.TITLE_DAY in text and "Rabu, 25 November 2026" in text
    assert f"{T.LABEL_OPENED}" in text and "Koor (Pak Hadi)" in text
    for code in scenario.codes.values():
        assert R._human(code) in text


def test_fast_xlsx_writer_equals_plain_openpyxl(summary: R.Summary, tmp_path: Path) -> None:
    """The spliced rows read back exactly as openpyxl's own cells, odd characters included."""
    from dataclasses import replace

    from openpyxl import load_workbook

    odd = replace(summary.cases[0], visitor=" Siti & <Nur'aini>\x01", service="  spasi")
    tricky = replace(summary, cases=(odd, *summary.cases[1:]))
    fast = export.write_xlsx(tricky, tmp_path / "cepat.xlsx")
    plain = export.write_xlsx(tricky, tmp_path / "biasa.xlsx", fast=False)
    a, b = load_workbook(fast), load_workbook(plain)
    for name in (T.SHEET_CASES, T.SHEET_STEPS, T.SHEET_SUMMARY):
        rows_a = list(a[name].iter_rows(values_only=True))
        rows_b = list(b[name].iter_rows(values_only=True))
        clean = [tuple(None if v == "" else v for v in r) for r in rows_b]
        assert rows_a == clean, name
        formats_a = [c.number_format for c in a[name][2]]
        formats_b = [c.number_format for c in b[name][2]]
        assert formats_a[: len(formats_b)] == formats_b[: len(formats_a)]
    assert a[T.SHEET_CASES]["C2"].value == " Siti & <Nur'aini>"


def test_the_fast_xlsx_writer_is_the_one_taken(summary: R.Summary, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A month is written in seconds only through the splice; should openpyxl's output ever
    stop matching what the splice expects, the silent fallback would make the month's
    report ~10x slower while every equivalence test still passed. So the fallback is
    forbidden here and the workbook must still come out whole."""
    from openpyxl import load_workbook

    from counter.export import xlsx

    def plain_forbidden(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the plain openpyxl fallback was taken")

    monkeypatch.setattr(xlsx, "plain_workbook", plain_forbidden)
    out = export.write_xlsx(summary, tmp_path / "cepat.xlsx")
    book = load_workbook(out)
    assert book[T.SHEET_CASES].max_row == len(summary.cases) + 1
    assert book[T.SHEET_STEPS].max_row == len(summary.steps) + 1
    with pytest.raises(AssertionError):  # and the guard itself bites when fast is off
        export.write_xlsx(summary, tmp_path / "biasa.xlsx", fast=False)


def test_text_report_on_a_narrow_terminal_cuts_no_word(summary: R.Summary) -> None:
    """At 80 columns the case table goes two lines a case: every code, and every word of
    every name and service, whole."""
    from screens.cli.report_text import render_text

    text = render_text(summary, width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    words = set(text.split())
    for row in summary.cases:
        assert row.code_human in words
        for word in f"{row.visitor} {row.service} {row.officer}".split():
            assert word in words, word
