"""Importing office SOP tables: the seed SOPs' tables, written by hand in both layouts,
read back as the bundled SOPs; broken tables give a clear Indonesian message."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.sop import Sop, load_catalog
from counter.sop_table.grid import TableError
from counter.sop_table.importer import import_table

FIX = Path(__file__).parent.parent / "fixtures" / "sop_tables"
CATALOG = load_catalog()


def shape(sop: Sop) -> dict:
    """What must survive an import: steps, roles (by name), waktu and branches."""
    name = lambda r: sop.role_name(r).lower()  # noqa: E731
    return {
        "roles": [p.nama.lower() for p in sop.pelaksana],
        "steps": [
            (st.no, st.kegiatan, [name(r) for r in st.pelaksana], list(st.mutu_baku.kelengkapan),
             st.mutu_baku.waktu.raw, st.mutu_baku.output,
             [(k.syarat.lower(), k.ke_langkah, k.ke_pelaksana) for k in st.kembali])
            for st in sop.steps
        ],
        "hilang": list(sop.langkah_hilang),
    }


@pytest.mark.parametrize(("fixture", "sop_id"), [
    ("pct07_pelaksana.tsv", "pct-07-konsultasi-bisnis"),  # Pelaksana column, gap 6
    ("pct14_pelaksana.csv", "pct-14-rekomendasi-teknis-iui"),  # ';' CSV, decision row
    ("kbr1_kolom.tsv", "kbr-1-fasilitasi-izin-usp"),  # role columns, two-row header
    ("pct17_kolom.xlsx", "pct-17-pengajuan-proposal"),  # xlsx, merged groups, 'tidak'
])
def test_seed_tables_import_as_the_bundled_sop(fixture: str, sop_id: str) -> None:
    result = import_table(FIX / fixture)
    got, want = result.sop(), CATALOG.get(sop_id)
    assert got.status == "draf"
    assert shape(got) == shape(want)
    applicants = {p.nama.lower() for p in got.pelaksana if p.pemohon}
    assert applicants == {p.nama.lower() for p in want.pelaksana if p.pemohon}
    assert {p.nama.lower() for p in got.pelaksana if p.loket} == \
        {p.nama.lower() for p in want.pelaksana if p.loket}


def test_identity_comes_from_lines_above_the_table_and_options_win() -> None:
    sop = import_table(FIX / "kbr1_kolom.tsv").sop()
    assert sop.nomor == "000.8 / 1622 / DISKOPUKM.B"
    assert sop.tanggal_pembuatan == "31-Aug-23"
    assert sop.nama.startswith("Pelaksanaan Kegiatan Bidang Perijinan")
    sop = import_table(FIX / "pct07_pelaksana.tsv", {"id": "pct-07-baru", "unit": "PLUT"}).sop()
    assert (sop.id, sop.unit, sop.nomor) == ("pct-07-baru", "PLUT", "07/SOP/DIKUPERIND/2023")


def test_report_names_the_gap_and_the_skipped_terminator_row() -> None:
    lines = import_table(FIX / "pct07_pelaksana.tsv").report_lines()
    assert any("nomor langkah 6 tidak ada" in ln and "kolom No" in ln for ln in lines)
    lines = import_table(FIX / "pct14_pelaksana.csv").report_lines()
    assert any("baris 24" in ln and "'Selesai'" in ln for ln in lines)


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


HEAD = "Nama SOP: Uji\nNo\tKegiatan\tPelaksana\tKelengkapan\tWaktu\tOutput\tKeterangan\n"


def test_forward_jump_and_return_rows_become_branches(tmp_path: Path) -> None:
    p = write(tmp_path, "t.tsv", HEAD
              + "1\tMenerima berkas\tPetugas Loket\tKTP\t10 menit\t\t\n"
              + "2\tMemeriksa berkas\tPetugas Loket\t\t½ jam\t\t\n"
              + "\tjika lengkap, langsung ke langkah 4\t\t\t\t\t\n"
              + "\tjika tidak lengkap, dikembalikan ke Pemohon\t\t\t\t\t\n"
              + "3\tMelengkapi berkas\tPemohon\t\t1x24 jam\t\t\n"
              + "4\tMenerbitkan surat\tKepala Bidang\t\tsesuai jadwal\t\t\n")
    sop = import_table(p).sop()
    two = sop.step(2)
    assert [(j.syarat, j.ke_langkah) for j in two.lanjut] == [("jika lengkap", 4)]
    assert [(k.syarat, k.ke_pelaksana) for k in two.kembali] == [("jika tidak lengkap",
                                                                   "pemohon")]
    assert sop.step(3).mutu_baku.waktu.high == 24
    assert not sop.step(4).mutu_baku.waktu.limited
    assert sop.role("pemohon").pemohon and sop.role("petugas-loket").loket


def problems(path: Path) -> list[str]:
    return import_table(path).report_lines()


def test_row_without_kegiatan_is_named_and_skipped(tmp_path: Path) -> None:
    p = write(tmp_path, "t.tsv", HEAD + "1\tMenerima\tPetugas\t\t5 menit\t\t\n"
              + "2\t\tPetugas\t\t5 menit\t\t\n3\tMenyerahkan\tPetugas\t\t5 menit\t\t\n")
    lines = problems(p)
    assert any("baris 4" in ln and "kolom Kegiatan" in ln and "langkah 2 tanpa kegiatan" in ln
               for ln in lines)
    assert [s.no for s in import_table(p).sop().steps] == [1, 3]


def test_unreadable_waktu_names_row_and_column_and_keeps_the_text(tmp_path: Path) -> None:
    p = write(tmp_path, "t.tsv", HEAD + "1\tMenerima\tPetugas\t\tsecepatnya\t\t\n")
    lines = problems(p)
    assert any("baris 3" in ln and "kolom Waktu" in ln and "'secepatnya'" in ln for ln in lines)
    step = import_table(p).sop().step(1)
    assert "secepatnya" in step.keterangan and not step.mutu_baku.waktu.limited


def test_role_mark_in_two_columns_is_named(tmp_path: Path) -> None:
    p = write(tmp_path, "t.tsv", "No\tKegiatan\tPemohon\tPetugas\tKelengkapan\tWaktu\tOutput\n"
              "1\tMenyerahkan berkas\tv\tv\t\t5 menit\t\n")
    lines = problems(p)
    assert any("baris 2" in ln and "lebih dari satu kolom (Pemohon, Petugas)" in ln
               for ln in lines)
    assert import_table(p).sop().step(1).pelaksana == ("pemohon", "petugas")


def test_merged_cells_are_named(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output"])
    ws.append([1, "Menerima", "Petugas", None, "1 hari", None])
    ws.append([2, "Memeriksa", "Petugas", None, None, None])
    ws.merge_cells("E2:E3")
    p = tmp_path / "t.xlsx"
    wb.save(p)
    lines = problems(p)
    assert any("baris 2" in ln and "kolom Waktu" in ln and "sel gabungan (baris 2-3)" in ln
               for ln in lines)
    assert import_table(p).sop().step(2).mutu_baku.waktu.raw == "1 hari"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("kosong.tsv", b"", "berkas kosong"),
    ("spasi.csv", b"  \n\n ", "berkas kosong"),
    ("palsu.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00binary", "bukan buku kerja Excel"),
    ("zip.xlsx", b"PK\x05\x06" + b"\x00" * 18, "buku kerja Excel rusak"),
    ("biner.tsv", b"\x00\x01\x02abc", "bukan teks"),
    ("word.docx", b"PK\x03\x04", "tidak dapat dibaca; simpan tabel"),
    ("tanpa-kepala.tsv", b"1\tMenerima\tPetugas\t5 menit\n", "kepala tabel tidak"),
    ("tanpa-pelaksana.tsv", b"No\tKegiatan\tWaktu\n1\tMenerima\t5 menit\n",
     "kolom pelaksana tidak ditemukan"),
    ("tanpa-langkah.tsv", HEAD.encode(), "tidak ada baris langkah"),
])
def test_broken_files_give_a_clear_message(tmp_path: Path, name: str, content: bytes,
                                          message: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(TableError) as info:
        import_table(p)
    assert message in str(info.value)
    assert str(p) in str(info.value)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="tidak ditemukan"):
        import_table(tmp_path / "tidak-ada.tsv")


def test_numbering_that_skips_is_not_a_lost_step(tmp_path: Path) -> None:
    rows = "".join(f"{n}\tLangkah {n}\tPetugas\t\t5 menit\t\t\n" for n in (1, 2, 3, 5, 6))
    sop = import_table(write(tmp_path, "a.tsv", HEAD + rows)).sop()
    assert sop.langkah_hilang == (4,)  # by default a gap is reported as a lost step
    skipped = write(tmp_path, "b.tsv", "Nomor Dilewati: 4\n" + HEAD + rows)
    result = import_table(skipped)
    sop = result.sop()
    assert (sop.langkah_hilang, sop.nomor_dilewati) == ((), (4,))
    assert not any("tidak ada di tabel" in ln for ln in result.report_lines())
    from counter.sop_table.export import export_sop

    again = import_table(export_sop(sop, tmp_path / "c.tsv", "tsv")).sop()
    assert again.nomor_dilewati == (4,)
