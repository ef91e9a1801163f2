"""Texts of the daily service log, its exports and the demo data."""

# ----- dates typed by the user
BAD_DATE = (
    "tanggal '{text}' tidak dikenali; tulis misalnya 2026-11-25, 25-11-2026, "
    "25 November 2026, 'hari ini' atau 'kemarin'"
)
NO_SUCH_DATE = "tanggal '{text}' tidak ada: {month} {year} hanya sampai tanggal {last}"
NO_SUCH_MONTH = "tanggal '{text}' tidak ada: bulan ditulis 1 sampai 12"
TODAY_WORDS = ("hari ini", "hariini", "sekarang")
YESTERDAY_WORDS = ("kemarin",)
RANGE_REVERSED = "tanggal --dari ({first}) jatuh sesudah --sampai ({last})"
RANGE_TOO_LONG = "rentang {days} hari terlalu panjang; paling lama {limit} hari"
RANGE_NEEDS_BOTH = "--dari dan --sampai harus dipakai bersama"
DATE_AND_RANGE = "pakai --tanggal atau --dari/--sampai, tidak keduanya"

# ----- summary words
TITLE_DAY = "Laporan Harian Layanan"
TITLE_RANGE = "Laporan Layanan"
PERIOD_RANGE = "{first} s.d. {last}"
HEAD_COUNTS = "Ringkasan"
LABEL_OPENED = "Kasus dibuka"
LABEL_SELESAI = "Selesai"
LABEL_DITOLAK = "Ditolak"
LABEL_DIBATALKAN = "Dibatalkan"
LABEL_OPEN = "Masih berjalan"
LABEL_OPEN_DETAIL = (
    "di loket {berjalan}, menunggu pelaksana {pelaksana}, menunggu pemohon {pemohon}"
)
LABEL_WITHIN = "Langkah dalam mutu baku"
WITHIN_VALUE = "{within} dari {measured} langkah ({share})"
WITHIN_NONE = "belum ada langkah yang diukur"
HEAD_SERVICES = "Per layanan"
HEAD_OVER = "Langkah yang paling sering lewat mutu baku"
HEAD_WAITING = "Berkas menunggu"
HEAD_ARRIVALS = "Kedatangan per jam"
HEAD_CASES = "Daftar kasus"
HEAD_DAYS = "Per hari"
NO_CASES = "Tidak ada kasus pada periode ini."
NO_OVER = "Tidak ada langkah yang lewat mutu baku."
NO_WAITING = "Tidak ada berkas yang menunggu."
NO_REASON = "(tanpa alasan)"
APPLICANT = "Pemohon"
UNKNOWN_HOLDER = "(tidak diketahui)"
HOLDER_WITH_NAME = "{role} ({name})"
HOUR_LABEL = "{hour:02d}.00"
NONE = "-"
YES = "ya"
NO = "tidak"

# ----- step judgements
JUDGE_WITHIN = "dalam"
JUDGE_OVER = "lewat"
JUDGE_RUNNING = "berjalan"
JUDGE_NO_LIMIT = "tanpa batas"
RUN_OUTCOMES = {
    None: "berjalan",
    "selesai": "selesai",
    "dikembalikan": "dikembalikan",
    "ditutup": "ditutup",
    "dilewati": "dilewati",
}

# ----- table columns (text, CSV, XLSX and PDF share them)
COL_CODE = "Kode"
COL_OPENED = "Dibuka"
COL_VISITOR = "Pemohon"
COL_NIK = "NIK"
COL_SOP_ID = "ID SOP"
COL_SERVICE = "Layanan"
COL_OFFICER = "Petugas"
COL_DESK = "Loket"
COL_STATUS = "Status"
COL_HOLDER = "Pemegang berkas"
COL_ELAPSED = "Waktu kerja"
COL_ELAPSED_MIN = "Waktu kerja (menit)"
COL_PAUSED_MIN = "Menunggu pemohon (menit)"
COL_LIMIT = "Mutu baku"
COL_LIMIT_MIN = "Mutu baku (menit)"
COL_OVER = "Lewat"
COL_CASE = "Kasus"
COL_CLOSED = "Ditutup"
COL_STEP = "Langkah"
COL_KEGIATAN = "Kegiatan"
COL_PELAKSANA = "Pelaksana"
COL_START = "Mulai"
COL_END = "Selesai"
COL_MUTU_BAKU = "Mutu baku"
COL_JUDGE = "Dalam/lewat"
COL_RESULT = "Hasil"
COL_REASON = "Alasan lewat"
COL_RETURN_REASON = "Alasan dikembalikan"
COL_COUNT = "Jumlah"
COL_DONE = "Selesai"
COL_MEDIAN = "Median waktu"
COL_STANDARD = "Standar"
COL_OVER_COUNT = "Lewat"
COL_HOW_OFTEN = "Kali"
COL_MEDIAN_OVERRUN = "Median kelebihan"
COL_REASONS = "Alasan"
COL_WAIT_COUNT = "Berkas"
COL_OLDEST = "Terlama"
COL_SINCE = "Sejak"
COL_HOUR = "Jam"
COL_DAY = "Tanggal"

