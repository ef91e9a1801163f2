"""Texts of the review screens: SOP browser, case detail / timeline, daily log,
and the `loket kasus` command."""

from counter.texts.sop import IDENTITY_LABELS

# ----------------------------------------------------------------- SOP browser
SOP_TITLE = "Katalog SOP"
SOP_FILTER_PLACEHOLDER = "/ Saring: nama, nomor, unit"
SOP_COUNT = "{shown} dari {total} SOP"
SOP_NONE_MATCH = "Tidak ada SOP yang cocok dengan \u201c{text}\u201d."
SOP_EMPTY_CATALOG = "Katalog SOP kosong."
SOP_PICK = "Pilih SOP di daftar kiri untuk membaca identitas dan langkahnya."
SOP_DRAF_TAG = "draf"
SOP_LOKET_TAG = "loket"
SOP_NOT_USABLE = "Belum dapat dipakai melayani"
SOP_WHY_DRAF = "SOP berstatus draf: langkah-langkahnya belum ada di dokumen sumber."
SOP_WHY_NO_STEPS = "SOP belum memiliki langkah."
SOP_MISSING_STEPS = "Langkah hilang di dokumen sumber: {numbers}"
SOP_INFERRED = "(disimpulkan)"
SOP_RETURN = "\u21a9 {syarat}: kembali ke {target}"
SOP_RETURN_NO_SYARAT = "\u21a9 jika tidak: kembali ke {target}"
SOP_STEP_WORD = "langkah {no}"
SOP_STEPS_TITLE = "Langkah ({count})"
SOP_NO_STEPS = "Tidak ada langkah."
SOP_LABEL_KELENGKAPAN = "Kelengkapan"
SOP_LABEL_OUTPUT = "Output"
SOP_LABEL_KETERANGAN = "Keterangan"
SOP_OFFICE_ERRORS = "Berkas SOP kantor yang gagal dibaca: {count}"
EMPTY = "-"
SOP_IDENTITY = IDENTITY_LABELS
SOP_STATUS = {"berlaku": "berlaku", "draf": "draf"}
SOP_COLUMNS = ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output")
SOP_COL_NO, SOP_COL_KEGIATAN, SOP_COL_PELAKSANA, SOP_COL_KELENGKAPAN, SOP_COL_WAKTU, \
    SOP_COL_OUTPUT = SOP_COLUMNS

# key bindings shown in the footer
KEY_BACK = "Kembali"
KEY_HELP = "Bantuan"
KEY_FILTER = "Saring"
KEY_DETAIL = "Baca SOP"
KEY_LIST = "Daftar"
KEY_REPRINT = "Cetak ulang"
KEY_REVEAL_NIK = "Tampilkan NIK"
NIK_SHOWN = "NIK ditampilkan {seconds} detik; tercatat atas nama {officer}"
NIK_WHERE = "riwayat kasus"
KEY_PREV_DAY = "Hari sebelumnya"
KEY_NEXT_DAY = "Hari berikutnya"
KEY_DATE = "Tanggal"
KEY_TODAY = "Hari ini"
KEY_RANGE = "Rentang"
KEY_FILTERS = "Filter"
KEY_SORT = "Urutkan"
KEY_SUMMARY = "Ringkasan"
KEY_REFRESH = "Muat ulang"

# ----------------------------------------------------------------- case detail
CASE_TITLE = "Kasus {code}"
CASE_LABEL_CODE = "Kode"
CASE_LABEL_VISITOR = "Pemohon"
CASE_LABEL_NIK = "NIK"
CASE_LABEL_TELEPON = "Telepon"
CASE_LABEL_USAHA = "Nama usaha"
CASE_LABEL_SOP = "Layanan"
CASE_LABEL_STATUS = "Status"
CASE_LABEL_STEP = "Langkah sekarang"
CASE_LABEL_HOLDER = "Berkas di"
CASE_LABEL_OPENED = "Dibuka"
CASE_LABEL_CLOSED = "Ditutup"
CASE_LABEL_TIME = "Waktu kerja"
CASE_LABEL_ESTIMATE = "Perkiraan selesai"
CASE_SINCE = "sejak {when}"
CASE_STEP_OF = "{where}: {kegiatan}"
CASE_NO_STEP = "-"
CASE_TIMELINE = "Riwayat kejadian"
CASE_STEPS = "Waktu tiap langkah terhadap mutu baku"
CASE_DESK = "loket {desk}"
CASE_PAUSED = "dijeda {duration}"
CASE_PAUSED_NOW = "sedang dijeda (menunggu pemohon)"
CASE_VS = "{elapsed} dari {limit}"
CASE_NO_LIMIT = "{elapsed} (tanpa batas)"
CASE_OVER_REASON = "alasan lewat: {reason}"
CASE_ESTIMATE_PARTIAL = "{when} (belum termasuk langkah tanpa batas waktu)"
CASE_ANOMALIES = "Catatan pemeriksaan riwayat"
COL_TIME = "Waktu"
COL_OFFICER = "Petugas"
COL_DESK = "Loket"
COL_EVENT = "Kejadian"
COL_STEP = "Langkah"
COL_PELAKSANA = "Pelaksana"
COL_ELAPSED = "Lama"
COL_LIMIT = "Mutu baku"
COL_LEVEL = "Keadaan"
COL_PAUSED = "Jeda"

