"""Services told apart in narrow columns: the SOP's short label (issue 10/11 leftovers)."""

from __future__ import annotations

from typing import Any

from counter.sop import load_catalog, parse_sop
from counter.sop_label import abbreviate
from counter.sop_write import dump_sop, sop_to_data
from screens.daily_log import DailyLogScreen
from screens.home import HomeScreen
from screens.services import desk_of
from tests.screens.app_fixtures import Clock, key, make_app, screen_as
from tests.screens.review_helpers import screen_lines

FIRST, SECOND = "pct-21-penagihan-pertama", "pct-22-penagihan-kedua"


def test_every_bundled_service_has_its_own_short_label() -> None:
    catalog = load_catalog()
    labels = [s.label for s in catalog.sops.values()]
    assert all(s.nama_singkat for s in catalog.sops.values())
    assert len(labels) == len(set(labels)), labels
    assert all(len(label) <= 10 for label in labels), labels  # the dashboard's narrowest


def test_a_service_without_a_short_label_drops_the_shared_words() -> None:
    assert abbreviate("Pengajuan Sertifikat Nomor Induk Koperasi (NIK)") == \
        "Sertifikat Nomor Induk Koperasi"
    assert abbreviate("Rekomendasi Teknis Pengaktifan IUI") == "Pengaktifan IUI"
    assert abbreviate("Pengajuan") == "Pengajuan"  # nothing left: the name as it is


def test_the_short_label_survives_a_save() -> None:
    sop = load_catalog().get(FIRST)
    again = parse_sop(dump_sop(sop_to_data(sop)), "x.toml")
    assert again.nama_singkat == "Tagihan 1"


async def test_two_collections_are_told_apart_at_80_columns(paths: Any) -> None:
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        desk = desk_of(app)
        one = desk.open_case(FIRST, {"nama": "Bambang"}, [], [])
        two = desk.open_case(SECOND, {"nama": "Ida Ayu"}, [], [])
        home = screen_as(app, HomeScreen)
        home.reload()
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = screen_lines(app)
        for view, label, other in ((one, "Tagihan 1", "Tagihan 2"),
                                   (two, "Tagihan 2", "Tagihan 1")):
            [line] = [ln for ln in lines if view.code_human in ln]
            assert label in line and other not in line, line
        await key(pilot, "f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DailyLogScreen)
        lines = screen_lines(app)
        for view, label in ((one, "Tagihan 1"), (two, "Tagihan 2")):
            [line] = [ln for ln in lines if view.code_human in ln]
            assert label in line, line


def test_the_editor_keeps_the_short_label() -> None:
    from counter.sop_edit import form_of

    form = form_of(load_catalog().get(SECOND))
    assert form.identity["nama_singkat"] == "Tagihan 2"
    data, _ = form.to_data()
    assert data["nama_singkat"] == "Tagihan 2"
    form.identity["nama_singkat"] = ""
    data, _ = form.to_data()
    assert "nama_singkat" not in data  # emptied: the abbreviation stands in
