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
