"""Where Loket keeps its files, and the office profile (loket.toml).

Paths follow the platform's conventions (platformdirs) but can always be moved
by an environment variable or a command-line option, so tests, demos and a
second desk on the same machine never touch the real office data.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import platformdirs

from counter.paper_sizes import DEFAULT_DPI
from counter.texts import config as T

APP_NAME = "loket"
ENV_CONFIG_DIR = "LOKET_CONFIG_DIR"
ENV_DATA_DIR = "LOKET_DATA_DIR"
ENV_CACHE_DIR = "LOKET_CACHE_DIR"
PRINTER_KINDS = ("cups", "escpos")
ENV_PUSAT_DSN = "LOKET_PUSAT_DSN"
OFFICE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "loket.toml"

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "store"

    @property
    def pdf_dir(self) -> Path:
        return self.data_dir / "cetak"

    @property
    def report_dir(self) -> Path:
        """Where reports go, from the log's `e` and from `loket laporan` alike."""
        return self.data_dir / "laporan"

    @property
    def sop_dir(self) -> Path:
        return self.data_dir / "sop"


def resolve_paths(
    config_dir: str | Path | None = None,
    data_dir: str | Path | None = None,
    demo: bool = False,
) -> Paths:
    """Explicit option, then environment variable, then the platform's default."""
    cfg = config_dir or os.environ.get(ENV_CONFIG_DIR) or platformdirs.user_config_dir(APP_NAME)
    data = data_dir or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(APP_NAME)
    data_path, cfg_path = Path(data).expanduser(), Path(cfg).expanduser()
    if demo:  # the demo's own store and profile: never the real office's
        data_path, cfg_path = data_path / "demo", cfg_path / "demo"
    return Paths(config_dir=cfg_path, data_dir=data_path)


def cache_dir() -> Path:
    """Where derived files that any process may rebuild are kept (the national
    holidays, counter/national_holidays.py): `LOKET_CACHE_DIR`, else the platform's
    user cache folder. Not per office, so no option: the content is the same for all."""
    folder = os.environ.get(ENV_CACHE_DIR) or platformdirs.user_cache_dir(APP_NAME)
    return Path(folder).expanduser()


@dataclass(frozen=True)
class Officer:
    """An officer's account: who they are, what they may do, and their PIN's hash
    (`pin_hash`, salted scrypt: see counter.accounts.pin; never the PIN itself)."""

    nama: str
    jabatan: str = ""
    nip: str = ""
    roles: tuple[str, ...] = ("petugas loket",)
    pin_hash: str = ""
    aktif: bool = True


@dataclass(frozen=True)
class CalendarSettings:
    """Office-specific days on top of the national calendar."""

    closed_days: tuple[date, ...] = ()  # the office's own extra closed days
    ramadan: tuple[tuple[date, date], ...] = ()  # date ranges on the Ramadan schedule
    # a unit's own office hours ("Senin-Kamis 07.30-16.00 istirahat 12.00-13.00; …");
    # empty: the national hours (see counter.office_hours)
    jam_kerja: str = ""


@dataclass(frozen=True)
class PusatSettings:
    """The office server this desk syncs with (`[pusat]`); empty `dsn` = standalone.

    `peran` lists the SOP roles (jabatan) an official's desk serves; empty for a counter.
    """

    dsn: str = ""
    kantor: str = ""
    nama_meja: str = ""
    peran: tuple[str, ...] = ()

    @property
    def effective_dsn(self) -> str:
        """`LOKET_PUSAT_DSN` when set, else the profile's `dsn`."""
        return (os.environ.get(ENV_PUSAT_DSN) or self.dsn).strip()


@dataclass(frozen=True)
class Profile:
    instansi: str = T.DEFAULT_INSTANSI
    unit: str = T.DEFAULT_UNIT
    alamat: str = ""
    telepon: str = ""
    logo: Path | None = None
    desk: int = 1
    officers: tuple[Officer, ...] = (Officer(T.DEFAULT_OFFICER, T.DEFAULT_JABATAN),)
    printer: str | None = None
    paper: str = "80mm"
    dpi: int = DEFAULT_DPI  # the printer's resolution: the barcode is drawn in its dots
    # "cups": `printer` is a CUPS queue; "escpos": `printer` is an ESC/POS target
    # (usb:VID:PID, tcp:HOST[:PORT], file:/dev/usb/lp0), see counter/escpos_print.py
    printer_kind: str = "cups"
    timezone: str = "WIB"
    nearing: float = 0.75
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    pusat: PusatSettings = field(default_factory=PusatSettings)
    skm_bobot: str = "tepat"  # [skm] bobot: "tepat" (1/9), "0,111" or "0,11" (old worksheets)
    skm_layar: int = 0  # [skm] layar: port of the survey page for a visitor's tablet; 0 = off
    # [tombol]: binding id → keys in the engine's names (see counter/keys.py)
    keys: tuple[tuple[str, str], ...] = ()
    # a barcode scanner's keys arrive within this many ms; slow wireless ones need more
    scan_gap_ms: int = 40
    # [data] retensi: how long personal data is kept after a case closes (UU 27/2022;
    # from the office's Jadwal Retensi Arsip), e.g. "2 tahun"; see counter/privacy
    retensi: str = "2 tahun"
    # [akun] kunci_menit: the desk locks after this many idle minutes (0: never)
    idle_lock_min: int = 10
    demo: bool = False  # never read from or written to loket.toml: set by `loket --demo`

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(ZONES[self.timezone])

    def with_changes(self, **changes: Any) -> Profile:
        return replace(self, **changes)


def default_profile() -> Profile:
    return Profile()


# Reading and writing loket.toml live in counter/config_read.py and config_write.py
# (they need the classes above); these names stay importable from here.


def load_profile(paths: Paths) -> Profile | None:
    """The office profile, or None before the first-run setup has written one."""
    from counter.config_read import load_profile as load

    return load(paths)


def profile_to_toml(profile: Profile, previous: str = "") -> str:
    """The profile as TOML, keeping the comments and layout of `previous`."""
    from counter.config_write import profile_to_toml as to_toml

    return to_toml(profile, previous)


def save_profile(paths: Paths, profile: Profile) -> None:
    """Write the profile atomically, keeping what the office wrote by hand."""
    from counter.config_write import save_profile as save

    save(paths, profile)