# level words, short for tables
LEVEL_SHORT = {
    "dalam": "dalam batas",
    "mendekati": "mendekati",
    "lewat": "LEWAT",
    "tanpa_batas": "tanpa batas",
}

# what an event means, in words ({...} filled from the event's data)
EVENT_OPENED = "Kasus dibuka: {sop} untuk {nama}"
EVENT_STEP_STARTED = "Langkah {step} dimulai: {kegiatan}"
EVENT_KELENGKAPAN = "Kelengkapan langkah {step}: diterima {received}"
EVENT_KELENGKAPAN_MISSING = "; kurang {missing}"
EVENT_STEP_COMPLETED = "Langkah {step} selesai"
EVENT_OUTPUT = ": {output}"
EVENT_OVER_REASON = "Alasan langkah {step} lewat mutu baku: {reason}"
EVENT_STEP_RETURNED = "Langkah {step} dikembalikan ke {target}: {reason}"
EVENT_HANDED_OFF = "Berkas diserahkan {from_role} \u2192 {to_role} untuk langkah {step}"
EVENT_HANDED_TO_NAME = " ({to_name})"
EVENT_RECEIVED = "Berkas diterima {role} (langkah {step})"
EVENT_NIK_REVEALED = "NIK pemohon ditampilkan penuh di layar (tercatat)"
EVENT_DATA_REDACTED = "Data pribadi dihapus dari penyimpanan (masa retensi habis): {fields}"
EVENT_DATA_CORRECTED = "Data pemohon dikoreksi atas permintaan pemohon: {field}"
EVENT_WAITING = "Berkas kurang, menunggu pemohon: {missing}"
EVENT_WAITING_NOTE = " \u2014 {note}"
EVENT_RESUMED = "Pemohon kembali, langkah {step} dilanjutkan"
EVENT_NOTE = "Catatan: {text}"
EVENT_CONFLICT_RESOLVED = "Konflik antarmeja diselesaikan: {note}"
EVENT_REOPENED = "Dibuka kembali oleh supervisor, lanjut di langkah {step}: {reason}"
EVENT_PRINTED_OK = "{doc} dicetak ke {printer}"
EVENT_PRINTED_PDF = "{doc} disimpan sebagai PDF: {pdf}"
EVENT_PRINT_FAILED = "{doc} GAGAL dicetak: {error}"
EVENT_CLOSED = "Kasus ditutup {outcome}"
EVENT_CLOSED_REASON = ": {reason}"
EVENT_UNKNOWN = "Kejadian {type}"
NOTHING = "-"
DOC_NAMES = {
    "tanda-terima": "Tanda terima",
    "serah-terima": "Slip serah terima",
    "berkas-kurang": "Slip berkas kurang",
    "pengembalian": "Lembar pengembalian",
}

# reprinting
REPRINT_WHICH = "Dokumen yang dicetak ulang:"
REPRINT_CANCEL = "Batal"
REPRINT_BUSY = "Mencetak {doc}\u2026"
REPRINT_OK = "{doc} dicetak ke {printer}."
REPRINT_PDF_ONLY = "Tidak ada printer; {doc} disimpan sebagai PDF: {pdf}"
REPRINT_FAILED = "{doc} gagal dicetak: {error}. PDF tersimpan: {pdf}"

