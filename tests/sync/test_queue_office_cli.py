"""Two PCs of one office through a real PostgreSQL, from the command line: a second
PC set to the same issuing point is refused naming loket.toml's line and field;
with its own point it issues, and `loket antrean` and `loket laporan` on the first
PC show both PCs' tickets (cut off, they say the figures are this PC's alone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from screens.cli import main
from screens.queue_service import stop_queue_sync
from store.sync.server import PgServer

PROFILE = """desk = {desk}

[pusat]
dsn = "{dsn}"
kantor = "pacitan"

[antrean]
titik = "{titik}"

[[antrean.grup]]
kode = "A"
nama = "Konsultasi"
"""


@pytest.fixture(autouse=True)
def _no_lingering_sync():
    yield
    stop_queue_sync()


def on_pc(monkeypatch: pytest.MonkeyPatch, root: Path, desk: int, dsn: str,
          titik: str) -> Path:
    cfg = root / f"pc{desk}" / "cfg"
    cfg.mkdir(parents=True, exist_ok=True)
    (cfg / "loket.toml").write_text(PROFILE.format(desk=desk, dsn=dsn, titik=titik),
                                    encoding="utf-8")
    monkeypatch.setenv("LOKET_CONFIG_DIR", str(cfg))
    monkeypatch.setenv("LOKET_DATA_DIR", str(root / f"pc{desk}" / "data"))
    return cfg / "loket.toml"


def test_two_pcs_one_office_queue_from_the_cli(tmp_path: Path, pg_dsn: str, monkeypatch,
                                               capsys) -> None:
    PgServer(pg_dsn).prepare()
    on_pc(monkeypatch, tmp_path, 1, pg_dsn, "1")
    assert main(["antrean", "ambil", "A"]) == 0
    second = on_pc(monkeypatch, tmp_path, 2, pg_dsn, "1")
    capsys.readouterr()
    assert main(["antrean", "ambil", "A"]) == 1
    err = capsys.readouterr().err
    assert f"{second}:8: antrean.titik: Titik tiket '1' sudah dipakai PC lain" in err
    assert "Traceback" not in err

    on_pc(monkeypatch, tmp_path, 2, pg_dsn, "2")
    assert main(["antrean", "ambil", "A"]) == 0
    on_pc(monkeypatch, tmp_path, 1, pg_dsn, "1")
    capsys.readouterr()
    assert main(["antrean"]) == 0
    out = capsys.readouterr().out
    assert "A1-001" in out and "A2-001" in out
    report = tmp_path / "lap.xlsx"
    assert main(["laporan", "--format", "xlsx", "--output", str(report)]) == 0
    rows = [r for r in load_workbook(report, read_only=True)["Antrean"].iter_rows(
        values_only=True) if r and r[0] == "A Konsultasi"]
    assert rows[0][1] == 2  # both PCs' tickets

    first = on_pc(monkeypatch, tmp_path, 1, "postgresql://loket@127.0.0.1:1/x", "1")
    assert first.exists()
    capsys.readouterr()
    assert main(["antrean"]) == 0
    out = capsys.readouterr().out
    assert "pusat tidak terjangkau" in out and "hanya dari PC ini" in out
    assert "A2-001" in out  # what it pulled before is kept
