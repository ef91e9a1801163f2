"""Dates and times written the Indonesian way, for paper and screens alike.

"Rabu, 25 November 2026 pukul 09.05 WIB": day and month names in Bahasa
Indonesia, a dot between hours and minutes (the EYD/PUEBI style), and the
zone named WIB/WITA/WIT from the UTC offset, because a datetime read back from
ISO text carries only an offset, not a zone name.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from counter.texts import dates as t

_ZONES = {timedelta(hours=7): "WIB", timedelta(hours=8): "WITA", timedelta(hours=9): "WIT"}


def zone_label(dt: datetime) -> str:
    """WIB/WITA/WIT for Indonesia's offsets, else "UTC+hh:mm"; "" for a naive time."""
    offset = dt.utcoffset()
    if offset is None:
        return ""
    if offset in _ZONES:
        return _ZONES[offset]
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def day_name(d: date) -> str:
    """ "Rabu" for a Wednesday."""
    return t.HARI[d.weekday()]


def month_name(month: int) -> str:
    """ "November" for 11."""
    return t.BULAN[month - 1]


def format_date(d: date) -> str:
    """ "25 November 2026"."""
    return f"{d.day} {month_name(d.month)} {d.year}"


def format_date_short(d: date) -> str:
    """ "25 Nov 2026", for narrow columns."""
    return f"{d.day} {t.BULAN_SINGKAT[d.month - 1]} {d.year}"


def format_day_date(d: date) -> str:
    """ "Rabu, 25 November 2026"."""
    return f"{day_name(d)}, {format_date(d)}"


def format_time(dt: datetime, *, zone: bool = False) -> str:
    """ "09.05", or "09.05 WIB" with `zone=True`."""
    text = f"{dt.hour:02d}.{dt.minute:02d}"
    label = zone_label(dt) if zone else ""
    return f"{text} {label}" if label else text


def format_datetime(dt: datetime) -> str:
    """ "Rabu, 25 November 2026 pukul 09.05 WIB"."""
    return f"{format_day_date(dt)} {t.PUKUL} {format_time(dt, zone=True)}"


def format_datetime_short(dt: datetime) -> str:
    """ "25 Nov 2026 09.05 WIB", for lists and narrow paper."""
    return f"{format_date_short(dt)} {format_time(dt, zone=True)}"
