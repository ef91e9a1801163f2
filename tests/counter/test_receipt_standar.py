"""The tanda terima publishes the service's biaya, produk and jangka waktu
(Standar Pelayanan, PermenPANRB 15/2014): read back from the rendered PDF."""

from __future__ import annotations

from datetime import datetime

from counter.config import default_profile
from counter.desk import Desk
from counter.sop import Catalog, load_catalog, parse_sop
from counter.sop_write import dump_sop, sop_to_data
from store import open_store
from tests.pdf_scan import flat_text


def test_tanda_terima_prints_biaya_produk_and_jangka_waktu(tmp_path) -> None:
    data = sop_to_data(load_catalog().get("pct-07-konsultasi-bisnis"))
    data.update(biaya="Tidak dipungut biaya", produk_layanan="Rekomendasi solusi usaha",
                jangka_waktu="1 hari kerja")
    sop = parse_sop(dump_sop(data), "uji.toml")
    profile = default_profile()
    at = datetime(2026, 11, 25, 9, 0, tzinfo=profile.tz)
    desk = Desk(open_store(tmp_path / "s", profile.tz), Catalog(sops={sop.id: sop}), profile,
                officer="Siti", now=lambda: at)
    view = desk.open_case(sop.id, {"nama": "Ani"})
    from counter.receipt import render

    pdf = render("tanda-terima", desk.receipt_data(view, "tanda-terima"), profile.paper)
    text = " ".join(flat_text(pdf).split())
    for expected in ("Tidak dipungut biaya", "Rekomendasi solusi usaha", "1 hari kerja"):
        assert expected in text, expected
