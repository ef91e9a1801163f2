"""Texts printed on the tanda terima and the slips, and the printing messages."""

from counter.texts.case import OUTCOME_LABELS

# Document titles
TITLE = {
    "tanda-terima": "TANDA TERIMA BERKAS",
    "serah-terima": "LEMBAR SERAH TERIMA BERKAS",
    "berkas-kurang": "BERKAS BELUM LENGKAP",
    "pengembalian": "DIKEMBALIKAN",
}
PAPER_NAMES = {"80mm": "gulungan 80 mm", "58mm": "gulungan 58 mm", "a5": "A5 (setengah A4)"}

TELEPON = "Telp. {telepon}"

# Labels
TANGGAL = "Tanggal"
LOKET = "Loket"
PETUGAS = "Petugas"
PEMOHON = "Pemohon"
NAMA = "Nama"
NIK = "NIK"
TELEPON_LABEL = "Telepon"
NAMA_USAHA = "Nama usaha"
LAYANAN = "Layanan"
NOMOR_SOP = "Nomor SOP"
BERKAS_DITERIMA = "Berkas yang diterima:"
TIDAK_ADA = "(tidak ada)"
PERKIRAAN_SELESAI = "Perkiraan selesai"
PERKIRAAN_TIDAK_ADA = "menyesuaikan (tanpa batas waktu baku)"
HARI_KERJA = "{n} hari kerja"
JAM_KERJA = "{n} jam kerja"
JAM_MENIT_KERJA = "{jam} jam {menit} menit kerja"
MENIT_KERJA = "{n} menit kerja"
SEBAGIAN_TANPA_BATAS = "sebagian langkah tanpa batas waktu baku"
LANGKAH = "Langkah"
LANGKAH_TEKS = "{no}. {kegiatan}"
DARI = "Dari"
KEPADA = "Kepada"
DISERAHKAN = "Diserahkan"
DOKUMEN_DISERAHKAN = "Dokumen yang diserahkan:"
OUTPUT = "Hasil/output"
BATAS_WAKTU = "Batas waktu"
MUTU_BAKU = "mutu baku {waktu}"
MASIH_KURANG = "Yang masih perlu dilengkapi:"
SUDAH_DITERIMA = "Yang sudah diterima:"
DICETAK = "Dicetak {waktu}"
SALINAN = "Salinan: {label}"
SALINAN_ULANG = "SALINAN — dicetak ulang {waktu} oleh {petugas}"
SELESAI = "Selesai"
CLOSED_LABELS = OUTCOME_LABELS
CATATAN_PETUGAS = "Catatan petugas:"
DARI_LANGKAH = "Dari langkah"
KE_LANGKAH = "Kembali ke langkah"
DIKEMBALIKAN_PADA = "Dikembalikan"
KETENTUAN_SOP = "Ketentuan SOP"
YANG_DIPERBAIKI = "Alasan / yang perlu diperbaiki:"
YANG_MENGEMBALIKAN = "Yang mengembalikan"
DEMO = "*** DEMO — BUKAN DOKUMEN RESMI ***"
DEMO_FOOT = "Lembar latihan dari data demo Loket; kode ini bukan kode berkas sebenarnya."
LANJUTAN = "{doc} (lanjutan, halaman {page})"

# Signatures
YANG_MENYERAHKAN = "Yang menyerahkan"
YANG_MENERIMA = "Yang menerima"
PETUGAS_LOKET = "Petugas loket"
DITERIMA_PUKUL = "Diterima tgl/jam: ____________"

# Notes at the foot
CATATAN_TANDA_TERIMA = (
    "Simpan tanda terima ini. Tunjukkan atau sebutkan kode di atas untuk "
    "menanyakan perkembangan layanan dan saat mengambil hasilnya."
)
CATATAN_SERAH_TERIMA = "Pindai kode batang saat berkas diterima, lalu isi jam terima dan paraf."
CATATAN_BERKAS_KURANG = (
    "Lengkapi berkas di atas lalu bawa kembali bersama lembar ini ke loket. "
    "Tunjukkan kode di atas agar layanan dilanjutkan."
)

CATATAN_PENGEMBALIAN = (
    "Berkas dikembalikan ke langkah di atas. Pindai kode batang saat berkas diterima, "
    "perbaiki sesuai alasan, lalu lanjutkan layanan."
)
CATATAN_PENGEMBALIAN_PEMOHON = (
    "Perbaiki berkas sesuai alasan di atas lalu bawa kembali bersama lembar ini ke loket. "
    "Tunjukkan kode di atas agar layanan dilanjutkan."
)

