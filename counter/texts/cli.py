"""Texts of the command line."""

from counter.texts.sop import IDENTITY_LABELS as SOP_IDENTITY_LABELS

DESCRIPTION = "Loket: layanan loket Dinas Koperasi UKM / PLUT KUMKM, dipandu SOP."
HELP_CONFIG_DIR = "folder konfigurasi (menggantikan LOKET_CONFIG_DIR)"
HELP_DATA_DIR = "folder data: penyimpanan, hasil cetak, SOP kantor (menggantikan LOKET_DATA_DIR)"
HELP_DEMO = "pakai penyimpanan demo (terpisah dari data sebenarnya)"
HELP_SOP = (
    "katalog SOP: daftar, lihat, periksa, impor, ekspor, evaluasi "
    "(nama Inggris list, show, check juga diterima)"
)
HELP_SOP_LIST = "daftar semua SOP dalam katalog"
HELP_SOP_SHOW = "tampilkan identitas dan tabel langkah satu SOP"
HELP_SOP_CHECK = "periksa katalog bawaan atau berkas SOP yang disebut"
HELP_SOP_ID = "id SOP (lihat 'loket sop daftar')"
HELP_JSON = "keluaran JSON untuk mesin"
HELP_PATHS = "berkas atau folder SOP yang diperiksa (bawaan: seluruh katalog)"
ERROR_PREFIX = "Galat: "
CHECK_OK = "{count} SOP diperiksa, semuanya baik."
CHECK_FAILED = "{failed} dari {count} berkas SOP bermasalah ({problems} masalah)."
WARNING_PREFIX = "Peringatan: "
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
IDENTITY_LABELS = SOP_IDENTITY_LABELS
RETURN_TO = "jika tidak: kembali ke {target}"
STEP_WORD = "langkah {no}"
INFERRED = "(disimpulkan)"
EMPTY = "-"
HELP_CETAK = ("cetak ulang tanda terima, lembar serah terima, lembar berkas kurang atau "
              "lembar pengembalian")
HELP_KODE = "kode kasus (boleh dengan tanda hubung, seperti pada tanda terima)"
HELP_JENIS = "jenis dokumen (bawaan: tanda-terima)"
HELP_KERTAS = "ukuran kertas (bawaan: dari profil kantor)"
HELP_OUTPUT = "simpan PDF ke berkas ini saja, tanpa mencetak (tidak dicatat sebagai cetakan)"
HELP_PRINTER = "nama printer CUPS (bawaan: dari profil kantor)"
SAVED_TO = "PDF disimpan: {path}"

# argparse's own words, by their gettext msgid (see screens/cli/__init__.py).
ARGPARSE = {
    "usage: ": "pemakaian: ",
    "positional arguments": "perintah dan argumen",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "expected one argument": "memerlukan satu nilai",
    "expected at most one argument": "memerlukan paling banyak satu nilai",
    "expected at least one argument": "memerlukan sedikitnya satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah (harus %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan %(value)r tidak dikenal (pilih salah satu: %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi %(option)s ambigu, bisa berarti %(matches)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
}

HELP_PUSAT = "pusat kantor (PostgreSQL) untuk beberapa meja: siapkan skema"
HELP_PUSAT_SIAPKAN = "buat atau naikkan skema basis data pusat (aman dijalankan berulang)"
HELP_PUSAT_DSN = "alamat pusat, mis. postgresql://loket@192.168.1.10/loket (bawaan: [pusat] dsn)"
HELP_SINKRON = "sinkron meja ini dengan pusat kantor (terus berjalan sampai Ctrl+C)"
HELP_SINKRON_SEKALI = "sinkron sekali sekarang lalu tampilkan keadaannya"
HELP_SINKRON_STATUS = "tampilkan keadaan tanpa menghubungi pusat"
