"""The SOP browser as an officer uses it: read, filter, see why a draft cannot be served."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, OptionList, Static

from screens.sop_browser import SopBrowserScreen
from tests.screens.app_fixtures import screen_as
from tests.screens.review_fixtures import catalog
from tests.screens.review_helpers import screen_lines, static_text


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.catalog = catalog()

    def on_mount(self) -> None:
        self.push_screen(SopBrowserScreen(self.catalog))


def detail(app: App) -> str:
    return static_text(app.screen.query_one("#sop-view", Static), width=300)


def listed(app: App) -> list[str]:
    olist = app.screen.query_one("#sop-list", OptionList)
    return [str(olist.get_option_at_index(i).id) for i in range(olist.option_count)]


async def test_lists_catalog_and_shows_identity_and_steps() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SopBrowserScreen)
        assert set(listed(app)) == {s.id for s in app.catalog.all()}
        assert len(listed(app)) == 4
        screen_as(app, SopBrowserScreen).select("uji-konsultasi")
        await pilot.pause()
        text = detail(app)
        for expected in ("07/SOP/UJI/2026", "Dinas Koperasi Uji", "Kepala Dinas Uji",
                         "Peraturan Pemerintah Nomor 7 Tahun 2021", "Memahami pendampingan",
                         "SOP Inkubasi Bisnis", "Komputer", "UMKM tidak terlayani",
                         "Buku tamu konsultasi", "uji.txt", "Mengisi form konsultasi",
                         "15 menit", "Maksimal 1 hari", "Form konsultasi", "Disposisi",
                         "kembali ke langkah 1"):
            assert expected in text, expected


async def test_typing_filters_the_list() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#sop-filter", Input)
        await pilot.press(*"pelatihan")
        await pilot.pause()
        assert listed(app) == ["uji-pelatihan"]
        assert "Menyusun jadwal pelatihan" in detail(app)
        await pilot.press("escape")  # clears the filter first
        await pilot.pause()
        assert len(listed(app)) == 4
        await pilot.press(*"zzz")
        await pilot.pause()
        assert listed(app) == []
        assert "Tidak ada SOP yang cocok" in detail(app)


async def test_draft_is_marked_not_usable_with_reason() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"nib")
        await pilot.pause()
        text = detail(app)
        assert "Belum dapat dipakai melayani" in text
        assert "draf" in text
        assert "Tabel langkah tidak ada di dokumen sumber." in text
        app.screen.query_one("#sop-filter", Input).value = "konsultasi"
        await pilot.pause()
        assert "Belum dapat dipakai" not in detail(app)


async def test_keyboard_moves_through_list() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        browser = screen_as(app, SopBrowserScreen)
        first = browser.selected
        await pilot.press("down")  # into the list
        await pilot.press("down")  # next SOP
        await pilot.pause()
        assert isinstance(app.screen.focused, OptionList)
        assert browser.selected != first
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#sop-detail")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SopBrowserScreen)


async def test_typing_in_the_list_keeps_filtering() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")  # into the list
        assert isinstance(app.screen.focused, OptionList)
        await pilot.press(*"legal")
        await pilot.pause()
        assert app.screen.query_one("#sop-filter", Input).value == "legal"
        assert listed(app) == ["uji-legalisir"]


async def test_fits_80_columns_with_steps_folded_under_kegiatan() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen_as(app, SopBrowserScreen).select("uji-konsultasi")
        await pilot.pause()
        view = app.screen.query_one("#sop-view", Static)
        assert view.size.width < 60  # beside the list on an 80-column terminal
        narrow = static_text(view)  # at its own width
        assert "Pelaksana: Admin" in narrow  # folded under the kegiatan
        assert "Kelengkapan: Form" in narrow
        assert "┃ Kelengkapan" not in narrow  # no column of its own
        assert max(len(line.rstrip()) for line in narrow.splitlines()) <= view.size.width
        lines = screen_lines(app)
        assert len(lines) == 24 and all(len(line) <= 80 for line in lines)
        assert "Konsultasi Bisnis Uji" in lines[2] or any(
            "Konsultasi Bisnis Uji" in line[:32] for line in lines)
