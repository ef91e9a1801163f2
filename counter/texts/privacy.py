"""Texts of the personal data lifecycle (UU 27/2022): retention, purge, a visitor's rights."""

BAD_RETENTION = (
    "masa retensi {value!r} tidak dikenal; tulis misalnya \"2 tahun\", \"18 bulan\" atau "
    "\"90 hari\" (sesuai Jadwal Retensi Arsip kantor)"
)
NOT_CLOSED = "kasus {code} belum ditutup; data pribadi hanya dihapus dari kasus yang sudah selesai"
ALREADY_PURGED = "data pribadi kasus {code} sudah dihapus (retensi); tidak ada yang dikoreksi"
REASON_RETENTION = "masa retensi habis"
RECORD_KIND = "Data pribadi yang disimpan (UU 27/2022 tentang Pelindungan Data Pribadi)"
PURPOSE = (
    "Mencatat dan memantau layanan yang Anda ajukan (tanda terima, penyerahan berkas, "
    "waktu layanan) serta laporan kinerja layanan kantor."
)
# The CLI
HELP_DATA = "data pribadi pemohon: hapus setelah masa retensi, lihat/koreksi/ekspor per NIK"
HELP_HAPUS = (
    "hapus NIK, telepon dan alamat kasus yang ditutup sebelum tanggal D (khusus supervisor)"
)
HELP_SEBELUM = "kasus yang ditutup sebelum tanggal ini (awal: hari ini dikurangi masa retensi)"
HELP_COBA = "tampilkan saja kasus yang akan dihapus datanya, tanpa mengubah apa pun"
HELP_PEMOHON = "cari kasus seorang pemohon menurut NIK, tampilkan, koreksi, ekspor (supervisor)"
HELP_NIK = "NIK pemohon (16 angka)"
HELP_KOREKSI = "koreksi satu kolom, mis. telepon=08123456789 (boleh diulang)"
HELP_ALASAN = "alasan koreksi (mis. permintaan pemohon)"
HELP_EKSPOR = "simpan data pemohon untuk dibawa pemohon: berkas .json atau .pdf"
HELP_INTERAKTIF = "tanyakan koreksi kolom demi kolom"
BAD_KOREKSI = "koreksi {text!r} harus berbentuk kolom=nilai, mis. telepon=08123456789"
PURGE_NONE = "Tidak ada kasus yang ditutup sebelum {before} dengan data pribadi tersisa."
PURGE_LIST = "{count} kasus ditutup sebelum {before} masih menyimpan NIK/telepon/alamat:"
PURGE_LINE = "  {code}  ditutup {closed}"
PURGE_DRY = "Tidak ada yang diubah (--coba)."
PURGE_DONE = (
    "Data pribadi {count} kasus dihapus dari penyimpanan (tercatat atas nama {officer}); "
    "{files} berkas cetak/ekspor/sementara ikut dihapus."
)
PURGE_FILE = "  dihapus: {path}"
PERSON_NONE = "Tidak ada kasus dengan NIK {nik}."
PERSON_HEAD = "Data pribadi yang disimpan untuk NIK {nik} ({count} kasus):"
PERSON_CASE = "  Kasus {code} — {layanan} — {status}"
PERSON_FIELD = "    {label}: {value}"
PERSON_PURGED = "    (NIK, telepon dan alamat sudah dihapus: masa retensi habis)"
PERSON_CORRECTED = "  Dikoreksi: {field} pada {count} kasus (tercatat atas nama {officer})."
PERSON_EXPORTED = "Disimpan untuk pemohon: {path}"
ASK_FIELD = "{label} [{value}] (Enter: tetap): "
NO_TERMINAL = "koreksi interaktif memerlukan terminal; pakai --koreksi kolom=nilai"
LABELS = {"nama": "Nama", "nik": "NIK", "telepon": "Telepon", "nama_usaha": "Nama usaha",
          "alamat": "Alamat"}
EXPORT_FORMAT = "ekspor hanya ke berkas .json atau .pdf, bukan {name!r}"
# The tanda terima's privacy line (kept short: it must fit 58 mm paper).
RECEIPT_PRIVACY = (
    "Data pribadi (NIK, telepon, alamat) dipakai hanya untuk layanan ini, disimpan "
    "{retensi} setelah selesai lalu dihapus. Melihat/koreksi data: tanyakan petugas loket."
)
PDF_MADE = "Dibuat: {at}"
PDF_PURPOSE = "Tujuan: {purpose}"
PDF_RETENTION = (
    "Masa simpan: {retensi} setelah layanan selesai; sesudahnya NIK, telepon dan alamat "
    "dihapus."
)
PDF_CASE = "Kasus {code} — {layanan}"
PDF_STATUS = "Status"
PDF_OPENED = "Dibuka"
PDF_CORRECTED = "Koreksi"
PDF_CORRECTION = "{kolom} → {nilai} ({waktu}, {petugas}) {alasan}"
PDF_PURGED_LABEL = "Penghapusan"
PDF_PURGED = "NIK, telepon dan alamat sudah dihapus (masa retensi habis)"
