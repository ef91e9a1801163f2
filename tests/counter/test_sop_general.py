"""The bundled general service: a walk-in whose request has no SOP yet is still served."""

from __future__ import annotations

from counter.sop import load_catalog
from counter.waktu import Kind


def test_general_service_is_servable_at_the_counter() -> None:
    sop = load_catalog().get("umum-layanan-lainnya")
    assert sop.usable and sop.layanan_loket
    assert [s.no for s in sop.steps] == [1, 2, 3]
    assert sop.first_step.role in sop.counter_roles
    assert any(p.pemohon for p in sop.pelaksana)
    # the office sets the times: none is imposed by Loket
    assert {s.mutu_baku.waktu.kind for s in sop.steps} == {Kind.TANPA}
    assert sop.biaya == "Tidak dipungut biaya"


def test_office_file_with_the_same_id_sets_its_own_waktu(tmp_path) -> None:
    from counter.sop import bundled_sop_texts

    text = dict(bundled_sop_texts())["counter/sops/umum-layanan-lainnya.toml"]
    (tmp_path / "umum.toml").write_text(
        text.replace('waktu = "Menyesuaikan"', 'waktu = "30 menit"', 1), encoding="utf-8")
    sop = load_catalog([tmp_path]).get("umum-layanan-lainnya")
    assert sop.step(1).mutu_baku.waktu.high == 30
