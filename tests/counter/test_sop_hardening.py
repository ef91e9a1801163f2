"""A hostile or careless SOP file: every problem is a message with file, line and field,
never a traceback, never a memory blow-up; one pass reports them all."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from counter.errors import SopError
from counter.sop import MAX_STEP_NO, MAX_STEPS, SopErrors, load_catalog, parse_sop, problems
from counter.sop_lookup import find_sop

VALID = (Path(__file__).parent.parent / "fixtures" / "sop_valid.toml").read_text()


def broken(*pairs: tuple[str, str]) -> str:
    text = VALID
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def all_errors(text: str) -> tuple[SopError, ...]:
    with pytest.raises(SopError) as info:
        parse_sop(text, "kantor/uji.toml")
    return problems(info.value)


def line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


def test_a_huge_step_number_is_refused_quickly_with_its_place():
    text = broken(("no = 4", "no = 100000000"))
    started = time.perf_counter()
    errors = all_errors(text)
    assert time.perf_counter() - started < 1.0  # no list of every missing number
    (err,) = errors
    assert err.field == "langkah 3.no" and err.line == line_of(text, "no = 100000000")
    assert str(MAX_STEP_NO) in err.message and "100000000" in err.message


@pytest.mark.parametrize("value", ["0", "-2", "1000"])
def test_step_numbers_outside_the_limit(value: str):
    text = broken(("no = 4", f"no = {value}"))
    assert any((e.field or "").endswith(".no") and value in e.message for e in all_errors(text))


def test_too_many_steps_is_one_message():
    steps = "".join(
        f'\n[[langkah]]\nno = {n}\nkegiatan = "k"\npelaksana = ["admin"]\nwaktu = "1 menit"\n'
        for n in range(5, 5 + MAX_STEPS))
    errors = all_errors(VALID + steps)
    assert [e for e in errors if str(MAX_STEPS) in e.message and e.field == "langkah"]
    assert len(errors) == 1


@pytest.mark.parametrize(("text", "field_name", "needle"), [
    # a role entry that is not a table
    (VALID.split("[sumber]")[0] + 'pelaksana = ["admin"]\n[sumber]' + VALID.split("[sumber]")[1]
     .split("[[pelaksana]]")[0] + "[[langkah]]" + VALID.split("[[langkah]]", 1)[1],
     "pelaksana[1]", 'pelaksana = ["admin"]'),
    # a step entry that is not a table
    (VALID.split("[[langkah]]")[0].replace("langkah_hilang = [3]", "langkah = [1, 2]"),
     "langkah[1]", "langkah = [1, 2]"),
    # kembali as a number, and as a list of texts
    (broken(("[[langkah.kembali]]\nsyarat = \"jika tidak setuju\"\nke_langkah = 1",
             "kembali = 3")), "langkah 2.kembali", "kembali = 3"),
    (broken(("[[langkah.kembali]]\nsyarat = \"jika tidak setuju\"\nke_langkah = 1",
             'kembali = ["ke admin"]')), "langkah 2.kembali[1]", 'kembali = ["ke admin"]'),
    (broken(("ke_langkah = 1", 'ke_langkah = "1"')), "langkah 2.kembali.ke_langkah",
     'ke_langkah = "1"'),
    (broken(("ke_langkah = 1", "ke_pelaksana = 7")), "langkah 2.kembali.ke_pelaksana",
     "ke_pelaksana = 7"),
    (broken(("no = 2", 'no = "2"')), "langkah 2.no", 'no = "2"'),
    (broken(("no = 2", "no = true")), "langkah 2.no", "no = true"),
    (broken(("[sumber]\ndokumen = \"uji.txt\"\nlokasi = \"baris 1-10\"", 'sumber = "uji.txt"')),
     "sumber", 'sumber = "uji.txt"'),
    (broken(("langkah_hilang = [3]", 'langkah_hilang = ["3"]')), "langkah_hilang",
     "langkah_hilang ="),
    (broken(('pelaksana = ["kabid"]', 'pelaksana = "kabid"\nkelengkapan = 5')),
     "langkah 2.kelengkapan", "kelengkapan = 5"),
])
def test_an_entry_of_the_wrong_type_names_file_line_and_field(text: str, field_name: str,
                                                              needle: str):
    errors = all_errors(text)
    match = [e for e in errors if e.field == field_name]
    assert match, [str(e) for e in errors]
    assert match[0].line == line_of(text, needle)
    assert str(match[0]).startswith(f"kantor/uji.toml:{match[0].line}: {field_name}: ")


def test_every_problem_of_a_file_in_one_pass():
    text = broken(("id = \"uji-konsultasi\"", "id = \"Uji Konsultasi\""),
                  ('waktu = "15 menit"', 'waktu = "1 jam 2 jam"'),
                  ('pelaksana = ["kabid"]', 'pelaksana = ["kadis"]'),
                  ("ke_langkah = 1", "ke_langkah = 9"))
    errors = all_errors(text)
    assert [e.field for e in errors] == ["id", "langkah 1.waktu", "langkah 2.pelaksana",
                                         "langkah 2.kembali.ke_langkah"]
    assert [e.line for e in errors] == [line_of(text, "Uji Konsultasi"),
                                        line_of(text, "1 jam 2 jam"),
                                        line_of(text, '"kadis"'), line_of(text, "ke_langkah = 9")]
    with pytest.raises(SopErrors) as info:
        parse_sop(text, "kantor/uji.toml")
    assert str(info.value).count("\n") == 3  # one line per problem


def test_repeated_units_in_one_waktu_are_an_error():
    (err,) = all_errors(broken(('waktu = "15 menit"', 'waktu = "1 jam 2 jam"')))
    assert err.field == "langkah 1.waktu" and "'jam' lebih dari sekali" in err.message


def test_toml_syntax_errors_are_in_indonesian():
    text = broken(('nama = "Konsultasi Uji"', "nama = Konsultasi Uji"))
    (err,) = all_errors(text)
    assert err.line == line_of(text, "nama = Konsultasi Uji")
    assert "Invalid" not in str(err) and "line" not in str(err)
    assert "nilai tidak sah" in str(err) and f"baris {err.line}, kolom 8" in str(err)


def test_deeply_nested_toml_is_a_message():
    (err,) = all_errors("id = " + "[" * 100_000)
    assert "sintaks TOML salah" in err.message


def test_office_files_duplicate_id_is_a_warning_naming_both(tmp_path: Path):
    (tmp_path / "a.toml").write_text(VALID)
    (tmp_path / "b.toml").write_text(VALID.replace('nama = "Konsultasi Uji"', 'nama = "Dua"'))
    catalog = load_catalog([tmp_path])
    assert catalog.errors == []
    (warning,) = catalog.warnings
    assert str(tmp_path / "a.toml") in str(warning) and str(tmp_path / "b.toml") in str(warning)
    assert catalog.get("uji-konsultasi").nama == "Dua"  # the one the warning says is used


def test_a_bad_office_file_is_listed_and_skipped(tmp_path: Path):
    (tmp_path / "rusak.toml").write_text(broken(("no = 4", "no = 100000000")))
    (tmp_path / "baik.toml").write_text(VALID)
    catalog = load_catalog([tmp_path])
    assert [e.path for e in catalog.errors] == [str(tmp_path / "rusak.toml")]
    assert catalog.get("uji-konsultasi").path == str(tmp_path / "baik.toml")


VALUES = ["1", "true", "[]", "[1]", "{}", '""', "[[1]]", '["x"]', "-5"]


def test_mutated_files_never_raise_anything_but_sop_error():
    """Random damage (a deleted line, swapped values, stray characters) gives a message."""
    rng = random.Random(9)
    lines = VALID.splitlines()
    junk = ["[", "]", "[[langkah]]", "= 1", '"', "no = 0", "kembali = 1", "{", "x = [1, 'a']",
            "pelaksana = 3", "[[langkah.kembali]]", "[sumber]", "waktu = 5", "no = 1e9"]
    for _ in range(400):
        mutated = list(lines)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(mutated))
            choice = rng.random()
            if choice < 0.3:
                del mutated[i]
            elif choice < 0.6:
                mutated.insert(i, rng.choice(junk))
            else:
                key = mutated[i].split("=")[0]
                mutated[i] = key + "= " + rng.choice(VALUES)
        try:
            parse_sop("\n".join(mutated), "uji.toml")
        except SopError as err:
            assert all(e.path == "uji.toml" and e.message for e in problems(err))


def test_find_by_number_id_start_or_search():
    catalog = load_catalog()
    for text in ("07", "7", "pct-07", "07/SOP/DIKUPERIND/2023", "konsultasi bisnis"):
        assert find_sop(catalog, text).id == "pct-07-konsultasi-bisnis", text
    with pytest.raises(SopError) as err:
        find_sop(catalog, "kbr")
    assert "kbr-1-fasilitasi-izin-usp" in str(err.value) and "kbr-2" in str(err.value)
