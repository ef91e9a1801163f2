"""`loket sop daftar|lihat|periksa` (and list|show|check) as a user runs them."""

import json
import shutil
from pathlib import Path

import pytest

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


def _two_broken_files(folder: Path) -> tuple[Path, Path]:
    text = FIXTURE.read_text()
    first = folder / "satu.toml"
    first.write_text(text.replace('waktu = "15 menit"', 'waktu = "1 jam 2 jam"')
                     .replace("no = 4", "no = 100000000"))
    second = folder / "dua.toml"
    second.write_text(text.replace('id = "uji-konsultasi"', 'id = "uji-dua"')
                      .replace('pelaksana = ["kabid"]', 'pelaksana = ["kadis"]')
                      .replace("ke_langkah = 1", 'ke_langkah = "satu"'))
    return first, second


def test_check_lists_every_problem_of_every_file(tmp_path, capsys):
    first, second = _two_broken_files(tmp_path)
    assert main(["sop", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    def at(path: Path, needle: str) -> str:
        number = next(i for i, ln in enumerate(path.read_text().splitlines(), 1) if needle in ln)
        return f"{path}:{number}"

    assert [ln.split(": ")[:2] for ln in lines[:-1]] == [
        [at(second, '"kadis"'), "langkah 2.pelaksana"],
        [at(second, '"satu"'), "langkah 2.kembali.ke_langkah"],
        [at(first, "1 jam 2 jam"), "langkah 1.waktu"],
        [at(first, "100000000"), "langkah 3.no"],
    ]
    assert lines[-1] == "2 dari 2 berkas SOP bermasalah (4 masalah)."


def test_check_of_the_office_folder_warns_of_a_duplicate_id(paths, capsys):
    paths.sop_dir.mkdir(parents=True)
    shutil.copy(FIXTURE, paths.sop_dir / "a.toml")
    shutil.copy(FIXTURE, paths.sop_dir / "b.toml")
    assert main(["sop", "check"]) == 0  # a warning, not an error
    captured = capsys.readouterr()
    assert "Peringatan:" in captured.err and "uji-konsultasi" in captured.err
    assert str(paths.sop_dir / "a.toml") in captured.err
    assert str(paths.sop_dir / "b.toml") in captured.err


def test_check_shows_toml_syntax_in_indonesian(tmp_path, capsys):
    bad = tmp_path / "x.toml"
    bad.write_text('id = "x"\nstatus = berlaku\n')
    assert main(["sop", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: sintaks TOML salah: nilai tidak sah" in err
    assert "(baris 2, kolom 10)" in err and "Invalid" not in err and "line" not in err


def test_show_by_number_or_unique_prefix(capsys):
    for text in ("07", "pct-07"):
        assert main(["sop", "show", text]) == 0
        assert "Konsultasi Bisnis" in capsys.readouterr().out
    assert main(["sop", "show", "kbr"]) == 1
    err = capsys.readouterr().err
    assert "kbr-1-fasilitasi-izin-usp" in err and "kbr-2-peningkatan-pelayanan-plut" in err


def test_a_bad_office_sop_does_not_break_kasus_or_laporan(paths, tmp_path, capsys):
    from datetime import datetime

    from counter.config import default_profile, save_profile
    from counter.desk import Desk
    from counter.sop import load_catalog
    from store import open_store

    profile = default_profile()
    save_profile(paths, profile)
    desk = Desk(open_store(paths.store_dir, profile.tz), load_catalog(), profile,
                officer="Siti Aminah",
                now=lambda: datetime(2026, 11, 25, 9, 30, tzinfo=profile.tz))
    code = desk.open_case("pct-07-konsultasi-bisnis", {"nama": "Ani Wulandari"}, received=[]).code
    paths.sop_dir.mkdir(parents=True)
    _two_broken_files(paths.sop_dir)
    (paths.sop_dir / "bukan-tabel.toml").write_text(
        FIXTURE.read_text().replace("[[langkah.kembali]]\nsyarat = \"jika tidak setuju\"\n"
                                    "ke_langkah = 1", 'kembali = ["admin"]'))
    assert main(["kasus", code]) == 0
    captured = capsys.readouterr()
    assert "Ani Wulandari" in captured.out
    assert "3 berkas SOP kantor dilewati" in captured.err and "Traceback" not in captured.err
    assert main(["laporan", "--tanggal", "2026-11-25"]) == 0
    captured = capsys.readouterr()
    assert "261125-01-001" in captured.out and "dilewati" in captured.err


def test_indonesian_verbs_with_english_aliases(capsys) -> None:
    """`daftar`, `lihat`, `periksa` as the UI speaks; list/show/check still work."""
    for ind, eng in (("daftar", "list"), ("periksa", "check")):
        assert main(["sop", ind]) == 0
        first = capsys.readouterr().out
        assert main(["sop", eng]) == 0
        assert capsys.readouterr().out == first and first
    assert main(["sop", "lihat", "07"]) == 0
    assert "Konsultasi Bisnis" in capsys.readouterr().out
    assert main(["sop", "show", "07"]) == 0
    assert "Konsultasi Bisnis" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["sop", "--help"])
    help_text = capsys.readouterr().out
    for verb in ("daftar", "lihat", "periksa", "impor", "ekspor", "evaluasi"):
        assert verb in help_text


def test_json_gives_the_short_label(capsys) -> None:
    assert main(["sop", "daftar", "--json"]) == 0
    labels = {s["id"]: s["nama_singkat"] for s in json.loads(capsys.readouterr().out)}
    assert labels["pct-21-penagihan-pertama"] == "Tagihan 1"
