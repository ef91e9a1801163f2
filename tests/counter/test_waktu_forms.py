"""Every way of writing a waktu that real SOP tables use is read, or named as unreadable."""

from __future__ import annotations

import pytest

from counter.errors import WaktuError
from counter.waktu import Kind, Unit, parse_waktu


@pytest.mark.parametrize(
    ("text", "kind", "low", "high", "unit"),
    [
        ("½ hari", Kind.TETAP, 0.5, 0.5, Unit.HARI),
        ("1/2 hari", Kind.TETAP, 0.5, 0.5, Unit.HARI),
        ("1 1/2 jam", Kind.TETAP, 1.5, 1.5, Unit.JAM),
        ("0,5 hari", Kind.TETAP, 0.5, 0.5, Unit.HARI),
        ("1x24 jam", Kind.TETAP, 24, 24, Unit.JAM),
        ("2 x 24 Jam", Kind.TETAP, 48, 48, Unit.JAM),
        ("3 (tiga) hari kerja", Kind.TETAP, 3, 3, Unit.HARI),
        ("± 15 mnt", Kind.TETAP, 15, 15, Unit.MENIT),
        ("kurang lebih 10 menit", Kind.TETAP, 10, 10, Unit.MENIT),
        ("15'", Kind.TETAP, 15, 15, Unit.MENIT),
        ("1 hari 4 jam", Kind.TETAP, 1.5, 1.5, Unit.HARI),
        ("2 jam 15 mnt", Kind.TETAP, 135, 135, Unit.MENIT),
        ("90 detik", Kind.TETAP, 1.5, 1.5, Unit.MENIT),
        ("maksimum 1 hari", Kind.MAKSIMAL, None, 1, Unit.HARI),
        ("< 1 hari", Kind.MAKSIMAL, None, 1, Unit.HARI),
        ("tidak lebih dari 3 HK", Kind.MAKSIMAL, None, 3, Unit.HARI),
        ("1 s/d 2 hari", Kind.RENTANG, 1, 2, Unit.HARI),
        ("1 hari - 2 hari", Kind.RENTANG, 1, 2, Unit.HARI),
        ("15 menit / berkas", Kind.TETAP, 15, 15, Unit.MENIT),
        ("satu hari", Kind.TETAP, 1, 1, Unit.HARI),
        ("sehari", Kind.TETAP, 1, 1, Unit.HARI),
        ("2 hr", Kind.TETAP, 2, 2, Unit.HARI),
        ("5 jm", Kind.TETAP, 5, 5, Unit.JAM),
        ("1 tahun", Kind.TETAP, 12, 12, Unit.BULAN),
        ("10 Menit.", Kind.TETAP, 10, 10, Unit.MENIT),
    ],
)
def test_real_table_forms_are_read(text, kind, low, high, unit) -> None:
    w = parse_waktu(text)
    assert (w.kind, w.low, w.high, w.unit) == (kind, low, high, unit)
    assert w.raw == text  # officers keep seeing the office's own words


def test_week_and_days_fold_into_calendar_days() -> None:
    w = parse_waktu("1 minggu 2 hari")
    assert (w.high, w.unit, w.hari_kerja) == (9, Unit.HARI, False)


@pytest.mark.parametrize("text", ["sesuai jadwal", "Menyesuaikan jadwal", "tentatif",
                                  "Sesuai kebutuhan", "tidak ditentukan"])
def test_unspecified_and_by_schedule_have_no_limit(text: str) -> None:
    assert parse_waktu(text).kind is Kind.TANPA


@pytest.mark.parametrize("text", ["abc", "lima menit kurang", "15 detak"])
def test_unreadable_forms_name_the_text(text: str) -> None:
    with pytest.raises(WaktuError, match="tidak dapat dibaca"):
        parse_waktu(text)
