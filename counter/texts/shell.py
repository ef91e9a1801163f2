"""Texts of the app shell: a worker that failed, the key map, keys as people name them."""

# One line for the officer when a background job failed unexpectedly; the details
# (with the traceback) go to the log file, never to the screen.
WORKER_CRASHED = "{what} gagal karena kesalahan tak terduga; rinciannya dicatat di {log}"
WORK_PRINT = "Pencetakan"
WORK_REPRINT = "Cetak ulang"
WORK_HOME_RELOAD = "Memuat daftar kasus"
WORK_WARM = "Menyiapkan daftar kasus selagi petugas masuk"
WORK_DAMAGE_CHECK = "Pemeriksaan berkas penyimpanan"
WORK_LOG_LOAD = "Memuat log harian"
WORK_EXPORT = "Ekspor laporan"
WORK_RETURNING = "Mencari pemohon lama"
WORK_SYNC = "Sinkron dengan pusat"

# Asking before throwing typed input away.
CONFIRM_YES = "Ya"
CONFIRM_NO = "Tidak"
CONFIRM_HINT = "y = ya     n / Esc = tidak"
DISCARD_VISITOR = "Buang data pemohon?"
LEAVE_FOR_SCAN = "Isian di layar ini belum disimpan. Tinggalkan dan buka kasus {code}?"
SCAN_POSTPONED = "Pindaian {code} diabaikan; isian tetap. Pindai lagi setelah menyimpan."

# One line for the officer when a key, a screen or a timer failed unexpectedly; the
# app and the screen stay, what was stored is untouched, the details go to the log.
UI_CRASHED = ("Terjadi kesalahan tak terduga; aplikasi tetap berjalan dan data tersimpan aman. "
              "Rinciannya dicatat di {log}")
