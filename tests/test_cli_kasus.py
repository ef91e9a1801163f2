"""`loket kasus KODE`: the answer to "berkas saya sampai mana?" on the phone."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
import time_machine

from counter.codes import human, make_code
from counter.config import default_profile, resolve_paths
from screens.cli import main
from store import open_store
from tests.screens.review_fixtures import NIK, TELEPON, WIB, make_day, write_sops

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=WIB)


@pytest.fixture
def day(paths):
    from counter.sop import load_catalog

    write_sops(paths.sop_dir)
    store = open_store(paths.store_dir, default_profile().tz)
    return make_day(store, load_catalog([paths.sop_dir]), default_profile())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with time_machine.travel(NOW, tick=False):
        rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_prints_status_step_holder_timeline_and_times(day, capsys) -> None:
    rc, out, _ = run(capsys, "kasus", human(day.handed))  # the form on the tanda terima
    assert rc == 0
    assert human(day.handed) in out
    assert "berjalan" in out
    assert "2 dari 3: Memeriksa dan menyetujui jadwal" in out
    assert "Koordinator" in out
    # step 1 took 09.00-09.20 against 15 menit: over, with its reason
    assert "20 menit" in out and "15 menit" in out and "LEWAT" in out
    assert "printer macet" in out
    # timeline in Indonesian with times
    assert "Rabu, 25 November 2026" in out
    assert "09.20" in out and "Berkas diserahkan Admin PLUT" in out
    assert "Berkas diterima Koordinator" in out
    # personal data masked
    assert NIK not in out and TELEPON not in out
    assert NIK[:4] in out and NIK[-4:] in out


def test_accepts_bare_digits_and_shows_waiting_pause(day, capsys) -> None:
    rc, out, _ = run(capsys, "kasus", day.waiting)
    assert rc == 0
    assert "menunggu pemohon" in out
    assert "dijeda" in out
    assert "KTP" in out


def test_json_for_machines(day, capsys) -> None:
    rc, out, _ = run(capsys, "kasus", day.done, "--json")
    assert rc == 0
    data = json.loads(out)
    assert data["kode"] == day.done
    assert data["status"] == "selesai"
    assert data["hasil"] == "selesai"
    assert [s["no"] for s in data["langkah"]] == [1, 2, 3]
    assert data["langkah"][0]["kerja_detik"] == 10 * 60  # 10.30 -> 10.40
    assert data["langkah"][0]["keadaan"] == "dalam"
    assert data["riwayat"][0]["jenis"] == "opened"
    assert data["riwayat"][-1]["jenis"] == "closed"

    rc, out, _ = run(capsys, "kasus", day.handed, "--json")
    data = json.loads(out)
    assert data["pemegang"]["id"] == "koor"
    assert data["langkah"][0]["keadaan"] == "lewat"
    assert data["langkah"][0]["alasan_lewat"] == "printer macet"
    assert data["pemohon"]["nik"] != NIK and NIK not in out


@pytest.mark.parametrize("bad", ["12345", "261125-01-001-9", "abcdefabcdef"])
def test_bad_code_is_a_clear_message_and_exit_1(day, capsys, bad) -> None:
    rc, _, err = run(capsys, "kasus", bad)
    assert rc == 1
    assert "tidak sah" in err
    assert "Traceback" not in err


def test_unknown_code(day, capsys) -> None:
    unknown = make_code(datetime(2026, 11, 25).date(), 1, 99)
    rc, _, err = run(capsys, "kasus", unknown)
    assert rc == 1
    assert "tidak ditemukan" in err
    assert human(unknown) in err


def test_demo_flag_reads_the_demo_store(paths, capsys) -> None:
    from counter.sop import load_catalog

    write_sops(paths.sop_dir)
    demo = resolve_paths(demo=True)
    assert demo.store_dir != paths.store_dir
    write_sops(demo.sop_dir)
    store = open_store(demo.store_dir, default_profile().tz)
    day = make_day(store, load_catalog([demo.sop_dir]), default_profile())
    rc, _, err = run(capsys, "kasus", day.handed)
    assert rc == 1 and "tidak ditemukan" in err  # not in the real store
    rc, out, _ = run(capsys, "--demo", "kasus", day.handed)
    assert rc == 0 and "Koordinator" in out


def test_case_of_a_removed_sop_still_tells_its_story(day, paths, capsys) -> None:
    (paths.sop_dir / "uji-konsultasi.toml").unlink()  # the office dropped its own SOP file
    rc, out, _ = run(capsys, "kasus", day.handed)
    assert rc == 0
    assert "uji-konsultasi" in out  # the SOP named by its id
    assert "Berkas diterima" in out and "09.20" in out


def test_pelaksana_wraps_between_words_at_100_columns(paths, capsys) -> None:
    """Piped (100 columns), "Tim Verifikator" is never cut inside the word."""
    from counter.desk import Desk
    from counter.sop import load_catalog
    from tests.sessions import petugas

    store = open_store(paths.store_dir, default_profile().tz)
    desk = Desk(store, load_catalog(), default_profile(), officer=petugas())
    with time_machine.travel(NOW, tick=False):
        code = desk.open_case("pct-14-rekomendasi-teknis-iui", {"nama": "Wati"}).code
    rc, out, _ = run(capsys, "kasus", human(code))
    assert rc == 0
    assert max(len(line) for line in out.splitlines()) <= 100
    cut = [ln for ln in out.splitlines() if "Verifik" in ln and "Verifikator" not in ln]
    assert not cut, cut
    assert "Verifikator" in out
