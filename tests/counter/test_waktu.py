"""The mutu baku time parser on every text in the documents, office variants and garbage."""

import pytest

from counter.errors import WaktuError
from counter.waktu import Kind, Unit, parse_waktu

# Every distinct waktu string of the source documents (catalog-notes §3.1).
# text, kind, low, high, unit
Reading = tuple[str, Kind, float | None, float | None, Unit | None]

SOURCE_STRINGS: list[Reading] = [
    ("5 Menit", Kind.TETAP, 5, 5, Unit.MENIT),
    ("5 menit", Kind.TETAP, 5, 5, Unit.MENIT),
    ("10 Menit", Kind.TETAP, 10, 10, Unit.MENIT),
    ("10 menit", Kind.TETAP, 10, 10, Unit.MENIT),
    ("15 Menit", Kind.TETAP, 15, 15, Unit.MENIT),
    ("15 menit", Kind.TETAP, 15, 15, Unit.MENIT),
    ("20 Menit", Kind.TETAP, 20, 20, Unit.MENIT),
    ("30 Menit", Kind.TETAP, 30, 30, Unit.MENIT),
    ("30 menit", Kind.TETAP, 30, 30, Unit.MENIT),
    ("40 Menit", Kind.TETAP, 40, 40, Unit.MENIT),
    ("60 Menit", Kind.TETAP, 60, 60, Unit.MENIT),
    ("60 menit", Kind.TETAP, 60, 60, Unit.MENIT),
    ("120 menit", Kind.TETAP, 120, 120, Unit.MENIT),
    ("240 menit", Kind.TETAP, 240, 240, Unit.MENIT),
    ("1 jam", Kind.TETAP, 1, 1, Unit.JAM),
    ("2 Jam", Kind.TETAP, 2, 2, Unit.JAM),
    ("3 Jam", Kind.TETAP, 3, 3, Unit.JAM),
    ("1 Hari", Kind.TETAP, 1, 1, Unit.HARI),
    ("1 hari", Kind.TETAP, 1, 1, Unit.HARI),
    ("Maksimal 1 hari", Kind.MAKSIMAL, None, 1, Unit.HARI),
    ("2 Hari", Kind.TETAP, 2, 2, Unit.HARI),
    ("2 hari", Kind.TETAP, 2, 2, Unit.HARI),
    ("2-4 hari", Kind.RENTANG, 2, 4, Unit.HARI),
    ("2-7 hari", Kind.RENTANG, 2, 7, Unit.HARI),
    ("3 Hari", Kind.TETAP, 3, 3, Unit.HARI),
    ("3 hari", Kind.TETAP, 3, 3, Unit.HARI),
    ("6 hari", Kind.TETAP, 6, 6, Unit.HARI),
    ("14 hari", Kind.TETAP, 14, 14, Unit.HARI),
    ("2 Minggu", Kind.TETAP, 2, 2, Unit.MINGGU),
    ("1 bulan", Kind.TETAP, 1, 1, Unit.BULAN),
    ("5 Bulan", Kind.TETAP, 5, 5, Unit.BULAN),
    ("6 bulan", Kind.TETAP, 6, 6, Unit.BULAN),
    ("Menyesuaikan", Kind.TANPA, None, None, None),
    ("N/A", Kind.TANPA, None, None, None),
    ("", Kind.TANPA, None, None, None),
]

# What an office will type when it writes its own SOP.
OFFICE_VARIANTS: list[Reading] = [
    ("1 jam 30 menit", Kind.TETAP, 90, 90, Unit.MENIT),
    ("1,5 jam", Kind.TETAP, 1.5, 1.5, Unit.JAM),
    ("3 hari kerja", Kind.TETAP, 3, 3, Unit.HARI),
    ("maks. 2 hari", Kind.MAKSIMAL, None, 2, Unit.HARI),
    ("1 - 2 hari", Kind.RENTANG, 1, 2, Unit.HARI),
    ("30 s.d. 60 menit", Kind.RENTANG, 30, 60, Unit.MENIT),
    ("30 s/d 60 menit", Kind.RENTANG, 30, 60, Unit.MENIT),
    ("-", Kind.TANPA, None, None, None),
    ("  MAKSIMAL   1   HARI ", Kind.MAKSIMAL, None, 1, Unit.HARI),
    ("paling lama 3 hari", Kind.MAKSIMAL, None, 3, Unit.HARI),
    ("15menit", Kind.TETAP, 15, 15, Unit.MENIT),
]


@pytest.mark.parametrize(("text", "kind", "low", "high", "unit"), SOURCE_STRINGS + OFFICE_VARIANTS)
def test_reads_every_known_text(text, kind, low, high, unit):
    w = parse_waktu(text)
    assert (w.kind, w.low, w.high, w.unit) == (kind, low, high, unit)
    assert w.raw == text  # shown to officers verbatim


def test_hari_kalender_is_not_working_days():
    assert parse_waktu("3 hari").hari_kerja is True
    assert parse_waktu("3 hari kalender").hari_kerja is False


def test_unlimited_texts_have_a_readable_label():
    assert parse_waktu("").label() == "tanpa batas waktu"
    assert parse_waktu("N/A").label() == "N/A"


@pytest.mark.parametrize(
    # Mixed units ("1 hari 2 jam") and seconds are read now: see test_waktu_forms.py.
    "text", ["lima menit?", "12 x", "jam", "menit 5", "4-2 hari", "0 menit", "??"]
)
def test_garbage_is_a_clear_error(text):
    with pytest.raises(WaktuError) as info:
        parse_waktu(text)
    assert repr(text) in str(info.value)
    assert "tidak dapat dibaca" in str(info.value)
