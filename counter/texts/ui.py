"""Texts of the counter screens (the Textual app): titles, labels, bindings, messages.

Kept apart from the screens so a translation only touches this file. The SOP
browser, case detail and daily log keep theirs in `ui_review.py`.
"""

from counter.texts.case import OUTCOME_LABELS

APP_TITLE = "Loket"

# --- header
HEADER = "{unit} · {officer} · {where} · {date} {time}"
HEADER_NARROW = "{officer} · {where} · {date} {time}"
HEADER_DESK = "Loket {desk}"
HEADER_OFFICIAL = "Meja {name}"  # an official's desk (meja pejabat) by its name
HEADER_NO_OFFICER = "{unit} · {date} {time}"

# --- global bindings (footer labels)
KEY_HELP = "Bantuan"
KEY_NEW_CASE = "Kasus baru"
KEY_CATALOG = "Katalog SOP"
KEY_DAILY_LOG = "Log harian"
KEY_SCAN = "Pindai"
KEY_QUIT = "Keluar"
KEY_BACK = "Kembali"
KEY_OPEN = "Buka"
KEY_SWITCH_LIST = "Pindah daftar"
KEY_SAVE = "Simpan"

# --- help screen
HELP_TITLE = "Bantuan: tombol"
HELP_GLOBAL = "Di semua layar"
HELP_SCREEN = "Di layar ini"
HELP_SCANNER = (
    "Pemindai barcode: arahkan ke barcode tanda terima atau slip serah terima; "
    "kasus langsung terbuka. Kode juga dapat diketik di kolom pindai (F5)."
)
HELP_CLOSE = "Tekan Esc untuk menutup."

# --- first-run setup
SETUP_TITLE = "Pengaturan awal kantor"
SETUP_INTRO = (
    "Selamat datang. Isi data kantor sekali saja; dapat diubah nanti di berkas "
    "{path}."
)
SETUP_INSTANSI = "Nama instansi"
SETUP_INSTANSI_HINT = "mis. Dinas Koperasi, Usaha Mikro dan Perindustrian Kabupaten Pacitan"
SETUP_UNIT = "Unit / bidang (boleh kosong)"
SETUP_UNIT_HINT = "mis. PLUT KUMKM Pacitan"
SETUP_ALAMAT = "Alamat kantor (untuk kop tanda terima, boleh kosong)"
SETUP_ALAMAT_HINT = "mis. Jl. Gajah Mada No. 1 Pacitan 63511"
SETUP_TELEPON = "Telepon kantor (boleh kosong)"
SETTINGS_TITLE = "Pengaturan kantor"
SETTINGS_SAVE = "Simpan"
SETTINGS_INTRO = "Ubah data kantor; Ctrl+S menyimpan ke {path}, Esc kembali tanpa menyimpan."
SETTINGS_PRINTER = "Printer CUPS (kosong: tanda terima hanya disimpan sebagai PDF)"
SETTINGS_PRINTER_HINT = "mis. PDF atau EPSON_TM_T82"
SETTINGS_PAPER = "Ukuran kertas"
SETTINGS_CLOSED = "Hari tutup kantor (di luar libur nasional), pisahkan dengan koma"
SETTINGS_CLOSED_HINT = "mis. 24 Desember 2026, 31 Desember 2026"
SETTINGS_RAMADAN = "Jadwal Ramadan (jam kerja Ramadan), pisahkan dengan titik koma"
SETTINGS_RAMADAN_HINT = "mis. 8 Februari 2027 s.d. 9 Maret 2027"
SETTINGS_HOURS = "Jam kerja unit ini (kosong: jam kerja nasional)"
SETTINGS_HOURS_HINT = "mis. Senin-Kamis 07.30-16.00 istirahat 12.00-13.00; Jumat 07.30-16.30"
SETTINGS_NEARING = "Peringatan 'hampir' pada persen mutu baku"
SETTINGS_PRINTERS = "Printer yang ada di CUPS (pilih untuk mengisi nama di atas)"
SETTINGS_PRINTERS_NONE = "(tanpa printer: hanya simpan PDF)"
SETTINGS_PRINTERS_UNKNOWN = "Daftar printer tidak tersedia: {error} Ketik nama printer di atas."
SETTINGS_PRINTER_KIND = "Jenis printer"
SETTINGS_PRINTER_KINDS = {
    "cups": "CUPS (printer yang terpasang di komputer)",
    "escpos": "ESC/POS langsung: usb:VID:PID, tcp:ALAMAT[:PORT] atau file:/dev/usb/lp0",
}
SETTINGS_DPI = "Resolusi printer (kode batang digambar dalam titik printer)"
SETTINGS_DPI_NAMES = {
    203: "203 dpi (8 titik/mm: kebanyakan printer struk thermal)",
    180: "180 dpi (kepala printer kelas Epson)",
    300: "300 dpi (printer kantor/laser)",
}
SETTINGS_TEST_PRINT = "Cetak uji"
SETTINGS_TEST_NO_PRINTER = "Isi atau pilih printer dahulu untuk cetak uji."
SETTINGS_TEST_BUSY = "Mencetak halaman uji ke {printer}…"
SETTINGS_TEST_OK = (
    "Halaman uji dikirim ke {printer} ({job}). Pindai kode batangnya: bila terbaca, "
    "printer, kertas dan resolusi sudah cocok. PDF: {pdf}"
)
SETTINGS_TEST_FAILED = "Cetak uji gagal: {error}"
KEY_SETTINGS = "Pengaturan"
SETUP_DESK = "Nomor loket (1–99)"
SETUP_OFFICERS = "Nama petugas loket (pisahkan dengan koma)"
SETUP_OFFICERS_HINT = "mis. Siti Aminah, Budi Santoso"
SETUP_SAVE = "Simpan dan mulai"
SETUP_REQUIRED = "{field} wajib diisi"
SETUP_DESK_INVALID = "nomor loket harus angka 1 sampai 99"
SETUP_SAVED = "Profil kantor disimpan di {path}"

