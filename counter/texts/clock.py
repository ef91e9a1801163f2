"""Texts about the working calendar and the clock against mutu baku."""

# Levels of a step or a case against its mutu baku.
LEVEL_LABELS = {
    "dalam": "dalam batas waktu",
    "mendekati": "mendekati batas waktu",
    "lewat": "lewat batas waktu",
    "tanpa_batas": "tanpa batas waktu",
}

# Why a day is closed when it is not a national holiday.
OFFICE_CLOSED = "Libur kantor"

# Durations.
WORKING_DAY_UNIT = "hari kerja"
HOUR_UNIT = "jam"
MINUTE_UNIT = "menit"
LESS_THAN_A_MINUTE = "kurang dari 1 menit"

# Estimated completion on the tanda terima.

# A calendar that never opens cannot place a due time.
NO_WORKING_TIME = (
    "kalender kerja tidak memiliki jam kerja dalam {days} hari sejak {start}; "
    "periksa hari libur kantor dan jam kerja di profil kantor"
)
