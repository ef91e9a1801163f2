"""Texts of the SOP editor (F3 → Ubah)."""

SOURCE_EDITOR = "editor SOP Loket"
STEP_WHERE = "langkah {no}"
STEP_NO = "{where}: nomor '{value}' harus angka"
STEP_UNKNOWN_ROLE = (
    "{where}, pelaksana: '{value}' tidak ada di daftar pelaksana; tambahkan atau perbaiki namanya"
)
STEP_NO_ROLE = "{where}, pelaksana: isi minimal satu nama pelaksana"
STEP_NO_KEGIATAN = "{where}, kegiatan: belum diisi"
ROLE_NO_NAME = "pelaksana ke-{n}: nama belum diisi"
WAKTU = "waktu"
CABANG = "cabang"
CABANG_UNREAD = (
    "'{text}' tidak terbaca; tulis misalnya 'jika tidak lengkap, dikembalikan ke langkah 1' "
    "atau 'jika lengkap, langsung ke langkah 4'"
)
CABANG_FORWARD = "'langsung ke langkah {target}' harus menuju langkah sesudahnya yang ada"
CABANG_NO_STEP = "langkah tujuan {target} tidak ada"
CABANG_NO_ROLE = "tujuan '{target}' bukan nomor langkah atau nama pelaksana"
STEP_TARGET = "langkah {no}"
RETURN_TEXT = "{syarat}, dikembalikan ke {target}"
FORWARD_TEXT = "{syarat}, langsung ke langkah {target}"
YES = "ya"
NO = "tidak"
READ_NO_LIMIT = "tanpa batas waktu (lamanya hanya dicatat)"
READ_MAX = "paling lama {high} {unit}"
READ_RANGE = "{low} sampai {high} {unit}"
READ_FIXED = "{high} {unit}"
UNIT_READING = {"menit": "menit kerja", "jam": "jam kerja", "hari": "hari kerja",
                "minggu": "minggu (kalender)", "bulan": "bulan (kalender)"}
HARI_KALENDER = "hari kalender"

# The screen
TITLE = "Ubah SOP"
SECTION_IDENTITY = "Identitas"
SECTION_STANDAR = "Standar Pelayanan"
SECTION_ROLES = "Pelaksana"
SECTION_STEPS = "Langkah"
LABELS = {
    "id": "ID", "nomor": "Nomor SOP", "nama": "Nama SOP", "nama_singkat": "Nama singkat",
    "instansi": "Instansi",
    "unit": "Unit", "tanggal_pembuatan": "Tgl pembuatan", "tanggal_revisi": "Tgl revisi",
    "tanggal_efektif": "Tgl efektif", "disahkan_oleh": "Disahkan oleh",
    "peringatan": "Peringatan", "pencatatan": "Pencatatan", "biaya": "Biaya/tarif",
    "produk_layanan": "Produk layanan", "jangka_waktu": "Jangka waktu",
    "pengaduan": "Pengaduan", "dasar_hukum": "Dasar hukum", "kualifikasi_pelaksana":
    "Kualifikasi", "keterkaitan": "Keterkaitan", "peralatan": "Peralatan",
    "persyaratan": "Persyaratan", "langkah_hilang": "Langkah hilang",
    "nomor_dilewati": "Nomor dilewati",
}
LIST_HINT = "satu butir per baris"
STATUS = "Status"
STATUS_DRAF = "draf (belum dilayani)"
STATUS_BERLAKU = "berlaku (dapat dilayani)"
LAYANAN_LOKET = "Layanan loket (dimulai pemohon di loket)"
ROLE_NAMA = "Nama pelaksana"
ROLE_LOKET = "loket"
ROLE_PEMOHON = "pemohon"
ADD_ROLE = "+ Pelaksana"
ADD_STEP = "+ Langkah"
REMOVE = "Hapus"
UP = "Naik"
DOWN = "Turun"
STEP_NO_LABEL = "No"
STEP_KEGIATAN = "Kegiatan"
STEP_PELAKSANA = "Pelaksana (nama; nama)"
STEP_KELENGKAPAN = "Kelengkapan (satu per baris)"
STEP_WAKTU = "Waktu"
STEP_OUTPUT = "Output"
STEP_KETERANGAN = "Keterangan"
STEP_CABANG = "Cabang (jika …, dikembalikan ke langkah N; jika …, langsung ke langkah M)"
SAVE = "Simpan"
KEY_SAVE = "Simpan"
KEY_BACK = "Kembali"
CHECK_OK = "Lolos pemeriksaan."
CHECK_PROBLEMS = "Perlu diperbaiki sebelum disimpan:"
STEP_KEGIATAN_EMPTY = "(kegiatan belum diisi)"
STEP_SENDIRI = "dikerjakan pemohon sendiri, di luar loket (waktunya milik pemohon)"
