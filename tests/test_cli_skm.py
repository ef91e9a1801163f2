"""`loket skm` through main([...]): the report in every format, the paper import."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from counter import demo
from counter.config import default_profile, resolve_paths
from counter.skm.index import compute
from counter.skm.questions import bundled_questionnaire
from screens.cli import main
from screens.cli.context import Context
from screens.cli.demo import fill_demo_store
from screens.skm_service import survey_store

LAST = date(2026, 11, 25)


@pytest.fixture
def demo_ctx(loket_dirs: tuple[Path, Path]) -> Context:
    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    fill_demo_store(ctx, days=10, per_day=12, seed=3,
                    until=demo.end_of_day(LAST, default_profile()))
    return ctx


def expected_ikm(ctx: Context) -> str:
    got = list(survey_store(ctx.paths).between(date(2026, 11, 1), date(2026, 11, 30)))
    result = compute(r.jawaban for r in got)
    assert result.ikm is not None
    return f"{result.ikm:.2f}".replace(".", ",")


def test_demo_history_has_survey_answers_and_the_text_report_shows_the_ikm(
        demo_ctx: Context, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "skm", "laporan", "--periode", "bulan", "--pada", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert "LAPORAN SURVEI KEPUASAN MASYARAKAT" in out
    assert f"IKM unit layanan: {expected_ikm(demo_ctx)}" in out
    assert "responden minimum" in out or "minimum" in out
    assert "U3" in out


def test_pdf_report_holds_the_figures(demo_ctx: Context, tmp_path: Path) -> None:
    target = tmp_path / "skm.pdf"
    assert main(["--demo", "skm", "laporan", "--dari", "2026-11-01", "--sampai",
                 "2026-11-30", "--format", "pdf", "-o", str(target)]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "IKM unit layanan: " + expected_ikm(demo_ctx) in text
    assert "Σ Nilai/Unsur" in text and "NRR tertimbang" in text
    assert "bobot 1/9" in text


def test_csv_report_and_default_folder(demo_ctx: Context,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "skm", "laporan", "--periode", "bulan", "--pada", "2026-11-20",
                 "--format", "csv"]) == 0
    out = capsys.readouterr().out
    path = Path(out.split(": ", 1)[1].strip())
    assert path.parent == demo_ctx.paths.data_dir / "laporan"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert ["No. Resp", *[f"U{i}" for i in range(1, 10)]] in rows


def test_missing_output_folder_is_refused(demo_ctx: Context, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "skm", "laporan", "--format", "pdf", "-o",
                 str(tmp_path / "tidak-ada" / "x.pdf")]) == 1
    assert "tidak ada" in capsys.readouterr().err
    assert not (tmp_path / "tidak-ada").exists()


def test_paper_import_adds_to_the_index(loket_dirs: tuple[Path, Path], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "kertas.tsv"
    header = "\t".join(["tanggal", "layanan", *[f"U{i}" for i in range(1, 10)]])
    table.write_text(header + "\n2026-11-02\tpct-07\t" + "\t".join(["4"] * 9) + "\n"
                     "2026-11-03\tpct-07\t" + "\t".join(["9"] * 9) + "\n", encoding="utf-8")
    assert main(["skm", "impor", str(table)]) == 1  # one bad row: exit 1, the good one kept
    captured = capsys.readouterr()
    assert "1 jawaban survei diimpor" in captured.out
    assert "baris 3" in captured.err and "U1" in captured.err
    got = list(survey_store(resolve_paths()).between(date(2026, 11, 1), date(2026, 11, 30)))
    assert [r.sumber for r in got] == ["impor"]
    assert bundled_questionnaire().unsur[0].kode == "U1"
