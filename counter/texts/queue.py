"""Texts of the walk-in queue (antrean): tickets, calling, the lobby display, review."""

from __future__ import annotations

DEFAULT_GROUP_NAME = "Layanan umum"

# settings ([antrean] in loket.toml)
BAD_GROUP_CODE = "kode grup harus satu huruf A-Z, bukan '{value}'"
DUPLICATE_GROUP = "grup '{kode}' ditulis dua kali"
BAD_POINT = "titik harus kosong atau angka 1-9, bukan '{value}'"
BAD_MAX_CALLS = "panggil_maks harus 1 sampai 9"
BAD_PORT = "layar harus nomor port 0 (mati) atau 1024-65535"
UNKNOWN_GROUP_FOR_DESK = "grup '{kode}' tidak ada di [[antrean.grup]]"
NEEDS_TEXT = "harus teks"
NEEDS_TEXT_LIST = "harus daftar teks"

# domain errors
UNKNOWN_GROUP = "Grup antrean '{kode}' tidak dikenal. Grup yang ada: {choices}."
NOBODY_WAITING = "Tidak ada yang menunggu di grup loket ini."
NOTHING_CALLED = "Belum ada nomor yang dipanggil di loket ini."
TOO_FEW_CALLS = ("Nomor {label} baru dipanggil {calls} kali; tidak hadir dicatat setelah "
                 "{max} kali panggilan.")
SAME_GROUP = "Nomor {label} sudah di grup {kode}."
UNKNOWN_TICKET = "Nomor antrean {label} tidak ada hari ini."
POINT_TAKEN = ("Titik tiket '{point}' sudah dipakai PC lain hari ini ({other}, tiket "
               "{label}); dua PC dengan titik yang sama akan mencetak nomor kembar. Beri PC "
               "ini titik lain (angka 1-9 yang belum dipakai) di [antrean] titik.")
POINT_AT_DESK = "loket {desk}"
POINT_AT_KIOSK = "kios"
POINT_EMPTY = "(kosong)"
TAKEN_TWICE = ("nomor {label} diambil dua kali (dua PC dengan titik yang sama?); "
               "yang kedua diabaikan")
CANNOT_LEAVE = ("Nomor {label} sudah {status}; hanya nomor yang menunggu atau dipanggil "
                "dapat dicatat pergi.")
DAY_FULL = "Nomor grup {kode} hari ini sudah habis (999)."

# statuses
STATUS = {
    "menunggu": "menunggu",
    "dipanggil": "dipanggil",
    "dilayani": "dilayani",
    "selesai": "selesai",
    "tidak_hadir": "tidak hadir",
    "pergi": "pergi tanpa dilayani",
}

# ticket paper
TICKET_TITLE = "NOMOR ANTREAN"
TICKET_AHEAD = "{n} orang menunggu di depan Anda"
TICKET_AHEAD_NONE = "Tidak ada yang menunggu di depan Anda"
TICKET_PRIVACY = "Tiket ini tidak memuat data pribadi. Simpan sampai nomor Anda dipanggil."
TICKET_DEMO = "DEMO"

# spoken call
SPOKEN = "Nomor antrean {nomor}, silakan ke loket {loket}"
DIGITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
          "sembilan")
VOICE_MISSING = "espeak-ng tidak terpasang: panggilan tidak diucapkan ({detail})"
VOICE_FAILED = "Panggilan tidak dapat diucapkan: {detail}"

# display page
DISPLAY_TITLE = "Antrean"
DISPLAY_NOW = "Dipanggil"
DISPLAY_LAST = "Panggilan terakhir"
DISPLAY_WAITING = "Menunggu"
DISPLAY_DESK = "Loket {desk}"
DISPLAY_SERVING = "Layar antrean di http://{host}:{port}/ (Ctrl+C untuk berhenti)"

