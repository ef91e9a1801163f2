"""The minimum number of respondents for a population (Krejcie and Morgan, 1970),
the table PermenPANRB 14/2017 refers to.

s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)) with X² = 3,841 (95 %), P = 0,5 and
d = 0,05, rounded half-up: this reproduces every entry of the published table
(10 → 10, 100 → 80, 1.200 → 291, 100.000 → 384) and gives a value for every N
in between instead of the next row's.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CHI2 = Decimal("3.841")
_P = Decimal("0.5")
_D = Decimal("0.05")


def minimum_sample(population: int) -> int:
    """Respondents needed for `population` visitors served in the period."""
    if population <= 0:
        return 0
    n = Decimal(population)
    pq = _P * (1 - _P)
    s = (_CHI2 * n * pq) / (_D * _D * (n - 1) + _CHI2 * pq)
    return min(population, int(s.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
