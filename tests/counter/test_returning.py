"""Finding a returning visitor in the desk's record, without a screen."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from counter.config import default_profile
from counter.returning import PastVisit, find_returning
from counter.visitor import Visitor

WIB = default_profile().tz
AT = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)


def visit(days_ago: int, nama: str, nik: str = "", telepon: str = "", usaha: str = "") -> PastVisit:
    return PastVisit(Visitor(nama=nama, nik=nik, telepon=telepon, nama_usaha=usaha),
                     AT - timedelta(days=days_ago), "pct-07-konsultasi-bisnis", f"c{days_ago}")


VISITS = [visit(1, "Ani Lestari", "3501011508900002", "+6281234567890", "Keripik Ani v2"),
          visit(9, "Ani Lestari", "3501011508900002", "+6281234567890", "Keripik Ani"),
          visit(3, "Budi Ani", telepon="+6285700001111"),
          visit(5, "Citra", "3501020202020003")]


def test_nik_phone_and_name_each_find_the_last_visit_of_each_person():
    assert [v.code for v in find_returning(VISITS, "350101")] == ["c1"]
    assert [v.code for v in find_returning(VISITS, "0812345")] == ["c1"]
    assert [v.code for v in find_returning(VISITS, "+62857000")] == ["c3"]
    assert [v.code for v in find_returning(VISITS, "ani")] == ["c1", "c3"]
    assert [v.code for v in find_returning(VISITS, "lestari ani")] == ["c1"]


def test_too_little_typed_finds_nothing():
    assert find_returning(VISITS, "an") == []
    assert find_returning(VISITS, "3501") == []  # 4 digits: not yet a number to look up
    assert find_returning(VISITS, "") == []
    assert date(2026, 11, 25) == AT.date()
