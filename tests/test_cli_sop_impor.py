"""`loket sop impor` and `loket sop ekspor` as a supervisor runs them."""

from __future__ import annotations

from pathlib import Path

from screens.cli import main

FIX = Path(__file__).parent / "fixtures" / "sop_tables"


def test_impor_writes_a_draf_into_the_office_folder_and_reports(paths, capsys) -> None:
    assert main(["sop", "impor", str(FIX / "pct07_pelaksana.tsv"), "--id", "konsul"]) == 0
    out = capsys.readouterr().out
    target = paths.sop_dir / "konsul.toml"
    assert target.is_file()
    assert "6 langkah, 4 pelaksana; disimpan sebagai draf" in out
    assert "UMKM (pemohon)" in out and "Admin (loket)" in out
    assert "nomor langkah 6 tidak ada di tabel" in out
    assert main(["sop", "check", str(target)]) == 0
    assert main(["sop", "show", "konsul"]) == 0
    assert "Memberikan rekomendasi solusi" in capsys.readouterr().out
    # a second import does not overwrite without --timpa
    assert main(["sop", "impor", str(FIX / "pct07_pelaksana.tsv"), "--id", "konsul"]) == 1
    assert "--timpa" in capsys.readouterr().err
    assert main(["sop", "impor", str(FIX / "pct07_pelaksana.tsv"), "--id", "konsul",
                 "--timpa"]) == 0


def test_impor_to_a_folder_with_o(tmp_path: Path, capsys) -> None:
    assert main(["sop", "impor", str(FIX / "pct17_kolom.xlsx"), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "pengajuan-proposal.toml").is_file()


def test_impor_of_a_broken_file_is_one_clear_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "sop.xlsx"
    bad.write_bytes(b"GIF89a not a workbook")
    assert main(["sop", "impor", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bukan buku kerja Excel" in err and str(bad) in err and "Traceback" not in err


def test_ekspor_then_impor_again(tmp_path: Path, paths, capsys) -> None:
    out = tmp_path / "nib.tsv"
    assert main(["sop", "ekspor", "kbr-1-fasilitasi-izin-usp", "--format", "tsv",
                 "-o", str(out)]) == 0
    assert "Nama SOP:\tPelaksanaan Kegiatan" in out.read_text(encoding="utf-8")
    xlsx = tmp_path / "kbr.xlsx"
    assert main(["sop", "ekspor", "kbr-1-fasilitasi-izin-usp", "--tata", "kolom",
                 "-o", str(xlsx)]) == 0
    assert main(["sop", "impor", str(xlsx), "--id", "kbr-salinan"]) == 0
    assert "Semua baris terbaca" in capsys.readouterr().out
    assert main(["sop", "ekspor", "tidak-ada"]) == 1
    assert main(["sop", "ekspor", "kbr-1-fasilitasi-izin-usp", "--format", "pdf"]) == 1
    assert "format ekspor 'pdf'" in capsys.readouterr().err
