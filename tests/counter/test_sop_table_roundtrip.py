"""Export → import gives back the same SOP, for every bundled SOP, format and layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.sop import Sop, load_catalog
from counter.sop_table.export import FORMATS, LAYOUTS, export_sop
from counter.sop_table.importer import import_table

CATALOG = load_catalog()


def full_shape(sop: Sop) -> dict:
    name = sop.role_name
    return {
        "identity": (sop.id, sop.nama, sop.nomor, sop.instansi, sop.unit, sop.dasar_hukum,
                     sop.peralatan, sop.persyaratan, sop.biaya, sop.layanan_loket),
        "roles": [(p.nama, p.loket, p.pemohon) for p in sop.pelaksana],
        "steps": [
            (st.no, st.kegiatan, [name(r) for r in st.pelaksana], st.mutu_baku.kelengkapan,
             st.mutu_baku.waktu.raw, st.mutu_baku.output, st.keterangan,
             [(k.syarat, k.ke_langkah, name(k.ke_pelaksana) if k.ke_pelaksana else None)
              for k in st.kembali],
             [(j.syarat, j.ke_langkah) for j in st.lanjut], st.pemohon_sendiri)
            for st in sop.steps
        ],
        "hilang": sop.langkah_hilang,
    }


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sop_id", [s.id for s in CATALOG.all() if s.steps])
def test_export_then_import_gives_the_same_sop(tmp_path: Path, sop_id: str, fmt: str,
                                               layout: str) -> None:
    sop = CATALOG.get(sop_id)
    path = export_sop(sop, tmp_path / f"t.{fmt}", fmt, layout)
    result = import_table(path)
    assert full_shape(result.sop()) == full_shape(sop)
    assert result.problems == []  # an exported table reads cleanly


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_applicant_alone_steps_travel_both_ways(tmp_path: Path, fmt: str, layout: str) -> None:
    """A step done by the applicant alone (`pemohon_sendiri`) is marked in Keterangan on
    export and read back as such; the keterangan itself comes back unchanged."""
    from dataclasses import replace

    sop = CATALOG.get("pct-07-konsultasi-bisnis")
    steps = tuple(replace(st, pemohon_sendiri=True, keterangan="di rumah")
                  if st.no == 3 else st for st in sop.steps)
    sop = replace(sop, steps=steps)
    path = export_sop(sop, tmp_path / f"t.{fmt}", fmt, layout)
    back = import_table(path).sop()
    assert full_shape(back) == full_shape(sop)
    assert back.step(3).pemohon_sendiri and back.step(3).keterangan == "di rumah"
    assert not back.step(2).pemohon_sendiri


def test_applicant_alone_read_from_an_offices_own_words(tmp_path: Path) -> None:
    from counter.sop_table.importer import applicant_alone

    assert applicant_alone("Dikerjakan oleh pemohon sendiri di rumah") == (
        "Dikerjakan oleh pemohon sendiri di rumah", True)
    assert applicant_alone("Pemohon menunggu") == ("Pemohon menunggu", False)
