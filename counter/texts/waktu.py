"""Texts about mutu baku times."""

UNREADABLE = (
    "waktu {text!r} tidak dapat dibaca; contoh yang benar: '15 menit', '1 jam 30 menit', "
    "'2-4 hari', 'Maksimal 1 hari', 'N/A'"
)
NO_LIMIT = "tanpa batas waktu"
REPEATED_UNIT = (
    "waktu {text!r} menyebut satuan '{unit}' lebih dari sekali; tulis satu kali, "
    "misalnya '1 jam 30 menit'"
)
