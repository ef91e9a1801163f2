"""Personal data lifecycle: a year-old case purged from the bytes on disk with its
printed PDFs, reports unchanged, the chain still whole; a visitor's correction and
export; a purge killed midway leaves every case before or after, never half."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from counter.config import resolve_paths, save_profile
from counter.desk import Desk
from counter.report import load_summary
from screens.cli import main
from store import open_store
from tests.chain.kit import CATALOG, PROFILE, SOP, Clock
from tests.sessions import supervisor
from tests.terminal import terminal_stdin, typed_at_terminal

SUPERVISOR = "Rina Wulandari"
SUPERVISOR_PIN, PETUGAS_PIN = "9753", "2468"
OLD_NIK = "3201012501900011"
NEW_NIK = "3201012501900022"
OTHER_NIK = "3201012501900033"
ROOT = Path(__file__).resolve().parents[2]


def _profile():
    from counter.accounts.pin import hash_pin
    from counter.accounts.roles import PETUGAS
    from counter.accounts.roles import SUPERVISOR as SUPERVISOR_ROLE
    from counter.config import Officer

    return replace(PROFILE, officers=(
        Officer("Siti Aminah", "Petugas Loket", pin_hash=hash_pin(PETUGAS_PIN)),
        Officer(SUPERVISOR, "Supervisor", roles=(PETUGAS, SUPERVISOR_ROLE),
                pin_hash=hash_pin(SUPERVISOR_PIN))))


def as_supervisor(args: list[str], *typed: str) -> int:
    """`loket data ARGS` with the supervisor signing in on the terminal (then `typed`)."""
    with typed_at_terminal(SUPERVISOR, SUPERVISOR_PIN, *typed):
        return main(["data", *args])


def _world(tmp_ok: bool = True):
    """A case opened and closed a year ago (with its printed tanda terima), one closed
    last week, one still open; the profile names the supervisor."""
    paths = resolve_paths()
    profile = _profile()
    save_profile(paths, profile)
    store = open_store(paths.store_dir, profile.tz)
    clock = Clock(datetime(2025, 11, 3, 9, 0, tzinfo=profile.tz))
    desk = Desk(store, CATALOG, profile, officer=supervisor("Siti Aminah"), now=clock)
    old = desk.open_case(SOP, {"nama": "Ani Lestari", "nik": OLD_NIK, "telepon": "081211112222",
                               "alamat": "Jl. Kenanga 3"})
    desk.issue(old.code, "tanda-terima", paths.pdf_dir, printer="")
    desk.complete_step(old.code)
    desk.close(old.code, "ditolak", "berkas tidak memenuhi syarat")
    clock.at = datetime(2026, 11, 16, 9, 0, tzinfo=profile.tz)
    recent = desk.open_case(SOP, {"nama": "Ani Lestari", "nik": OLD_NIK,
                                  "telepon": "081211112222"})
    desk.close(recent.code, "dibatalkan", "pemohon membatalkan")
    other = desk.open_case(SOP, {"nama": "Bayu Aji", "nik": OTHER_NIK, "telepon": "085633334444",
                                 "alamat": "Jl. Dahlia 9"})
    return paths, store, desk, old.code, recent.code, other.code


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _figures(desk: Desk, first: date, last: date):
    s = load_summary(desk, first, last)
    return (s.opened, s.selesai, s.ditolak, s.dibatalkan, s.steps_measured, s.steps_within,
            s.services, s.over_steps, s.arrivals, s.days,
            [replace(r, nik_masked="") for r in s.cases], s.steps)


def test_a_year_old_case_is_purged_from_the_bytes_and_reports_stay(capsys) -> None:
    paths, store, desk, old, _recent, _other = _world()
    pdfs = list(paths.pdf_dir.rglob(f"{old}-*.pdf"))
    assert pdfs, "the tanda terima was saved"
    day = date(2025, 11, 3)
    before = _figures(desk, day, day)
    assert OLD_NIK.encode() in _all_bytes(paths.store_dir)
    assert as_supervisor(["hapus", "--sebelum", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert "Data pribadi 1 kasus dihapus" in out
    store_day = store.path_for(day).read_bytes()
    for value in (OLD_NIK.encode(), b"6281211112222", b"Jl. Kenanga 3"):
        assert value not in store_day
    assert not any(p.exists() for p in pdfs)  # the printed PDF went with the case
    # the recent case of the same person keeps its data (its period is not over)
    assert OLD_NIK.encode() in store.path_for(date(2026, 11, 16)).read_bytes()
    assert _figures(desk, day, day) == before
    view = desk.view(old)
    assert view.state.visitor.nama == "Ani Lestari" and view.state.visitor.nik == ""
    assert view.state.status.closed and not view.state.problems
    assert "data_redacted" in {e["type"] for e in view.state.events}
    assert main(["periksa"]) == 0, capsys.readouterr().out
    # once more: nothing left to do, still whole
    assert as_supervisor(["hapus", "--sebelum", "2026-01-01"]) == 0
    assert "Tidak ada kasus" in capsys.readouterr().out


def test_the_purge_default_is_the_profiles_retention(capsys) -> None:
    _world()
    # the default profile keeps data 2 years: the year-old case is not due yet
    assert as_supervisor(["hapus", "--coba"]) == 0
    assert "Tidak ada kasus" in capsys.readouterr().out


def test_a_purge_needs_a_supervisor(capsys) -> None:
    _world()
    assert main(["data", "hapus", "--sebelum", "2026-01-01"]) == 1  # no terminal: no PIN
    assert "terminal" in capsys.readouterr().err
    with typed_at_terminal("Orang Lain", "1111", "Orang Lain", "1111", "Orang Lain", "1111"):
        assert main(["data", "hapus", "--sebelum", "2026-01-01"]) == 1
    capsys.readouterr()
    with typed_at_terminal("Siti Aminah", PETUGAS_PIN, "", "", "", ""):
        assert main(["data", "pemohon", "--nik", OLD_NIK]) == 1
    assert "bukan supervisor" in capsys.readouterr().err
    assert "Ani Lestari" not in capsys.readouterr().out


def test_a_visitors_data_is_shown_corrected_and_exported(capsys, tmp_path: Path) -> None:
    _paths, store, desk, old, recent, _other = _world()
    assert as_supervisor(["pemohon", "--nik", OLD_NIK]) == 0
    out = capsys.readouterr().out
    assert "(2 kasus)" in out and "Ani Lestari" in out
    assert "Bayu Aji" not in out and OTHER_NIK not in out and "085633334444" not in out
    target = tmp_path / "untuk-pemohon.json"
    assert as_supervisor(["pemohon", "--nik", OLD_NIK,
                 "--koreksi", "telepon=0813 5555 6666", "--alasan", "permintaan pemohon",
                 "--ekspor", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Dikoreksi: Telepon pada 2 kasus" in out
    for code in (old, recent):
        events = store.events(code)
        fixes = [e for e in events if e["type"] == "data_corrected"]
        assert [(f["data"]["field"], f["data"]["value"], f["officer"]) for f in fixes] == [
            ("telepon", "+6281355556666", SUPERVISOR)]
        assert desk.view(code).state.visitor.telepon == "+6281355556666"
    record = json.loads(target.read_text())
    assert record["nik"] == OLD_NIK and len(record["kasus"]) == 2
    assert {c["data"]["telepon"] for c in record["kasus"]} == {"+6281355556666"}
    assert record["kasus"][0]["koreksi"][0]["alasan"] == "permintaan pemohon"
    assert OTHER_NIK not in target.read_text() and "Bayu" not in target.read_text()
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    pdf = tmp_path / "untuk-pemohon.pdf"
    assert as_supervisor(["pemohon", "--nik", OLD_NIK,
                 "--ekspor", str(pdf)]) == 0
    from tests.pdf_scan import flat_text

    text = flat_text(pdf.read_bytes())
    assert "+6281355556666" in text and "Ani Lestari" in text and "Bayu" not in text
    assert main(["periksa"]) == 0


def test_a_bad_correction_is_refused_in_indonesian(capsys) -> None:
    _world()
    assert as_supervisor(["pemohon", "--nik", OLD_NIK,
                 "--koreksi", "nik=123"]) == 1
    err = capsys.readouterr().err
    assert "NIK" in err and "Traceback" not in err
    assert as_supervisor(["pemohon", "--nik", "12"]) == 1
    assert "--nik" in capsys.readouterr().err


def test_a_purged_nik_is_no_longer_found(capsys) -> None:
    _world()
    as_supervisor(["hapus", "--sebelum", "2026-12-01"])
    capsys.readouterr()
    # both of Ani's closed cases are purged; nobody holds her NIK any more
    assert as_supervisor(["pemohon", "--nik", OLD_NIK]) == 1
    assert "Tidak ada kasus" in capsys.readouterr().out


def _many_closed(paths, n: int) -> list[str]:
    profile = _profile()
    save_profile(paths, profile)
    store = open_store(paths.store_dir, profile.tz)
    clock = Clock(datetime(2025, 3, 3, 8, 0, tzinfo=profile.tz))
    desk = Desk(store, CATALOG, profile, officer=supervisor("Siti Aminah"), now=clock)
    codes = []
    for i in range(n):
        if i % 40 == 39:
            clock.at += timedelta(days=1)
        view = desk.open_case(SOP, {"nama": f"Pemohon {i}", "nik": f"320101250190{i + 1:04d}",
                                    "telepon": f"0812{i:07d}", "alamat": f"Jl. Nomor {i}"})
        desk.close(view.code, "dibatalkan", "uji")
        codes.append(view.code)
    return codes


@pytest.mark.parametrize("after", [1, 15, 40])
def test_a_purge_killed_midway_leaves_each_case_before_or_after(after: int) -> None:
    """SIGKILL once ``after`` cases are purged (watched on disk): every case is whole."""
    paths = resolve_paths()
    codes = _many_closed(paths, 120)
    files = sorted(paths.store_dir.glob("2025/*.json"))
    terminal = terminal_stdin(SUPERVISOR, SUPERVISOR_PIN)  # the supervisor signs in
    proc = subprocess.Popen(
        [sys.executable, "-m", "screens.cli", "data", "hapus", "--sebelum", "2026-01-01"],
        cwd=ROOT, stdin=terminal, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(terminal)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if sum(f.read_bytes().count(b'"data_redacted"') for f in files) >= after:
            break
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = open_store(paths.store_dir, PROFILE.tz)
    done = 0
    for code in codes:
        events = store.events(code)
        redacted = any(e["type"] == "data_redacted" for e in events)
        visitor = events[0]["data"]["visitor"]
        assert redacted == (visitor["nik"] == "") == (visitor["telepon"] == "") == (
            visitor["alamat"] == ""), f"{code}: half purged"
        done += redacted
    assert after <= done
    from store.chain import check_store

    assert check_store(store).ok
    # running it again finishes the job
    assert as_supervisor(["hapus", "--sebelum", "2026-01-01"]) == 0
    assert not any(b"Jl. Nomor" in f.read_bytes() for f in files)


def test_the_retention_is_read_from_the_profile_and_printed_on_the_tanda_terima(
        capsys, tmp_path: Path) -> None:
    paths, _store, _desk, _old, _recent, other = _world()
    text = paths.config_file.read_text()
    paths.config_file.write_text(text + '\n[data]\nretensi = "5 tahun"\n')
    from counter.config import load_profile

    saved = load_profile(paths)
    assert saved is not None and saved.retensi == "5 tahun"
    out = tmp_path / "tt.pdf"
    assert main(["cetak", other, "--kertas", "58mm", "-o", str(out)]) == 0
    from tests.pdf_scan import flat_text

    flat = " ".join(flat_text(out.read_bytes()).split())
    assert "disimpan 5 tahun setelah selesai lalu dihapus" in flat
    assert "tanyakan petugas loket" in flat
    # 5 years: last year's case is not due; with 6 months it is
    assert as_supervisor(["hapus", "--coba"]) == 0
    assert "Tidak ada kasus" in capsys.readouterr().out
    paths.config_file.write_text(text + '\n[data]\nretensi = "6 bulan"\n')
    assert as_supervisor(["hapus", "--coba"]) == 0
    assert "1 kasus ditutup sebelum" in capsys.readouterr().out


def test_a_wrong_retention_names_file_line_and_field(capsys) -> None:
    paths, *_ = _world()
    text = paths.config_file.read_text()
    paths.config_file.write_text(text + '\n[data]\nretensi = "dua tahun"\n')
    assert as_supervisor(["hapus", "--coba"]) == 1
    err = capsys.readouterr().err
    line = len(text.splitlines()) + 3
    assert f"loket.toml:{line}: data.retensi:" in err and "2 tahun" in err


def test_retention_cutoffs() -> None:
    from counter.privacy.retention import parse_retention

    assert parse_retention("2 tahun").cutoff(date(2026, 2, 28)) == date(2024, 2, 28)
    assert parse_retention("1 tahun").cutoff(date(2028, 2, 29)) == date(2027, 2, 28)
    assert parse_retention("18 bulan").cutoff(date(2026, 11, 30)) == date(2025, 5, 30)
    assert parse_retention("90 hari").cutoff(date(2026, 11, 30)) == date(2026, 9, 1)
    assert parse_retention(" 3 Minggu ").label() == "3 minggu"


def test_an_interactive_correction_asks_field_by_field(capsys) -> None:
    _paths, store, _desk, old, _recent, _other = _world()
    answers = ["", "", "", "", "Jl. Kenanga 3A, Pacitan"]  # only the address
    assert as_supervisor(["pemohon", "--nik", OLD_NIK, "--interaktif"], *answers) == 0
    assert "Dikoreksi: Alamat pada 2 kasus" in capsys.readouterr().out
    fixes = [e for e in store.events(old) if e["type"] == "data_corrected"]
    assert [(f["data"]["field"], f["data"]["value"]) for f in fixes] == [
        ("alamat", "Jl. Kenanga 3A, Pacitan")]
    assert main(["data", "pemohon", "--nik", OLD_NIK, "--interaktif"]) == 1  # no terminal
    assert "terminal" in capsys.readouterr().err


def test_old_report_exports_and_leftover_temp_files_follow_the_retention(capsys) -> None:
    paths, *_ = _world()
    paths.report_dir.mkdir(parents=True)
    old_report = paths.report_dir / "laporan-2025-11.xlsx"
    new_report = paths.report_dir / "laporan-2026-11.xlsx"
    temp = paths.report_dir / ".laporan-2025-10.csv.abc123.tmp"
    for path in (old_report, new_report, temp):
        path.write_bytes(b"Ani Lestari 3201********0011")
    year_ago = datetime(2025, 11, 30).timestamp()
    for path in (old_report, temp):
        os.utime(path, (year_ago, year_ago))
    assert as_supervisor(["hapus", "--sebelum", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert not old_report.exists() and not temp.exists() and new_report.exists()
    assert str(old_report) in out


def test_cases_of_an_old_store_are_purged_and_the_chain_verifies(capsys) -> None:
    """A store written before the chain: the purge's write starts the chain of the file
    (its old events frozen without their personal values), and every closed case's NIK
    leaves the bytes."""
    import shutil

    from tests.chain.test_chain import FIXTURE_V1

    paths = resolve_paths()
    save_profile(paths, _profile())
    shutil.copytree(FIXTURE_V1, paths.store_dir)
    assert as_supervisor(["hapus", "--sebelum", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "kasus dihapus" in out
    store = open_store(paths.store_dir, PROFILE.tz)
    desk = Desk(store, CATALOG, PROFILE)
    purged = 0
    for path in store.day_files():
        for view in desk.cases_on(date.fromisoformat(path.stem)).views:
            nik = view.state.visitor.nik
            if view.state.status.closed:
                assert nik == "" and not view.state.problems
                purged += 1
            elif nik:
                assert nik.encode() in path.read_bytes()
    assert purged
    assert main(["periksa"]) == 0, capsys.readouterr().out


def test_a_damaged_ledger_is_said_and_rebuilt(capsys) -> None:
    from tests.chain.kit import make_store

    store, desk, _clock, codes = make_store()
    (store.store_dir / "rantai.json").write_text("{rusak")
    assert main(["periksa"]) == 1
    assert "rantai.json" in capsys.readouterr().out
    desk.note(codes[date(2026, 11, 25)][0], "catatan berikutnya")
    assert main(["periksa"]) == 0
