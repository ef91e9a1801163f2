"""Texts about SOP files and the catalog."""

NOT_FOUND = "berkas SOP tidak ditemukan"
UNREADABLE_FILE = "berkas SOP tidak dapat dibaca: {detail}"
MISSING = "kolom wajib '{field}' tidak ada atau kosong"
WRONG_TYPE = "kolom '{field}' harus berupa {expected}"
BAD_ID = "id '{value}' tidak sah: gunakan huruf kecil, angka dan tanda hubung"
BAD_STATUS = "status '{value}' tidak dikenal; pilih 'berlaku' atau 'draf'"
NO_STEPS = "SOP berstatus 'berlaku' harus mempunyai langkah"
DUP_ROLE = "id pelaksana '{value}' dipakai lebih dari sekali"
STEP_ORDER = "nomor langkah {no} tidak naik (sesudah langkah {prev})"
STEP_DUP = "nomor langkah {no} dipakai lebih dari sekali"
STEP_GAP = (
    "nomor langkah melompat dari {prev} ke {no}; bila langkah {missing} memang hilang "
    "di dokumen sumber, cantumkan di 'langkah_hilang'; bila penomorannya memang melompat "
    "tanpa langkah yang hilang, cantumkan di 'nomor_dilewati'"
)
UNKNOWN_ROLE = "pelaksana '{value}' tidak ada di daftar [[pelaksana]] SOP ini ({known})"
NO_TARGET = "cabang kembali harus menyebut 'ke_langkah' atau 'ke_pelaksana'"
UNKNOWN_STEP_TARGET = "langkah tujuan {value} tidak ada di SOP ini"
UNKNOWN_ROLE_TARGET = "pelaksana tujuan '{value}' tidak ada di daftar [[pelaksana]] SOP ini"
LANJUT_NO_TARGET = "cabang lanjut harus menyebut 'ke_langkah' (nomor langkah)"
LANJUT_BAD_TARGET = (
    "cabang lanjut ke langkah {value} tidak sah: harus nomor langkah yang ada sesudah langkah {no}"
)
DUP_ID = "id SOP '{value}' dipakai juga oleh {other}"
STEP_FIELD = "langkah {no}"
TOO_BIG = "berkas SOP terlalu besar (lebih dari {limit} KB); SOP yang wajar jauh lebih kecil"
TOO_MANY = "'{field}' berisi {count} entri; paling banyak {limit}"
NOT_A_TABLE = "entri ke-{n} dari '{field}' harus berupa tabel [[{header}]], bukan nilai tunggal"
STEP_NO_RANGE = "nomor langkah {no} di luar batas; gunakan 1 sampai {limit}"
DUP_OFFICE_ID = (
    "id SOP '{value}' dipakai juga oleh {other}; yang dipakai berkas ini, yang lain "
    "diabaikan. Beri salah satu id lain"
)
OFFICE_WARNINGS = "{count} peringatan pada berkas SOP kantor; lihat 'loket sop periksa'"
OFFICE_SKIPPED = (
    "{count} berkas SOP kantor dilewati karena salah; lihat 'loket sop periksa'"
)
EXPECT_TEXT = "teks"
EXPECT_TEXTS = "daftar teks"
EXPECT_FLAG = "true atau false"
EXPECT_NUMBER = "bilangan bulat"
EXPECT_NUMBERS = "daftar nomor"
EXPECT_TABLE = "tabel [{key}]"
EXPECT_TABLES = "daftar tabel [[{key}]]"

# The names of the SOP identity fields (BAB II format), as the documents print them.
IDENTITY_LABELS = {
    "nomor": "Nomor SOP",
    "nama": "Nama SOP",
    "status": "Status",
    "instansi": "Instansi",
    "unit": "Unit",
    "tanggal_pembuatan": "Tanggal pembuatan",
    "tanggal_revisi": "Tanggal revisi",
    "tanggal_efektif": "Tanggal efektif",
    "disahkan_oleh": "Disahkan oleh",
    "dasar_hukum": "Dasar hukum",
    "kualifikasi_pelaksana": "Kualifikasi pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan": "Peralatan dan perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan": "Pencatatan dan pendataan",
    "pelaksana": "Pelaksana",
    "sumber": "Sumber",
    "catatan": "Catatan penyalin",
}

LOOKUP_NONE = "SOP '{value}' tidak ada di katalog; lihat 'loket sop daftar'"
LOOKUP_MANY = "'{value}' cocok dengan {count} SOP ({ids}); tulis lebih lengkap"
