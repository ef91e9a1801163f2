"""The visitor of a case and the checking of what the officer types about them.

Only the name is required: the counter must never turn a visitor away for a
missing phone. What is given is checked where a typo is likely (a 16-digit NIK,
a phone number) so the receipt and any call-back reach the right person, and
it is masked on screen and paper because it is personal data.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from counter.errors import VisitorError
from counter.texts import case as T

# Kemendagri province codes (kode wilayah, Kepmendagri on kode dan data wilayah
# administrasi pemerintahan): the 38 provinces, including the four Papua
# provinces formed in 2022 (93 Papua Selatan, 94 Papua Tengah, 95 Papua
# Pegunungan, 96 Papua Barat Daya).
PROVINCE_CODES = frozenset(
    {*range(11, 20), 21, *range(31, 37), *range(51, 54), *range(61, 66), *range(71, 77),
     81, 82, *range(91, 97)}
)

_SEPARATORS = re.compile(r"[\s.\-/()]")


@dataclass(frozen=True)
class Visitor:
    """Who the case is for; empty strings for what was not given."""

    nama: str
    nik: str = ""
    telepon: str = ""
    nama_usaha: str = ""
    alamat: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Visitor:
        """Read a stored visitor without re-validating: history must always load."""
        data = data or {}
        return cls(**{k: str(data.get(k) or "") for k in ("nama", "nik", "telepon",
                                                            "nama_usaha", "alamat")})


def make_visitor(
    nama: str, nik: str = "", telepon: str = "", nama_usaha: str = "", alamat: str = ""
) -> Visitor:
    """Check and normalise what the officer typed; raise `VisitorError` on the first fault."""
    return Visitor(
        nama=validate_nama(nama),
        nik=validate_nik(nik) if (nik or "").strip() else "",
        telepon=validate_telepon(telepon) if (telepon or "").strip() else "",
        nama_usaha=" ".join((nama_usaha or "").split()),
        alamat=" ".join((alamat or "").split()),
    )


def validate_nama(text: str) -> str:
    """The name is the one thing the receipt cannot do without."""
    nama = " ".join((text or "").split())
    if not nama:
        raise VisitorError(T.NAMA_REQUIRED, field="nama")
    if len(nama) > 100:
        raise VisitorError(T.NAMA_TOO_LONG, field="nama")
    return nama


def validate_nik(text: str, today: date | None = None) -> str:
    """Return the 16-digit NIK or raise `VisitorError` saying what is implausible.

    Layout: PP KK CC DDMMYY SSSS — province, kabupaten/kota, kecamatan, birth
    date (women add 40 to the day), serial. `today` decides the century of YY.
    """
    raw = (text or "").strip()
    nik = _SEPARATORS.sub("", raw)
    if not nik:
        raise VisitorError(T.NIK_EMPTY, field="nik")
    if not nik.isascii() or not nik.isdigit():
        raise VisitorError(T.NIK_NOT_DIGITS.format(text=raw), field="nik")
    if len(nik) != 16:
        raise VisitorError(T.NIK_LENGTH.format(n=len(nik)), field="nik")
    if int(nik[0:2]) not in PROVINCE_CODES:
        raise VisitorError(T.NIK_PROVINCE.format(code=nik[0:2]), field="nik")
    if nik[2:4] == "00":
        raise VisitorError(T.NIK_KABUPATEN, field="nik")
    if nik[4:6] == "00":
        raise VisitorError(T.NIK_KECAMATAN, field="nik")
    if _birth_date(nik[6:12], today or date.today()) is None:
        raise VisitorError(T.NIK_BIRTH.format(text=nik[6:12]), field="nik")
    if nik[12:] == "0000":
        raise VisitorError(T.NIK_SERIAL, field="nik")
    return nik


def _birth_date(ddmmyy: str, today: date) -> date | None:
    day, month, yy = int(ddmmyy[0:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    if day > 40:
        day -= 40  # women
    year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    try:
        born = date(year, month, day)
    except ValueError:
        return None
    return born if born <= today else None


def validate_telepon(text: str) -> str:
    """Return an Indonesian number in E.164 form (+62…) or raise `VisitorError`.

    Accepted: mobile 08… / +628… / 628… (10–13 digits written with the leading
    0) and landlines 0xx… with an area code (9–12 digits with the 0).
    """
    raw = (text or "").strip()
    digits = _SEPARATORS.sub("", raw)
    if not digits:
        raise VisitorError(T.TELEPON_EMPTY, field="telepon")
    if digits.startswith("+"):
        if not digits.startswith("+62"):
            raise VisitorError(T.TELEPON_FOREIGN.format(text=raw), field="telepon")
        digits = "0" + digits[3:]
    elif digits.startswith("0062"):
        digits = "0" + digits[4:]
    elif digits.startswith("62"):
        digits = "0" + digits[2:]
    if not digits.isascii() or not digits.isdigit():
        raise VisitorError(T.TELEPON_NOT_DIGITS.format(text=raw), field="telepon")
    if not digits.startswith("0") or digits.startswith("00"):
        raise VisitorError(T.TELEPON_PREFIX.format(text=raw), field="telepon")
    if digits.startswith("08"):
        if not 10 <= len(digits) <= 13:
            raise VisitorError(T.TELEPON_MOBILE_LENGTH.format(n=len(digits)), field="telepon")
    elif not 9 <= len(digits) <= 12:
        raise VisitorError(T.TELEPON_LANDLINE_LENGTH.format(n=len(digits)), field="telepon")
    return "+62" + digits[1:]


def format_telepon(canonical: str) -> str:
    """The national form officers read aloud: +6281234567890 → 0812-3456-7890."""
    if not canonical.startswith("+62"):
        return canonical
    national = "0" + canonical[3:]
    if national.startswith("08"):
        return "-".join(filter(None, (national[:4], national[4:8], national[8:])))
    return national


def mask_nik(nik: str) -> str:
    """Show only the first 4 (province, kabupaten) and last 4 digits: 3501********0002."""
    nik = (nik or "").strip()
    if len(nik) <= 8:
        return "*" * len(nik)
    return nik[:4] + "*" * (len(nik) - 8) + nik[-4:]


def mask_telepon(telepon: str) -> str:
    """National form with the middle hidden (0812*****7890), enough to confirm by voice."""
    telepon = (telepon or "").strip()
    if not telepon:
        return ""
    national = "0" + telepon[3:] if telepon.startswith("+62") else telepon
    if len(national) <= 8:
        return "*" * len(national)
    return national[:4] + "*" * (len(national) - 8) + national[-4:]