# --- start of day
DUTY_NOT_SAVED = "Petugas dan loket hari ini tidak dapat diingat: {error}"

# --- dashboard
HOME_IN_WORK = "Kasus berjalan, loket ini dulu (↑↓ pilih, Enter buka)"
HOME_WAITING = "Menunggu pejabat lain atau pemohon (Tab pindah ke daftar ini)"
HOME_EMPTY = "Belum ada kasus berjalan. Tekan F2 untuk melayani pengunjung baru."
HOME_EMPTY_OFFICIAL = "Belum ada berkas di meja ini. Pindai berkas yang datang (F5)."
HOME_STEP_AT = "{step} · di {role}"  # a case in work with another desk's official
HOME_LOADING = "Memuat kasus…"
HOME_COUNTS = (
    "Hari ini: {opened} dibuka · {done} selesai · {running} berjalan · "
    "{waiting} menunggu · {over} lewat batas"
)
# a desk in an office reads the office's record (as the daily log does): said so
HOME_COUNTS_OFFICE = (
    "Hari ini (kantor): {opened} dibuka · {done} selesai · {running} berjalan · "
    "{waiting} menunggu · {over} lewat"
)
HOME_COUNTS_DESK = "Loket ini hari ini: {opened} dibuka · {done} selesai"
HOME_COUNTS_OFFICIAL = "Meja ini: {here} berkas di meja · {coming} dalam perjalanan · {over} lewat"
COL_CODE = "Kode"
COL_SERVICE = "Layanan"
COL_VISITOR = "Pemohon"
COL_STEP = "Langkah"
COL_ELAPSED = "Waktu"
COL_DUE = "Batas"
COL_WAITING_ON = "Menunggu"
STEP_OF = "{n}/{total}"
STEP_OF_LONG = "{n} dari {total}"
DUE_OVERDUE = "{time} (lewat)"

