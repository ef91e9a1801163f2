"""The SOP browser shows the Standar Pelayanan, the version and forward jumps."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from counter.sop import Catalog, load_catalog, parse_sop
from counter.sop_write import dump_sop, sop_to_data
from screens.sop_browser import SopBrowserScreen
from tests.screens.review_helpers import static_text


def _catalog() -> Catalog:
    base = load_catalog().get("pct-17-pengajuan-proposal")
    data = sop_to_data(base)
    data.update(versi=3, tanggal_versi="30 November 2026", persyaratan=["Proposal usaha",
                "Fotokopi KTP"], produk_layanan="Tanda terima proposal",
                jangka_waktu="5 hari kerja", pengaduan="Kotak saran / WA 0812-0000-0000")
    data["langkah"][0]["lanjut"] = [{"syarat": "jika sudah lengkap", "ke_langkah": 3}]
    sop = parse_sop(dump_sop(data), "uji.toml")
    return Catalog(sops={sop.id: sop})


class Host(App[None]):
    def on_mount(self) -> None:
        self.push_screen(SopBrowserScreen(_catalog()))


async def test_standar_pelayanan_version_and_forward_jump_are_shown() -> None:
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = static_text(app.screen.query_one("#sop-view", Static), width=300)
        for expected in ("Versi 3 (30 November 2026)", "Standar Pelayanan", "Proposal usaha",
                         "Fotokopi KTP", "Tidak dipungut biaya", "Tanda terima proposal",
                         "5 hari kerja", "Kotak saran",
                         "jika sudah lengkap: langsung ke langkah 3"):
            assert expected in text, expected


class VersionsHost(App[None]):
    def __init__(self, folder) -> None:
        super().__init__()
        self.folder = folder

    def on_mount(self) -> None:
        self.push_screen(SopBrowserScreen(load_catalog([self.folder]),
                                          selected="pct-07-konsultasi-bisnis"))


async def test_versions_and_what_changed_are_shown(tmp_path) -> None:
    from counter.sop_versions import save_sop

    current = load_catalog().get("pct-07-konsultasi-bisnis")
    data = sop_to_data(current)
    data["langkah"][2]["waktu"] = "1 jam"
    save_sop(tmp_path, data, "30 November 2026", current)
    app = VersionsHost(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = static_text(app.screen.query_one("#sop-view", Static), width=300)
        assert "Versi 2 (30 November 2026) (berlaku sekarang)" in text
        assert "langkah 3, waktu: 40 Menit \u2192 1 jam" in text
        assert "Versi 1" in text
