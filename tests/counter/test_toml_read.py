"""The one TOML reader: Indonesian syntax errors with their line, and key lines found."""

from __future__ import annotations

import random
import re

import pytest

from counter.config import Paths, default_profile, load_profile, profile_to_toml
from counter.errors import ConfigError, SopError
from counter.texts import toml as T
from counter.toml_read import read_toml


@pytest.mark.parametrize("pattern,indonesian", T.MESSAGES)
def test_every_translation_formats(pattern: str, indonesian: str) -> None:
    groups = re.compile(pattern).groups
    assert indonesian.format(*(["'x'"] * groups))


@pytest.mark.parametrize(("text", "line", "words"), [
    ('id = "x"\nstatus = berlaku\n', 2, "nilai tidak sah"),
    ('id = "x\n', 1, "karakter"),
    ("a = 1\na = 2\n", 2, "diisi dua kali"),
    ("[a\n", 1, "ditutup dengan ']'"),
    ("x = { a = 1\n", 1, "tidak ditutup"),
    ("x = { a = 1, a = 2 }\n", 1, "dua kali"),
    ("a = [1,\n", None, "di akhir berkas"),
    ("kata saja\n", 1, "'='"),
])
def test_syntax_errors_in_indonesian_with_the_line(text: str, line: int | None,
                                                    words: str) -> None:
    with pytest.raises(SopError) as err:
        read_toml(text, "f.toml", SopError)
    assert err.value.line == line
    message = str(err.value)
    assert words in message and message.startswith("f.toml")
    assert not re.search(r"\b(Invalid|Expected|line|column|Cannot|Unclosed)\b", message)


def test_key_lines_in_arrays_of_tables_and_nested_ones() -> None:
    doc = read_toml(
        'id = "a"\n'                      # 1
        'note = """\n'                    # 2
        'waktu = "not a key"\n'           # 3 (inside a multi-line string)
        '"""\n'                           # 4
        "[[langkah]]\n"                   # 5
        "no = 1\n"                        # 6
        "[[langkah]]\n"                   # 7
        "no = 2\n"                        # 8
        "[[langkah.kembali]]\n"           # 9
        "ke_langkah = 1\n"                # 10
        "[sumber]\n"                      # 11
        'dokumen.nama = "x"\n',           # 12
        "f.toml", SopError)
    assert doc.line_of("id") == 1
    assert doc.line_of("waktu") is None
    assert doc.line_of("langkah", 1, "no") == 8
    assert doc.line_of("langkah", 1, "waktu") == 7  # absent: the step's header
    assert doc.line_of("langkah", 1, "kembali", 0, "ke_langkah") == 10
    assert doc.line_of("sumber", "dokumen", "nama") == 12


def test_a_mangled_profile_is_always_a_config_error(tmp_path) -> None:
    """Random damage to loket.toml: a message naming the file, never a traceback."""
    lines = profile_to_toml(default_profile().with_changes(
        printer="PDF", desk=3, alamat="Jl. Gajah Mada 1", paper="58mm")).splitlines()
    values = ["1", "true", "[]", "[1]", "{}", '""', "[[1]]", '["x"]', "-5", "1.5",
              "2026-01-01", '[["a","b"]]', "{ nama = [1] }"]
    junk = ["[", "[[officers]]", "x = 1", "[kalender]", "officers = 3", "kalender = 1"]
    rng = random.Random(3)
    paths = Paths(tmp_path, tmp_path)
    for _ in range(300):
        mangled = list(lines)
        for _ in range(rng.randint(1, 3)):
            if not mangled:  # only what differs from the defaults is written: a short file
                mangled.append(rng.choice(junk))
            i = rng.randrange(len(mangled))
            choice = rng.random()
            if choice < 0.2:
                del mangled[i]
            elif choice < 0.4:
                mangled.insert(i, rng.choice(junk))
            else:
                mangled[i] = mangled[i].split("=")[0] + "= " + rng.choice(values)
        paths.config_file.write_text("\n".join(mangled))
        try:
            load_profile(paths)
        except ConfigError as err:
            assert str(paths.config_file) in str(err)
