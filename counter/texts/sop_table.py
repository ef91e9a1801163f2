"""Texts of the SOP table importer and exporter (loket sop impor / ekspor)."""

NOT_FOUND = "berkas tabel tidak ditemukan"
UNREADABLE = "berkas tabel tidak dapat dibaca: {detail}"
EMPTY_FILE = "berkas kosong: tidak ada tabel SOP di dalamnya"
UNSUPPORTED = (
    "jenis berkas {suffix} tidak dapat dibaca; simpan tabel sebagai .xlsx, .csv atau .tsv "
    "(atau salin tabel dari Word/Excel ke berkas teks .tsv)"
)
BINARY_TEXT = (
    "berkas ini bukan teks (isinya biner); simpan tabel sebagai .tsv/.csv, atau beri "
    "akhiran .xlsx bila itu buku kerja Excel"
)
BAD_ENCODING = "berkas teks tidak dapat dibaca (pengodean tidak dikenal); simpan sebagai UTF-8"
CSV_BROKEN = "tabel CSV rusak: {detail}"
NOT_XLSX = (
    "berkas ini bukan buku kerja Excel (.xlsx) yang sah, mungkin berkas lain yang diganti "
    "namanya; buka di Excel lalu simpan sebagai .xlsx, atau simpan tabel sebagai .tsv"
)
BROKEN_XLSX = "buku kerja Excel rusak dan tidak dapat dibuka ({detail}); simpan ulang dari Excel"

NO_HEADER = (
    "kepala tabel tidak ditemukan: tidak ada baris yang memuat kolom 'Kegiatan'. Kepala "
    "tabel SOP AP: No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan "
    "(atau satu kolom per pelaksana di antara Kegiatan dan Mutu Baku)"
)
NO_ROLE_COLUMN = (
    "kolom pelaksana tidak ditemukan: tambahkan kolom 'Pelaksana' berisi nama jabatan, atau "
    "satu kolom per jabatan di antara 'Kegiatan' dan kolom mutu baku"
)
NO_WAKTU_COLUMN = "kolom 'Waktu' tidak ditemukan; waktu setiap langkah dibiarkan kosong (N/A)"
NO_STEPS = "tidak ada baris langkah di bawah kepala tabel"
NO_KEGIATAN = "langkah {no} tanpa kegiatan; baris ini dilewati (isi kegiatannya di editor)"
BAD_WAKTU = "waktu {text!r} tidak dapat dibaca; diisi kosong (tanpa batas) sampai diperbaiki"
NO_MARK = (
    "tidak ada tanda di kolom pelaksana mana pun; pelaksana disimpulkan: {role} (periksa)"
)
NO_ROLE = "kolom pelaksana kosong; pelaksana disimpulkan: {role} (periksa)"
NO_ROLE_AT_ALL = "pelaksana tidak dapat ditentukan; baris ini dilewati"
TWO_MARKS = (
    "tanda pelaksana di lebih dari satu kolom ({roles}); pelaksana utama diambil '{main}'. "
    "Tandai pelaksana pendamping dengan '+'"
)
MERGED = (
    "sel gabungan ({cells}); isinya '{value}' dipakai untuk setiap baris yang ditutupnya "
    "(periksa)"
)
MERGED_ACROSS = "sel gabungan melintasi kolom ({cells}); isinya hanya dibaca di kolom pertama"
BRANCH_UNREAD = (
    "cabang keputusan tidak terbaca: tujuan {target!r} bukan nomor langkah atau nama pelaksana"
)
BRANCH_ORPHAN = "baris keputusan tanpa langkah di atasnya; dilewati"
BRANCH_FORWARD_BACK = "cabang 'langsung ke langkah {target}' tidak menuju langkah sesudahnya"
NUMBER_GAP = (
    "nomor langkah {numbers} tidak ada di tabel; dicatat sebagai langkah hilang. Bila "
    "penomorannya memang melompat, pindahkan ke 'nomor dilewati' di editor"
)
NUMBER_DUP = "nomor langkah {no} dipakai lagi; baris ini diberi nomor {new}"
NUMBER_MISSING = "baris tanpa nomor; dianggap langkah {no}"
CONTINUATION = "baris tanpa nomor disambung ke kegiatan langkah {no}"
TERMINATOR = "baris '{text}' (penanda mulai/selesai bagan alir) dilewati"
NO_NAME = "nama SOP tidak ada (baris 'Nama SOP: …' atau --nama); diisi dari nama berkas"
WRITE_INVALID = "hasil impor tidak lolos pemeriksaan SOP: {detail}"