# --- levels (short words beside the timers)
LEVEL_WORD = {
    "dalam": "tepat",
    "mendekati": "hampir",
    "lewat": "LEWAT",
    "tanpa_batas": "",
}
TIMER = "{elapsed} / {limit}"
TIMER_NO_LIMIT = "{elapsed}"
PAUSED_WORD = "jeda"

# --- new case
NEW_PICK_SOP = "1. Pilih layanan (ketik nama atau nomor SOP)"
NEW_SEARCH_PLACEHOLDER = "ketik untuk mencari, mis. konsultasi atau 07; ↑↓ pilih, Enter"
NEW_NO_MATCH = "Tidak ada layanan yang cocok dengan '{text}'."
NEW_DRAFT = "belum dapat dipakai: {why}"
NEW_DRAFT_STATUS = "SOP masih draf"
NEW_DRAFT_NO_STEPS = "SOP belum memiliki langkah"
NEW_VISITOR = "2. Data pemohon"
NEW_NAMA = "Nama pemohon (wajib)"
NEW_NIK = "NIK (16 angka, boleh kosong)"
NEW_TELEPON = "Telepon (boleh kosong)"
NEW_USAHA = "Nama usaha (boleh kosong)"
NEW_KELENGKAPAN = "3. Kelengkapan yang diterima (spasi untuk mencentang)"
NEW_NO_KELENGKAPAN = "Langkah pertama tidak mensyaratkan kelengkapan."
NEW_OPEN = "Buka kasus"
NEW_MISSING = "Berkas kurang"
NEW_CHOSEN = "Layanan: {nomor} {nama}"
NEW_CHOOSE_FIRST = "Pilih layanan dulu: ↑↓ lalu Enter pada daftar di atas"
NEW_SOP_UNUSABLE = "{nama} belum dapat dipakai: {why}"
NEW_RETURNING_TITLE = "Pemohon lama (Ctrl+O: isi dari kasus terakhir yang pertama):"
NEW_RETURNING_FILLED = "Data pemohon diisi dari kasus {code}; periksa lalu lanjutkan"
KEY_FILL_RETURNING = "Isi pemohon lama"
NEW_OPENED = "Kasus {code} dibuka"
NEW_WAITING = "Kasus {code} dicatat berkas kurang: {items}"
NEW_STEP_INFO = "Langkah {n}: {kegiatan} · {waktu}"
NEW_FIX_FORM = "Periksa data pemohon: {message}"

# --- step runner
RUN_SOP = "{nomor} · {nama}"
RUN_CASE = "Kasus {code} · {visitor}"
RUN_STEP = "Langkah {where}: "
RUN_PELAKSANA = "Pelaksana"
RUN_KELENGKAPAN = "Kelengkapan"
RUN_OUTPUT = "Output"
RUN_WAKTU = "Mutu baku"
RUN_KETERANGAN = "Keterangan"
RUN_TIMER_STEP = "Langkah"
RUN_TIMER_CASE = "Kasus"
RUN_OFF_HOURS = "di luar jam kerja — waktu tidak dihitung"
RUN_CLOSED = "Kasus ini sudah {status} pada {when}."
RUN_WAITING_APPLICANT = "Menunggu pemohon melengkapi: {items}. Tekan L bila pemohon kembali."
RUN_HANDED = "Berkas ada pada {holder} sejak {when}; pindai slip di meja penerima."
RUN_NO_ITEMS = "–"
RUN_DECISION = "Langkah keputusan: bila tidak disetujui, tekan K untuk mengembalikan."
KEY_DONE = "Selesai"
KEY_RETURN = "Kembalikan"
KEY_APPROVE = "Setuju"  # an official's desk: complete the step, the file goes on
KEY_DECLINE = "Tidak"  # an official's desk: return the file with a reason
KEY_HANDOFF = "Serahkan"
KEY_MISSING = "Berkas kurang"
KEY_NOTE = "Catatan"
KEY_CLOSE = "Tutup"
KEY_RESUME = "Lanjutkan"
KEY_RECEIVE = "Terima"
KEY_REPRINT = "Cetak ulang"
KEY_DETAIL = "Riwayat"
RUN_AFTER_NEXT = "Sesudah ini: langkah {n} ({role}) di loket ini"
RUN_AFTER_HANDOFF = (
    "Sesudah ini: berkas diserahkan ke {role} untuk langkah {n} (tekan H; slip dicetak)"
)
RUN_AFTER_BACK = "Sesudah ini: berkas kembali ke loket untuk langkah {n} ({role}); slip dicetak"
RUN_AFTER_LAST = "Ini langkah terakhir: Selesai menutup kasus sebagai selesai"
RUN_NEXT_STEP = "Langkah {n} dimulai"
RUN_HANDED_OFF = "Berkas diserahkan ke {holder}"
RUN_CLOSED_NOTE = "Kasus {code} ditutup: {outcome}"
RUN_RETURNED = "Dikembalikan ke langkah {n}"
RUN_NOTE_SAVED = "Catatan disimpan"
RUN_RESUMED = "Pemohon kembali; langkah {n} dilanjutkan"

