"""Texts of the CLI's sign-in (officer + PIN on the terminal)."""

DEMO_OFFICER = "Petugas Demo"
NO_ACCOUNTS = (
    "belum ada akun petugas dengan PIN; jalankan `loket` sekali untuk membuat supervisor "
    "pertama, lalu atur akun di F7 Akun"
)
NO_SUPERVISOR = "belum ada akun supervisor dengan PIN; buat di aplikasi (`loket`, F7 Akun)"
NO_TERMINAL = (
    "perintah ini dicatat atas nama petugas dan perlu PIN yang diketik di terminal; "
    "tidak ada terminal di sini (skrip atau pipa). Jalankan di terminal, atau lakukan "
    "dari aplikasi Loket"
)
WHO = "Masuk sebagai petugas:\n"
WHO_SUPERVISOR = "Perlu supervisor. Masuk sebagai:\n"
OFFICER_PROMPT = "Petugas (nomor atau nama): "
PIN_PROMPT = "PIN: "
REFUSED = "Ditolak: {message}\n"
SIGNED_IN = "Masuk sebagai {nama}.\n"
CANCELLED = "dibatalkan: tidak ada jawaban"