# Report lines
REPORT_ROW = "baris {row}"
REPORT_COLUMN = "kolom {column}"
IMPORTED = (
    "SOP '{nama}' ({id}) diimpor: {steps} langkah, {roles} pelaksana; disimpan sebagai draf "
    "di {path}"
)
IMPORTED_ROLES = "Pelaksana: {roles}"
ROLE_LOKET = "loket"
ROLE_PEMOHON = "pemohon"
PROBLEMS = "{count} catatan impor (baris yang perlu diperiksa):"
NO_PROBLEMS = "Semua baris terbaca."
NEXT_STEPS = (
    "Langkah berikutnya: periksa dengan 'loket sop periksa {path}', lengkapi di editor SOP "
    "(F3), lalu tandai 'berlaku'."
)
EXISTS = "berkas {path} sudah ada; pakai --timpa untuk menggantinya atau -o folder lain"
EXPORTED = "SOP {id} diekspor ke {path}"
BAD_FORMAT = "format ekspor '{value}' tidak dikenal; pilih xlsx atau tsv"

# Column headers and identity labels written by the exporter (read back by the importer).
COLUMNS = ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan")
GROUP_PELAKSANA = "Pelaksana"
GROUP_MUTU_BAKU = "Mutu Baku"
SUPPORT_MARK = "+"
MAIN_MARK = "√"
RETURN_ROW = "{syarat}, dikembalikan ke {target}"
FORWARD_ROW = "{syarat}, langsung ke langkah {target}"
STEP_TARGET = "langkah {no}"
CATATAN_IMPOR = "Diimpor dari tabel {name} ({layout}); periksa catatan impor sebelum berlaku."
LAYOUT_PELAKSANA = "kolom Pelaksana"
LAYOUT_ROLES = "satu kolom per pelaksana"

# Identity labels written above the table; the importer reads them back.
LABELS = {
    "id": "ID",
    "nomor": "Nomor SOP",
    "nama": "Nama SOP",
    "instansi": "Instansi",
    "unit": "Unit",
    "tanggal_pembuatan": "Tanggal Pembuatan",
    "tanggal_revisi": "Tanggal Revisi",
    "tanggal_efektif": "Tanggal Efektif",
    "disahkan_oleh": "Disahkan Oleh",
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan": "Peralatan dan Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan": "Pencatatan dan Pendataan",
    "persyaratan": "Persyaratan",
    "biaya": "Biaya/Tarif",
    "produk_layanan": "Produk Layanan",
    "jangka_waktu": "Jangka Waktu Penyelesaian",
    "pengaduan": "Penanganan Pengaduan",
    "layanan_loket": "Layanan Loket",
    "pelaksana": "Daftar Pelaksana",
    "loket": "Pelaksana Loket",
    "pemohon": "Pemohon",
    "langkah_hilang": "Langkah Hilang",
    "nomor_dilewati": "Nomor Dilewati",
}
YES = "ya"
NO = "tidak"

# CLI help (loket sop impor / ekspor)
HELP_IMPOR = "impor SOP dari tabel kantor (TSV, CSV atau XLSX) menjadi berkas SOP draf"
HELP_FILE = "berkas tabel SOP (.tsv, .csv, .xlsx)"
HELP_ID = "id SOP (huruf kecil, angka, tanda hubung); bawaan: dari nama SOP"
HELP_OUT = "folder tujuan (bawaan: folder sop/ kantor)"
HELP_NAMA = "nama SOP bila tidak ada baris 'Nama SOP: …' di atas tabel"
HELP_NOMOR = "nomor SOP"
HELP_INSTANSI = "instansi (dinas) pemilik SOP"
HELP_UNIT = "unit/bidang pelaksana"
HELP_TIMPA = "ganti berkas SOP yang sudah ada"
HELP_EKSPOR = "ekspor SOP menjadi tabel (xlsx atau tsv) yang dapat diimpor lagi"
HELP_FORMAT = "format berkas: xlsx atau tsv"
HELP_TATA = "tata letak: 'pelaksana' (kolom Pelaksana) atau 'kolom' (satu kolom per pelaksana)"
HELP_EKSPOR_OUT = "berkas tujuan (bawaan: <id>.<format> di folder ini)"

# A step the applicant does alone, away from the counter (`pemohon_sendiri`), is written
# in the Keterangan column with this mark, and read back from it (or from any keterangan
# saying the applicant does it alone).
APPLICANT_ALONE_MARK = "[dikerjakan pemohon sendiri]"
APPLICANT_ALONE_WORDS = r"\b(?:dikerjakan|dilakukan|oleh)\s+(?:oleh\s+)?pemohon\s+sendiri\b"
