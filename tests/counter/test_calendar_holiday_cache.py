"""The national holidays read from a cache file instead of the `holidays` package in
every process (counter/national_holidays.py): the same holiday on the same day, a
cache that is missing, damaged or of another package version recomputed, and the
calendar's fingerprint unchanged (stored per-case summaries stay current)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays

from counter import national_holidays as N
from counter.calendar import WorkingCalendar
from counter.config import CalendarSettings
from tests.fresh_process import fresh_process_says


def live() -> holidays.HolidayBase:
    """The object the calendar used to hold (and the cache is computed from)."""
    return holidays.country_holidays("ID", categories=("public", "government"), language="id")


def test_every_day_is_named_as_the_holidays_package_names_it(tmp_path: Path) -> None:
    cached, package = N.NationalHolidays(tmp_path), live()
    day, names = date(2000, 1, 1), 0
    while day <= date(2040, 12, 31):
        assert cached.get(day) == package.get(day), day
        names += cached.get(day) is not None
        day += timedelta(days=1)
    assert names > 40 * 15  # a real calendar, not an empty one
    assert cached.get(date(2026, 8, 17)) == "Hari Kemerdekaan Republik Indonesia"
    assert cached.get(date(2026, 3, 20)) == package.get(date(2026, 3, 20))  # cuti bersama
    assert cached.get(datetime(2026, 8, 17, 9)) == package.get(datetime(2026, 8, 17, 9))


def test_a_second_process_reads_the_file_without_importing_holidays(tmp_path: Path) -> None:
    first = N.NationalHolidays(tmp_path)
    assert first.get(date(2026, 8, 17))
    assert first.path is not None and first.path.exists()
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from counter.national_holidays import NationalHolidays\n"
        f"table = NationalHolidays(Path({str(tmp_path)!r}))\n"
        "print(table.get(date(2026, 8, 17)), 'holidays' in sys.modules)\n"
    )
    out = fresh_process_says(code)
    assert out == "Hari Kemerdekaan Republik Indonesia False"


def test_a_year_not_in_the_file_is_computed_and_added(tmp_path: Path) -> None:
    N.NationalHolidays(tmp_path).get(date(2026, 1, 1))
    later = N.NationalHolidays(tmp_path)
    assert later.get(date(2070, 8, 18)) == live().get(date(2070, 8, 18))
    assert later.path is not None
    years = json.loads(later.path.read_text(encoding="utf-8"))["years"]
    assert "2026" in years and "2070" in years


def test_a_damaged_or_altered_file_is_computed_again(tmp_path: Path) -> None:
    table = N.NationalHolidays(tmp_path)
    table.get(date(2026, 1, 1))
    assert table.path is not None
    data = json.loads(table.path.read_text(encoding="utf-8"))
    data["years"]["2026"]["2026-08-17"] = 7  # not a name
    table.path.write_text(json.dumps(data), encoding="utf-8")
    assert N.NationalHolidays(tmp_path).get(date(2026, 8, 17)) == \
        "Hari Kemerdekaan Republik Indonesia"
    table.path.write_text("{not json", encoding="utf-8")
    assert N.NationalHolidays(tmp_path).get(date(2026, 8, 17)) == \
        "Hari Kemerdekaan Republik Indonesia"


def test_another_package_version_has_its_own_file(tmp_path: Path) -> None:
    """After an upgrade of `holidays` the dates are computed from the new package:
    a file written for another version is never read."""
    old = N.NationalHolidays(tmp_path, version="0.1")
    assert old.path is not None
    old.path.write_text(json.dumps({
        "format": 1, "holidays": "0.1", "country": "ID", "categories": ["public", "government"],
        "language": "id", "years": {"2026": {"2026-08-18": "Libur palsu"}}}), encoding="utf-8")
    assert N.NationalHolidays(tmp_path, version="0.1").get(date(2026, 8, 18)) == "Libur palsu"
    assert N.NationalHolidays(tmp_path).get(date(2026, 8, 18)) is None


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    table = N.NationalHolidays(blocked / "cache")  # a folder that cannot be made
    assert table.get(date(2026, 8, 17)) == "Hari Kemerdekaan Republik Indonesia"


def test_the_calendar_fingerprint_is_the_one_it_gave_with_the_package() -> None:
    """Stored summaries carry the fingerprint: the cache must not change it (else every
    summary would be re-measured once), and a new package version must."""
    settings = CalendarSettings(closed_days=(date(2026, 12, 24),))
    cached = WorkingCalendar(settings, "WIB")
    package = WorkingCalendar(settings, "WIB", holiday_source=live())
    assert cached.fingerprint() == package.fingerprint()
    assert f"holidays {holidays.__version__} ID" in cached.fingerprint()
    other = WorkingCalendar(settings, "WIB",
                            holiday_source=N.NationalHolidays(None, version="0.1"))
    assert other.fingerprint() != cached.fingerprint()


def test_the_cache_is_in_the_folder_loket_cache_dir_names(tmp_path: Path,
                                                          monkeypatch) -> None:
    monkeypatch.setenv("LOKET_CACHE_DIR", str(tmp_path / "c"))
    cal = WorkingCalendar(None, "WIB")
    assert cal.holiday_name(date(2026, 8, 17)) == "Hari Kemerdekaan Republik Indonesia"
    assert list((tmp_path / "c").glob("hari-libur-ID-*.json"))
