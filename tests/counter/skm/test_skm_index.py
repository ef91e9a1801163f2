"""The IKM as PermenPANRB 14/2017 computes it, exactly, with its boundaries."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from counter.skm.index import compute, grade, round_half_up
from counter.skm.questions import UNSUR_CODES


def answers(*rows: tuple[int | None, ...]) -> list[dict[str, int | None]]:
    return [dict(zip(UNSUR_CODES, row, strict=True)) for row in rows]


def test_published_single_respondent_report_gives_100_sangat_baik():
    # Disdukcapil Tulang Bawang Barat, SKM 2023 semester 1 (e-smile.tubaba.go.id,
    # "Pengolahan data survei kepuasan masyarakat per responden dan per unsur"):
    # one respondent answering 4 on all nine unsur → NRR 4 per unsur, IKM 100, A.
    result = compute(answers((4,) * 9))
    assert [u.nrr for u in result.unsur] == [4] * 9
    assert result.ikm == Decimal("100.00")
    assert result.mutu == "A"
    # the worksheet's literal 0,111 loses a little: 4 × 0,111 × 9 × 25 = 99,90
    assert compute(answers((4,) * 9), weight="0,111").ikm == Decimal("99.90")


def test_nrr_is_the_mean_of_those_who_answered_that_unsur():
    rows = answers((4, 3, 2, 4, 3, 3, 3, 3, 3),
                   (2, 3, 2, 4, None, 3, 3, 3, 3),
                   (3, 3, 2, 4, 4, 3, 3, 3, 3))
    result = compute(rows)
    u1, u5 = result.unsur[0], result.unsur[4]
    assert (u1.total, u1.respondents, u1.nrr) == (9, 3, Fraction(3))
    assert (u5.total, u5.respondents, u5.nrr) == (7, 2, Fraction(7, 2))
    # IKM = Σ NRR × 1/9 × 25, exact: NRRs 3, 3, 2, 4, 3.5, 3, 3, 3, 3 → 27.5 → 76.388…
    assert result.ikm_exact == Fraction(55, 2) * Fraction(25, 9)
    assert result.ikm == Decimal("76.39")
    assert result.mutu == "C"


def test_a_response_that_skipped_everything_is_not_a_respondent():
    rows = answers((3,) * 9, (None,) * 9)
    assert compute(rows).respondents == 1


def test_no_ikm_while_an_unsur_has_no_answer_and_the_reason_names_it():
    rows = answers((3, 3, 3, None, 3, 3, 3, 3, 3))
    result = compute(rows)
    assert result.ikm is None and result.mutu is None
    assert "U4" in result.why_no_ikm


@pytest.mark.parametrize(("value", "letter"), [
    ("25.00", "D"), ("64.99", "D"), ("65.00", "C"), ("76.60", "C"),
    ("76.61", "B"), ("88.30", "B"), ("88.31", "A"), ("100.00", "A"),
])
def test_conversion_table_boundaries(value, letter):
    assert grade(Decimal(value)) == letter


def test_values_in_the_gaps_are_rounded_half_up_before_grading():
    # 76,605 lies between C's 76,60 and B's 76,61: rounded to 76,61 it is B.
    assert round_half_up(Fraction(76605, 1000)) == Decimal("76.61")
    assert grade(round_half_up(Fraction(76605, 1000))) == "B"
    assert round_half_up(Fraction(76604999, 1000000)) == Decimal("76.60")
    assert round_half_up(Fraction(64995, 1000)) == Decimal("65.00")


def test_the_weight_convention_can_change_the_mutu():
    # Σ NRR = 27.6: exactly 27.6 × 25/9 = 76.666… → 76.67 B; with 0,111: 76.59 → C.
    rows = answers(*([(3, 3, 3, 3, 3, 3, 3, 3, 3)] * 4 + [(3, 3, 3, 3, 3, 3, 4, 4, 4)]))
    exact = compute(rows)
    assert sum(u.nrr or 0 for u in exact.unsur) == Fraction(276, 10)
    assert (exact.ikm, exact.mutu) == (Decimal("76.67"), "B")
    literal = compute(rows, weight="0,111")
    assert (literal.ikm, literal.mutu) == (Decimal("76.59"), "C")
    assert compute(rows, weight="0,11").ikm == Decimal("75.90")


def test_lowest_unsur_first_for_the_follow_up_plan():
    rows = answers((4, 4, 1, 4, 4, 2, 4, 4, 4))
    order = [u.kode for u in compute(rows).lowest_first()]
    assert order[:2] == ["U3", "U6"]


def test_unknown_weight_is_refused():
    with pytest.raises(ValueError, match="bobot"):
        compute(answers((3,) * 9), weight="0,5")
