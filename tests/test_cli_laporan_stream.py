"""`loket laporan --format xlsx` streams its rows (memory flat in the period) through the
fast writer, and the workbook reads back exactly as the one built in memory by openpyxl."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from counter import demo, export
from counter import report as R
from counter.config import default_profile, resolve_paths
from counter.desk import Desk
from counter.export import xlsx
from counter.texts import report as T
from screens.cli import main
from screens.cli.context import Context
from screens.cli.demo import fill_demo_store

LAST = date(2026, 11, 25)


@pytest.fixture
def history(loket_dirs: tuple[Path, Path]) -> tuple[Context, demo.DemoResult]:
    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    result = fill_demo_store(ctx, days=3, per_day=8, seed=2,
                             until=demo.end_of_day(LAST, default_profile()))
    return ctx, result


def _sheets(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {name: [tuple(None if v == "" else v for v in row)
                   for row in book[name].iter_rows(values_only=True)]
            for name in (T.SHEET_CASES, T.SHEET_STEPS, T.SHEET_SUMMARY)}


def _same(got: dict[str, list[tuple[object, ...]]],
          expected: dict[str, list[tuple[object, ...]]]) -> bool:
    """Every cell equal, but for a running step's working minutes, which may have moved
    on by a minute between the two workbooks."""
    def cell(a: object, b: object) -> bool:
        if a == b:
            return True
        # minutes with a fraction (counts and whole figures must be equal to the letter)
        minutes = isinstance(a, float) and isinstance(b, float) and not (
            a.is_integer() and b.is_integer())
        return minutes and abs(a - b) <= 1.0  # type: ignore[operator]

    return got.keys() == expected.keys() and all(
        len(got[n]) == len(expected[n]) and all(
            len(r) == len(s) and all(cell(a, b) for a, b in zip(r, s, strict=True))
            for r, s in zip(got[n], expected[n], strict=True))
        for n in got)


def test_the_streamed_fast_path_is_taken_and_equals_openpyxl(
        history: tuple[Context, demo.DemoResult], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ctx, result = history
    streamed = tmp_path / "bulan.xlsx"
    desk = Desk(ctx.store, ctx.catalog, ctx.profile)
    # the open cases are measured up to now: a workbook made just before the streamed one
    # and one just after (a running step's minutes tick on while the three are made)
    before = export.write_xlsx(R.load_summary(desk, result.first, result.last),
                               tmp_path / "sebelum.xlsx", fast=False)

    def forbidden(*args: object, **kwargs: object) -> object:
        raise AssertionError("a non-streamed XLSX writer was taken")

    with monkeypatch.context() as m:
        # neither the in-memory fast writer nor plain openpyxl may write this report
        m.setattr(xlsx, "plain_workbook", forbidden)
        m.setattr(export, "write_report", forbidden)
        m.setattr(export, "write_xlsx", forbidden)
        argv = ["--demo", "laporan", "--dari", str(result.first), "--sampai",
                str(result.last), "--format", "xlsx", "-o", str(streamed)]
        assert main(argv) == 0
    summary = R.load_summary(desk, result.first, result.last)
    plain = export.write_xlsx(summary, tmp_path / "biasa.xlsx", fast=False)
    got = _sheets(streamed)
    assert len(got[T.SHEET_CASES]) == summary.opened + 1 > 10
    assert len(got[T.SHEET_STEPS]) == len(summary.steps) + 1
    assert _same(got, _sheets(before)) or _same(got, _sheets(plain))
    # every date cell carries the date format (the streamed placeholders were filled)
    book = load_workbook(streamed)
    for name, columns in ((T.SHEET_CASES, export.CASE_COLUMNS),
                          (T.SHEET_STEPS, export.STEP_COLUMNS)):
        dated = [i for i, col in enumerate(columns) if col.kind == "datetime"]
        cells = [row[i] for row in book[name].iter_rows(min_row=2) for i in dated
                 if row[i].value is not None]
        assert cells and all(c.number_format == xlsx.DATETIME_FORMAT for c in cells)

