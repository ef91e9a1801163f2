"""Texts of the desk service (acting on cases)."""

SOP_NOT_USABLE = (
    "SOP '{nama}' belum dapat dipakai melayani: langkah-langkahnya tidak ada di dokumen "
    "sumber (status draf)"
)
UNKNOWN_SOP = "SOP '{sop_id}' tidak ada di katalog"
NOT_A_HAND_OFF = "langkah {step} tidak diserahkan ke pelaksana lain; pakai Selesai"
NO_SUCH_TARGET = "langkah {step} tidak dapat dikembalikan ke langkah {to_step}"
NO_NIK = "kasus {code} tidak mencatat NIK pemohon"
NO_CONFLICT = "kasus {code} tidak memiliki konflik yang perlu diselesaikan"
NOT_SIGNED_IN = "belum ada petugas yang masuk di meja ini; masuk dengan nama dan PIN dulu"
# an official's desk (meja pejabat) says "tidak" on any step it holds (counter/official.py)
DECLINE_TO_SENDER = "Kembali ke {role} (langkah {step})"
DECLINE_TO_APPLICANT = "Kembali ke {role} lewat loket (langkah {step})"
DECLINE_NO_REASON = "alasan pengembalian wajib diisi: pemohon dan loket perlu tahu apa yang kurang"
