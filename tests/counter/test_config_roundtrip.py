"""F9 saves loket.toml without losing what the office wrote by hand."""

from __future__ import annotations

from datetime import date

from counter.config import CalendarSettings, load_profile, save_profile

HAND_WRITTEN = """\
# Profil kantor PLUT Pacitan: disunting oleh Pak Joko, jangan hapus catatan ini.
instansi = "Dinas Koperasi Kabupaten Pacitan"  # nama resmi sesuai kop surat
unit = "PLUT KUMKM Pacitan"
desk = 2

# daftar petugas loket
[[officers]]
nama = "Siti Aminah"
jabatan = "Petugas Loket"

[kalender]
# cuti bersama kantor (di luar SKB)
hari_tutup = [2026-12-24]
"""


def test_a_save_keeps_comments_and_layout_and_changes_only_values(paths):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(HAND_WRITTEN, encoding="utf-8")
    profile = load_profile(paths)
    assert profile is not None
    changed = profile.with_changes(
        desk=3, nearing=0.8,
        calendar=CalendarSettings(closed_days=(date(2026, 12, 24), date(2026, 12, 31)),
                                  ramadan=((date(2027, 2, 8), date(2027, 3, 9)),)))
    save_profile(paths, changed)
    text = paths.config_file.read_text(encoding="utf-8")
    for comment in ("# Profil kantor PLUT Pacitan: disunting oleh Pak Joko",
                    "# nama resmi sesuai kop surat", "# daftar petugas loket",
                    "# cuti bersama kantor (di luar SKB)"):
        assert comment in text
    assert text.index("instansi") < text.index("unit") < text.index("[[officers]]")
    again = load_profile(paths)
    assert again == changed


def test_office_hours_are_checked_when_the_file_is_read(paths):
    import pytest

    from counter.errors import ConfigError

    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(
        HAND_WRITTEN + 'jam_kerja = "Senen 07.30-16.00"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_profile(paths)
    assert "kalender.jam_kerja" in str(err.value) and "Senen" in str(err.value)
    assert f"{paths.config_file}:" in str(err.value)