# ----------------------------------------------------------------- daily log
LOG_TITLE = "Log harian"
LOG_RANGE_TITLE = "Rekap {first} s.d. {last}"
LOG_DATE_PROMPT = "Tanggal (mis. 25 November 2026 atau 2026-11-25)"
LOG_NO_CASES = "Tidak ada kasus pada {day}."
LOG_NO_MATCH = "Tidak ada kasus yang cocok dengan filter."
LOG_SHOWN = "{shown} dari {total} kasus"
LOG_ALL = "Semua"
LOG_FILTER_SERVICE = "Layanan"
LOG_FILTER_OFFICER = "Petugas"
LOG_FILTER_STATUS = "Status"
LOG_ONLY_OVER = "Lewat saja"
LOG_ONLY_WAITING = "Menunggu saja"
LOG_SORTED = "Diurutkan menurut {column}{direction}"
LOG_DESC = " (menurun)"
LOG_RANGE_WEEK = "Minggu ini"
LOG_RANGE_MONTH = "Bulan ini"
LOG_RANGE_DAY = "Satu hari"
LOG_OVER_FLAG = "LEWAT"
LOG_LOAD_ERROR = "Data hari itu tidak dapat dibaca: {error}"
LOG_COLUMNS = {
    "code": "Kode",
    "opened": "Jam",
    "visitor": "Pemohon",
    "service": "Layanan",
    "officer": "Petugas",
    "desk": "Loket",
    "status": "Status",
    "holder": "Berkas di",
    "time": "Kerja/batas",
    "over": "Lewat",
}
LOG_DATE_COLUMN = "Tanggal"

# summary panel
SUM_TITLE = "Ringkasan"
SUM_OPENED = "Kasus masuk"
SUM_CLOSED = "Ditutup"
SUM_OUTCOMES = "selesai {selesai} \u00b7 ditolak {ditolak} \u00b7 dibatalkan {dibatalkan}"
SUM_STILL_OPEN = "Masih berjalan"
SUM_WITHIN_SHARE = "Langkah dalam mutu baku"
SUM_SHARE = "{pct} ({within} dari {total})"
SUM_PER_SERVICE = "Per layanan"
SUM_SERVICE_LINE = "{count}\u00d7, median {median} (mutu baku {standard})"
SUM_SERVICE_NONE_DONE = "{count}\u00d7, belum ada yang selesai (mutu baku {standard})"
SUM_OVERRUNS = "Langkah paling sering lewat"
SUM_OVERRUN_LINE = "{sop} langkah {step}: {count}\u00d7, median lewat {median}"
SUM_REASONS = "alasan: {reasons}"
SUM_WAITING = "Berkas menunggu"
SUM_WAITING_LINE = "{role}: {count} (terlama {code}, sejak {since})"
SUM_ARRIVALS = "Kedatangan per jam"
SUM_PER_DAY = "Per hari"
SUM_DAY_LINE = "{day}: {opened} masuk, {selesai} selesai, {over} lewat waktu"
SUM_NONE = "tidak ada"

# ----------------------------------------------------------------- `loket kasus`
HELP_KASUS = "status satu kasus: langkah sekarang, pemegang berkas, riwayat, waktu tiap langkah"
HELP_KASUS_JSON = "keluaran JSON untuk mesin (data pribadi tetap disamarkan)"
HELP_KASUS_CODE = "kode kasus, boleh dengan tanda hubung (mis. 261125-01-007-7)"
CLI_UNKNOWN_CODE = "kasus {code} tidak ditemukan di penyimpanan"
CLI_BAD_CODE = "kode kasus {text!r} tidak sah: {detail}"
CLI_STEPS = "Waktu tiap langkah:"
CLI_TIMELINE = "Riwayat:"
CLI_ANOMALIES = "Catatan pemeriksaan riwayat:"

# ----------------------------------------------------------------- export from the log
KEY_EXPORT = "Ekspor"
EXPORT_WHICH = "Ekspor laporan periode ini sebagai:"
EXPORT_FORMATS = {
    "xlsx": "XLSX (lembar kerja: kasus, langkah, ringkasan)",
    "pdf": "PDF Laporan Harian Layanan (untuk dicetak dan ditandatangani)",
    "csv": "CSV (kasus dan langkah, dua berkas)",
}
EXPORT_NOTHING = "Log belum selesai dimuat; coba lagi sebentar."
EXPORT_DONE = "Laporan disimpan: {paths}"
EXPORT_FAILED = "Laporan gagal disimpan: {error}"
CASE_UNLIMITED = "ditambah {duration} di langkah tanpa mutu baku waktu"
KEY_SEARCH = "Cari"
LOG_SEARCH_HINT = "Cari nama pemohon atau kode"

# a day of the period (or of an open file) whose file could not be read
LOG_DAMAGED = (
    "⚠ Data {day} tidak dapat dibaca: {path} ({cases}); tidak termasuk di sini. "
    "Pulihkan dari cadangan, lalu tekan r."
)
LOG_PLACEHOLDER = "berkas harian rusak"
