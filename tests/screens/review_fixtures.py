"""SOPs for the review-screen tests: a served one with a decision step and a draft."""

from __future__ import annotations

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


def catalog() -> Catalog:
    sops = [parse_sop(text, f"{name}.toml")
            for name, text in (("k", KONSULTASI), ("d", DRAF), ("p", PELATIHAN))]
    return Catalog(sops={s.id: s for s in sops})
