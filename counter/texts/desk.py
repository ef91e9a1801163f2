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
