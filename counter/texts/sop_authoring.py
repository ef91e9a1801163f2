"""Texts of SOP authoring on screen: Standar Pelayanan, versions, the SOP editor."""

STANDAR_TITLE = "Standar Pelayanan"
STANDAR_LABELS = {
    "persyaratan": "Persyaratan",
    "biaya": "Biaya/tarif",
    "produk_layanan": "Produk layanan",
    "jangka_waktu": "Jangka waktu",
    "pengaduan": "Pengaduan",
}
EMPTY = "-"
VERSION_LINE = "Versi {versi}{tanggal}"
VERSION_DATE = " ({tanggal})"
FORWARD = "\u21aa {syarat}: langsung ke langkah {target}"
FORWARD_NO_SYARAT = "\u21aa langsung ke langkah {target}"

# Versions and what changed between two (counter/sop_versions.py)
DIFF_FIELD = "{label}: {old} \u2192 {new}"
DIFF_ROLE_ADDED = "pelaksana baru: {nama}"
DIFF_ROLE_REMOVED = "pelaksana dihapus: {nama}"
DIFF_ROLE_CHANGED = "pelaksana {nama}: {what}"
DIFF_STEP_ADDED = "langkah {no} ditambahkan: {kegiatan}"
DIFF_STEP_REMOVED = "langkah {no} dihapus: {kegiatan}"
DIFF_STEP_FIELD = "langkah {no}, {label}: {old} \u2192 {new}"
DIFF_NONE = "tidak ada perubahan"
DIFF_LABELS = {
    "nomor": "nomor", "nama": "nama", "status": "status", "instansi": "instansi",
    "unit": "unit", "layanan_loket": "layanan loket", "dasar_hukum": "dasar hukum",
    "peralatan": "peralatan", "peringatan": "peringatan", "pencatatan": "pencatatan",
    "persyaratan": "persyaratan", "biaya": "biaya", "produk_layanan": "produk layanan",
    "jangka_waktu": "jangka waktu", "pengaduan": "pengaduan",
    "langkah_hilang": "langkah hilang", "nomor_dilewati": "nomor dilewati",
    "kualifikasi_pelaksana": "kualifikasi pelaksana",
    "keterkaitan": "keterkaitan", "tanggal_efektif": "tanggal efektif",
    "disahkan_oleh": "disahkan oleh",
    "kegiatan": "kegiatan", "pelaksana": "pelaksana", "kelengkapan": "kelengkapan",
    "waktu": "waktu", "output": "output", "keterangan": "keterangan",
    "kembali": "cabang kembali", "lanjut": "cabang lanjut", "loket": "loket",
    "pemohon": "pemohon",
}
YES = "ya"
NO = "tidak"
VERSIONS_TITLE = "Versi"
VERSION_ITEM = "Versi {versi}{tanggal}{current}"
VERSION_CURRENT = " (berlaku sekarang)"
SAVED_NEW_VERSION = "Tersimpan sebagai versi {versi} di {path}"
SAVED_UNCHANGED = "Tidak ada perubahan; tetap versi {versi}"
SAVED_KONSEP = "Belum lolos pemeriksaan; isian disimpan sebagai konsep di {path}"
KEY_EDIT = "Ubah SOP"
WHY_DRAF_WITH_STEPS = (
    "SOP berstatus draf: periksa langkahnya, lalu ubah (Ctrl+E) dan tandai 'berlaku' "
    "agar dapat dipakai melayani."
)
JUMP_UNKNOWN = "langkah {step} tidak punya cabang 'langsung ke langkah {target}' di SOP-nya"
KEY_JUMP = "Langsung ke langkah…"
JUMP_ASK = "Cabang mana yang berlaku? (↑↓ pilih, Enter)"
JUMPED = "{syarat}: langsung ke langkah {target}"
APPLICANT_ALONE = "Dikerjakan pemohon sendiri: {kegiatan}"
