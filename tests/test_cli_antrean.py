"""`loket antrean`: a ticket from the command line (a kiosk script), today's queue,
a clear Indonesian error for an unknown group, and the queue in `loket laporan`."""

from __future__ import annotations

from screens.cli import main


def test_take_a_ticket_then_see_the_queue_and_the_report(paths, capsys) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('[[antrean.grup]]\nkode = "B"\nnama = "Perizinan"\n',
                                 encoding="utf-8")
    assert main(["antrean", "ambil", "b"]) == 0
    assert main(["antrean", "ambil", "B"]) == 0
    out = capsys.readouterr().out
    assert "Tiket B-001 · Perizinan · 0 menunggu di depan" in out
    assert "Tiket B-002 · Perizinan · 1 menunggu di depan" in out
    pdfs = sorted((paths.pdf_dir / "antrean").rglob("*.pdf"))
    assert [p.name for p in pdfs] == ["B-001.pdf", "B-002.pdf"]

    assert main(["antrean", "ambil", "Z"]) == 1
    err = capsys.readouterr().err
    assert "Grup antrean 'Z' tidak dikenal" in err and "B (Perizinan)" in err
    assert "Traceback" not in err

    assert main(["antrean"]) == 0
    out = capsys.readouterr().out
    assert "B-001" in out and "B-002" in out and "menunggu" in out
    assert "Waktu tunggu per grup" in out

    assert main(["laporan"]) == 0
    out = capsys.readouterr().out
    assert "Antrean" in out and "Tunggu terlama" in out and "B-002" in out


def test_a_bad_queue_setting_names_file_line_and_field(paths, capsys) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('[antrean]\npanggil_maks = 0\n', encoding="utf-8")
    assert main(["antrean", "ambil", "A"]) == 1
    err = capsys.readouterr().err
    assert "loket.toml:2: antrean.panggil_maks: panggil_maks harus 1 sampai 9" in err
