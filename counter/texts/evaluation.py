"""Texts of the SOP evaluation (monitoring and evaluation of each mutu baku)."""

TITLE = "Monitoring dan Evaluasi SOP"
PERIOD = "Periode: {first} s.d. {last}"
SOP_LINE = "{nomor} {nama} (versi {versi})"
OFFICE_WIDE = "Seluruh meja kantor ({desks} meja)"
ONE_DESK = "Meja ini saja"
CASES_LINE = "{cases} kasus, {runs} pelaksanaan langkah"
NO_RUNS = "Belum ada langkah yang dijalankan pada periode ini."

# ----- verdicts
SESUAI = "sesuai"
TERLALU_KETAT = "terlalu ketat"
TERLALU_LONGGAR = "terlalu longgar"
BERMASALAH = "bermasalah"
BELUM_DINILAI = "belum dinilai"
TANPA_MUTU_BAKU = "tanpa mutu baku"
LANGKAH_PEMOHON = "langkah pemohon"

WHY_FEW = "baru {n} pelaksanaan (perlu paling sedikit {min}); belum dapat dinilai"
WHY_NO_LIMIT = "waktu langkah ini tidak dibakukan; tidak dinilai terhadap mutu baku"
WHY_APPLICANT = "langkah dikerjakan pemohon sendiri; waktunya milik pemohon, tidak dinilai"
WHY_SESUAI = "{within} dari {n} pelaksanaan dalam mutu baku ({share})"
WHY_KETAT = (
    "{over} dari {n} pelaksanaan lewat mutu baku ({share}); alasan yang sama: "
    "\u201c{reason}\u201d ({reason_n} kali), oleh {officers} petugas"
)
WHY_LONGGAR = (
    "{within} dari {n} pelaksanaan dalam mutu baku ({share}); p95 {p95} "
    "tidak sampai separuh mutu baku {limit}"
)
WHY_RETURNS = "dikembalikan {returns} dari {n} kali ({share})"
WHY_MISSING = "\u201c{item}\u201d kurang pada {count} dari {checked} pemeriksaan ({share})"
WHY_OVER_SCATTERED = (
    "{over} dari {n} pelaksanaan lewat mutu baku ({share}) tanpa alasan yang seragam"
)
WHY_OVER_ONE_OFFICER = (
    "{over} dari {n} pelaksanaan lewat mutu baku ({share}); {top} dari yang lewat "
    "oleh {officer} saja"
)
PROPOSE = "usul mutu baku: {waktu} (p80 {p80}, dibulatkan)"
PROPOSE_NONE = "-"

# ----- tables
COL_NO = "No"
COL_KEGIATAN = "Kegiatan"
COL_PELAKSANA = "Pelaksana"
COL_MUTU = "Mutu baku"
COL_RUNS = "Jml"
COL_MEDIAN = "Median"
COL_P80 = "p80"
COL_P95 = "p95"
COL_WITHIN = "Dalam"
COL_OVER = "Lewat"
COL_VERDICT = "Penilaian"
COL_PROPOSAL = "Usul"
COL_EVIDENCE = "Bukti"
HEAD_STEPS = "Per langkah"
HEAD_REASONS = "Alasan lewat mutu baku"
HEAD_RETURNS = "Pengembalian berkas"
HEAD_MISSING = "Kelengkapan yang kurang"
HEAD_WAITS = "Menunggu pemohon (di luar waktu kerja)"
HEAD_VERSIONS = "Perbandingan versi SOP"
HEAD_MONITORING = "Formulir Monitoring Pelaksanaan SOP AP (PermenPANRB 35/2012, Tabel 7)"
HEAD_EVALUATION = "Formulir Evaluasi Penerapan SOP AP (PermenPANRB 35/2012)"
HEAD_RULES = "Aturan penilaian"
REASON_LINE = "langkah {step}: \u201c{reason}\u201d {count} kali"
NO_REASON = "(tanpa alasan)"
RETURN_LINE = "langkah {from_step} \u2192 {to}: {count} kali; alasan: {reasons}"
RETURN_UNKNOWN = "tujuan tidak tercatat"
RETURN_TO_STEP = "langkah {no}"
MISSING_LINE = "langkah {step}: \u201c{item}\u201d kurang {count} dari {checked} kali"
WAIT_LINE = "langkah {step}: {count} kali, jumlah {total}, median {median}"
VERSION_LINE = (
    "langkah {step}, versi {versi} ({waktu}): {n} pelaksanaan, median {median}, "
    "p80 {p80}, dalam mutu baku {share}"
)
NONE_LINE = "tidak ada"

