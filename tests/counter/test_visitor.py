"""Visitor data as typed at the counter: what passes, what is refused and why."""

from __future__ import annotations

from datetime import date

import pytest

from counter.errors import VisitorError
from counter.visitor import (
    Visitor,
    format_telepon,
    make_visitor,
    mask_nik,
    mask_telepon,
    validate_nama,
    validate_nik,
    validate_telepon,
)

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3501014512900002", "3501014512900002"),  # Pacitan, a man born 05-12-1990
        ("35 0101 4512900002", "3501014512900002"),  # spaces as typed from a KTP
        ("3501.01.451290.0002", "3501014512900002"),
        ("3173055207050001", "3173055207050001"),  # a woman: day 12 + 40, born 2005
        ("9501012902000003", "9501012902000003"),  # Papua Pegunungan; 29-02-2000 exists
        ("1101017101990001", "1101017101990001"),  # woman, day 31
    ],
)
def test_valid_nik_is_normalised_to_16_digits(text: str, expected: str) -> None:
    assert validate_nik(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text, needle",
    [
        ("", "kosong"),
        ("35010145129000", "16 angka"),
        ("35010145129000021", "16 angka"),
        ("35O1014512900002", "hanya boleh berisi angka"),  # letter O for zero
        ("1001014512900002", "kode provinsi 10"),
        ("2001014512900002", "kode provinsi 20"),
        ("9901014512900002", "kode provinsi 99"),
        ("3500014512900002", "kabupaten/kota"),
        ("3501004512900002", "kecamatan"),
        ("3501013212900002", "tanggal lahir"),  # day 32
        ("3501017212900002", "tanggal lahir"),  # woman, day 32
        ("3501010013900002", "tanggal lahir"),  # day 00
        ("3501010113900002", "tanggal lahir"),  # month 13
        ("3501012902010002", "tanggal lahir"),  # 29-02-2001 does not exist
        ("3501014512900000", "0000"),
    ],
)
def test_implausible_nik_is_refused_with_reason(text: str, needle: str) -> None:
    with pytest.raises(VisitorError) as err:
        validate_nik(text, today=TODAY)
    assert err.value.field == "nik"
    assert needle in err.value.message
    assert str(err.value).startswith("nik: ")


def test_nik_two_digit_year_reads_as_the_last_century_when_needed() -> None:
    # YY=30 seen from 2026 is 1930; 29-02-00 is valid because 2000 was a leap year.
    assert validate_nik("3501010112300002", today=TODAY) == "3501010112300002"
    assert validate_nik("3501012902000002", today=TODAY) == "3501012902000002"


def test_nik_birth_date_in_the_future_is_refused() -> None:
    # 01-12-26 is next week seen from 25-11-2026 and 1926 is not chosen for YY<=26.
    with pytest.raises(VisitorError, match="tanggal lahir"):
        validate_nik("3501010112260002", today=TODAY)


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("00 62 812 3456 7890", "+6281234567890"),
        ("0812345678", "+62812345678"),  # 10 digits: shortest mobile
        ("0812345678901", "+62812345678901"),  # 13 digits: longest mobile
        ("(0357) 881234", "+62357881234"),  # Pacitan landline
        ("021-5551234", "+62215551234"),  # Jakarta landline
        ("+62 21 55512345", "+622155512345"),
    ],
)
def test_indonesian_numbers_are_normalised(text: str, canonical: str) -> None:
    assert validate_telepon(text) == canonical


@pytest.mark.parametrize(
    "text, needle",
    [
        ("", "kosong"),
        ("0812-3456-789O", "hanya boleh berisi angka"),
        ("+1 415 555 0100", "hanya nomor Indonesia"),
        ("81234567890", "diawali 0"),
        ("081234567", "10 sampai 13"),
        ("08123456789012", "10 sampai 13"),
        ("0357 8812", "9 sampai 12"),
        ("0357 881234567890", "9 sampai 12"),
    ],
)
def test_bad_numbers_are_refused_with_reason(text: str, needle: str) -> None:
    with pytest.raises(VisitorError) as err:
        validate_telepon(text)
    assert err.value.field == "telepon"
    assert needle in err.value.message


def test_canonical_number_validates_to_itself() -> None:
    once = validate_telepon("0812 3456 7890")
    assert validate_telepon(once) == once


def test_nama_is_required_and_tidied() -> None:
    assert validate_nama("  Siti   Aminah ") == "Siti Aminah"
    for blank in ("", "   "):
        with pytest.raises(VisitorError) as err:
            validate_nama(blank)
        assert err.value.field == "nama"


def test_make_visitor_only_requires_nama() -> None:
    v = make_visitor("Budi")
    assert v == Visitor(nama="Budi")
    full = make_visitor("Budi", nik="3501 0145 1290 0002", telepon="0812-3456-7890",
                        nama_usaha=" Keripik  Tempe ", alamat="Jl. Gajah Mada 1")
    assert full.nik == "3501014512900002"
    assert full.telepon == "+6281234567890"
    assert full.nama_usaha == "Keripik Tempe"
    with pytest.raises(VisitorError) as err:
        make_visitor("Budi", nik="123")
    assert err.value.field == "nik"


def test_visitor_round_trips_through_dict_without_revalidation() -> None:
    v = make_visitor("Budi", telepon="0812-3456-7890")
    assert Visitor.from_dict(v.as_dict()) == v
    # history written under older rules still loads
    assert Visitor.from_dict({"nama": "X", "nik": "123"}).nik == "123"
    assert Visitor.from_dict(None) == Visitor(nama="")


def test_masks_hide_the_middle() -> None:
    nik = "3501014512900002"
    masked = mask_nik(nik)
    assert masked.startswith("3501") and masked.endswith("0002")
    assert "01451290" not in masked and len(masked) == 16
    assert mask_nik("") == ""
    tel = mask_telepon("+6281234567890")
    assert tel.startswith("0812") and tel.endswith("7890") and "3456" not in tel
    assert mask_telepon("") == ""
    assert format_telepon("+6281234567890") == "0812-3456-7890"
