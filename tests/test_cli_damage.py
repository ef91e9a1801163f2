"""A damaged day file through the CLI: `loket laporan` and `loket kasus` keep working for
everything else and name the file they could not read."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from counter import demo
from counter.codes import human, parse_code
from counter.config import default_profile, resolve_paths
from counter.texts import report as T
from screens.cli import main
from screens.cli.context import Context
from screens.cli.demo import fill_demo_store
from store import open_store
from tests.damage_kit import BREAK, damage
from tests.pdf_scan import flat_text

LAST = date(2026, 11, 25)


@pytest.fixture
def broken(loket_dirs: tuple[Path, Path]) -> dict:
    """A three-day demo store; the past day holding the most open cases is the one to
    damage (the test checks it holds some, and that others are open elsewhere)."""
    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    result = fill_demo_store(ctx, days=3, per_day=8, seed=2,
                             until=demo.end_of_day(LAST, default_profile()))
    store = open_store(ctx.paths.store_dir, default_profile().tz)
    open_codes = store.open_codes()
    per_day = Counter(parse_code(c).day for c in open_codes if parse_code(c).day != LAST)
    day, count = per_day.most_common(1)[0]
    others = [c for c in open_codes if parse_code(c).day != day]
    assert count >= 1 and others
    return {"result": result, "day": day, "count": count, "others": others,
            "path": store.path_for(day), "open": open_codes}


def _flat(text: str) -> str:
    """The text with its line wrapping undone (the terminal report wraps long lines)."""
    return " ".join(text.split())


HEAD = _flat(T.UNREADABLE_HEAD)


def _codes_of(result: demo.DemoResult, day: date) -> list[str]:
    return [c for c in result.codes if parse_code(c).day == day]


@pytest.mark.parametrize("how", sorted(BREAK))
def test_laporan_for_another_day_works_and_names_the_damaged_file(
        broken: dict, how: str, capsys: pytest.CaptureFixture[str]) -> None:
    damage(broken["path"], how)
    assert main(["--demo", "laporan", "--tanggal", LAST.isoformat()]) == 0
    out, err = capsys.readouterr()
    out = _flat(out)
    for code in _codes_of(broken["result"], LAST):
        assert human(code) in out
    assert str(broken["path"]) in out and str(broken["path"]) in err
    assert T.UNREADABLE_CASES.format(count=broken["count"]) in out
    assert "Traceback" not in out + err


@pytest.mark.parametrize("how", sorted(BREAK))
def test_range_report_in_every_format_names_the_day_it_could_not_read(
        broken: dict, how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    good = damage(broken["path"], how)
    first = broken["result"].first
    readable = [c for c in broken["result"].codes if parse_code(c).day != broken["day"]]
    rng = ["--demo", "laporan", "--dari", first.isoformat(), "--sampai", LAST.isoformat()]
    day_text = "November 2026"  # inside format_day_date's words
    path = str(broken["path"])

    assert main([*rng]) == 0
    text = _flat(capsys.readouterr().out)
    assert HEAD in text and path in text and day_text in text
    assert all(human(c) in text for c in readable)

    assert main([*rng, "--format", "csv", "-o", str(tmp_path / "r.csv")]) == 0
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    codes = {r[0].replace("-", "") for r in rows[1:] if len(r) > 1}
    assert codes == set(readable)
    assert any(path in r[0] for r in rows if len(r) == 1)

    assert main([*rng, "--format", "xlsx", "-o", str(tmp_path / "r.xlsx")]) == 0
    wb = load_workbook(tmp_path / "r.xlsx", read_only=True)
    summary = " ".join(str(c) for row in wb[T.SHEET_SUMMARY].iter_rows(values_only=True)
                       for c in row if c)
    assert path in summary and HEAD in _flat(summary)
    assert len(list(wb[T.SHEET_CASES].iter_rows(min_row=2))) == len(readable)

    assert main([*rng, "--format", "pdf", "-o", str(tmp_path / "r.pdf")]) == 0
    pdf = flat_text((tmp_path / "r.pdf").read_bytes())
    assert broken["path"].name in pdf.replace(" ", "") or path in pdf
    assert "PERHATIAN" in pdf

    broken["path"].write_bytes(good)  # restored: the report is whole again, no warning
    capsys.readouterr()
    assert main([*rng]) == 0
    out, err = capsys.readouterr()
    assert HEAD not in _flat(out) and not err
    assert all(human(c) in out for c in broken["result"].codes)


def test_report_of_the_damaged_day_itself_says_so(
        broken: dict, capsys: pytest.CaptureFixture[str]) -> None:
    damage(broken["path"], "truncated")
    assert main(["--demo", "laporan", "--tanggal", broken["day"].isoformat()]) == 0
    out, err = capsys.readouterr()
    assert HEAD in _flat(out) and str(broken["path"]) in err


@pytest.mark.parametrize("how", sorted(BREAK))
def test_kasus_elsewhere_works_and_in_the_damaged_day_names_the_file(
        broken: dict, how: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = damage(broken["path"], how)
    del before
    other = broken["others"][0]
    assert main(["--demo", "kasus", human(other)]) == 0
    assert human(other) in capsys.readouterr().out
    inside = next(c for c in broken["open"] if parse_code(c).day == broken["day"])
    damaged_bytes = broken["path"].read_bytes()
    assert main(["--demo", "kasus", human(inside)]) == 1
    err = capsys.readouterr().err
    assert str(broken["path"]) in err and "Traceback" not in err
    assert broken["path"].read_bytes() == damaged_bytes