# ----- the regulation's forms
MON_COLS = ("No", "Prosedur", "Penilaian terhadap penerapan", "Catatan hasil penilaian",
            "Tindakan yang harus diambil", "Paraf penilai")
MON_GOOD = "Berjalan dengan baik"
MON_BAD = "Tidak berjalan dengan baik"
MON_BLANK = "(diisi penilai)"
MON_NOTE = "oleh {who}; {figures}"
MON_FIGURES = "{n} kali, median {median} (mutu baku {limit}), dalam mutu baku {share}"
MON_FIGURES_NO_LIMIT = "{n} kali, median {median}, tanpa mutu baku"
ACT_PROPOSE = "tetapkan mutu baku baru {waktu} sebagai versi SOP berikutnya"
ACT_RETURNS = "telaah sebab pengembalian berkas dan perjelas langkah sebelumnya"
ACT_MISSING = "umumkan persyaratan \u201c{item}\u201d lebih jelas kepada pemohon"
ACT_OFFICER = "bina petugas yang sering melewati mutu baku"
ACT_SCATTERED = "telaah sebab keterlambatan bersama pelaksana"
ACT_KEEP = "pertahankan"
ACT_MORE_DATA = "kumpulkan data lebih banyak"
ACT_SET_LIMIT = "tetapkan mutu baku waktu ({waktu} menurut p80)"

EVA_COLS = ("No", "Prinsip", "Penilaian (Ya/Tidak)", "Catatan hasil penilaian",
            "Tindakan yang harus diambil")
YES = "Ya"
NO = "Tidak"
BLANK = "(diisi penilai)"
PRINCIPLES = (
    ("mudah_jelas", "Mudah dan jelas"),
    ("efisien_efektif", "Efisien dan efektif"),
    ("keselarasan", "Keselarasan"),
    ("keterukuran", "Keterukuran"),
    ("dinamis", "Dinamis"),
    ("pengguna", "Berorientasi pengguna"),
    ("kepatuhan_hukum", "Kepatuhan hukum"),
    ("kepastian_hukum", "Kepastian hukum"),
)
EVA_RETURNS = "pengembalian berkas: {returns} dari {runs} pelaksanaan langkah"
EVA_RETURNS_HIGH = "sering dikembalikan pada langkah {steps}"
EVA_TIME = "dalam mutu baku {share} dari {n} pelaksanaan yang diukur"
EVA_TIME_STEPS = "mutu baku perlu ditinjau pada langkah {steps}"
EVA_MEASURED = "{limited} dari {steps} langkah memiliki mutu baku waktu"
EVA_UNMEASURED = "tanpa mutu baku waktu: langkah {steps}"
EVA_VERSIONS = "versi {versi}, tanggal {tanggal}; {count} versi tersimpan"
EVA_USER = "menunggu pemohon {waits} kali; kelengkapan kurang {missing} kali"
EVA_USER_MISSING = "persyaratan sering kurang: {items}"
EVA_KESELARASAN = "keterkaitan: {items}"
EVA_DASAR = "dasar hukum: {items}"
EVA_PENGESAHAN = "disahkan oleh: {who}; tanggal efektif: {when}"
EVA_NOT_RECORDED = "belum tercatat di SOP"

