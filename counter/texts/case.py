"""Texts about cases, their events and the visitor's data."""

# --- status labels (Status.label)
STATUS_BERJALAN = "berjalan"
STATUS_MENUNGGU_PELAKSANA = "menunggu {holder}"
STATUS_MENUNGGU_PELAKSANA_ANON = "menunggu pelaksana"
STATUS_MENUNGGU_PEMOHON = "menunggu pemohon"
STATUS_SELESAI = "selesai"
STATUS_DITOLAK = "ditolak"
STATUS_DIBATALKAN = "dibatalkan"
# how a closing outcome is named on screen and on paper (Tutup dialog, closed receipt)
OUTCOME_LABELS = {"selesai": "Selesai", "ditolak": "Ditolak", "dibatalkan": "Dibatalkan"}

# --- outcomes of a step run
RUN_OUTCOMES = {
    None: "sedang berjalan",
    "selesai": "selesai",
    "dikembalikan": "dikembalikan",
    "ditutup": "ditutup",
    "dilewati": "dilewati",
}

# --- actions (what the counter screen offers)
ACTIONS = {
    "mulai": "Mulai langkah",
    "selesai_langkah": "Selesaikan langkah",
    "kembalikan": "Kembalikan",
    "terima": "Terima berkas",
    "tunggu_pemohon": "Berkas kurang (tunggu pemohon)",
    "lanjut": "Lanjutkan (pemohon kembali)",
    "tutup": "Tutup kasus",
    "catat": "Catatan",
    "cetak": "Cetak",
}
RETURN_TARGET = "kembali ke langkah {step} ({role})"
RETURN_TARGET_WITH_SYARAT = "{syarat}: kembali ke langkah {step} ({role})"

# --- errors in building events
AT_NOT_DATETIME = "waktu kejadian harus berupa tanggal dan jam"
AT_NAIVE = "waktu kejadian harus menyertakan zona waktu (WIB/WITA/WIT)"
CODE_EMPTY = "kode kasus kosong"
OFFICER_EMPTY = "nama petugas wajib diisi"
DESK_RANGE = "nomor loket harus 1 sampai 99, bukan {value!r}"
STEP_NUMBER = "nomor langkah harus bilangan bulat positif, bukan {value!r}"
SOP_ID_EMPTY = "SOP kasus wajib disebut"
ITEMS_NOT_TEXT = "daftar kelengkapan harus berisi teks"
OUTCOME_UNKNOWN = "hasil penutupan {value!r} tidak dikenal; pilih: {choices}"
CLOSE_REASON_REQUIRED = "alasan wajib diisi bila kasus {outcome}"
RETURN_NO_TARGET = "pengembalian harus menyebut langkah atau pelaksana tujuan"
RETURN_REASON_REQUIRED = "alasan pengembalian wajib diisi"
HANDOFF_NO_ROLE = "penyerahan harus menyebut pelaksana penerima"
HANDOFF_SAME_ROLE = "penyerahan ke pelaksana yang sama ({role}) bukan penyerahan"
RECEIVED_NO_ROLE = "penerimaan harus menyebut pelaksana penerima"
WAITING_NOTHING = "sebutkan kelengkapan yang kurang atau tulis catatan untuk pemohon"
OVER_REASON_EMPTY = "alasan lewat mutu baku wajib diisi"
NOTE_EMPTY = "catatan kosong"
DOC_UNKNOWN = "jenis dokumen {value!r} tidak dikenal; pilih: {choices}"
PRINT_OK_BOOL = "hasil cetak harus ya atau tidak"

# --- errors in folding events (impossible histories)
NO_EVENTS = "kasus tanpa kejadian"
NOT_OPENED_FIRST = "kejadian pertama kasus harus 'opened' (pembukaan), bukan {type!r}"
OTHER_CASE = "kejadian milik kasus lain ({other}) tercampur di kasus ini"
EVENT_NOT_DICT = "kejadian harus berupa objek, bukan {kind}"
EVENT_NO_TYPE = "jenis kejadian tidak ada"
EVENT_BAD_AT = "waktu {value!r} tidak terbaca (harus ISO 8601 dengan zona waktu)"

# --- odd but possible histories: recorded as anomalies, shown, never fatal
ANOM_SECOND_OPEN = "pembukaan kedua diabaikan"
ANOM_UNKNOWN_TYPE = "jenis kejadian {type!r} tidak dikenal; diabaikan"
ANOM_NOT_CLOSED = "kasus dibuka kembali padahal belum ditutup; diabaikan"
NOT_CLOSED = "kasus belum ditutup; tidak ada yang perlu dibuka kembali"
REOPEN_REASON_REQUIRED = "alasan wajib diisi bila kasus dibuka kembali"
ANOM_AFTER_CLOSE = "kejadian '{type}' sesudah kasus ditutup; diabaikan"
ANOM_DUPLICATE = "langkah {step} sudah dicatat '{outcome}'; pencatatan kedua diabaikan"
ANOM_SKIPPED = "langkah {step} ditinggalkan tanpa diselesaikan (langkah {other} dimulai)"
ANOM_NOT_WAITING = "'lanjut' padahal kasus tidak menunggu pemohon; diabaikan"
ANOM_ALREADY_WAITING = "kasus sudah menunggu pemohon; pencatatan kedua diabaikan"
ANOM_TIME_BACKWARDS = "waktu kejadian lebih awal dari kejadian sebelumnya ({at})"
ANOM_UNKNOWN_STEP = "langkah {step} tidak ada di SOP"

