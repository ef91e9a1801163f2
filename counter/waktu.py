"""Reading mutu baku times ("15 menit", "Maksimal 1 hari", "2-4 hari", "N/A").

The SOP documents write the standard time of a step as free text. The clock
needs numbers, so each text is parsed once into a `Waktu` that keeps the raw
text (shown to officers verbatim) beside its structured reading.

Units on the clock (see docs/sop-format.md): menit and jam are working time
inside office hours; hari are working days; minggu and bulan are calendar time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from counter.errors import WaktuError
from counter.texts import waktu as T


class Unit(StrEnum):
    MENIT = "menit"
    JAM = "jam"
    HARI = "hari"
    MINGGU = "minggu"
    BULAN = "bulan"


class Kind(StrEnum):
    TETAP = "tetap"  # a fixed standard: "15 menit"
    RENTANG = "rentang"  # a range: "2-4 hari"
    MAKSIMAL = "maksimal"  # an upper bound only: "Maksimal 1 hari"
    TANPA = "tanpa"  # no limit: "N/A", "Menyesuaikan", empty


# Minutes per unit, to fold compound texts ("1 jam 30 menit") into one unit.
_MINUTES = {Unit.MENIT: 1, Unit.JAM: 60}

_UNIT_WORDS = {
    "menit": Unit.MENIT,
    "mnt": Unit.MENIT,
    "jam": Unit.JAM,
    "hari": Unit.HARI,
    "hr": Unit.HARI,
    "minggu": Unit.MINGGU,
    "pekan": Unit.MINGGU,
    "bulan": Unit.BULAN,
    "bln": Unit.BULAN,
}
_NO_LIMIT = {
    "", "-", "--", "—", "–", "n/a", "na", "n.a.", "menyesuaikan", "tidak ada", "tanpa batas",
}
_MAX_PREFIX = re.compile(
    r"^(maksimal|maksimum|maks\.?|max\.?|paling lama|selambat-lambatnya)\s*"
)
_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = r"(menit|mnt|jam|hari|hr|minggu|pekan|bulan|bln)"
_SUFFIX = r"(?:\s+(kerja|kalender))?"
_RANGE = re.compile(
    rf"^({_NUMBER})\s*(?:-|–|s\.?\s?d\.?|s/d|sampai|hingga)\s*({_NUMBER})\s*{_UNIT}{_SUFFIX}$"
)
_TERM = re.compile(rf"({_NUMBER})\s*{_UNIT}")
_SINGLE = re.compile(rf"^({_NUMBER})\s*{_UNIT}{_SUFFIX}$")
_COMPOUND = re.compile(rf"^(?:{_NUMBER}\s*{_UNIT}\s*)+$")


@dataclass(frozen=True)
class Waktu:
    """A parsed mutu baku time; `low`/`high` are in `unit` (None where absent)."""

    raw: str
    kind: Kind
    low: float | None = None
    high: float | None = None
    unit: Unit | None = None
    hari_kerja: bool = True

    @property
    def limited(self) -> bool:
        return self.kind is not Kind.TANPA

    def label(self) -> str:
        """The text officers see: the source's own words, or 'tanpa batas waktu'."""
        return self.raw.strip() or T.NO_LIMIT

    def spoken(self) -> str:
        """The limit as Loket says it ("40 menit", not the source's "40 Menit"); the
        SOP table itself keeps `label()`, the source's own words."""
        return _SPOKEN_UNITS.sub(lambda m: m.group(0).lower(), self.label())

    def as_dict(self) -> dict[str, object]:
        return {
            "raw": self.raw,
            "kind": self.kind.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit.value if self.unit else None,
            "hari_kerja": self.hari_kerja,
        }


_SPOKEN_UNITS = re.compile(r"\b(menit|jam|hari|minggu|bulan|kerja|kalender)\b", re.IGNORECASE)


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def parse_waktu(text: str) -> Waktu:
    """Parse a waktu text; raise `WaktuError` (Indonesian) when it cannot be read."""
    raw = text if isinstance(text, str) else str(text)
    norm = re.sub(r"\s+", " ", raw.strip().lower())
    if norm in _NO_LIMIT:
        return Waktu(raw=raw, kind=Kind.TANPA)

    maximal = False
    prefix = _MAX_PREFIX.match(norm)
    if prefix:
        maximal = True
        norm = norm[prefix.end() :].strip()

    hari_kerja = "kalender" not in norm
    if m := _RANGE.match(norm):
        low, high, unit = _num(m.group(1)), _num(m.group(2)), _UNIT_WORDS[m.group(3)]
        if low > high or high <= 0:
            raise WaktuError(T.UNREADABLE.format(text=raw))
        kind = Kind.MAKSIMAL if maximal else Kind.RENTANG
        return Waktu(raw, kind, None if maximal else low, high, unit, hari_kerja)
    if m := _SINGLE.match(norm):
        value, unit = _num(m.group(1)), _UNIT_WORDS[m.group(2)]
    elif _COMPOUND.match(norm):
        value, unit = _fold_compound(norm, raw)
    else:
        raise WaktuError(T.UNREADABLE.format(text=raw))
    if value <= 0:
        raise WaktuError(T.UNREADABLE.format(text=raw))
    if maximal:
        return Waktu(raw, Kind.MAKSIMAL, None, value, unit, hari_kerja)
    return Waktu(raw, Kind.TETAP, value, value, unit, hari_kerja)


def _fold_compound(norm: str, raw: str) -> tuple[float, Unit]:
    """'1 jam 30 menit' → (90, menit); only jam and menit combine, each once
    ("1 jam 2 jam" is a typo, not 3 hours)."""
    total = 0.0
    seen: set[Unit] = set()
    for number, word in _TERM.findall(norm):
        unit = _UNIT_WORDS[word]
        if unit not in _MINUTES:
            raise WaktuError(T.UNREADABLE.format(text=raw))
        if unit in seen:
            raise WaktuError(T.REPEATED_UNIT.format(text=raw, unit=unit.value))
        seen.add(unit)
        total += _num(number) * _MINUTES[unit]
    return total, Unit.MENIT
