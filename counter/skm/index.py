"""The Indeks Kepuasan Masyarakat, computed exactly (PermenPANRB 14/2017).

Per unsur, NRR = Σ scores / respondents who answered that unsur. IKM =
Σ (NRR × weight) × 25 over the nine unsur. Everything is a `Fraction` until the
very end, where the value is rounded half-up to two decimals (`Decimal`), so no
float error can move a unit across a mutu boundary.

The conversion table has gaps between its intervals (64,99 | 65,00; 76,60 |
76,61; 88,30 | 88,31). Loket classifies the value *after* rounding to two
decimals, the precision the table is written in, so there are no gaps: 76,605
rounds to 76,61 and is B. A per-unsur mutu uses the same table on NRR × 25.

The weight is 1/9 exactly by default; offices that report with an older
worksheet's literal 0,111 or 0,11 can choose it (`WEIGHTS`), and every report
says which was used, because the choice can change the mutu (see the tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from counter.skm.questions import UNSUR_CODES
from counter.texts import skm as T

WEIGHTS: dict[str, Fraction] = {
    "tepat": Fraction(1, 9),
    "0,111": Fraction(111, 1000),
    "0,11": Fraction(11, 100),
}
DEFAULT_WEIGHT = "tepat"

# (lowest converted value, grade) from the regulation's table, highest first.
_GRADES: tuple[tuple[Decimal, str], ...] = (
    (Decimal("88.31"), "A"),
    (Decimal("76.61"), "B"),
    (Decimal("65.00"), "C"),
    (Decimal("25.00"), "D"),
)


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """`value` rounded half-up to `places` decimals, computed without floats."""
    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def grade(converted: Decimal) -> str:
    """A, B, C or D for a value on the 25–100 scale, already rounded to 2 decimals."""
    for low, letter in _GRADES:
        if converted >= low:
            return letter
    return "D"


def mutu_label(letter: str) -> str:
    return T.MUTU[letter]


@dataclass(frozen=True)
class UnsurScore:
    kode: str
    total: int  # Σ scores
    respondents: int  # who answered this unsur

    @property
    def nrr(self) -> Fraction | None:
        return Fraction(self.total, self.respondents) if self.respondents else None

    def weighted(self, weight: Fraction) -> Fraction | None:
        nrr = self.nrr
        return None if nrr is None else nrr * weight

    @property
    def converted(self) -> Decimal | None:
        """NRR × 25, rounded: the unsur on the IKM scale (its own mutu)."""
        nrr = self.nrr
        return None if nrr is None else round_half_up(nrr * 25)

    @property
    def mutu(self) -> str | None:
        converted = self.converted
        return None if converted is None else grade(converted)


@dataclass(frozen=True)
class IndexResult:
    respondents: int
    unsur: tuple[UnsurScore, ...]
    weight_name: str
    ikm_exact: Fraction | None
    missing: tuple[str, ...]  # unsur nobody answered: no IKM then

    @property
    def weight(self) -> Fraction:
        return WEIGHTS[self.weight_name]

    @property
    def ikm(self) -> Decimal | None:
        return None if self.ikm_exact is None else round_half_up(self.ikm_exact)

    @property
    def mutu(self) -> str | None:
        ikm = self.ikm
        return None if ikm is None else grade(ikm)

    @property
    def why_no_ikm(self) -> str:
        if self.respondents == 0:
            return T.NO_ANSWERS
        return T.IKM_MISSING_UNSUR.format(kode=", ".join(self.missing))

    def lowest_first(self) -> list[UnsurScore]:
        """Unsur by NRR, lowest first (the follow-up plan starts there); unanswered last."""
        answered = [u for u in self.unsur if u.nrr is not None]
        return sorted(answered, key=lambda u: (u.nrr, u.kode)) + [
            u for u in self.unsur if u.nrr is None]


def compute(answers: Iterable[Mapping[str, int | None]], weight: str = DEFAULT_WEIGHT
            ) -> IndexResult:
    """The index of a set of responses (each maps U1..U9 to 1..4 or None = skipped).

    A response that skipped every unsur is not a respondent. The IKM needs every
    unsur answered by at least one respondent; otherwise it is None and
    `why_no_ikm` names the unsur.
    """
    if weight not in WEIGHTS:
        raise ValueError(T.BAD_WEIGHT.format(value=weight))
    totals = dict.fromkeys(UNSUR_CODES, 0)
    counts = dict.fromkeys(UNSUR_CODES, 0)
    respondents = 0
    for answer in answers:
        scored = [(k, answer.get(k)) for k in UNSUR_CODES]
        if all(v is None for _, v in scored):
            continue
        respondents += 1
        for kode, value in scored:
            if value is not None:
                totals[kode] += int(value)
                counts[kode] += 1
    unsur = tuple(UnsurScore(k, totals[k], counts[k]) for k in UNSUR_CODES)
    missing = tuple(u.kode for u in unsur if u.respondents == 0)
    ikm: Fraction | None = None
    if respondents and not missing:
        w = WEIGHTS[weight]
        ikm = sum((u.nrr * w for u in unsur if u.nrr is not None), Fraction(0)) * 25
    return IndexResult(respondents=respondents, unsur=unsur, weight_name=weight,
                       ikm_exact=ikm, missing=missing)
