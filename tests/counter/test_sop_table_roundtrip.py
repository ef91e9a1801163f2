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
             [(j.syarat, j.ke_langkah) for j in st.lanjut])
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
