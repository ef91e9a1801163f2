"""Office profile: where files live, how the profile is read, and its error messages."""

from datetime import date
from pathlib import Path

import pytest

from counter.config import (
    CalendarSettings,
    Officer,
    default_profile,
    load_profile,
    resolve_paths,
    save_profile,
)
from counter.errors import ConfigError


def test_env_overrides_and_options_win(tmp_path, monkeypatch):
    monkeypatch.setenv("LOKET_CONFIG_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "d"))
    p = resolve_paths()
    assert p.config_file == tmp_path / "c" / "loket.toml"
    assert p.store_dir == tmp_path / "d" / "store"
    explicit = resolve_paths(tmp_path / "x", tmp_path / "y")
    assert explicit.config_dir == tmp_path / "x" and explicit.data_dir == tmp_path / "y"


def test_demo_data_is_separate_from_real_data(tmp_path):
    real = resolve_paths(tmp_path, tmp_path / "data")
    demo = resolve_paths(tmp_path, tmp_path / "data", demo=True)
    assert demo.store_dir != real.store_dir
    assert real.store_dir not in demo.store_dir.parents


def test_platform_default_used_without_overrides(monkeypatch):
    monkeypatch.delenv("LOKET_CONFIG_DIR")
    monkeypatch.delenv("LOKET_DATA_DIR")
    p = resolve_paths()
    assert "loket" in str(p.config_dir) and "loket" in str(p.data_dir)


def test_no_file_means_first_run(paths):
    assert load_profile(paths) is None


def test_profile_round_trip(paths):
    profile = default_profile().with_changes(
        instansi="Dinas Koperasi, Usaha Mikro dan Perindustrian Kabupaten Pacitan",
        desk=3,
        officers=(Officer("Siti Aminah", "Petugas Loket"), Officer("Budi Ğ", "Admin PLUT")),
        printer="PDF",
        paper="58mm",
        timezone="WITA",
        calendar=CalendarSettings(closed_days=(date(2026, 12, 31),),
                                  ramadan=((date(2026, 2, 18), date(2026, 3, 19)),)),
    )
    save_profile(paths, profile)
    loaded = load_profile(paths)
    assert loaded == profile
    assert str(loaded.tz) == "Asia/Makassar"


def write(paths, text: str) -> Path:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(text, encoding="utf-8")
    return paths.config_file


@pytest.mark.parametrize(("text", "field_name", "line", "words"), [
    ('instansi = "A"\ndesk = 120\n', "desk", 2, "1 sampai 99"),
    ('paper = "A4"\n', "paper", 1, "80mm, 58mm, a5"),
    ('timezone = "UTC"\n', "timezone", 1, "WIB, WITA atau WIT"),
    ('desk = "satu"\n', "desk", 1, "bilangan bulat"),
    ('[kalender]\nhari_tutup = ["24-12-2026"]\n', "kalender.hari_tutup", 2, "TTTT-BB-HH"),
    ('instansi = "A"\nwarna = "merah"\n', "warna", 2, "tidak dikenal"),
])
def test_broken_profile_says_what_and_where(paths, text, field_name, line, words):
    path = write(paths, text)
    with pytest.raises(ConfigError) as info:
        load_profile(paths)
    err = info.value
    assert (err.field, err.line) == (field_name, line)
    assert words in err.message
    assert str(err).startswith(f"{path}:{line}: {field_name}: ")


def test_toml_syntax_error_in_profile(paths):
    write(paths, 'instansi = "A\n')
    with pytest.raises(ConfigError) as info:
        load_profile(paths)
    assert info.value.line == 1 and "sintaks TOML salah" in info.value.message
