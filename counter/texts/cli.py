"""Texts of the command line."""

DESCRIPTION = "Loket: layanan loket Dinas Koperasi UKM / PLUT KUMKM, dipandu SOP."
HELP_CONFIG_DIR = "folder konfigurasi (menggantikan LOKET_CONFIG_DIR)"
HELP_DATA_DIR = "folder data: penyimpanan, hasil cetak, SOP kantor (menggantikan LOKET_DATA_DIR)"
HELP_DEMO = "pakai penyimpanan demo (terpisah dari data sebenarnya)"
HELP_APP = "buka aplikasi loket (bawaan bila tanpa perintah)"
HELP_SOP = "katalog SOP: daftar, tampilkan, periksa"
HELP_SOP_LIST = "daftar semua SOP dalam katalog"
HELP_SOP_SHOW = "tampilkan identitas dan tabel langkah satu SOP"
HELP_SOP_CHECK = "periksa katalog bawaan atau berkas SOP yang disebut"
HELP_SOP_ID = "id SOP (lihat 'loket sop list')"
HELP_JSON = "keluaran JSON untuk mesin"
HELP_PATHS = "berkas atau folder SOP yang diperiksa (bawaan: seluruh katalog)"
ERROR_PREFIX = "Galat: "
UNKNOWN_SOP = "SOP '{value}' tidak ada di katalog; lihat 'loket sop list'"
CHECK_OK = "{count} SOP diperiksa, semuanya baik."
CHECK_FAILED = "{failed} dari {count} SOP bermasalah."
NO_FILES = "tidak ada berkas .toml di {path}"
INTERRUPTED = "Dibatalkan."
COL_ID = "ID"
COL_NOMOR = "Nomor"
COL_NAMA = "Nama SOP"
COL_INSTANSI = "Instansi"
COL_STEPS = "Langkah"
COL_STATUS = "Status"
COL_LOKET = "Waktu loket"
COL_NO = "No"
COL_KEGIATAN = "Kegiatan"
COL_PELAKSANA = "Pelaksana"
COL_KELENGKAPAN = "Kelengkapan"
COL_WAKTU = "Waktu"
COL_OUTPUT = "Output"
STATUS_DRAF = "draf (langkah belum ada di sumber)"
INCOMPLETE_NOTE = "SOP draf belum dapat dipakai melayani: langkahnya tidak ada di dokumen sumber."
MISSING_STEPS = "Langkah hilang di sumber: {numbers}"
IDENTITY_LABELS = {
    "nomor": "Nomor SOP",
    "nama": "Nama SOP",
    "status": "Status",
    "instansi": "Instansi",
    "unit": "Unit",
    "tanggal_pembuatan": "Tanggal pembuatan",
    "tanggal_revisi": "Tanggal revisi",
    "tanggal_efektif": "Tanggal efektif",
    "disahkan_oleh": "Disahkan oleh",
    "dasar_hukum": "Dasar hukum",
    "kualifikasi_pelaksana": "Kualifikasi pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan": "Peralatan dan perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan": "Pencatatan dan pendataan",
    "pelaksana": "Pelaksana",
    "sumber": "Sumber",
    "catatan": "Catatan penyalin",
}
RETURN_TO = "jika tidak: kembali ke {target}"
STEP_WORD = "langkah {no}"
INFERRED = "(disimpulkan)"
EMPTY = "-"
HELP_CETAK = "cetak ulang tanda terima, lembar serah terima atau lembar berkas kurang"
HELP_KODE = "kode kasus (boleh dengan tanda hubung, seperti pada tanda terima)"
HELP_JENIS = "jenis dokumen (bawaan: tanda-terima)"
HELP_KERTAS = "ukuran kertas (bawaan: dari profil kantor)"
HELP_OUTPUT = "simpan PDF ke berkas ini saja, tanpa mencetak (tidak dicatat sebagai cetakan)"
HELP_PRINTER = "nama printer CUPS (bawaan: dari profil kantor)"
SAVED_TO = "PDF disimpan: {path}"