# the desk's queue screen
KEY_QUEUE = "Antrean"
# short, so all the desk's queue keys fit an 80-column footer
KEY_NEXT = "Panggil"
KEY_RECALL = "Ulang"
KEY_NO_SHOW = "Tidak hadir"
KEY_TRANSFER = "Alihkan"
KEY_TAKE = "Tiket"
KEY_OPEN = "Kasus"
KEY_LEFT = "Pergi"
LEFT_DONE = "{label} dicatat pergi tanpa dilayani"
LEFT_PICK = "Pilih baris nomor yang menunggu atau dipanggil, lalu tekan p."
KEY_BACK = "Kembali"
SCREEN_NOW = "Sedang dilayani di loket {desk}: {label} ({group}) · dipanggil {calls}x"
SCREEN_NOW_NONE = "Loket {desk} belum memanggil nomor."
SCREEN_GROUPS = "Grup yang dilayani loket ini: {groups}"
SCREEN_WAITING = "Menunggu"
CALLED = "Memanggil {label} ke loket {desk}"
NO_SHOW_DONE = "{label} dicatat tidak hadir"
TRANSFERRED = "{label} dialihkan ke {target}"
TAKEN = "Tiket {label} ({group}) · {ahead} menunggu di depan"
LINKED = "Kasus {code} dicatat untuk nomor antrean {label}"
PICK_GROUP = "Pilih grup"
PICK_TRANSFER = "Alihkan {label} ke grup (huruf) atau loket (angka), lalu Enter"
BAD_TRANSFER = "Tulis huruf grup (mis. B) atau nomor loket (mis. 2)."
TO_GROUP = "grup {kode}"
TO_DESK = "loket {desk}"
COLUMNS = ("Nomor", "Grup", "Diambil", "Status", "Loket", "Tunggu")

# CLI
HELP_ANTREAN = "antrean hari ini: nomor, panggilan dan waktu tunggu"
HELP_AMBIL = "ambil nomor antrean untuk GRUP (mis. untuk tombol tiket atau kios)"
HELP_LAYAR = "layar antrean untuk TV di ruang tunggu (halaman di peramban)"
HELP_CETAK = "cetak tiket (bawaan: simpan PDF saja bila printer tidak diatur)"
CLI_TAKEN = "Tiket {label} · {group} · {ahead} menunggu di depan · {pdf}"
CLI_PRINTED = "Dicetak di {printer}"
CLI_OFFLINE = ("Peringatan: pusat tidak terjangkau ({error}); antrean di bawah hanya "
              "dari PC ini.")
CLI_NONE = "Belum ada nomor antrean hari ini."

# review (daily log, reports)
REVIEW_TITLE = "Antrean"
REVIEW_PER_HOUR = "Tiket per grup dan jam"
REVIEW_WAIT = "Waktu tunggu per grup"
REVIEW_WAIT_COLUMNS = ("Grup", "Tiket", "Dipanggil", "Median", "P90", "Dilayani",
                       "Tidak hadir", "Pergi", "Menunggu")
REVIEW_PER_DESK = "Per loket (nomor milik loket yang terakhir memanggilnya)"
REVIEW_DESK_COLUMNS = ("Loket", "Dipanggil", "Median tunggu", "P90 tunggu", "Dilayani",
                       "Tidak hadir", "Pergi", "Median layanan")
REVIEW_DESK_NAME = "Loket {desk}"
REVIEW_NO_DESK = "Belum dipanggil"
REVIEW_HOUR_WAIT = "Median tunggu"
REVIEW_LONGEST = "Tunggu terlama"
REVIEW_SERVICE = "Waktu layanan (panggil → tutup)"
SHEET_QUEUE = "Antrean"
REVIEW_UNREADABLE = "Antrean tidak terbaca"
REVIEW_PROBLEM = "Masalah"
REVIEW_NOTE = "Catatan"
REVIEW_NONE = "Tidak ada nomor antrean."
DISPLAY_PORT_BUSY = "Layar antrean tidak dapat dibuka di port {port}: {error}"
BAD_KIOSK_REQUEST = "Permintaan tiket tidak terbaca."
HELP_KIOS = "juga halaman ambil-tiket di /ambil (layar sentuh swalayan)"
REVIEW_STILL_WAITING = " (masih menunggu)"
REVIEW_HOUR = "Jam"
REVIEW_LONGEST_COLUMNS = ("Nomor", "Grup", "Diambil", "Tunggu")
REVIEW_SERVICE_COLUMNS = ("Grup", "Median")

# the queue's link to the office server (the header, F6)
SYNC_OK = "Antrean di pusat: tersambung · sinkron {time}"
SYNC_CONNECTING = "Antrean di pusat: menyambung…"
SYNC_DOWN = ("Antrean di pusat: terputus sejak {time} · {count} catatan antrean belum "
             "terkirim ({error})")
SYNC_DOWN_SHORT = "Antrean: terputus · {count} blm terkirim"
SYNC_UNSENT = "Antrean: {count} blm terkirim"
