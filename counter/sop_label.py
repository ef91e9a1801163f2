"""A service's short label for narrow columns, when its SOP gives no `nama_singkat`.

SOP titles open with words every service shares ("Pengajuan …", "Penerbitan …"), so
a column cut at ten characters reads the same for most rows. The bundled SOPs carry a
hand-chosen `nama_singkat`; an office's own SOP without one gets this abbreviation.
"""

from __future__ import annotations

import re

# Leading words that say "a service" rather than which one (longest first).
_FILLER = (
    "rekomendasi teknis", "pelaksanaan kegiatan", "pengajuan", "penerbitan",
    "pelaksanaan", "penyusunan", "pengelolaan", "surat", "layanan",
)
_PAREN = re.compile(r"\s*\([^)]*\)")


def abbreviate(nama: str) -> str:
    """'Pengajuan Sertifikat Nomor Induk Koperasi (NIK)' -> 'Sertifikat Nomor Induk Koperasi'."""
    text = _PAREN.sub("", nama).strip() or nama.strip()
    stripped = True
    while stripped:
        stripped = False
        low = text.lower()
        for word in _FILLER:
            if low.startswith(word + " ") and text[len(word):].strip():
                text = text[len(word):].strip()
                stripped = True
                break
    return text[:1].upper() + text[1:] if text else nama