# --- errors of actions that do not fit the case's state (CaseError)
CLOSED = "kasus sudah {status}; tidak dapat {action}"
NOT_ALLOWED = "tidak dapat {action} saat kasus {status}"
NO_CURRENT_STEP = "semua langkah sudah selesai; tidak ada langkah untuk {action}"
NOT_DECISION = "langkah {step} bukan langkah keputusan; tidak ada tujuan pengembalian"
UNKNOWN_TARGET = "tujuan pengembalian itu tidak ada di langkah {step}"
NO_SOP = "SOP kasus ini ({sop_id}) tidak tersedia; langkah tidak dapat dijalankan"
SELESAI_PENDING = (
    "langkah {step} belum selesai; kasus hanya dapat ditutup 'ditolak' atau 'dibatalkan'"
)

# --- visitor validation (VisitorError)
NAMA_REQUIRED = "nama pemohon wajib diisi"
NAMA_TOO_LONG = "nama pemohon terlalu panjang (maksimal 100 huruf)"
NIK_EMPTY = "NIK kosong"
NIK_NOT_DIGITS = "NIK hanya boleh berisi angka: {text!r}"
NIK_LENGTH = "NIK harus 16 angka, yang diketik {n} angka"
NIK_PROVINCE = "kode provinsi {code} pada NIK (2 angka pertama) tidak ada"
NIK_KABUPATEN = "kode kabupaten/kota pada NIK (angka ke-3 dan ke-4) tidak boleh 00"
NIK_KECAMATAN = "kode kecamatan pada NIK (angka ke-5 dan ke-6) tidak boleh 00"
NIK_BIRTH = (
    "tanggal lahir pada NIK (angka ke-7 sampai ke-12: {text}) bukan tanggal yang sah "
    "(format TTBBTT; perempuan: tanggal ditambah 40)"
)
NIK_SERIAL = "nomor urut pada NIK (4 angka terakhir) tidak boleh 0000"
TELEPON_EMPTY = "nomor telepon kosong"
TELEPON_NOT_DIGITS = "nomor telepon hanya boleh berisi angka, spasi, tanda hubung dan '+': {text!r}"
TELEPON_FOREIGN = "hanya nomor Indonesia (+62) yang diterima: {text!r}"
TELEPON_PREFIX = (
    "nomor telepon harus diawali 0 (mis. 0812… atau 0357…), +62 atau 62: {text!r}"
)
TELEPON_MOBILE_LENGTH = "nomor HP harus 10 sampai 13 angka (diawali 08), yang diketik {n} angka"
TELEPON_LANDLINE_LENGTH = (
    "nomor telepon rumah/kantor harus 9 sampai 12 angka termasuk kode wilayah, "
    "yang diketik {n} angka"
)

# --- events that fail their type's definition (named problems, shown with the case)
SCHEMA_REQUIRED = "wajib ada"
SCHEMA_NOT_TEXT = "harus teks, bukan {value}"
SCHEMA_NOT_INT = "harus bilangan bulat, bukan {value}"
SCHEMA_NOT_BOOL = "harus ya/tidak (true/false)"
SCHEMA_NOT_LIST = "harus daftar"
SCHEMA_NOT_OBJECT = "harus berupa objek"
SCHEMA_BAD_CODE = "kode kasus {value} tidak sah"
SCHEMA_BAD_ID = "id kejadian {value} bukan ULID"
STATUS_RUSAK = "tidak terbaca"
PROBLEM = "{file}, kasus {code}, kejadian {event}: {detail}"
PROBLEM_FILE = "berkas hari {day}"
PROBLEM_NO_FILE = "berkas hari tak dikenal"
PROBLEM_SEQ = "no. {seq}"
PROBLEM_DUPLICATE_SEQ = "nomor urut {seq} dipakai dua kejadian; yang kedua diabaikan"
PROBLEM_DUPLICATE_ID = "id kejadian dipakai dua kali; yang kedua diabaikan"
PROBLEM_WRONG_DAY = "kode kasus bukan dari hari berkas ini ({day}); kode diubah?"

# --- an action refused because the case moved meanwhile (ConflictError)
CONFLICT = (
    "Kasus ini baru saja diubah di loket {desk}: {what}. Tampilan sudah diperbarui; "
    "periksa lalu ulangi bila masih perlu."
)
CHANGE = {
    "opened": "kasus dibuka",
    "step_started": "langkah {step} dimulai",
    "kelengkapan_checked": "kelengkapan langkah {step} diperbarui",
    "step_completed": "langkah {step} sudah selesai",
    "over_reason": "alasan lewat waktu langkah {step} dicatat",
    "step_returned": "langkah {step} dikembalikan",
    "handed_off": "berkas diserahkan ke {role}",
    "received": "berkas diterima {role}",
    "waiting_applicant": "kasus menunggu pemohon",
    "resumed": "pemohon kembali, kasus dilanjutkan",
    "note": "ada catatan baru",
    "printed": "dokumen dicetak",
    "closed": "kasus ditutup ({outcome})",
    "reopened": "kasus dibuka kembali oleh supervisor",
}
CHANGE_OTHER = "ada perubahan ({type})"
CONFLICT_CODE_TAKEN = "Kode kasus baru saja dipakai di tempat lain; coba buka kasus lagi."
CONFLICT_FORK_EMPTY = "konflik yang diselesaikan tidak disebut"
CONFLICT_NOTE_EMPTY = "penyelesaian konflik perlu catatan: apa yang diputuskan"
CORRECT_FIELD = "kolom {value!r} tidak dapat dikoreksi; pilih salah satu: {choices}"
