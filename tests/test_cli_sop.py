"""`loket sop list|show|check` as a user runs them (through the entry function)."""

import json
import shutil
from pathlib import Path

from screens.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "sop_valid.toml"


def test_check_on_a_good_and_a_broken_file(tmp_path, capsys):
    good = tmp_path / "baik.toml"
    shutil.copy(FIXTURE, good)
    assert main(["sop", "check", str(good)]) == 0
    assert "semuanya baik" in capsys.readouterr().out

    bad = tmp_path / "rusak.toml"
    bad.write_text(FIXTURE.read_text().replace('waktu = "10 Menit"', 'waktu = "12 x"'))
    assert main(["sop", "check", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:" in err and "langkah 4.waktu" in err and "'12 x' tidak dapat dibaca" in err
    assert "1 dari 2 berkas SOP bermasalah" in err
    assert "Traceback" not in err


def test_office_sop_shows_in_list_and_show(paths, capsys):
    paths.sop_dir.mkdir(parents=True)
    shutil.copy(FIXTURE, paths.sop_dir / "uji.toml")
    assert main(["sop", "list"]) == 0
    out = capsys.readouterr().out
    assert "uji-konsultasi" in out and "25 menit" in out
    assert main(["sop", "show", "uji-konsultasi"]) == 0
    out = capsys.readouterr().out
    assert "Memeriksa berkas" in out and "Maksimal 1 hari" in out and "kembali ke langkah 1" in out


def test_show_json_has_parsed_waktu(paths, capsys):
    paths.sop_dir.mkdir(parents=True)
    shutil.copy(FIXTURE, paths.sop_dir / "uji.toml")
    assert main(["sop", "show", "uji-konsultasi", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    step2 = data["langkah"][1]
    assert step2["waktu"] == {"raw": "Maksimal 1 hari", "kind": "maksimal", "low": None,
                              "high": 1.0, "unit": "hari", "hari_kerja": True}
    assert step2["kembali"][0]["ke_langkah"] == 1


def test_unknown_sop_is_a_message_not_a_traceback(capsys):
    assert main(["sop", "show", "tidak-ada"]) == 1
    assert "SOP 'tidak-ada' tidak ada di katalog" in capsys.readouterr().err


def test_check_whole_catalog_passes(capsys):
    assert main(["sop", "check"]) == 0
    assert "semuanya baik" in capsys.readouterr().out


def test_installed_loket_command_lists_the_catalog_as_json():
    import subprocess
    import sys

    loket = Path(sys.executable).parent / "loket"
    res = subprocess.run([str(loket), "sop", "list", "--json"], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    from counter.sop import load_catalog

    assert {r["id"] for r in rows} == {s.id for s in load_catalog().all()}


def test_usage_and_argument_errors_speak_indonesian(capsys):
    import pytest

    with pytest.raises(SystemExit) as info:
        main(["cetak", "261125010077", "--jenis", "kuitansi"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "galat: argumen --jenis: pilihan 'kuitansi' tidak dikenal" in err
    assert err.startswith("pemakaian: loket cetak")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "opsi:" in out and "tampilkan bantuan ini lalu keluar" in out
    assert "options:" not in out and "show this help" not in out
