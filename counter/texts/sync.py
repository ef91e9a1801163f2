"""Texts about the office server (pusat) and the sync of desks."""

# header status
STATUS_OFF = ""
STATUS_CONNECTED = "Pusat: tersambung · sinkron {time}"
STATUS_CONNECTING = "Pusat: menyambung…"
STATUS_DOWN = "Pusat: terputus sejak {time} · {count} catatan belum terkirim"

# errors
CONNECT_FAILED = "tidak dapat tersambung ke pusat {where}: {reason}"
SERVER_FAILED = "pusat {where} menolak permintaan: {reason}"
DSN_EMPTY = "alamat pusat (dsn) kosong"
OFFICE_EMPTY = "id kantor kosong: isi [pusat] kantor di loket.toml"
OFFICE_BAD = "id kantor {value!r} tidak sah: pakai huruf kecil, angka, '-' atau '_' (1-40)"
DESK_TAKEN = (
    "nomor meja {desk} di kantor {office} sudah dipakai komputer lain ({label}); "
    "pilih nomor meja lain di F9 Pengaturan"
)
SCHEMA_OLD = (
    "skema basis data pusat versi {have}, Loket ini memerlukan versi {want}; "
    "jalankan `loket pusat siapkan DSN`"
)
SCHEMA_NEWER = (
    "skema basis data pusat versi {have} lebih baru dari yang dikenal Loket ini ({want}); "
    "perbarui Loket"
)
NOT_CONFIGURED = "pusat belum diatur: isi [pusat] dsn di loket.toml, F9, atau LOKET_PUSAT_DSN"

# conflicts
CONFLICT_LINE = "konflik: dua tindakan pada langkah {step} — {sides}"
CONFLICT_LINE_NO_STEP = "konflik: dua tindakan sekaligus — {sides}"
CONFLICT_SIDE = "{desk} pukul {time}"
DESK_COUNTER = "loket {desk}"
DESK_OFFICIAL = "meja {label}"

# CLI
SCHEMA_READY = "Skema pusat siap: versi {version} ({what})."
SCHEMA_CREATED = "dibuat baru"
SCHEMA_UPGRADED = "dinaikkan dari versi {old}"
SCHEMA_SAME = "sudah terbaru"
SYNC_DONE = "Sinkron selesai: {pushed} catatan terkirim, {pulled} catatan diterima."
SYNC_SKM_DONE = "Survei SKM: {pushed} jawaban terkirim, {pulled} jawaban diterima."
SYNC_STATE = (
    "Pusat   : {where}\n"
    "Kantor  : {office}\n"
    "Meja    : {desk}\n"
    "Status  : {status}\n"
    "Belum terkirim: {unsent} catatan\n"
    "Posisi terima : {cursor}"
)
SYNC_STARTED = "Sinkron berjalan (Ctrl+C untuk berhenti)…"

# the same, when the header is narrow
STATUS_CONNECTED_SHORT = "Pusat: ok {time}"
STATUS_DOWN_SHORT = "Pusat: terputus · {count} blm terkirim"
STATUS_CONNECTING_SHORT = "Pusat: …"
