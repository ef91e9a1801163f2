"""Texts of the satisfaction survey (SKM) and its index (IKM)."""

from __future__ import annotations

# questionnaire file
BAD_TOML = "berkas kuesioner tidak dapat dibaca: {detail}"
NOT_A_TABLE = "harus berupa tabel"
NO_FIELD = "wajib diisi"
FOUR_CHOICES = "harus berisi tepat empat pilihan jawaban (nilai 1 sampai 4)"
NINE_UNSUR = "kuesioner bawaan harus berisi sembilan unsur U1 sampai U9"
UNSUR_FIXED = ("unsur {kode} adalah unsur PermenPANRB 14/2017 dan tidak boleh diubah; "
               "tambahkan pertanyaan kantor sebagai [[tambahan]]")
DUPLICATE_KEY = "kode {kode} dipakai lebih dari sekali"
CHOICES_LIST = "harus berupa daftar pilihan (teks)"

# responses
BAD_SCORE = "nilai {kode} harus 1, 2, 3 atau 4 (atau kosong bila dilewati)"
UNKNOWN_UNSUR = "unsur {kode} tidak dikenal (yang ada: U1 sampai U9)"
BAD_PROFILE = "pilihan {value!r} tidak ada untuk {label}"
EMPTY_RESPONSE = "jawaban kosong: tidak ada satu pun unsur yang dijawab"

# index
NO_ANSWERS = "belum ada jawaban"
IKM_MISSING_UNSUR = "IKM belum dapat dihitung: unsur {kode} belum dijawab"
WEIGHT_LABELS = {
    "tepat": "bobot 1/9 (tepat)",
    "0,111": "bobot 0,111 (lembar kerja lama)",
    "0,11": "bobot 0,11 (lembar kerja lama)",
}
BAD_WEIGHT = "bobot SKM {value!r} tidak dikenal; pilih: tepat, 0,111 atau 0,11"
MUTU = {
    "A": "Sangat baik",
    "B": "Baik",
    "C": "Kurang baik",
    "D": "Tidak baik",
}
SAMPLE_PROGRESS = "{got} dari {need} responden minimum"
SAMPLE_DONE = "{got} responden (minimum {need} terpenuhi)"

# survey screen (faces the visitor)
SURVEY_TITLE = "Survei Kepuasan Masyarakat"
SURVEY_INTRO = ("Mohon penilaian Bapak/Ibu atas layanan yang baru saja diterima. Survei ini "
                "tanpa nama: jawaban tidak dikaitkan dengan nama, NIK, nomor telepon atau "
                "kode berkas.")
SURVEY_KEYS = "Tekan 1-4 untuk menjawab · 0 lewati pertanyaan · Esc lewati survei"
SURVEY_PROFILE_KEYS = "Tekan angka pilihan · 0 lewati"
SURVEY_SARAN = "Saran dan masukan (boleh kosong), lalu Enter:"
SURVEY_THANKS = "Terima kasih atas penilaian Bapak/Ibu."
SURVEY_PROGRESS = "Pertanyaan {n} dari {total}"
SURVEY_SKIPPED = "Survei dilewati."
SURVEY_SAVED = "Survei tersimpan. Terima kasih."
SURVEY_OFFER = "Tawarkan survei kepuasan kepada pemohon? (k: mulai survei)"

# report
REPORT_TITLE = "LAPORAN SURVEI KEPUASAN MASYARAKAT"
REPORT_PERIOD = "Periode: {start} s.d. {end}"
REPORT_UNIT = "Unit layanan: {unit}"
REPORT_SERVICE = "Layanan: {layanan}"
REPORT_RESPONDENTS = "Jumlah responden: {n}"
REPORT_POPULATION = ("Jumlah pengguna layanan (populasi): {n}; "
                     "sampel minimum (Krejcie-Morgan): {need}")
REPORT_WEIGHT = "Penimbang: {label}"
REPORT_IKM = "IKM unit layanan: {ikm} — mutu {mutu} ({kinerja})"
REPORT_NO_IKM = "IKM: {why}"
REPORT_COLUMNS = ("Unsur", "Nama unsur", "Σ nilai", "Resp.", "NRR",
                  "NRR × bobot", "Mutu")
REPORT_LOWEST = "Urutan unsur dari nilai terendah (bahan rencana tindak lanjut):"
REPORT_PROFILE = "Profil responden"
REPORT_SARAN = "Saran dan masukan"
REPORT_NO_SARAN = "(tidak ada)"
REPORT_PER_SERVICE = "IKM per layanan dan per loket"
REPORT_PROCESSING = "Tabel pengolahan per responden"
DESK_LABEL = "Loket {desk}"
NOT_ANSWERED = "-"

# import
IMPORT_NO_HEADER = "baris judul tidak ditemukan: perlu kolom tanggal, layanan dan U1 sampai U9"
IMPORT_MISSING_COLUMN = "kolom {column} tidak ada"
IMPORT_BAD_DATE = "tanggal {value!r} tidak dapat dibaca"
IMPORT_BAD_CELL = "nilai {value!r} bukan 1, 2, 3 atau 4"
IMPORT_DONE = "{n} jawaban survei diimpor dari {path}"
IMPORT_SKIPPED = "{n} baris dilewati:"
IMPORT_UNREADABLE = "berkas tidak dapat dibaca: {detail}"
IMPORT_FORMAT = "format berkas tidak dikenal (pakai .csv, .tsv atau .xlsx)"

# CLI
HELP_SKM = "survei kepuasan masyarakat: laporan IKM dan impor survei kertas"
HELP_SKM_LAPORAN = "laporan IKM menurut PermenPANRB 14/2017 untuk satu periode"
HELP_SKM_IMPOR = "impor jawaban survei kertas/formulir lain (CSV, TSV, XLSX)"
HELP_SKM_LAYAR = "buka survei di peramban (layar kedua yang menghadap pemohon)"
REPORT_SAVED = "Laporan SKM tersimpan: {path}"
SURVEY_NOTHING = "Belum ada kasus yang baru ditutup untuk disurvei."
WORK_SAVE_SURVEY = "menyimpan jawaban survei"
KEY_SURVEY = "Survei"
SURVEY_SENT = "Survei tampil di layar pemohon (port {port}). Silakan persilakan pemohon mengisi."
SURVEY_PORT_BUSY = "Layar survei pemohon tidak dapat dibuka pada port {port}: {error}"
HOME_SKM_LOADING = "Menghitung indeks kepuasan…"
HOME_SKM_LINE = "SKM {period}: {progress}{ikm}"
WORK_SKM_REPORT = "menghitung laporan SKM"
WORK_SKM_EXPORT = "mengekspor laporan SKM"
WORK_SKM_PROGRESS = "menghitung kemajuan SKM"
KEY_SKM = "SKM"
