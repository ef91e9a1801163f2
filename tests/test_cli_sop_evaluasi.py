"""`loket sop evaluasi`: a history served through the desk, evaluated, a proposal accepted as
a new SOP version, and the next period compared with the previous one (issue 18)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter.accounts.pin import hash_pin
from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.config import Officer, default_profile, resolve_paths, save_profile
from counter.desk import Desk
from counter.evaluation import TERLALU_KETAT, samples_from
from counter.sop import load_catalog
from counter.texts import evaluation as T
from screens.cli import main
from screens.cli.context import Context
from tests.terminal import typed_at_terminal

WIB = ZoneInfo("Asia/Jakarta")
SOP = "pct-07-konsultasi-bisnis"
SEPTEMBER = [date(2026, 9, d) for d in (1, 2, 3, 4, 7, 8, 9, 10)]
OCTOBER = [date(2026, 10, d) for d in (1, 2, 5, 6, 7, 8)]
# minutes per step; step 2 (15 menit) always takes 22, its reason always the same
MINUTES = {1: 10, 2: 22, 3: 28, 4: 15, 5: 5, 7: 7}
REASON = "Sistem OSS lambat"


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


def serve(days: list[date]) -> list:
    """One Konsultasi Bisnis a day, at 09.00, through two officers' desks."""
    ctx = Context(paths=resolve_paths())
    catalog = load_catalog([ctx.paths.sop_dir])
    clock = Clock(datetime(2026, 9, 1, 9, tzinfo=WIB))
    desks = [Desk(ctx.store, catalog, default_profile(), officer=name, now=clock)
             for name in ("Siti Aminah", "Budi Santoso")]
    views = []
    for i, day in enumerate(days):
        desk = desks[i % 2]
        clock.now = datetime(day.year, day.month, day.day, 9, tzinfo=WIB)
        view = desk.open_case(SOP, {"nama": f"Pemohon {i}"}, ["Form konsultasi bisnis"], [])
        code = view.code
        while not view.state.closed:
            if view.state.status.value == "menunggu_pelaksana":
                view = desk.receive(code)
            step = view.state.current_step
            assert step is not None  # an open case stands at a step
            clock.now += timedelta(minutes=MINUTES[step])
            timing = desk.remeasure(view).current_timing()
            over = timing is not None and timing.level.value == "lewat"
            view = desk.complete_step(code, over_reason=REASON if over else None)
        views.append(desk.view(code))
    return views


def test_quarter_evaluated_accepted_and_compared(loket_dirs: tuple[Path, Path],
                                                 tmp_path: Path, capsys,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    views = serve(SEPTEMBER)
    step2 = [s for s in samples_from(views, SOP) if s.step == 2]
    assert len(step2) == 8 and all(s.over and s.reason == REASON for s in step2)
    assert {round(s.value) for s in step2} == {22 * 60}

    monkeypatch.chdir(tmp_path)
    assert main(["sop", "evaluasi", "07", "--dari", "2026-09-01", "--sampai", "2026-09-30",
                 "--format", "pdf", "-o", "evaluasi.pdf"]) == 0
    pdf = tmp_path / "evaluasi.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    flat = " ".join(text.split())
    assert T.TITLE.upper() in flat
    assert TERLALU_KETAT in flat and "25 menit" in flat and REASON in flat
    assert "22 menit" in flat  # the median of step 2
    assert "Formulir Monitoring" in flat and "Kepastian hukum" in flat
    capsys.readouterr()

    assert main(["sop", "evaluasi", "07", "--dari", "2026-09-01", "--sampai", "2026-09-30",
                 "--format", "xlsx", "-o", "evaluasi.xlsx"]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "evaluasi.xlsx")
    rows = {r[0]: r for r in wb["Langkah"].iter_rows(values_only=True) if isinstance(r[0], int)}
    assert rows[2][6] == 22.0 and rows[2][12] == TERLALU_KETAT and rows[2][13] == "25 menit"
    assert set(wb.sheetnames) == {"Langkah", "Rincian", "Monitoring", "Evaluasi"}

    # accepting is a supervisor's act: their PIN, typed on a terminal
    save_profile(resolve_paths(), replace(default_profile(), officers=(
        Officer("Siti Aminah", "Petugas Loket", pin_hash=hash_pin("2468")),
        Officer("Rina Kartika", "Koordinator", roles=(PETUGAS, SUPERVISOR),
                pin_hash=hash_pin("9753")))))
    assert main(["sop", "evaluasi", "07", "--dari", "2026-09-01", "--sampai", "2026-09-30",
                 "--terima", "2"]) != 0  # no terminal here: nobody signed in
    assert "terminal" in capsys.readouterr().err
    with typed_at_terminal("Siti Aminah", "2468", "", "", "", ""):  # a petugas may not
        assert main(["sop", "evaluasi", "07", "--dari", "2026-09-01", "--sampai",
                     "2026-09-30", "--terima", "2"]) != 0
    assert load_catalog([resolve_paths().sop_dir]).get(SOP).versi == 1
    capsys.readouterr()
    with typed_at_terminal("Rina Kartika", "9753"):
        assert main(["sop", "evaluasi", "07", "--dari", "2026-09-01", "--sampai",
                     "2026-09-30", "--terima", "2"]) == 0
    out = capsys.readouterr().out
    assert "15 menit \u2192 25 menit" in out and "versi 2" in out
    catalog = load_catalog([resolve_paths().sop_dir])
    sop = catalog.get(SOP)
    assert sop.versi == 2 and sop.step(2).mutu_baku.waktu.high == 25
    assert [v.versi for v in catalog.versions_of(SOP)] == [1, 2]
    assert any("Rina Kartika" in c for c in sop.catatan)

    # the same period again: judged on version 1, said so; accepting again is refused
    capsys.readouterr()
    assert main(["sop", "evaluasi", "07", "--dari", "2026-09-01", "--sampai", "2026-09-30"]) == 0
    assert "yang berlaku kini versi 2" in capsys.readouterr().out
    with typed_at_terminal("Rina Kartika", "9753"):
        assert main(["sop", "evaluasi", "07", "--dari", "2026-09-01", "--sampai",
                     "2026-09-30", "--terima", "2"]) != 0
    assert "sudah versi 2" in capsys.readouterr().err

    # the next period runs on version 2: the same 22 minutes are now within
    serve(OCTOBER)
    capsys.readouterr()
    assert main(["sop", "evaluasi", "07", "--dari", "2026-10-01", "--sampai", "2026-10-30"]) == 0
    report = capsys.readouterr().out
    assert "(versi 2)" in report
    assert T.HEAD_VERSIONS in report
    assert "langkah 2, versi 1 (15 menit): 8 pelaksanaan" in report
    assert "langkah 2, versi 2 (25 menit): 6 pelaksanaan" in report
    assert "dalam mutu baku 100,0 %" in report


def test_unknown_sop_and_bad_period_are_clear(loket_dirs: tuple[Path, Path], capsys) -> None:
    assert main(["sop", "evaluasi", "tidak-ada-sop"]) != 0
    assert main(["sop", "evaluasi", "07", "--dari", "kapan-kapan"]) != 0
    err = capsys.readouterr().err
    assert "kapan-kapan" in err and "Traceback" not in err
    assert main(["sop", "evaluasi", "07", "--format", "docx"]) != 0
    assert "docx" in capsys.readouterr().err