RULES = (
    "Dinilai bila paling sedikit {min} pelaksanaan selesai pada versi SOP yang berlaku.",
    "Bermasalah: dikembalikan pada \u2265 {returns} pelaksanaan, atau satu kelengkapan kurang "
    "pada \u2265 {missing} pemeriksaan, atau sering lewat mutu baku tanpa alasan seragam "
    "atau oleh satu petugas saja.",
    "Terlalu ketat: lewat mutu baku pada \u2265 {over} pelaksanaan, dengan satu alasan yang "
    "sama pada \u2265 {reason} dari yang lewat, oleh lebih dari satu petugas.",
    "Terlalu longgar: lewat pada \u2264 {loose_over} pelaksanaan dan p95 \u2264 {loose_p95} "
    "mutu baku.",
    "Sesuai: selain itu (sebagian besar dalam mutu baku).",
    "Usul mutu baku: p80 waktu kerja, dibulatkan ke atas (menit ke kelipatan 5, jam dan "
    "hari ke bilangan bulat); berlaku hanya bila diterima penyelia sebagai versi baru.",
)

# ----- units
MINUTES = "{n} menit"
HOURS = "{n} jam"
DAYS = "{n} hari"

# ----- accepting a proposal
ACCEPTED = "Mutu baku langkah {step} diterima: {old} \u2192 {new}; disimpan sebagai versi {versi}."
NOTHING_TO_ACCEPT = "Langkah {step} tidak memiliki usul mutu baku pada periode ini."
NO_PROPOSALS = "Tidak ada usul mutu baku pada periode ini."
NO_SUCH_STEP = "SOP {sop} tidak memiliki langkah {step}"

# ----- CLI
HELP_EVALUASI = "monitoring dan evaluasi SOP dari waktu layanan yang tercatat"
HELP_FORMAT = "format keluaran: teks (bawaan), pdf atau xlsx"
HELP_TERIMA = "terima usul mutu baku langkah N sebagai versi SOP baru (penyelia)"
HELP_OUTPUT = (
    "berkas keluaran; tanpa -o: teks ke layar, pdf/xlsx ke folder laporan/ di direktori data"
)
WRITTEN = "Evaluasi ditulis ke {path}"

# ----- the screen
SCREEN_TITLE = "Evaluasi SOP"
KEY_EVALUATE = "Evaluasi"
KEY_PERIOD = "Periode"
KEY_ACCEPT = "Terima usul"
KEY_EXPORT = "Ekspor PDF"
KEY_BACK = "Kembali"
ACCEPT_ASK = "Nomor langkah yang usulnya diterima:"
ACCEPT_BAD = "'{text}' bukan langkah dengan usul mutu baku"
EXPORTED = "PDF evaluasi: {path}"
LOADING = "Menghitung\u2026"
WORK_LOAD = "menghitung evaluasi SOP"
WORK_EXPORT = "menulis PDF evaluasi SOP"
PERIOD_FROM = "Dari"
PERIOD_TO = "Sampai"
XLSX_UNIT = "Satuan"
XLSX_WITHIN = "Dalam (%)"
XLSX_OVER = "Lewat (%)"
XLSX_RETURNED = "Dikembalikan"
XLSX_DAYS = "hari"
XLSX_MINUTES = "menit"
SHEETS = ("Langkah", "Rincian", "Monitoring", "Evaluasi")
ACCEPT_CATATAN = ("Mutu baku langkah {step} diubah dari {old} menjadi {new} berdasarkan "
                  "evaluasi {first} s.d. {last}; diterima oleh {supervisor}.")
PROPOSAL_OUTDATED = (
    "usul ini dari pelaksanaan versi {versi}; SOP sudah versi {current}. Evaluasi periode "
    "sesudah versi {current} berlaku untuk menilai mutu baku yang baru"
)
OUTDATED_LINE = (
    "Dinilai pada versi {versi} (pelaksanaan periode ini); yang berlaku kini versi {current}."
)
PENYELIA_LABEL = "Diterima oleh supervisor: {nama}"

# ----- requests without an SOP (issue 12: the general SOP's walk-ins)
UNSERVED_HEAD = "Permintaan yang belum punya SOP (dilayani dengan SOP umum)"
UNSERVED_LINE = "{keperluan}: {count} pengunjung"
UNSERVED_NONE = "tidak ada"
UNSERVED_UNKNOWN = "(keperluan tidak dicatat)"
