"""Keys as an office writes them in [tombol], and the profile's key map and scan gap."""

from __future__ import annotations

import pytest

from counter.config import load_profile, resolve_paths, save_profile
from counter.errors import ConfigError
from counter.keys import BadKey, normalize_keys


@pytest.mark.parametrize(("written", "engine"), [
    ("F7", "f7"), ("Ctrl+H", "ctrl+h"), ("[", "left_square_bracket"), ("PgUp", "pageup"),
    ("Shift+U", "U"), ("U", "U"), ("u", "u"), ("/", "slash"), ("Esc", "escape"),
    ("[, PgUp", "left_square_bracket,pageup"), ("ctrl+shift+a", "ctrl+shift+a"),
    ("Ctrl++", "ctrl+plus"), ("?", "question_mark"),
])
def test_keys_as_people_write_them(written, engine):
    assert normalize_keys(written) == engine


@pytest.mark.parametrize("written", ["F25", "hyper+x", "", "Kanan-Atas", "ctrl+"])
def test_keys_no_keyboard_sends_are_refused_in_indonesian(written):
    with pytest.raises(BadKey) as err:
        normalize_keys(written)
    assert "tombol" in str(err.value) or "bukan Ctrl" in str(err.value)


def _write(paths, text):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(text, encoding="utf-8")


def test_tombol_table_is_read_flat_or_nested(loket_dirs):
    paths = resolve_paths()
    _write(paths, 'desk = 2\nscan_gap_ms = 120\n\n[tombol]\n"umum.bantuan" = "F12"\n'
                  '\n[tombol.log]\nhari_sebelum = "[, F7"\n')
    profile = load_profile(paths)
    assert profile is not None
    assert dict(profile.keys) == {"umum.bantuan": "f12",
                                  "log.hari_sebelum": "left_square_bracket,f7"}
    assert profile.scan_gap_ms == 120
    # saving keeps the map and the gap
    save_profile(paths, profile)
    again = load_profile(paths)
    assert again is not None and again.keys == profile.keys and again.scan_gap_ms == 120


def test_a_typo_in_tombol_names_file_line_and_action(loket_dirs):
    paths = resolve_paths()
    _write(paths, 'desk = 2\n\n[tombol]\n"umum.bantuan" = "F12"\n"umum.pindai" = "Kontrol+P"\n')
    with pytest.raises(ConfigError) as err:
        load_profile(paths)
    text = str(err.value)
    assert f"{paths.config_file}:5" in text and "tombol.umum.pindai" in text
    assert "bukan Ctrl, Alt atau Shift" in text


@pytest.mark.parametrize("gap", ["5", "9000", '"cepat"'])
def test_scan_gap_out_of_range_is_refused(loket_dirs, gap):
    paths = resolve_paths()
    _write(paths, f"desk = 2\nscan_gap_ms = {gap}\n")
    with pytest.raises(ConfigError) as err:
        load_profile(paths)
    assert ":2" in str(err.value) and "scan_gap_ms" in str(err.value)
