"""SOP versions: a saved change is a new numbered, dated version; a running case keeps
the version it began with, to its end."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from counter.config import default_profile
from counter.desk import Desk
from counter.errors import SopError
from counter.sop import load_catalog
from counter.sop_versions import archive_path, diff_sops, konsep_path, save_sop
from counter.sop_write import sop_to_data
from store import open_store

KONSULTASI = "pct-07-konsultasi-bisnis"
VISITOR = {"nama": "Budi Santoso", "nik": "3501011201900002", "telepon": "081234567890"}


def change_waktu(folder: Path, minutes: int, today: str = "30 November 2026"):
    catalog = load_catalog([folder])
    data = sop_to_data(catalog.get(KONSULTASI))
    data["langkah"][0]["waktu"] = f"{minutes} menit"
    versions = [s.versi for s in catalog.versions_of(KONSULTASI)]
    return save_sop(folder, data, today, catalog.get(KONSULTASI), versions)


def test_a_change_makes_the_next_version_and_keeps_the_old_one(tmp_path: Path) -> None:
    saved = change_waktu(tmp_path, 20)
    assert saved.changed and saved.versi == 2
    assert (tmp_path / f"{KONSULTASI}.toml").is_file()
    assert archive_path(tmp_path, KONSULTASI, 1).is_file()
    catalog = load_catalog([tmp_path])
    assert catalog.errors == []
    assert catalog.get(KONSULTASI).versi == 2
    assert catalog.get(KONSULTASI).tanggal_versi == "30 November 2026"
    assert [s.versi for s in catalog.versions_of(KONSULTASI)] == [1, 2]
    assert catalog.at_version(KONSULTASI, 1).step(1).mutu_baku.waktu.raw == "15 menit"
    assert catalog.at_version(KONSULTASI, 2).step(1).mutu_baku.waktu.raw == "20 menit"
    third = change_waktu(tmp_path, 25, "1 Desember 2026")
    assert third.versi == 3
    assert [s.versi for s in load_catalog([tmp_path]).versions_of(KONSULTASI)] == [1, 2, 3]


def test_saving_without_a_change_keeps_the_version(tmp_path: Path) -> None:
    change_waktu(tmp_path, 20)
    again = change_waktu(tmp_path, 20, "2 Desember 2026")
    assert not again.changed and again.versi == 2
    assert not archive_path(tmp_path, KONSULTASI, 2).exists()


def test_what_changed_between_two_versions(tmp_path: Path) -> None:
    change_waktu(tmp_path, 20)
    catalog = load_catalog([tmp_path])
    lines = diff_sops(catalog.at_version(KONSULTASI, 1), catalog.get(KONSULTASI))
    assert lines == ["langkah 1, waktu: 15 menit \u2192 20 menit"]


def test_a_broken_edit_is_kept_as_konsep_and_never_breaks_the_catalog(tmp_path: Path) -> None:
    catalog = load_catalog([tmp_path])
    data = sop_to_data(catalog.get(KONSULTASI))
    data["langkah"][1]["waktu"] = "sebentar saja"
    with pytest.raises(SopError, match="sebentar saja"):
        save_sop(tmp_path, data, "30 November 2026", catalog.get(KONSULTASI))
    assert "sebentar saja" in konsep_path(tmp_path, KONSULTASI).read_text(encoding="utf-8")
    again = load_catalog([tmp_path])
    assert again.errors == [] and again.get(KONSULTASI).versi == 1


def test_a_running_case_keeps_its_version_a_new_case_takes_the_new_one(tmp_path: Path) -> None:
    profile = default_profile()
    folder = tmp_path / "sop"
    folder.mkdir()
    store = open_store(tmp_path / "store", profile.tz)
    now = [datetime(2026, 11, 25, 9, 0, tzinfo=profile.tz)]
    clock = lambda: now[0]  # noqa: E731
    desk = Desk(store, load_catalog([folder]), profile, officer="Siti", now=clock)
    old = desk.open_case(KONSULTASI, VISITOR)
    assert store.events(old.code)[0]["data"]["sop_versi"] == 1

    change_waktu(folder, 60)  # the office lengthens step 1 while the case runs
    desk = Desk(store, load_catalog([folder]), profile, officer="Siti", now=clock)
    now[0] += timedelta(minutes=20)
    view = desk.fold(store.events(old.code))
    assert view.sop is not None and view.sop.versi == 1
    step_timing = view.timing.steps[0][1]
    assert step_timing.limit_s == 15 * 60 and step_timing.level.value == "lewat"

    new = desk.open_case(KONSULTASI, VISITOR)
    assert new.sop is not None and new.sop.versi == 2
    assert store.events(new.code)[0]["data"]["sop_versi"] == 2


def test_loader_accepts_skipped_numbers_and_still_names_undeclared_gaps() -> None:
    from counter.sop import parse_sop
    from counter.sop_write import dump_sop

    data = sop_to_data(load_catalog().get(KONSULTASI))
    data["langkah_hilang"] = []
    with pytest.raises(SopError, match="nomor_dilewati"):
        parse_sop(dump_sop(data), "x.toml")
    data["nomor_dilewati"] = [6]
    sop = parse_sop(dump_sop(data), "x.toml")
    assert sop.nomor_dilewati == (6,) and sop.langkah_hilang == ()
