"""Texts of the sign-in and lock screens, the first supervisor and the supervisor's PIN."""

TITLE = "Masuk"
INTRO = "Pilih nama Anda, lalu ketik PIN (4–8 angka). Setiap catatan hari ini memakai nama ini."
DESK = "Nomor loket"
REMEMBERED = "Hari ini tadi: {nama} di loket {desk}. Ketik PIN untuk melanjutkan."
OFFICER = "Petugas"
PIN = "PIN"
PIN_PLACEHOLDER = "4–8 angka"
DEMO_PIN_HINT = "Data demo: PIN setiap petugas {pin}."
PICK_OFFICER = "Pilih nama petugas dulu"
PIN_EMPTY = "Ketik PIN dulu, lalu Enter"
KEY_BACK = "Kembali"
LOCKED_TITLE = "Loket {desk} terkunci"
LOCKED_INTRO = (
    "Dipakai oleh {nama}. Ketik PIN untuk melanjutkan, atau pilih petugas lain untuk "
    "berganti petugas."
)
KEY_SAVE = "Simpan"
KEY_QUIT = "Keluar"
FIRST_TITLE = "Supervisor pertama"
FIRST_INTRO = (
    "Kantor ini belum punya supervisor. Supervisor memegang kunci: membatalkan dan membuka "
    "kembali kasus, menyelesaikan konflik, mengubah SOP dan pengaturan, mengelola akun "
    "petugas dan PIN-nya. PIN disimpan hanya sebagai sidik (hash), tidak bisa dibaca siapa pun."
)
FIRST_NAME = "Nama supervisor"
FIRST_NIP = "NIP (boleh kosong)"
FIRST_JABATAN = "Jabatan"
FIRST_PIN_AGAIN = "Ulangi PIN"
FIRST_NAME_REQUIRED = "Nama supervisor wajib diisi"
PIN_MISMATCH = "Kedua PIN tidak sama; ketik ulang"
SUPERVISOR_TITLE = "Perlu supervisor"
SUPERVISOR_WHY = "Hanya supervisor yang boleh {act}. Minta supervisor mengetik PIN-nya di sini."
SUPERVISOR_NAME = "Nama supervisor"
SUPERVISOR_NONE = (
    "Hanya supervisor yang boleh {act}, dan kantor ini belum punya supervisor dengan PIN."
)
SUPERVISOR_CANCELLED = "Tidak jadi: hanya supervisor yang boleh {act}."