# ----- exports
SHEET_CASES = "Kasus"
SHEET_STEPS = "Langkah"
SHEET_SUMMARY = "Ringkasan"
XLSX_TOO_MANY_ROWS = ("lembar '{sheet}' melebihi 1.048.576 baris, batas satu lembar XLSX; "
                      "pilih rentang tanggal yang lebih pendek")
XLSX_TOO_LARGE = "berkas XLSX melebihi 4 GB; pilih rentang tanggal yang lebih pendek"
UNKNOWN_FORMAT = "format '{value}' tidak dikenal; pilih salah satu: {choices}"
WRITTEN = "Laporan ditulis: {path}"
WRITTEN_CSV = "Laporan ditulis: {cases} (kasus) dan {steps} (langkah)"
PDF_SUPERVISOR = "Mengetahui,\nKepala Seksi / Penyelia Layanan"
PDF_MADE_BY = "Dibuat oleh,\nPetugas Loket"
PDF_NAME_LINE = "(................................)"
PDF_NIP = "NIP. ..............................."
PDF_PAGE = "Halaman {page}"
PDF_PRINTED_AT = "Dicetak {at}"
PDF_MORE_CASES = "... dan {count} kasus lain (lihat ekspor XLSX/CSV)"

# ----- CLI help
HELP_LAPORAN = "laporan layanan harian atau per rentang tanggal: teks, csv, xlsx, pdf"
HELP_TANGGAL = "tanggal laporan (bawaan: hari ini); ISO atau '25 November 2026'"
HELP_DARI = "awal rentang (termasuk)"
HELP_SAMPAI = "akhir rentang (termasuk)"
HELP_FORMAT = "format keluaran: teks (bawaan), csv, xlsx, pdf"
HELP_OUTPUT = (
    "berkas keluaran (csv: juga BERKAS-langkah.csv); tanpa -o berkas ditulis ke folder "
    "laporan/ di direktori data"
)
HELP_DEMO_CMD = "isi penyimpanan demo dengan riwayat layanan contoh"
HELP_HARI = "jumlah hari kerja yang diisi (bawaan: 10)"
HELP_DEMO_SAMPAI = "hari terakhir riwayat (bawaan: hari ini); mis. akhir triwulan"
HELP_DEMO_TAMBAH = (
    "tambahkan hari sesudah riwayat yang sudah ada, bukan menggantinya "
    "(mis. triwulan berikutnya pada versi SOP baru)"
)
DEMO_OVERLAP = (
    "riwayat demo sudah sampai {last}; hari yang ditambahkan harus sesudahnya "
    "(yang diminta mulai {first}); pakai --sampai yang lebih akhir atau --hari yang lebih kecil"
)
HELP_SEED = "benih acak (hasil sama untuk benih yang sama)"
HELP_PER_HARI = "rata-rata kasus per hari (bawaan: 30)"