# Errors while rendering
UNKNOWN_KIND = "jenis dokumen {kind!r} tidak dikenal; pilih salah satu: {choices}"
UNKNOWN_PAPER = "ukuran kertas {paper!r} tidak dikenal; pilih salah satu: {choices}"
BAD_CODE = "kode berkas {code!r} tidak dapat dicetak: {why}"
NO_HANDOFF = "lembar serah terima membutuhkan data serah terima (langkah, dari, kepada)"
NO_MISSING = "lembar berkas kurang membutuhkan daftar kelengkapan yang belum ada atau catatan"
NO_RETURN = "lembar pengembalian membutuhkan data pengembalian (dari langkah, ke langkah, alasan)"
UNKNOWN_DPI = "resolusi printer {dpi} dpi tidak didukung; pilih salah satu: {choices}"
BARCODE_TOO_WIDE = (
    "kode batang ({need:.1f} mm) lebih lebar dari ruang cetak kertas {paper} ({have:.1f} mm)"
)

# Printing (counter/printing.py)
PRINT_OK = "Dokumen dikirim ke printer {printer}."
NO_PRINTER = "Belum ada printer di pengaturan; dokumen hanya disimpan sebagai PDF."
NO_LP = (
    "Tidak dapat mencetak ke printer {printer!r}: perintah 'lp' tidak ditemukan: "
    "CUPS belum terpasang di komputer ini "
    "(pasang paket cups-client). Dokumen disimpan sebagai PDF."
)
UNKNOWN_PRINTER = (
    "Printer {printer!r} tidak dikenal oleh CUPS. Periksa nama printer di pengaturan "
    "(daftar printer: lpstat -p). Dokumen disimpan sebagai PDF."
)
SPOOLER_DOWN = (
    "Tidak dapat mencetak ke printer {printer!r}: layanan cetak CUPS tidak berjalan "
    "atau tidak dapat dihubungi. "
    "Nyalakan layanan CUPS lalu cetak ulang. Dokumen disimpan sebagai PDF."
)
NOT_ACCEPTING = (
    "Printer {printer!r} sedang tidak menerima pekerjaan cetak (dinonaktifkan). "
    "Dokumen disimpan sebagai PDF."
)
TIMEOUT = "Printer {printer!r} tidak menjawab dalam {seconds} detik. Dokumen disimpan sebagai PDF."
NO_FILE = "Berkas PDF {path} tidak ditemukan, tidak ada yang dicetak."
LP_FAILED = "Gagal mencetak ke {printer!r}: {detail}. Dokumen disimpan sebagai PDF."
ESCPOS_BAD_TARGET = (
    "Printer ESC/POS {target!r} tidak dapat dibaca: tulis usb:VID:PID (mis. usb:0x0416:0x5011), "
    "tcp:ALAMAT[:PORT] atau file:/dev/usb/lp0."
)
ESCPOS_FAILED = (
    "Gagal mencetak ke printer ESC/POS {printer!r}: {detail}. Dokumen disimpan sebagai PDF."
)
NO_LPSTAT = "CUPS belum terpasang (perintah 'lpstat' tidak ada): daftar printer tidak tersedia."
SPOOLER_DOWN_LIST = "Layanan cetak CUPS tidak berjalan: daftar printer tidak dapat dibaca."
NO_PRINTERS_AT_ALL = "(CUPS belum punya printer)"
PRINTER_TYPO = "Printer {printer!r} tidak dikenal CUPS. Printer yang ada: {choices}."

# Test page (F9 → Cetak uji)
TEST_TITLE = "UJI CETAK PRINTER"
TEST_PRINTER = "Printer"
TEST_PAPER = "Kertas"
TEST_DPI = "Resolusi"
TEST_DPI_VALUE = "{dpi} dpi"
TEST_WHEN = "Waktu"
TEST_NOTE = (
    "Pindai kode batang di atas dengan pemindai loket: bila terbaca, printer, kertas dan "
    "resolusi sudah cocok. Bila tidak, periksa resolusi printer di pengaturan (F9)."
)
# Standar Pelayanan lines on the tanda terima
BIAYA = "Biaya"
PRODUK_LAYANAN = "Produk layanan"
JANGKA_WAKTU = "Jangka waktu"
