"""SOPs for the review-screen tests: a served one with a decision step and a draft."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from counter.config import Profile, default_profile
from counter.desk import Desk
from counter.sop import Catalog, parse_sop

KONSULTASI = """
id = "uji-konsultasi"
nomor = "07/SOP/UJI/2026"
nama = "Konsultasi Bisnis Uji"
status = "berlaku"
layanan_loket = true
instansi = "Dinas Koperasi Uji"
unit = "Bidang Usaha Mikro"
tanggal_pembuatan = "04 Januari 2023"
disahkan_oleh = "Kepala Dinas Uji"
dasar_hukum = ["Peraturan Pemerintah Nomor 7 Tahun 2021"]
kualifikasi_pelaksana = ["Memahami pendampingan UMKM"]
keterkaitan = ["SOP Inkubasi Bisnis"]
peralatan = ["Komputer", "ATK"]
peringatan = "Bila tidak dilaksanakan, UMKM tidak terlayani"
pencatatan = "Buku tamu konsultasi"

[sumber]
dokumen = "uji.txt"
lokasi = "baris 1-10"

[[pelaksana]]
id = "umkm"
nama = "UMKM"
pemohon = true

[[pelaksana]]
id = "admin"
nama = "Admin PLUT"
loket = true

[[pelaksana]]
id = "koor"
nama = "Koordinator"

[[langkah]]
no = 1
kegiatan = "Mengisi form konsultasi"
pelaksana = ["admin", "umkm"]
kelengkapan = ["Form konsultasi", "KTP"]
waktu = "15 menit"
output = "Form terisi"

[[langkah]]
no = 2
kegiatan = "Memeriksa dan menyetujui jadwal"
pelaksana = ["koor"]
waktu = "Maksimal 1 hari"
output = "Disposisi"

[[langkah.kembali]]
syarat = "jika tidak setuju"
ke_langkah = 1

[[langkah]]
no = 3
kegiatan = "Menyerahkan jadwal konsultasi"
pelaksana = ["admin"]
waktu = "10 menit"
output = "Jadwal"
"""

DRAF = """
id = "uji-nib"
nomor = "11/SOP/UJI/2026"
nama = "Penerbitan NIB Uji"
status = "draf"
layanan_loket = true
instansi = "Dinas Koperasi Uji"
catatan = ["Tabel langkah tidak ada di dokumen sumber."]

[sumber]
dokumen = "uji.txt"

[[pelaksana]]
id = "admin"
nama = "Admin"
loket = true
"""

PELATIHAN = """
id = "uji-pelatihan"
nomor = "16/SOP/UJI/2026"
nama = "Pelatihan IKM Uji"
status = "berlaku"
instansi = "Dinas Koperasi Uji"
unit = "Bidang Industri"

[sumber]
dokumen = "uji.txt"

[[pelaksana]]
id = "petugas"
nama = "Petugas"
loket = true

[[langkah]]
no = 1
kegiatan = "Menyusun jadwal pelatihan"
pelaksana = ["petugas"]
waktu = "2-4 hari"
output = "Jadwal"
"""


LEGALISIR = """
id = "uji-legalisir"
nomor = "20/SOP/UJI/2026"
nama = "Legalisir Uji"
status = "berlaku"
layanan_loket = true
instansi = "Dinas Koperasi Uji"

[sumber]
dokumen = "uji.txt"

[[pelaksana]]
id = "admin"
nama = "Admin PLUT"
loket = true

[[langkah]]
no = 1
kegiatan = "Melegalisir salinan"
pelaksana = ["admin"]
waktu = "30 menit"
output = "Salinan sah"
"""

SOURCES = (("konsultasi", KONSULTASI), ("nib", DRAF), ("pelatihan", PELATIHAN),
           ("legalisir", LEGALISIR))


def catalog() -> Catalog:
    sops = [parse_sop(text, f"{name}.toml") for name, text in SOURCES]
    return Catalog(sops={s.id: s for s in sops})


# ----------------------------------------------------------------- cases on a day

WIB = ZoneInfo("Asia/Jakarta")
NIK = "3501234506780002"
TELEPON = "081234567890"


class Clock:
    """A hand-moved clock for the desk: `clock.at(9, 20)` sets 25 Nov 2026 09.20 WIB."""

    def __init__(self) -> None:
        self.t = datetime(2026, 11, 25, 8, 0, tzinfo=WIB)

    def __call__(self) -> datetime:
        return self.t

    def at(self, hour: int, minute: int = 0, day: int = 25) -> datetime:
        self.t = datetime(2026, 11, day, hour, minute, tzinfo=WIB)
        return self.t


def write_sops(sop_dir: Path) -> None:
    """The test SOPs as office files, so the real catalog loader finds them."""
    sop_dir.mkdir(parents=True, exist_ok=True)
    for name, text in SOURCES:
        (sop_dir / f"uji-{name}.toml").write_text(text, encoding="utf-8")


@dataclass
class Day:
    desk: Desk
    clock: Clock
    handed: str  # over at step 1 (with a reason), handed to the Koordinator, received
    done: str  # served to the end: selesai
    waiting: str  # berkas kurang: waits for the applicant
    refused: str  # pelatihan case closed ditolak
    late: str  # legalisir (30 menit) opened 11.30 and still running at 15.00: over
    yesterday: str  # opened Tuesday 24 November, still at step 1


def make_day(store: Any, catalog: Catalog, profile: Profile | None = None) -> Day:
    """Four cases on Wednesday 25 November 2026, with known times."""
    profile = profile or default_profile()
    clock = Clock()
    desk = Desk(store, catalog, profile, officer="Siti Aminah", now=clock)
    clock.at(9, 0)
    v = desk.open_case("uji-konsultasi", {"nama": "Rina Wulandari Putri", "nik": NIK,
                                          "telepon": TELEPON, "nama_usaha": "Keripik Rina"},
                       received=["Form konsultasi", "KTP"])
    handed = v.code
    clock.at(9, 20)  # 20 minutes against 15: over
    desk.complete_step(handed, output="Form terisi lengkap", over_reason="printer macet")
    clock.at(10, 0)
    desk.receive(handed)

    clock.at(10, 30)
    done = desk.open_case("uji-konsultasi", {"nama": "Agus Salim"}, received=["KTP"]).code
    clock.at(10, 40)
    desk.complete_step(done, output="Form terisi")
    clock.at(11, 0)
    desk.receive(done)
    desk.complete_step(done, output="Disetujui")
    clock.at(11, 5)
    view = desk.view(done)
    if view.state.status.value == "menunggu_pelaksana":
        desk.receive(done)
    desk.complete_step(done, output="Jadwal diserahkan")

    clock.at(13, 0)
    waiting = desk.open_case("uji-konsultasi", {"nama": "Dewi Lestari"},
                             received=["Form konsultasi"], missing=["KTP"],
                             note="bawa KTP asli").code

    clock.at(14, 0)
    refused = desk.open_case("uji-pelatihan", {"nama": "Bambang"}).code
    clock.at(14, 10)
    desk.close(refused, "ditolak", "kuota pelatihan penuh")

    clock.at(11, 30)
    late = desk.open_case("uji-legalisir", {"nama": "Joko Widodo Santoso"}).code
    clock.at(9, 0, day=24)
    yesterday = desk.open_case("uji-konsultasi", {"nama": "Sri Mulyani"}).code
    clock.at(15, 0)
    return Day(desk, clock, handed, done, waiting, refused, late, yesterday)
