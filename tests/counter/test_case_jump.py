"""A forward jump on a decision: "jika lengkap, langsung ke langkah 4"."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter.config import default_profile
from counter.desk import Desk
from counter.errors import CaseError
from counter.sop import Catalog, parse_sop
from store import open_store

SOP = """
id = "uji-lompat"
nama = "Uji lompat"
status = "berlaku"
layanan_loket = true
instansi = "Dinas Uji"
[sumber]
dokumen = "uji"
[[pelaksana]]
id = "pemohon"
nama = "Pemohon"
pemohon = true
[[pelaksana]]
id = "petugas"
nama = "Petugas"
loket = true
[[pelaksana]]
id = "kabid"
nama = "Kepala Bidang"
[[langkah]]
no = 1
kegiatan = "Menerima berkas"
pelaksana = ["petugas"]
waktu = "10 menit"
[[langkah]]
no = 2
kegiatan = "Memeriksa berkas"
pelaksana = ["petugas"]
waktu = "10 menit"
[[langkah.lanjut]]
syarat = "jika lengkap"
ke_langkah = 4
[[langkah]]
no = 3
kegiatan = "Melengkapi berkas"
pelaksana = ["pemohon"]
waktu = "1 hari"
[[langkah]]
no = 4
kegiatan = "Menerbitkan surat"
pelaksana = ["petugas"]
waktu = "15 menit"
[[langkah.lanjut]]
syarat = "jika perlu persetujuan"
ke_langkah = 5
[[langkah]]
no = 5
kegiatan = "Menyetujui"
pelaksana = ["kabid"]
waktu = "1 hari"
"""


@pytest.fixture
def desk(tmp_path):
    sop = parse_sop(SOP, "uji.toml")
    profile = default_profile()
    at = datetime(2026, 11, 25, 9, 0, tzinfo=profile.tz)
    return Desk(open_store(tmp_path, profile.tz), Catalog(sops={sop.id: sop}), profile,
                officer="Siti", now=lambda: at)


def test_jump_skips_the_steps_in_between(desk) -> None:
    view = desk.open_case("uji-lompat", {"nama": "Ani"})
    view = desk.complete_step(view.code)
    assert view.state.current_step == 2
    with pytest.raises(CaseError, match="langsung ke langkah 3"):
        desk.jump_to(view.code, 3)
    view = desk.jump_to(view.code, 4, output="lengkap")
    assert view.state.current_step == 4
    assert 3 not in view.state.done_steps() and 2 in view.state.done_steps()


def test_jump_to_another_desk_is_a_hand_off(desk) -> None:
    view = desk.open_case("uji-lompat", {"nama": "Ani"})
    view = desk.complete_step(view.code)
    view = desk.jump_to(view.code, 4)
    view = desk.jump_to(view.code, 5)
    assert view.handoff is not None and view.handoff.to_role == "kabid"
    types = [e["type"] for e in desk.repo.events(view.code)]
    assert types[-2:] == ["step_completed", "handed_off"]
