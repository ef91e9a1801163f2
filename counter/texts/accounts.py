"""Texts of accounts, sign-in, roles and the audit listing."""

ROLE_PETUGAS = "petugas loket"
ROLE_PEJABAT = "pejabat"
ROLE_SUPERVISOR = "supervisor"

ACT_CANCEL = "membatalkan kasus"
ACT_REOPEN = "membuka kembali kasus yang sudah ditutup"
ACT_RESOLVE_CONFLICT = "menyelesaikan konflik"
ACT_SOP_EDIT = "mengubah SOP atau menandainya berlaku"
ACT_SETTINGS = "mengubah pengaturan kantor dan kalender"
ACT_ACCOUNTS = "mengelola akun petugas"
ACT_NIK_BULK = "membuka NIK lengkap secara massal"
ACT_EXPORT_PERSONAL = "mengekspor data pribadi"
ACT_PURGE = "menghapus data pribadi"
ACT_LIFT_LOCK = "membuka kunci akun"
ACT_AUDIT = "melihat jejak audit"

SUPERVISOR_ONLY = "Hanya supervisor yang boleh {act}."
PIN_FORM = "PIN harus {min}–{max} angka"

SIGNIN_UNKNOWN = "Petugas '{nama}' tidak ada di daftar akun kantor"
SIGNIN_DISABLED = "Akun '{nama}' dinonaktifkan; hubungi supervisor"
SIGNIN_NO_PIN = "Akun '{nama}' belum punya PIN; minta supervisor mengatur PIN (F9 › Akun)"
SIGNIN_NOT_SUPERVISOR = "'{nama}' bukan supervisor"
SIGNIN_LOCKED = "Akun '{nama}' terkunci karena PIN salah berulang kali; minta supervisor membukanya"
SIGNIN_NOW_LOCKED = (
    "PIN salah. Akun '{nama}' sekarang terkunci; minta supervisor membukanya"
)
SIGNIN_WAIT = "Tunggu {seconds} detik sebelum mencoba lagi"
SIGNIN_WRONG = "PIN salah (sisa {left} kali percobaan sebelum akun terkunci)"
DETAIL_SUPERVISOR_CHECK = "persetujuan supervisor"
DETAIL_LOCKED = "terkunci setelah {tries} kali PIN salah"

AUDIT_BAD_RECORD = "catatan audit tidak terbaca (kolom {field})"
AUDIT_NOT_WRITTEN = "catatan audit tidak dapat ditulis: {error}"
AUDIT_UNREADABLE = "berkas audit tidak terbaca: {error}"
ROLE_UNKNOWN = "peran '{value}' tidak dikenal; pilih dari: {choices}"
ROLE_REQUIRED = "setiap akun perlu paling sedikit satu peran"
LAST_SUPERVISOR = "kantor harus tetap punya paling sedikit satu supervisor aktif dengan PIN"
NAME_REQUIRED = "nama petugas wajib diisi"
NAME_TAKEN = "nama '{nama}' sudah dipakai akun lain"
DETAIL_ACTIVE = "diaktifkan"
DETAIL_INACTIVE = "dinonaktifkan"
PIN_SAME = "PIN baru sama dengan PIN lama; pilih PIN lain"
AUDIT_HEADS_DAMAGED = (
    "buku kepala log audit (kepala.json) tidak dapat dibaca: mungkin listrik padam saat "
    "menulis, atau diubah tangan; baris akhir yang terpotong tidak dapat diperiksa")
AUDIT_BUSY = "log audit sedang dipakai proses lain lebih dari 10 detik"
