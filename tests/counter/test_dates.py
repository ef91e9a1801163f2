"""Indonesian dates as officers and visitors read them on paper and screen."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from counter.dates import format_date, format_datetime, format_datetime_short, zone_label


def test_full_datetime_reads_the_indonesian_way():
    dt = datetime(2026, 11, 25, 9, 5, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert format_datetime(dt) == "Rabu, 25 November 2026 pukul 09.05 WIB"


def test_zone_comes_from_the_offset_of_a_stored_time():
    # Stored events carry "+08:00", not a zone name.
    dt = datetime.fromisoformat("2026-08-17T14:30:00+08:00")
    assert format_datetime(dt) == "Senin, 17 Agustus 2026 pukul 14.30 WITA"
    assert zone_label(datetime.fromisoformat("2026-01-01T00:00:00+09:00")) == "WIT"
    assert zone_label(datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=2)))) == "UTC+02:00"


def test_every_day_and_month_has_its_own_name():
    week = [
        format_datetime(
            datetime(2026, 3, 2, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta")) + timedelta(days=i)
        ).split(",")[0]
        for i in range(7)
    ]
    assert week == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    months = {format_date(date(2026, m, 1)).split()[1] for m in range(1, 13)}
    assert len(months) == 12 and "Mei" in months and "Desember" in months


def test_short_form_for_narrow_columns():
    dt = datetime(2026, 2, 3, 16, 45, tzinfo=ZoneInfo("Asia/Jayapura"))
    assert format_datetime_short(dt) == "3 Feb 2026 16.45 WIT"
