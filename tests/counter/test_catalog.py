"""The bundled SOP catalog against the source documents it was transcribed from.

Every expected value below was read from the seed texts (../shared/seeds/000_…,
002_…, 003_…, 004_…), not from the TOML files, so a transcription slip fails here.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from counter.sop import BERLAKU, DRAF, bundled_sop_texts, load_catalog, parse_sop

DOC_PACITAN = "000_b0d9fa2c6abfb9a0.txt"
SEED_DOCS = {
    DOC_PACITAN,
    "002_eb62c7d197dd703c.txt",
    "003_087d1d315afbe3ec.txt",
    "004_25edfc2ba7d38104.txt",
}

# Bundled SOPs that are Loket's own, not transcribed from a seed document
# (tests/counter/test_sop_general.py covers them).
GENERAL = {"umum-layanan-lainnya"}

# id -> (printed step numbers, waktu cell of each step exactly as printed)
# "Selesai" terminator rows (PCT-14/15/16) are flowchart end symbols, not steps.
STEPS: dict[str, tuple[list[int], list[str]]] = {
    "pct-01-sertifikat-nik": (
        list(range(1, 9)),
        ["10 menit", "15 menit", "N/A", "15 menit", "15 menit", "", "", ""],
    ),
    "pct-02-pelatihan-perkoperasian": (
        list(range(1, 7)), ["1 hari", "14 hari", "1 hari", "N/A", "3 hari", "N/A"],
    ),
    "pct-03-pengawasan-koperasi": (
        list(range(1, 13)),
        ["1 hari", "3 hari", "N/A", "1 hari", "2 hari", "N/A", "N/A", "1 hari", "1 hari",
         "N/A", "N/A", "1 hari"],
    ),
    "pct-04-penilaian-kesehatan-koperasi": (
        [1, 2, 3, 4, 5, 6, 9, 10, 11, 14],
        ["1 hari", "N/A", "1 hari", "N/A", "N/A", "N/A", "N/A", "1 hari", "1 hari", "N/A"],
    ),
    "pct-05-data-base-koperasi": (
        list(range(1, 11)),
        ["1 hari", "2 hari", "1 hari", "N/A", "1 hari", "N/A", "1 hari", "N/A", "N/A", "N/A"],
    ),
    "pct-06-badan-hukum-koperasi": ([12, 13], ["N/A", "N/A"]),
    "pct-07-konsultasi-bisnis": (
        [1, 2, 3, 4, 5, 7],
        ["15 menit", "15 menit", "40 Menit", "20 Menit", "10 Menit", "10 Menit"],
    ),
    "pct-08-inkubasi-bisnis": (
        list(range(1, 6)), ["2 Minggu", "1 hari", "3 hari", "5 Bulan", "1 Hari"],
    ),
    "pct-09-kemitraan": (
        [1, 2, 3, 4, 5, 7],
        ["15 menit", "15 menit", "40 Menit", "20 Menit", "10 Menit", "10 Menit"],
    ),
    "pct-10-galeri-produk": ([], []),
    "pct-11-nib": ([], []),
    "pct-12-rekomendasi-merek": ([], []),
    "pct-13-pirt": ([], []),
    "pct-14-rekomendasi-teknis-iui": (
        list(range(1, 13)),
        ["60 menit", "30 menit", "30 menit", "60 menit", "30 menit", "30 menit", "30 menit",
         "5 menit", "30 menit", "60 menit", "30 menit", "30 menit"],
    ),
    "pct-15-penyusunan-rpik": (
        list(range(1, 13)),
        ["1 hari", "240 menit", "120 menit", "60 menit", "60 menit", "240 menit", "120 menit",
         "1 hari", "240 menit", "240 menit", "120 menit", "240 menit"],
    ),
    "pct-16-pelatihan-ikm": (
        list(range(1, 8)),
        ["2 hari", "2 Jam", "2-4 hari", "1 Hari", "1 Hari", "1 hari", "2-7 hari"],
    ),
    "pct-17-pengajuan-proposal": (list(range(1, 6)), ["1 hari"] * 5),
    "pct-18-verifikasi-lapangan": (list(range(1, 5)), ["1 hari", "1 hari", "14 hari", "2 hari"]),
    "pct-19-penetapan-penerima": ([1, 2, 3], ["2 hari", "1 hari", "1 hari"]),
    "pct-20-penyaluran-pinjaman": (
        list(range(1, 8)),
        ["1 hari", "1 hari", "3 Hari", "3 hari", "2 hari", "1 hari", "1 hari"],
    ),
    "pct-21-penagihan-pertama": (
        list(range(1, 7)), ["1 hari", "6 hari", "6 bulan", "", "6 hari", "1 hari"],
    ),
    "pct-22-penagihan-kedua": (
        list(range(1, 7)), ["1 hari", "6 hari", "6 bulan", "", "6 hari", "1 hari"],
    ),
    "pct-23-penagihan-ketiga": (
        list(range(1, 7)), ["1 hari", "6 hari", "6 bulan", "", "6 hari", "1 hari"],
    ),
    "pct-24-pencatatan-pembukuan": (list(range(1, 8)), ["1 bulan"] * 7),
    "kbr-1-fasilitasi-izin-usp": (
        list(range(1, 8)),
        ["5 Menit", "1 jam", "15 Menit", "15 Menit", "15 Menit", "5 Menit", "2 Hari"],
    ),
    "jtm-1-perlindungan-usaha-kukm": (
        list(range(1, 14)),
        ["15 Menit", "30 Menit", "Maksimal 1 hari", "60 Menit", "60 Menit", "30 Menit",
         "Maksimal 1 hari", "30 Menit", "15 Menit", "Maksimal 1 hari", "30 Menit",
         "Menyesuaikan", "60 Menit"],
    ),
    "kbr-2-peningkatan-pelayanan-plut": (
        list(range(1, 29)),
        ["1 hari", "1 hari", "1 hari", "2 hari", "1 hari", "1 hari", "1 hari", "1 hari",
         "2 hari", "2 hari", "2 hari", "1 hari", "1 hari", "1 hari", "1 hari", "1 hari",
         "1 hari", "2 Jam", "3 Jam", "1 hari", "3 Jam", "2 Jam", "1 hari", "1 hari", "3 Hari",
         "1 Hari", "1 Hari", "3 Hari"],
    ),
}

# (id, step no, kegiatan as printed, output as printed); OCR breaks joined.
TEXTS = [
    ("pct-01-sertifikat-nik", 3, "Mengisi form permohonan sertifikat", "Berkas Pengajuan"),
    ("pct-01-sertifikat-nik", 7, "Sertifikat NIK dikirimkan dari Kementrian", "Sertifikat NIK"),
    ("pct-02-pelatihan-perkoperasian", 2, "Identifikasi peserta pelatihan", "Dokumen"),
    ("pct-03-pengawasan-koperasi", 5, "Menyusun instrument pengawasan", "Dokumen"),
    ("pct-04-penilaian-kesehatan-koperasi", 14, "Penyampaian Sertifikat Penialian Kesehatan",
     "Sertifikat Penilaian Kesehatan"),
    ("pct-05-data-base-koperasi", 6, "Melaksanakan pendataan ke Koperasi", "Berkas"),
    ("pct-06-badan-hukum-koperasi", 13, "Penyerahan Badan Hukum Koperasi", "Berkas pengesahan"),
    ("pct-07-konsultasi-bisnis", 1, "Mengisi form konsultasi di PLUT KUMKM pacitan",
     "Terkumpulnya form konsultasi"),
    ("pct-07-konsultasi-bisnis", 3,
     "Melakukan identifikasi masalah dan melakukan diskusi untuk menentukan solusi. "
     "Serta menentukan jadwal evaluasi", "Teridentifikasinya masalah dan solusi"),
    ("pct-07-konsultasi-bisnis", 7, "Memberikan rekomendasi solusi", "Dokumentasi"),
    ("pct-08-inkubasi-bisnis", 3,
     "Melakukan assessment kepada umkm yang masuk krtiteria sebagai peserta inkubasi bisnis",
     "Short list peserta inkubasi bisnis"),
    ("pct-09-kemitraan", 3, "Melakukan diskusi untuk menentukan MOU dan PKS", "Menyusun RTL"),
    ("pct-09-kemitraan", 7, "Memberikan rekomendasi jadwal kerjasama", "Dokumentasi"),
    ("pct-14-rekomendasi-teknis-iui", 1,
     "Pelaku usaha/pemohon mengajukan permohonan Izin melalui Portal OSS", "NIB"),
    ("pct-14-rekomendasi-teknis-iui", 6,
     "Tim Verifikator menerima permintaan Verifikasi Data Perusahaan", ""),
    ("pct-14-rekomendasi-teknis-iui", 12, "IUI pemohon efektif", "IUI"),
    ("pct-15-penyusunan-rpik", 10, "Pembahasan Raperda bersama DPRD", "Laporan"),
    ("pct-16-pelatihan-ikm", 3, "Rekrutmen dan Seleksi Calon Peserta", "Kepastian calon peserta"),
    ("pct-17-pengajuan-proposal", 2,
     "Petugas UPT Pengelola Dana Bergulir menerima dan meneliti proposal", "Proposal"),
    ("pct-18-verifikasi-lapangan", 3, "Petugas memverifikasi lapangan", "Rekap hasil survei"),
    ("pct-19-penetapan-penerima", 1, "Tim Survey melakukan rekap hasil verifikasi lapangan",
     "Rekap hasil verifikasi lapangan"),
    ("pct-20-penyaluran-pinjaman", 4,
     "Calon penerima pinjaman menerima undangan penandatanganan kredit.", "Dokumen"),
    ("pct-21-penagihan-pertama", 3, "Koperasi & UMKM melakukan pembayaran ke Bank",
     "Bukti pembayaran"),
    ("pct-21-penagihan-pertama", 2,
     "Petugas menyiapkan surat tagihan; Petugas melakukan penagihan kepada Koperasi & UMKM",
     "Surat tagihan 1"),
    ("pct-22-penagihan-kedua", 2,
     "Petugas menyiapkan surat tagihan; Petugas melakukan penagihan kepada Koperasi & UMKM",
     "Surat tagihan 2"),
    ("pct-23-penagihan-ketiga", 2,
     "Petugas menyiapkan surat tagihan; Petugas melakukan penagihan kepada Koperasi & UMKM",
     "Surat tagihan 3"),
    ("pct-24-pencatatan-pembukuan", 7, "Kepala Dinas mengirim laporan keuangan ke BKD",
     "Dokumen"),
    ("kbr-1-fasilitasi-izin-usp", 6, "Melaksanakan kegiatan Fasilitasi IUSP/IKC/IKCP/IKK.",
     "Pelaksanaan Kegiatan"),
    ("jtm-1-perlindungan-usaha-kukm", 12, "Melaksanakan kegiatan", "Kegiatan telah terlaksana"),
    ("kbr-2-peningkatan-pelayanan-plut", 25,
     "Fungsional umum menggandakan jadwal dan materi peserta.",
     "Jadwal dan materi yg sudah digandakan"),
]

DRAFTS = {
    "pct-06-badan-hukum-koperasi",
    "pct-10-galeri-produk",
    "pct-11-nib",
    "pct-12-rekomendasi-merek",
    "pct-13-pirt",
}

# catalog-notes §1 "Front-desk?" YES (incl. the probable PCT-06); PARTLY and no are False.
FRONT_DESK = {
    "pct-01-sertifikat-nik",
    "pct-06-badan-hukum-koperasi",
    "pct-07-konsultasi-bisnis",
    "pct-09-kemitraan",
    "pct-11-nib",
    "pct-12-rekomendasi-merek",
    "pct-13-pirt",
    "pct-14-rekomendasi-teknis-iui",
    "pct-17-pengajuan-proposal",
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_every_bundled_file_loads_and_is_named_after_its_id():
    texts = list(bundled_sop_texts())
    assert len(texts) == len(STEPS) + len(GENERAL)
    for name, text in texts:
        sop = parse_sop(text, name)
        assert sop.id == PurePosixPath(name).stem


def test_catalog_holds_exactly_the_sops_with_content(catalog):
    assert catalog.errors == []
    assert {s.id for s in catalog.all()} == set(STEPS) | GENERAL


def test_ids_are_unique_across_files():
    ids = [parse_sop(text, name).id for name, text in bundled_sop_texts()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("sop_id", sorted(STEPS))
def test_steps_and_waktu_match_the_source(catalog, sop_id):
    numbers, waktu = STEPS[sop_id]
    sop = catalog.get(sop_id)
    assert [s.no for s in sop.steps] == numbers
    assert [s.mutu_baku.waktu.raw for s in sop.steps] == waktu


@pytest.mark.parametrize(("sop_id", "no", "kegiatan", "output"), TEXTS)
def test_step_texts_are_verbatim(catalog, sop_id, no, kegiatan, output):
    step = catalog.get(sop_id).step(no)
    assert step.kegiatan == kegiatan
    assert step.mutu_baku.output == output


@pytest.mark.parametrize("sop_id", sorted(STEPS))
def test_status_follows_completeness(catalog, sop_id):
    sop = catalog.get(sop_id)
    if sop_id in DRAFTS:
        assert sop.status == DRAF
        assert sop.usable is False
    else:
        assert sop.status == BERLAKU
        assert sop.usable is True


def test_front_desk_flag(catalog):
    assert {s.id for s in catalog.all() if s.layanan_loket} == FRONT_DESK | GENERAL


def test_gaps_keep_the_document_numbering(catalog):
    assert catalog.get("pct-07-konsultasi-bisnis").langkah_hilang == (6,)
    assert catalog.get("pct-09-kemitraan").langkah_hilang == (6,)
    assert catalog.get("pct-04-penilaian-kesehatan-koperasi").langkah_hilang == (7, 8, 12, 13)
    assert catalog.get("pct-06-badan-hukum-koperasi").langkah_hilang == tuple(range(1, 12))


@pytest.mark.parametrize(
    ("sop_id", "no", "ke_langkah"),
    [
        ("kbr-1-fasilitasi-izin-usp", 3, 2),  # "dikembalikan kepada Anggota Tim Kerja"
        ("kbr-1-fasilitasi-izin-usp", 4, 3),  # "dikembalikan ke … Ketua Tim Kerja"
        ("kbr-1-fasilitasi-izin-usp", 5, 4),  # "dikembalikan kepada Kepala Bidang"
        ("kbr-2-peningkatan-pelayanan-plut", 7, 5),  # "dikembalikan kebidang" (SK)
        ("kbr-2-peningkatan-pelayanan-plut", 14, 12),  # "dikembalikan kebidang" (undangan)
        ("pct-14-rekomendasi-teknis-iui", 6, 4),  # surat kekurangan, "Tidak" at row 4
        ("pct-17-pengajuan-proposal", 2, 1),  # "tidak" marker in the applicant's column
    ],
)
def test_decisions_return_to_the_step_named_in_the_source(catalog, sop_id, no, ke_langkah):
    step = catalog.get(sop_id).step(no)
    assert step.is_decision
    assert [k.ke_langkah for k in step.kembali] == [ke_langkah]


def test_only_the_written_decisions_have_return_branches(catalog):
    decisions = {
        (s.id, st.no) for s in catalog.all() for st in s.steps if st.is_decision
    }
    assert decisions == {
        ("kbr-1-fasilitasi-izin-usp", 3), ("kbr-1-fasilitasi-izin-usp", 4),
        ("kbr-1-fasilitasi-izin-usp", 5), ("kbr-2-peningkatan-pelayanan-plut", 7),
        ("kbr-2-peningkatan-pelayanan-plut", 14), ("pct-14-rekomendasi-teknis-iui", 6),
        ("pct-17-pengajuan-proposal", 2),
    }


@pytest.mark.parametrize("sop_id", sorted(FRONT_DESK - DRAFTS))
def test_usable_front_desk_sops_have_a_counter_role_and_an_applicant(catalog, sop_id):
    sop = catalog.get(sop_id)
    assert sop.counter_roles
    assert any(p.pemohon for p in sop.pelaksana)


@pytest.mark.parametrize(
    ("sop_id", "loket", "pemohon"),
    [
        ("pct-01-sertifikat-nik", {"Staf"}, {"Petugas Koperasi"}),
        ("pct-07-konsultasi-bisnis", {"Admin", "Konsultan"}, {"UMKM"}),
        ("pct-09-kemitraan", {"Admin", "Konsultan"}, {"Mitra"}),
        ("pct-14-rekomendasi-teknis-iui", {"Tim Verifikator"}, {"Pemohon"}),
        ("pct-17-pengajuan-proposal", {"Petugas"}, {"Koperasi & Usaha Mikro Kecil Menengah"}),
        ("kbr-2-peningkatan-pelayanan-plut", {"Fungsional Umum"}, set()),
        ("jtm-1-perlindungan-usaha-kukm", {"Staf"}, set()),
    ],
)
def test_roles_at_the_counter_and_applicants(catalog, sop_id, loket, pemohon):
    sop = catalog.get(sop_id)
    assert {p.nama for p in sop.pelaksana if p.loket} == loket
    assert {p.nama for p in sop.pelaksana if p.pemohon} == pemohon


def test_pelaksana_columns_follow_the_document(catalog):
    def names(sop_id):
        return [p.nama for p in catalog.get(sop_id).pelaksana]

    assert names("pct-07-konsultasi-bisnis") == ["UMKM", "Admin", "Konsultan", "Koor"]
    assert names("kbr-1-fasilitasi-izin-usp") == [
        "Ketua Tim Kerja", "Anggota Tim Kerja", "Kepala Bidang Perijinan dan Kelembagaan",
        "Kepala Dinas",
    ]
    assert names("kbr-2-peningkatan-pelayanan-plut") == [
        "Fungsional Umum", "Pendamping PLUT", "Kasubid", "Kepala Bidang", "Sekretaris",
        "Kepala Dinas",
    ]
    assert names("pct-15-penyusunan-rpik") == [
        "Pihak Ketiga", "PPK", "Bupati", "Bid. Perindustrian", "Bagian Hukum", "Kepala Dinas",
    ]


def test_inferred_actors_are_marked(catalog):
    # Symbols lost in the OCR: the actor was inferred, and the file says so.
    assert catalog.get("pct-07-konsultasi-bisnis").step(1).pelaksana_disimpulkan
    assert catalog.get("jtm-1-perlindungan-usaha-kukm").step(3).pelaksana_disimpulkan
    # The text names the actor: not an inference.
    assert not catalog.get("pct-17-pengajuan-proposal").step(3).pelaksana_disimpulkan
    assert catalog.get("pct-17-pengajuan-proposal").step(3).role == "kadis"


@pytest.mark.parametrize(
    ("sop_id", "nomor", "tanggal_pembuatan"),
    [
        ("pct-01-sertifikat-nik", "01/SOP/DIKUPERIDN/2023", "04 Januari 2023"),  # [sic]
        ("pct-10-galeri-produk", "10/SOP/DIKUPERIND/2023", "04 Januri 2023"),  # [sic]
        ("pct-11-nib", "11/SOP/PERINDUSTRIAND/2023", "04 Januari 2023"),  # [sic]
        ("kbr-1-fasilitasi-izin-usp", "000.8 / 1622 / DISKOPUKM.B", "31-Aug-23"),
        ("jtm-1-perlindungan-usaha-kukm", "", "12 Desember 2019"),
        ("kbr-2-peningkatan-pelayanan-plut", "518 / 917 / KUKRU - IV - 1", "22 Juli 2020"),
    ],
)
def test_identity_as_printed(catalog, sop_id, nomor, tanggal_pembuatan):
    sop = catalog.get(sop_id)
    assert sop.nomor == nomor
    assert sop.tanggal_pembuatan == tanggal_pembuatan


@pytest.mark.parametrize("sop_id", sorted(STEPS))
def test_every_sop_cites_its_source_and_records_judgement_calls(catalog, sop_id):
    sop = catalog.get(sop_id)
    assert sop.source.dokumen in SEED_DOCS
    assert sop.source.lokasi.startswith("baris ")
    assert sop.catatan
    if sop.id.startswith("pct-"):
        assert sop.source.dokumen == DOC_PACITAN