# --- modals
MODAL_OVER_TITLE = "Langkah {n} lewat mutu baku ({elapsed} dari {limit})"
MODAL_OVER_LABEL = "Alasan singkat (boleh kosong; untuk evaluasi harian)"
MODAL_RETURN_TITLE = "Kembalikan berkas"
MODAL_RETURN_TARGET = "Kembali ke"
MODAL_RETURN_REASON = "Alasan (wajib)"
MODAL_RETURN_REASON_FIELD = "Alasan pengembalian"
MODAL_MISSING_TITLE = "Berkas kurang: pemohon diminta melengkapi"
MODAL_MISSING_ITEMS = "Yang kurang (spasi untuk mencentang)"
MODAL_MISSING_NOTE = "Catatan untuk pemohon"
MODAL_MISSING_EMPTY = "Centang yang kurang atau tulis catatan untuk pemohon"
MODAL_BROUGHT_TITLE = "Pemohon kembali: apa yang dibawa?"
MODAL_BROUGHT_ITEMS = "Yang dibawa (spasi untuk mencentang/menghapus centang; Enter simpan)"
MODAL_NOTE_TITLE = "Catatan kasus"
MODAL_NOTE_LABEL = "Catatan"
MODAL_CLOSE_TITLE = "Tutup kasus"
MODAL_CLOSE_OUTCOME = "Hasil"
MODAL_CLOSE_REASON = "Alasan (wajib bila ditolak atau dibatalkan)"
MODAL_CLOSE_REASON_FIELD = "Alasan penutupan"
OUTCOMES = OUTCOME_LABELS
MODAL_OK = "Simpan"
MODAL_CANCEL = "Batal"
MODAL_REQUIRED = "{field} wajib diisi"

# --- "semua diterima?" (unticked kelengkapan on save or on completing a step)
ASK_TITLE = "Kelengkapan langkah {n} belum dicentang"
ASK_QUESTION = "Semua sudah diterima? Enter: ya, semua diterima · B: berkas kurang · Esc: kembali"
ASK_ALL_KEY = "Ya, semua diterima"
ASK_MISSING_KEY = "Berkas kurang"
ASK_BACK_KEY = "Kembali"

# --- scanning
SCAN_TITLE = "Pindai atau ketik kode kasus"
SCAN_PLACEHOLDER = "mis. 261125-01-007-7"
SCAN_BAD = "Kode tidak dikenali: {message}"
SCAN_GARBAGE = "Bukan kode kasus Loket: '{text}'"
SCAN_DAMAGED = "Kasus {code} tidak dapat dibuka, berkas harinya rusak: {error}"
SCAN_UNKNOWN = "Kasus {code} tidak ada di penyimpanan loket ini"
SCAN_RECEIVED = "Berkas {code} diterima oleh {role}"
SCAN_OPENED = "Kasus {code} dibuka"

