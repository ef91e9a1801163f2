"""The retention period: "2 tahun", "18 bulan", "90 hari" (from the office's Jadwal
Retensi Arsip), and the cut-off date it gives today."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from counter.errors import ConfigError
from counter.texts import privacy as T

_UNITS = {"tahun": "tahun", "thn": "tahun", "bulan": "bulan", "bln": "bulan",
          "hari": "hari", "minggu": "minggu"}
_FORM = re.compile(r"^\s*(\d{1,3})\s*([a-z]+)\s*$")
DEFAULT = "2 tahun"


@dataclass(frozen=True)
class Retention:
    count: int
    unit: str  # tahun, bulan, minggu, hari

    def label(self) -> str:
        return f"{self.count} {self.unit}"

    def cutoff(self, today: date) -> date:
        """Cases closed before this date have outlived the period."""
        if self.unit == "hari":
            return today - timedelta(days=self.count)
        if self.unit == "minggu":
            return today - timedelta(weeks=self.count)
        months = self.count * (12 if self.unit == "tahun" else 1)
        year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
        month += 1
        day = min(today.day, _days_in(year, month))
        return date(year, month, day)


def _days_in(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def parse_retention(text: str) -> Retention:
    """``"2 tahun"`` → Retention(2, "tahun"); `ConfigError` (field `data.retensi`) else."""
    match = _FORM.match((text or "").lower())
    unit = _UNITS.get(match.group(2)) if match else None
    if match is None or unit is None or int(match.group(1)) < 1:
        raise ConfigError(T.BAD_RETENTION.format(value=text), field="data.retensi")
    return Retention(int(match.group(1)), unit)
