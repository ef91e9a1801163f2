"""Minimum sample (Krejcie-Morgan) and the questionnaire file rules."""

from __future__ import annotations

from datetime import date

import pytest

from counter.skm.questions import SkmError, bundled_questionnaire, load_questionnaire
from counter.skm.response import make_response, mask_numbers
from counter.skm.sample import minimum_sample


@pytest.mark.parametrize(("population", "needed"), [
    # rows of the Krejcie & Morgan (1970) table cited by PermenPANRB 14/2017
    (10, 10), (15, 14), (20, 19), (50, 44), (100, 80), (150, 108), (200, 132),
    (300, 169), (400, 196), (500, 217), (1000, 278), (1200, 291), (2000, 322),
    (5000, 357), (10000, 370), (50000, 381), (75000, 382), (1000000, 384),
])
def test_minimum_sample_reproduces_the_table(population, needed):
    assert minimum_sample(population) == needed


def test_minimum_sample_never_exceeds_the_population():
    assert minimum_sample(3) == 3
    assert minimum_sample(0) == 0


def test_bundled_questionnaire_has_the_nine_unsur_with_four_answers_each():
    q = bundled_questionnaire()
    assert [u.kode for u in q.unsur] == [f"U{i}" for i in range(1, 10)]
    assert all(len(u.pilihan) == 4 for u in q.unsur)
    assert q.unsur_by_code("U4").pilihan == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert {p.kode for p in q.profil} == {"jenis_kelamin", "usia", "pendidikan", "pekerjaan"}


def test_office_adds_questions_but_cannot_change_an_unsur(tmp_path):
    office = tmp_path / "kuesioner.toml"
    office.write_text('[[tambahan]]\nkode = "T1"\nnama = "Kebersihan"\n'
                      'pertanyaan = "Bagaimana kebersihan ruang tunggu?"\n'
                      'pilihan = ["Kotor", "Kurang bersih", "Bersih", "Sangat bersih"]\n',
                      encoding="utf-8")
    q = load_questionnaire(office)
    assert [t.kode for t in q.tambahan] == ["T1"]
    assert len(q.unsur) == 9
    office.write_text('[[unsur]]\nkode = "U1"\nnama = "Persyaratan"\npertanyaan = "Lain?"\n'
                      'pilihan = ["a", "b", "c", "d"]\n', encoding="utf-8")
    with pytest.raises(SkmError, match="U1"):
        load_questionnaire(office)


def test_a_broken_office_questionnaire_names_the_file(tmp_path):
    office = tmp_path / "kuesioner.toml"
    office.write_text("[[tambahan]]\nkode = \n", encoding="utf-8")
    with pytest.raises(SkmError) as err:
        load_questionnaire(office)
    assert str(office) in str(err.value)


def test_response_checks_scores_and_masks_numbers_in_the_saran():
    q = bundled_questionnaire()
    r = make_response(q, tanggal=date(2026, 11, 30), layanan="pct-07", loket=1,
                      jawaban={"U1": 4, "U2": "3", "U3": None},
                      saran="Hubungi saya 0812-3456-7890, NIK 3501234567890002")
    assert r.jawaban["U1"] == 4 and r.jawaban["U2"] == 3 and r.jawaban["U3"] is None
    assert "0812-3456" not in r.saran and "35012345" not in r.saran
    assert r.saran.startswith("Hubungi saya ") and r.saran.endswith("02")
    with pytest.raises(SkmError, match="U1"):
        make_response(q, tanggal=date(2026, 11, 30), layanan="x", loket=1, jawaban={"U1": 5})


def test_mask_numbers_keeps_ordinary_numbers():
    assert mask_numbers("antre 3 jam di loket 2") == "antre 3 jam di loket 2"
    assert "3501234567890002" not in mask_numbers("nik 3501 2345 6789 0002")
