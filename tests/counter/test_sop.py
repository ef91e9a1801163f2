"""Loading SOP files, and one test per validation rule with its exact message and place."""

from pathlib import Path

import pytest

from counter.errors import SopError
from counter.sop import counter_standard, format_totals, load_catalog, load_sop, parse_sop

VALID = (Path(__file__).parent.parent / "fixtures" / "sop_valid.toml").read_text()


def broken(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return i
    raise AssertionError(needle)


def error_of(text: str) -> SopError:
    with pytest.raises(SopError) as info:
        parse_sop(text, "kantor/uji.toml")
    return info.value


def test_valid_file_loads_with_its_structure():
    sop = parse_sop(VALID, "uji.toml")
    assert sop.usable and sop.layanan_loket
    assert [s.no for s in sop.steps] == [1, 2, 4]
    assert sop.step(2).is_decision and sop.step(2).kembali[0].ke_langkah == 1
    assert sop.step(1).role == "admin"
    after_two = sop.next_step(2)
    assert after_two is not None and after_two.no == 4 and sop.next_step(4) is None
    assert sop.counter_roles == ("admin",)
    assert sop.step(2).mutu_baku.waktu.high == 1


def test_counter_standard_sums_only_counter_steps():
    sop = parse_sop(VALID, "uji.toml")
    # admin steps: 15 menit + 10 Menit; the Kepala Bidang's day is not counter time
    assert counter_standard(sop) == {"menit": 25}
    assert format_totals(counter_standard(sop)) == "25 menit"


def test_toml_syntax_error_names_line():
    text = broken('nama = "Konsultasi Uji"', 'nama = "Konsultasi Uji')
    err = error_of(text)
    assert err.line == line_of(text, 'nama = "Konsultasi Uji')
    assert "sintaks TOML salah" in str(err)
    assert str(err).startswith("kantor/uji.toml:")


@pytest.mark.parametrize(("old", "new", "field_name"), [
    ('nama = "Konsultasi Uji"\n', "", "nama"),
    ('instansi = "Dinas Uji"\n', 'instansi = ""\n', "instansi"),
    ('status = "berlaku"\n', "", "status"),
])
def test_missing_required_field(old, new, field_name):
    err = error_of(broken(old, new))
    assert err.field == field_name
    assert f"kolom wajib '{field_name}' tidak ada atau kosong" in err.message


def test_missing_kegiatan_names_step_and_line():
    text = broken('kegiatan = "Menyerahkan hasil"', 'kegiatan = ""')
    err = error_of(text)
    assert err.field == "langkah 4.kegiatan"
    assert err.line == line_of(text, 'kegiatan = ""')


def test_duplicate_step_number():
    text = broken("no = 4", "no = 2")
    err = error_of(text)
    assert err.message == "nomor langkah 2 dipakai lebih dari sekali"
    assert err.line == line_of(text, "no = 2", occurrence=2)


def test_non_increasing_step_number():
    text = broken("no = 2", "no = 5")
    err = error_of(text)
    assert err.message == "nomor langkah 4 tidak naik (sesudah langkah 5)"
    assert err.field == "langkah 4.no"


def test_undeclared_gap_in_numbering():
    err = error_of(broken("langkah_hilang = [3]", "langkah_hilang = []"))
    assert "melompat dari 2 ke 4" in err.message and "langkah_hilang" in err.message


def test_return_to_unknown_step():
    text = broken("ke_langkah = 1", "ke_langkah = 7")
    err = error_of(text)
    assert err.message == "langkah tujuan 7 tidak ada di SOP ini"
    assert err.field == "langkah 2.kembali.ke_langkah"
    assert err.line == line_of(text, "ke_langkah = 7")


def test_return_to_unknown_role():
    err = error_of(broken("ke_langkah = 1", 'ke_pelaksana = "kadis"'))
    assert err.message == "pelaksana tujuan 'kadis' tidak ada di daftar [[pelaksana]] SOP ini"


def test_step_pelaksana_not_among_sop_roles():
    text = broken('pelaksana = ["kabid"]', 'pelaksana = ["kadis"]')
    err = error_of(text)
    assert err.message.startswith("pelaksana 'kadis' tidak ada di daftar [[pelaksana]]")
    assert err.field == "langkah 2.pelaksana"
    assert err.line == line_of(text, 'pelaksana = ["kadis"]')


def test_unreadable_waktu_names_sop_step_and_text():
    text = broken('waktu = "10 Menit"', 'waktu = "10 menut"')
    err = error_of(text)
    assert "'10 menut' tidak dapat dibaca" in err.message
    assert err.field == "langkah 4.waktu"
    assert str(err).startswith(f"kantor/uji.toml:{line_of(text, '10 menut')}:")


def test_berlaku_without_steps_is_rejected_but_draf_is_fine():
    head = VALID.split("[[langkah]]")[0].replace("langkah_hilang = [3]", "")
    assert "harus mempunyai langkah" in error_of(head).message
    draf = parse_sop(head.replace('status = "berlaku"', 'status = "draf"'), "d.toml")
    assert draf.status == "draf" and not draf.usable
    identity_only = head.split("[[pelaksana]]")[0].replace('status = "berlaku"', 'status = "draf"')
    assert parse_sop(identity_only, "d.toml").pelaksana == ()
    assert "'pelaksana'" in error_of(identity_only.replace('"draf"', '"berlaku"')).message


def test_unknown_status():
    err = error_of(broken('status = "berlaku"', 'status = "aktif"'))
    assert "status 'aktif' tidak dikenal" in err.message


def test_load_sop_reports_missing_file(tmp_path):
    with pytest.raises(SopError) as info:
        load_sop(tmp_path / "tidak-ada.toml")
    assert "tidak ditemukan" in str(info.value)


def test_office_folder_overrides_and_broken_files_are_listed(tmp_path):
    (tmp_path / "baik.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "rusak.toml").write_text("id = [", encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert catalog.get("uji-konsultasi").nama == "Konsultasi Uji"
    assert len(catalog.errors) == 1 and "rusak.toml" in str(catalog.errors[0])
    assert catalog.search("konsultasi uji")[0].id == "uji-konsultasi"
