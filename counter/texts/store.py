"""Texts about the case store (the day files on disk)."""

DAMAGED = (
    "berkas data rusak atau tidak dapat dibaca ({reason}); berkas ini dibiarkan apa adanya "
    "dan tidak akan ditimpa, data hari lain tetap dapat dipakai"
)
REASON_EMPTY = "berkas kosong, mungkin terpotong"
REASON_NOT_UTF8 = "bukan teks UTF-8"
REASON_NOT_JSON = "bukan JSON yang sah: baris {line}, kolom {column}"
REASON_SHAPE = "isinya bukan data kasus Loket: {detail}"
REASON_IO = "kesalahan baca: {error}"
SHAPE_TOP = "bagian teratas harus berupa objek"
REASON_SKM_SHAPE = 'isinya bukan jawaban survei Loket (harus objek berisi daftar "responses")'
SHAPE_TABLE = "tabel {table!r} harus berupa objek"
SHAPE_DOC = "tabel {table!r}, dokumen {doc_id!r} harus berupa objek"
SHAPE_EVENT = "peristiwa {doc_id!r} tidak memiliki 'code' (teks) dan 'seq' (bilangan)"
SHAPE_COUNTER = "penghitung kode {doc_id!r} tidak memiliki 'desk' dan 'last' (bilangan)"
SHAPE_INDEX = "indeks kasus terbuka harus memuat kode kasus terbuka per hari"

WRITE_FAILED = (
    "gagal menyimpan ({error}); mungkin disk penuh atau tidak ada izin tulis. "
    "Data yang sudah tersimpan tidak berubah"
)
LOCK_TIMEOUT = (
    "penyimpanan sedang dipakai proses lain lebih dari {seconds} detik; tunggu sebentar "
    "lalu coba lagi"
)
UNKNOWN_CASE = "kasus {code} tidak ditemukan"
CASE_EXISTS = "kasus {code} sudah pernah dibuka; kode tidak boleh dipakai dua kali"
NOT_OPENED = "kasus {code} belum dibuka: peristiwa pertama sebuah kasus harus 'opened'"
NOT_A_DICT = "peristiwa harus berupa objek (dict)"
MISSING_FIELD = "kolom wajib peristiwa tidak ada atau bukan teks"
NOT_JSON_DATA = "data peristiwa tidak dapat disimpan sebagai JSON: {error}"
DESK_FULL = (
    "nomor urut loket {desk} pada {day} sudah habis: paling banyak {limit} kasus sehari "
    "per loket; pakai nomor loket lain"
)
IMPORT_CLASH = "kasus {code} sudah memiliki peristiwa nomor {seq}; impor hari ini dibatalkan"
IMPORT_GAP = (
    "peristiwa kasus {code} tidak berurutan dari 0 atau tidak diawali 'opened'; "
    "impor hari ini dibatalkan"
)
INDEX_REBUILT = (
    "indeks kasus terbuka rusak atau hilang; dibangun ulang dari berkas harian{aside}"
)
INDEX_ASIDE = "; salinan yang rusak disimpan sebagai {path}"
READ_ONLY = (
    "penyimpanan {path} hanya dapat dibaca (mis. cadangan di disk lain): dibaca tanpa "
    "kunci, tidak ada yang diubah"
)
READ_ONLY_REFUSED = (
    "penyimpanan ini hanya dapat dibaca (salinan atau cadangan); tidak ada yang disimpan. "
    "Buka penyimpanan kerja untuk mencatat"
)
ACTION_ONE_CASE = "satu tindakan hanya boleh mengubah satu kasus"
ACTION_SECOND_OPEN = "pembukaan kasus hanya boleh menjadi peristiwa pertama tindakan"
ACTION_OPEN_EXPECT = "pembukaan kasus baru tidak boleh menyebut peristiwa sebelumnya"
CASE_MOVED = "kasus {code} baru saja diubah di tempat lain; tindakan dibatalkan"
CODE_TAKEN = "kode {code} baru saja dipakai kasus lain; tindakan dibatalkan"
BAD_EVENT = "peristiwa tidak sesuai bentuknya: {detail}"
