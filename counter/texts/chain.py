"""Texts of the tamper check (`loket periksa`, the app's check at start, `loket kasus`)."""

# What each kind of break means, for the officer and the auditor.
KINDS = {
    "diubah": "isi catatan diubah setelah disimpan",
    "dihapus": "catatan dihapus dari berkas",
    "disisipkan": "catatan disisipkan tanpa melalui Loket",
    "urutan": "urutan catatan diubah",
    "putus": "mata rantai sebelum catatan ini hilang (catatan dihapus atau dipindah)",
    "lama": "catatan dari sebelum rantai dimulai diubah, dihapus atau ditambah",
    "hari_hilang": "berkas hari {other} tidak ada lagi",
    "hari_lama": (
        "berkas hari {other} tidak memuat mata rantai yang dirujuk hari ini: "
        "diganti salinan lama atau diubah"
    ),
    "terpotong": (
        "berkas lebih pendek dari catatan rantai terakhir: diganti salinan lama "
        "atau catatan terakhirnya dihapus"
    ),
    "data_kembali": "data pribadi yang sudah dihapus (retensi) muncul lagi",
    "rantai_hilang": "tabel rantai berkas ini dihapus",
}
WHERE_DAY = "berkas {path}"
WHERE_CASE = ", kasus {code}"
WHERE_EVENT = ", catatan {event}"
WHERE_SEQ = " (urutan {seq})"
MORE = "  … dan {count} masalah lain pada berkas ini"
UNREADABLE = "berkas hari {day} tidak dapat dibaca: {message}"
LEDGER_DAMAGED = (
    "buku rantai (rantai.json) tidak dapat dibaca: mungkin listrik padam saat menulis, "
    "atau berkas itu diubah; akan dibuat ulang pada penyimpanan berikutnya"
)
SUMMARY_OK = (
    "Rantai utuh: {days} berkas hari, {links} catatan berantai diperiksa{legacy}."
)
SUMMARY_LEGACY = (
    "; {legacy} catatan lama (sebelum rantai, diterima apa adanya) pada {unchained} "
    "berkas yang belum pernah ditulis sejak rantai dimulai"
)
SUMMARY_LEGACY_ONLY = "; {legacy} catatan lama diterima apa adanya"
SUMMARY_BAD = "RANTAI RUSAK pada {count} berkas hari (yang pertama rusak disebut lebih dulu):"
NOTHING = "Tidak ada berkas hari dalam rentang itu."
HELP_PERIKSA = (
    "periksa rantai catatan (tanda perubahan tangan pada berkas harian); keluar 1 bila "
    "ada yang rusak"
)
HELP_DARI = "tanggal pertama yang diperiksa (awal: semua)"
HELP_SAMPAI = "tanggal terakhir yang diperiksa (awal: hari ini)"
# The app's persistent warning and the case's line.
APP_WARNING = (
    "PERINGATAN: rantai catatan rusak pada {days} — berkas harian diubah di luar Loket. "
    "Jalankan `loket periksa` untuk rinciannya dan laporkan ke supervisor."
)
# accepting a known break in the app (the dashboard's warning line, Ctrl+T)
APP_ACCEPT_HINT = "Ctrl+T: supervisor menerima putus rantai yang sudah diketahui."
KEY_ACCEPT = "Terima putus rantai"
APP_ACCEPT_TITLE = "Terima putus rantai hari {day}"
APP_ACCEPT_REASON = "Alasan (dicatat di log audit, mis. cadangan dipulihkan)"
APP_ACCEPT_NOTHING = "Tidak ada putus rantai berkas harian yang menunggu diterima."
CASE_BROKEN = "Rantai catatan kasus ini rusak: {what}"
DAY_BROKEN = "Rantai catatan berkas hari ini rusak: {what}"
WORK_CHAIN_CHECK = "Pemeriksaan rantai catatan"
# the office audit log's chain (data_dir/audit/YYYY-MM.jsonl)
AUDIT_KINDS = {
    "diubah": "catatan diubah, atau catatan sebelumnya dihapus/dipindah",
    "tanpa_rantai": "catatan tanpa rantai disisipkan",
    "rusak": "baris rusak (bukan catatan JSON)",
    "terpotong": ("berkas lebih pendek dari catatan terakhir di buku kepala (kepala.json): "
                  "baris akhir dihapus"),
    "kepala_beda": ("baris ini bukan lagi catatan terakhir yang tercatat di buku kepala "
                    "(kepala.json): berkas ditulis ulang atau diganti salinan lama"),
    "hilang": "berkas bulan ini tercatat di buku kepala (kepala.json) tetapi hilang",
}
AUDIT_BREAK = "{file}:{line}: log audit: {what}"
AUDIT_MORE = "  … dan {count} masalah lain di log audit"
AUDIT_UNREADABLE = "{file}: log audit tidak terbaca: {error}"
AUDIT_OK = "Log audit kantor: {lines} catatan di {files} berkas utuh{legacy}."
AUDIT_LEGACY = " ({legacy} catatan lama dari sebelum rantai diterima apa adanya)"
APP_AUDIT_WARNING = "Log audit kantor tidak utuh: {where}. Jalankan 'loket periksa'."
# accepting a known break (`loket periksa --terima HARI --alasan …`)
HELP_TERIMA = ("supervisor: terima putus rantai yang sudah diketahui pada hari ini "
               "(cadangan dipulihkan, perbaikan yang diakui); wajib --alasan")
HELP_ALASAN = "alasan menerima putus rantai (dicatat di log audit)"
ACCEPT_NEEDS_REASON = "--terima perlu --alasan: tulis mengapa putus ini diterima"
ACCEPT_NOTHING = "Berkas hari {day} utuh: tidak ada putus rantai untuk diterima."
ACCEPT_DONE = (
    "Putus rantai hari {day} diterima oleh {nama}: {reason}. Tercatat di log audit; "
    "putus baru pada hari itu tetap dilaporkan."
)
ACCEPTED_LINE = (
    "berkas hari {day}: putus rantai sudah diterima oleh {nama} ({at}): {reason}"
)
