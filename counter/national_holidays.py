"""Indonesia's national holidays and cuti bersama, without paying for the `holidays`
package in every process.

Importing `holidays` imports every country it knows (about 0.2 s, most of a
`Desk`'s construction and a large share of a report's fixed cost), yet the dates
change only with the package. So the years asked for are computed once, with
exactly the call the calendar always made, and kept in a small JSON file in the
cache folder (`counter.config.cache_dir`), named after the package's version
(read from its metadata, without importing it). A missing, damaged or foreign
file is recomputed; one that cannot be written costs only the time.

`holidays` fills a year when a date of it is first asked for; each year here is
computed alone, the same way, so every date answers as the package would.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

COUNTRY = "ID"
CATEGORIES = ("public", "government")  # government: cuti bersama
LANGUAGE = "id"
# Years computed around a missing one, so a process rarely computes twice.
_AROUND = 10
_FORMAT = 1  # of the file; another number is a foreign file


def package_version() -> str:
    """The installed `holidays` version (its metadata: importing it is what we avoid)."""
    from importlib.metadata import version

    return version("holidays")


def compute_years(years: range) -> dict[int, dict[date, str]]:
    """Each year's holidays as the `holidays` package gives them (a year filled alone)."""
    import holidays

    found: dict[int, dict[date, str]] = {}
    for year in years:
        table = holidays.country_holidays(COUNTRY, categories=CATEGORIES,
                                          language=LANGUAGE, years=year)
        found[year] = {d: str(name) for d, name in table.items() if d.year == year}
    return found


class NationalHolidays:
    """date -> name of the national holiday or cuti bersama (None on other days),
    from the cache file in `folder` (None: no file, computed in memory only)."""

    def __init__(self, folder: Path | None, version: str | None = None) -> None:
        self.folder = folder
        self.version = version or package_version()
        self._years: dict[int, dict[date, str]] = {}
        self._stored: dict[str, dict[str, str]] | None = None  # the file, read once
        self._lock = threading.Lock()  # the app's threads may ask for a new year at once

    @property
    def path(self) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / f"hari-libur-{COUNTRY}-{self.version}.json"

    def fingerprint(self) -> str:
        """What the measured working time depends on: the same text the calendar gave
        when it held the package's own object, so stored summaries stay current."""
        return f"holidays {self.version} {COUNTRY}"

    def get(self, d: date) -> str | None:
        if isinstance(d, datetime):  # as the package does: the day of a moment
            d = d.date()
        year = self._years.get(d.year)
        if year is None:
            year = self._year(d.year)
        return year.get(d)

    def _year(self, year: int) -> dict[date, str]:
        with self._lock:
            return self._year_locked(year)

    def _year_locked(self, year: int) -> dict[date, str]:
        stored = self._read()
        raw = stored.get(str(year))
        if raw is None:
            computed = compute_years(range(year - _AROUND, year + _AROUND + 1))
            for y, table in computed.items():
                stored.setdefault(str(y), {d.isoformat(): name for d, name in table.items()})
            self._write(stored)
            raw = stored[str(year)]
        table = self._years[year] = {date.fromisoformat(k): v for k, v in raw.items()}
        return table

    def _read(self) -> dict[str, dict[str, str]]:
        if self._stored is None:
            self._stored = _load(self.path, self.version)
        return self._stored

    def _write(self, stored: dict[str, dict[str, str]]) -> None:
        path = self.path
        if path is None:
            return
        text = json.dumps({"format": _FORMAT, "holidays": self.version, "country": COUNTRY,
                           "categories": list(CATEGORIES), "language": LANGUAGE,
                           "years": stored}, ensure_ascii=False, sort_keys=True)
        try:  # beside the target, then renamed over it: a reader never sees half
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(text)
                os.replace(temp, path)
            except BaseException:
                os.unlink(temp)
                raise
        except OSError:
            pass  # a read-only or full cache folder: computed again next time


def _load(path: Path | None, version: str) -> dict[str, dict[str, str]]:
    """The years kept in the file; empty when there is none or it is not ours."""
    if path is None:
        return {}
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not (isinstance(data, dict) and data.get("format") == _FORMAT
            and data.get("holidays") == version and data.get("country") == COUNTRY
            and data.get("categories") == list(CATEGORIES)
            and data.get("language") == LANGUAGE and isinstance(data.get("years"), dict)):
        return {}
    years: dict[str, dict[str, str]] = {}
    for key, table in data["years"].items():
        if not (isinstance(table, dict) and _is_year(key)
                and all(_is_day_of(k, key) and isinstance(v, str) and v
                        for k, v in table.items())):
            return {}  # damaged: every year is computed again
        years[key] = table
    return years


def _is_year(text: Any) -> bool:
    return isinstance(text, str) and len(text) == 4 and text.isdigit()


def _is_day_of(text: Any, year: str) -> bool:
    if not (isinstance(text, str) and text.startswith(year + "-")):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


_SHARED: dict[Path | None, NationalHolidays] = {}


def shared() -> NationalHolidays:
    """One table per process and cache folder: every calendar of a process (the app
    builds several) reads the file once."""
    from counter.config import cache_dir

    folder = cache_dir()
    table = _SHARED.get(folder)
    if table is None:
        table = _SHARED[folder] = NationalHolidays(folder)
    return table
