"""Texts about the office profile (config file)."""

UNREADABLE = "berkas konfigurasi tidak dapat dibaca: {detail}"
WRONG_TYPE = "harus berupa {expected}"
BAD_DESK = "nomor loket harus bilangan bulat 1 sampai 99"
BAD_PAPER = "ukuran kertas '{value}' tidak dikenal; pilih salah satu: {choices}"
BAD_PRINTER_KIND = "jenis printer '{value}' tidak dikenal; pilih salah satu: {choices}"
BAD_DPI = "resolusi printer {value} dpi tidak didukung; pilih salah satu: {choices}"
BAD_TZ = "zona waktu '{value}' tidak dikenal; pilih WIB, WITA atau WIT"
BAD_DATE = "tanggal '{value}' tidak sah; tulis sebagai TTTT-BB-HH, misalnya 2026-12-24"
BAD_RANGE = "rentang Ramadan harus berupa dua tanggal [awal, akhir] dengan awal sebelum akhir"
BAD_NEARING = "ambang 'mendekati' harus pecahan antara 0 dan 1, misalnya 0.75"
NO_OFFICER_NAME = "setiap petugas harus mempunyai nama"
UNKNOWN_KEY = "kolom '{key}' tidak dikenal"
DEFAULT_INSTANSI = "Dinas Koperasi dan Usaha Mikro"
DEFAULT_UNIT = "Loket Layanan"
DEFAULT_OFFICER = "Petugas Loket"
DEFAULT_JABATAN = "Petugas Loket"
# F9: the office calendar and the warning threshold
F9_CLOSED = "Hari tutup kantor"
F9_RAMADAN = "Jadwal Ramadan"
F9_NEARING = "Peringatan 'hampir'"
F9_RANGE_FORM = "'{text}': tulis rentang sebagai 'tanggal awal s.d. tanggal akhir'"
F9_RANGE_REVERSED = "'{text}': tanggal akhir jatuh sebelum tanggal awal"
F9_PERCENT = "'{text}': tulis persen 1 sampai 99, misalnya 75"
BAD_OFFICE = (
    "id kantor {value!r} tidak sah: pakai huruf kecil, angka, '-' atau '_' (paling banyak 40), "
    "diawali huruf atau angka"
)
BAD_SKM_WEIGHT = "bobot {value!r} tidak dikenal; pilih \"tepat\" (1/9), \"0,111\" atau \"0,11\""
BAD_SKM_PORT = "port layar survei {value!r} harus bilangan 1-65535 (0 = tidak dipakai)"
KEY_EMPTY = "nama tombol kosong"
KEY_UNKNOWN = (
    "tombol '{key}' tidak dikenal; tulis misalnya F7, Ctrl+H, Shift+U, PgUp, Esc, [ atau /"
)
KEY_BAD_MODIFIER = "'{mod}' pada '{key}' bukan Ctrl, Alt atau Shift"
KEY_NOT_TEXT = "tombol harus ditulis sebagai teks, misalnya \"F7\""
KEY_UNKNOWN_ACTION = "tindakan '{action}' tidak dikenal di [tombol]; yang ada: {known}"
KEY_CLASH = "tombol '{key}' dipakai dua kali di layar yang sama: {first} dan {second}"
BAD_SCAN_GAP = "jeda pemindai harus bilangan bulat 10 sampai 500 (milidetik)"
F9_HOURS = "Jam kerja"
HOURS_BAD = (
    "'{text}': tulis misalnya 'Senin-Kamis 07.30-16.00 istirahat 12.00-13.00', "
    "kelompok hari dipisah titik koma"
)
HOURS_BAD_DAY = (
    "'{text}': nama hari tidak dikenal; tulis Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu"
)
HOURS_BAD_BREAK = "'{text}': istirahat harus di dalam jam kerja"
BAD_ROLE = "peran '{value}' tidak dikenal; pilih dari: {choices}"
BAD_PIN_HASH = (
    "pin_hash bukan sidik PIN yang dikenal (jangan menulis PIN di sini; atur PIN dari "
    "aplikasi, F7 Akun)"
)
BAD_IDLE_LOCK = "kunci_menit harus bilangan bulat 0–480 (0: tidak pernah terkunci), bukan {value}"