# ----- demo
DEMO_DONE = (
    "Penyimpanan demo diisi: {cases} kasus dalam {days} hari kerja "
    "({first} s.d. {last}) di {path}.\nCoba: loket --demo laporan --tanggal {last_iso}"
)
DEMO_NO_SOPS = "katalog tidak punya SOP layanan loket yang dapat dipakai untuk data demo"
DEMO_NOT_DEMO = "data demo hanya boleh ditulis ke penyimpanan demo, bukan {path}"
DEMO_BAD_DAYS = "--hari harus antara 1 dan {limit}"
DEMO_OFFICERS = ("Siti Aminah", "Budi Santoso", "Rina Wulandari")
DEMO_INSTANSI = "Dinas Koperasi dan Usaha Mikro (DEMO)"
DEMO_UNIT = "Loket Layanan (data demo)"
DEMO_OFFICIALS = ("Drs. Hadi Prasetyo", "Ir. Lestari Handayani", "Agus Salim, S.E.")
DEMO_FIRST_NAMES = (
    "Ahmad", "Siti", "Budi", "Dewi", "Agus", "Sri", "Joko", "Rina", "Eko", "Wati",
    "Bambang", "Nur", "Hendra", "Yuliani", "Rudi", "Fitri", "Dedi", "Lestari", "Slamet",
    "Ratna", "Imam", "Putri", "Wahyu", "Ani",
)
DEMO_LAST_NAMES = (
    "Santoso", "Wijaya", "Lestari", "Hidayat", "Saputra", "Kurniawan", "Rahayu",
    "Setiawan", "Pratama", "Susanti", "Nugroho", "Handayani", "Wibowo", "Maulana",
)
DEMO_BUSINESSES = (
    "Keripik Tempe", "Batik Tulis", "Warung Makan", "Kerajinan Bambu", "Konveksi",
    "Kopi Bubuk", "Sambal Pecel", "Anyaman Pandan", "Bengkel Las", "Toko Kelontong",
)
DEMO_GENERAL_REQUESTS = (
    "Mengurus NIB", "Mengurus NIB", "Mengurus NIB", "Izin PIRT", "Izin PIRT",
    "Pendaftaran merek", "Titip jual di galeri produk", "Sertifikat halal",
)
DEMO_TRUE_REASON = "Identifikasi kebutuhan perlu dibahas bersama pemohon"
DEMO_OVER_REASONS = (
    "Pemohon menunggu fotokopi dokumen",
    "Sistem OSS lambat",
    "Antrean panjang di loket",
    "Pejabat sedang rapat di luar kantor",
    "Berkas perlu diperiksa ulang",
    "Listrik padam sebentar",
)
DEMO_RETURN_REASONS = (
    "Data usaha tidak sesuai KTP",
    "Tanda tangan pemohon belum ada",
    "Foto produk kurang jelas",
)
DEMO_MISSING = ("Fotokopi KTP", "Pas foto 3x4", "Surat keterangan usaha dari desa")
DEMO_WAIT_NOTE = "Pemohon akan kembali membawa kekurangan berkas"
DEMO_CANCEL_REASON = "Pemohon membatalkan permohonan"
DEMO_REJECT_REASON = "Usaha tidak memenuhi syarat"

# ----- one-line forms used by the summary sheet and the text report
SERVICE_LINE = "{count} kasus, {selesai} selesai; median {median} (standar {standard})"
OVER_LINE = "{count}x lewat, median kelebihan {overrun}; alasan: {reasons}"
WAIT_LINE = "{count} berkas; terlama {code} sejak {since}"

# A day file that could not be read (named in every output of the report)
UNREADABLE_HEAD = (
    "PERHATIAN: data hari berikut tidak dapat dibaca; kasus-kasusnya tidak termasuk "
    "dalam laporan ini. Pulihkan berkasnya dari cadangan (berkas yang rusak tidak ditimpa)."
)
UNREADABLE_LINE = "{day}: {path} ({cases}) — {message}"
UNREADABLE_CASES = "{count} kasus terbuka"
UNREADABLE_CASES_UNKNOWN = "jumlah kasus terbuka tidak diketahui"
UNREADABLE_WARNING = "Peringatan: data {day} tidak dapat dibaca ({path}); tidak termasuk laporan"

HELP_PUSAT = "laporan dari catatan pusat kantor (semua meja), per kantor"
HELP_KANTOR = "id kantor yang dilaporkan (bawaan: semua kantor di pusat); memakai pusat"
NO_OFFICES = "tidak ada kantor dengan catatan di pusat (periksa --kantor)"
OFFICE_HEADING = "\n=== Kantor: {office} ===\n"