# --- printing
PRINT_DOCS = {
    "tanda-terima": "tanda terima",
    "serah-terima": "slip serah terima",
    "berkas-kurang": "slip berkas kurang",
    "pengembalian": "lembar pengembalian",
}
PRINT_OK = "{doc} dicetak ({printer})"
PRINT_SAVED = "{doc} disimpan: {pdf}"
PRINT_FAILED = "{doc} gagal dicetak: {error}. PDF tersimpan di {pdf}; cetak ulang dari riwayat."
PRINT_NOT_MADE = "{doc} tidak dapat dibuat: {error}"

# --- errors
HEADER_READ_ONLY = "HANYA BACA · {text}"
STORE_DAMAGED = "Berkas data rusak: {path}: {message}"
# the dashboard's persistent line while a day file cannot be read
HOME_DAMAGED = "⚠ Berkas rusak: {files}. Pulihkan dari cadangan; dimuat ulang sendiri."
HOME_DAMAGED_FILE = "{path} — {cases}"
HOME_DAMAGED_CASES = "{count} kasus terbuka tanpa rincian"
HOME_DAMAGED_NO_CASES = "tanpa kasus terbuka"
HOME_DAMAGED_UNKNOWN = "jumlah kasus terbuka tidak diketahui"
HOME_PLACEHOLDER_STATUS = "berkas harian rusak"
HOME_PLACEHOLDER_FILE = "lihat {name}"
STORE_REPAIRED = "Berkas {path} dapat dibaca lagi; kasusnya tampil kembali."

# --- command line (`loket app`)
HELP_APP = "buka aplikasi loket (juga bila `loket` dijalankan tanpa sub-perintah)"
HELP_OFFICER = "nama petugas yang bertugas (melewati pilihan petugas)"
HELP_DESK = "nomor loket hari ini (1–99)"
SCAN_ELSEWHERE = (
    "Kasus {code} dibuka. Berkas ini sedang dikirim ke {role}: penerimaan dicatat saat "
    "dipindai di meja {role}"
)
HOME_WITH_ME = "Berkas di meja ini (terlama di atas)"
HOME_ON_THE_WAY = "Berkas dalam perjalanan ke meja ini — pindai saat diterima"
SETTINGS_PUSAT = "Pusat kantor (beberapa meja; kosongkan bila hanya satu komputer)"
SETTINGS_PUSAT_DSN = "Alamat pusat (PostgreSQL)"
SETTINGS_PUSAT_DSN_HINT = "mis. postgresql://loket:SANDI@192.168.1.10/loket"
SETTINGS_PUSAT_KANTOR = "Id kantor"
SETTINGS_PUSAT_KANTOR_HINT = "mis. pacitan (huruf kecil, angka, - atau _)"
SETTINGS_PUSAT_MEJA = "Nama meja (meja pejabat)"
SETTINGS_PUSAT_MEJA_HINT = "mis. Kabid; kosong untuk loket"
SETTINGS_PUSAT_PERAN = "Jabatan yang dilayani meja ini"
SETTINGS_PUSAT_PERAN_HINT = "mis. Koor, Kepala Bidang; kosong untuk loket"
KEY_RESOLVE_CONFLICT = "Selesaikan konflik"
MODAL_CONFLICT_TITLE = "Selesaikan konflik antarmeja"
MODAL_CONFLICT_LABEL = "Keputusan (kedua tindakan tetap tercatat)"
RUN_CONFLICT_RESOLVED = "Konflik dicatat sebagai sudah diselesaikan"

# dashboard at 80 columns (issue 10, points 13 and 22): the off-hours note is said once,
# above the timers, not in every timer cell (it pushed Layanan off the screen)
HOME_OFF_HOURS = "{title} · {note}"  # note: RUN_OFF_HOURS
HOME_IN_WORK_SHORT = "Kasus berjalan"
HOME_WITH_ME_SHORT = "Berkas di meja ini"
WAITING_PREFIX = "menunggu "  # a status 'menunggu pemohon' under the column Menunggu
