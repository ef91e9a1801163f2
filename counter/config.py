"""Where Loket keeps its files, and the office profile (loket.toml).

Paths follow the platform's conventions (platformdirs) but can always be moved
by an environment variable or a command-line option, so tests, demos and a
second desk on the same machine never touch the real office data.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import platformdirs
import tomlkit
import tomlkit.exceptions

from counter.atomic import OWNER_ONLY, ensure_folder, write_file
from counter.errors import ConfigError
from counter.keys import BadKey, normalize_keys
from counter.paper_sizes import DEFAULT_DPI, DPIS, PAPER_NAMES
from counter.texts import config as T
from counter.toml_read import TomlDoc, read_toml

APP_NAME = "loket"
ENV_CONFIG_DIR = "LOKET_CONFIG_DIR"
ENV_DATA_DIR = "LOKET_DATA_DIR"
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


@dataclass(frozen=True)
class Officer:
    nama: str
    jabatan: str = ""


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
    demo: bool = False  # never read from or written to loket.toml: set by `loket --demo`

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(ZONES[self.timezone])

    def with_changes(self, **changes: Any) -> Profile:
        return replace(self, **changes)


def default_profile() -> Profile:
    return Profile()


# ---------------------------------------------------------------- reading


def _key_path(label: str) -> tuple[str | int, ...]:
    """'officers[2].nama' -> ('officers', 1, 'nama'): where `TomlDoc.line_of` looks."""
    out: list[str | int] = []
    for part in label.split("."):
        m = re.fullmatch(r"(.+)\[(\d+)\]", part)
        if m:
            out += [m.group(1), int(m.group(2)) - 1]
        else:
            out.append(part)
    return tuple(out)


class _ProfileReader:
    def __init__(self, doc: TomlDoc, path: Path) -> None:
        self.doc, self.data, self.path = doc, doc.data, path

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(message, path=self.path, line=self.doc.line_of(*_key_path(key)),
                           field=key)

    def get(self, src: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any,
            expected: str, label: str | None = None) -> Any:
        value = src.get(key, default)
        if value is default:
            return default
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(label or key, T.WRONG_TYPE.format(expected=expected))
        return value

    def day(self, value: Any, key: str) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(key, T.BAD_DATE.format(value=value)) from None

    def read(self) -> Profile:
        d, base = self.data, Profile()
        known = {f for f in Profile.__dataclass_fields__} | {"kalender", "tombol", "skm",
                                                           "antrean"}  # counter.queue.settings
        known -= {"calendar", "keys", "demo", "skm_bobot", "skm_layar"}
        for key in d:
            if key not in known:
                raise self.fail(key, T.UNKNOWN_KEY.format(key=key))
        desk = self.get(d, "desk", int, base.desk, "bilangan bulat")
        if not 1 <= desk <= 99:
            raise self.fail("desk", T.BAD_DESK)
        paper = self.get(d, "paper", str, base.paper, "teks")
        if paper not in PAPER_NAMES:
            raise self.fail("paper", T.BAD_PAPER.format(value=paper,
                                                        choices=", ".join(PAPER_NAMES)))
        printer_kind = self.get(d, "printer_kind", str, base.printer_kind, "teks")
        if printer_kind not in PRINTER_KINDS:
            raise self.fail("printer_kind", T.BAD_PRINTER_KIND.format(
                value=printer_kind, choices=", ".join(PRINTER_KINDS)))
        dpi = self.get(d, "dpi", int, base.dpi, "bilangan bulat")
        if dpi not in DPIS:
            raise self.fail("dpi", T.BAD_DPI.format(value=dpi, choices=", ".join(map(str, DPIS))))
        tz = self.get(d, "timezone", str, base.timezone, "teks").upper()
        if tz not in ZONES:
            raise self.fail("timezone", T.BAD_TZ.format(value=tz))
        nearing = self.get(d, "nearing", (int, float), base.nearing, "pecahan")
        if not 0 < float(nearing) < 1:
            raise self.fail("nearing", T.BAD_NEARING)
        scan_gap = self.get(d, "scan_gap_ms", int, base.scan_gap_ms, "bilangan bulat")
        if not 10 <= scan_gap <= 500:
            raise self.fail("scan_gap_ms", T.BAD_SCAN_GAP)
        logo = self.get(d, "logo", str, "", "teks")
        printer = self.get(d, "printer", str, "", "teks")
        return Profile(
            instansi=self.get(d, "instansi", str, base.instansi, "teks"),
            unit=self.get(d, "unit", str, base.unit, "teks"),
            alamat=self.get(d, "alamat", str, base.alamat, "teks"),
            telepon=self.get(d, "telepon", str, base.telepon, "teks"),
            logo=Path(logo) if logo else None,
            desk=desk,
            officers=self.officers(),
            printer=printer or None,
            paper=paper,
            dpi=dpi,
            printer_kind=printer_kind,
            timezone=tz,
            nearing=float(nearing),
            calendar=self.calendar(),
            pusat=self.pusat(),
            keys=self.keys(),
            scan_gap_ms=scan_gap,
            skm_bobot=self.skm_bobot(),
            skm_layar=self.skm_layar(),
        )

    def pusat(self) -> PusatSettings:
        raw = self.get(self.data, "pusat", dict, {}, "tabel [pusat]")
        for key in raw:
            if key not in PusatSettings.__dataclass_fields__:
                raise self.fail(f"pusat.{key}", T.UNKNOWN_KEY.format(key=key))
        text = {k: self.get(raw, k, str, "", "teks", f"pusat.{k}")
                for k in ("dsn", "kantor", "nama_meja")}
        kantor = text["kantor"].strip()
        if kantor and not OFFICE_ID.match(kantor):
            raise self.fail("pusat.kantor", T.BAD_OFFICE.format(value=kantor))
        peran = self.get(raw, "peran", list, [], "daftar teks", "pusat.peran")
        if not all(isinstance(p, str) and p.strip() for p in peran):
            raise self.fail("pusat.peran", T.WRONG_TYPE.format(expected="daftar teks"))
        return PusatSettings(dsn=text["dsn"].strip(), kantor=kantor,
                             nama_meja=text["nama_meja"].strip(),
                             peran=tuple(p.strip() for p in peran))

    def keys(self) -> tuple[tuple[str, str], ...]:
        """`[tombol]`: `"log.hari_sebelum" = "F7"`, or nested `[tombol.log]` tables."""
        raw = self.get(self.data, "tombol", dict, {}, "tabel [tombol]")
        out: list[tuple[str, str]] = []

        def walk(table: dict[str, Any], prefix: str) -> None:
            for name, value in table.items():
                action = f"{prefix}{name}"
                if isinstance(value, dict):
                    walk(value, f"{action}.")
                    continue
                if not isinstance(value, str):
                    raise self.fail_key(name, action, T.KEY_NOT_TEXT)
                try:
                    out.append((action, normalize_keys(value)))
                except BadKey as err:
                    raise self.fail_key(name, action, str(err)) from None

        walk(raw, "")
        return tuple(out)

    def fail_key(self, name: str, action: str, message: str) -> ConfigError:
        """An error in [tombol], at the line that names the action (quoted or not)."""
        line = self.doc.line_of("tombol", action) \
            or self.doc.line_of("tombol", *action.split("."))
        return ConfigError(message, path=self.path, line=line, field=f"tombol.{action}")

    def skm_layar(self) -> int:
        raw = self.get(self.data, "skm", dict, {}, "tabel [skm]")
        port = raw.get("layar", 0)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise self.fail("skm.layar", T.BAD_SKM_PORT.format(value=port))
        return port

    def skm_bobot(self) -> str:
        raw = self.get(self.data, "skm", dict, {}, "tabel [skm]")
        bobot = raw.get("bobot", "tepat")
        if bobot not in ("tepat", "0,111", "0,11"):
            raise self.fail("skm.bobot", T.BAD_SKM_WEIGHT.format(value=bobot))
        return str(bobot)

    def officers(self) -> tuple[Officer, ...]:
        raw = self.get(self.data, "officers", list, None, "daftar [[officers]]")
        if raw is None:
            return Profile().officers
        result = []
        for i, o in enumerate(raw):
            label = f"officers[{i + 1}]"
            if not isinstance(o, dict) or not str(o.get("nama", "")).strip():
                raise self.fail(f"{label}.nama", T.NO_OFFICER_NAME)
            result.append(Officer(nama=str(o["nama"]).strip(),
                                  jabatan=str(o.get("jabatan", "")).strip()))
        return tuple(result)

    def calendar(self) -> CalendarSettings:
        raw = self.get(self.data, "kalender", dict, {}, "tabel [kalender]")
        closed = raw.get("hari_tutup", [])
        if not isinstance(closed, list):
            raise self.fail("kalender.hari_tutup", T.WRONG_TYPE.format(expected="daftar tanggal"))
        ramadan = raw.get("ramadan", [])
        ranges = []
        for r in ramadan if isinstance(ramadan, list) else [None]:
            if not isinstance(r, list) or len(r) != 2:
                raise self.fail("kalender.ramadan", T.BAD_RANGE)
            a, b = self.day(r[0], "kalender.ramadan"), self.day(r[1], "kalender.ramadan")
            if b < a:
                raise self.fail("kalender.ramadan", T.BAD_RANGE)
            ranges.append((a, b))
        jam_kerja = raw.get("jam_kerja", "")
        if not isinstance(jam_kerja, str):
            raise self.fail("kalender.jam_kerja", T.WRONG_TYPE.format(expected="teks"))
        from counter.office_hours import parse_hours

        try:
            parse_hours(jam_kerja)
        except ConfigError as err:
            raise self.fail("kalender.jam_kerja", err.message) from None
        return CalendarSettings(
            closed_days=tuple(self.day(v, "kalender.hari_tutup") for v in closed),
            ramadan=tuple(ranges),
            jam_kerja=jam_kerja.strip(),
        )


def load_profile(paths: Paths) -> Profile | None:
    """The office profile, or None before the first-run setup has written one."""
    path = paths.config_file
    if not path.exists():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(T.UNREADABLE.format(detail=err), path=path) from None
    return _ProfileReader(read_toml(text, str(path), ConfigError), path).read()


def _profile_data(profile: Profile) -> dict[str, Any]:
    data: dict[str, Any] = {
        k: v for k, v in asdict(profile).items() if k not in ("calendar", "officers", "logo",
                                                              "printer", "keys", "demo",
                                                              "skm_bobot", "skm_layar")
    }
    data["logo"] = str(profile.logo) if profile.logo else ""
    data["printer"] = profile.printer or ""
    data["officers"] = [{"nama": o.nama, "jabatan": o.jabatan} for o in profile.officers]
    data["kalender"] = {
        "hari_tutup": list(profile.calendar.closed_days),
        "ramadan": [[a, b] for a, b in profile.calendar.ramadan],
        "jam_kerja": profile.calendar.jam_kerja,
    }
    p = profile.pusat
    if p != PusatSettings():
        data["pusat"] = {"dsn": p.dsn, "kantor": p.kantor, "nama_meja": p.nama_meja,
                         "peran": list(p.peran)}
    data["skm"] = {"bobot": profile.skm_bobot, "layar": profile.skm_layar}
    if profile.keys:
        data["tombol"] = dict(profile.keys)
    return data


def profile_to_toml(profile: Profile, previous: str = "") -> str:
    """The profile as TOML; given the file as it was, its comments, key order and layout
    are kept (an office writes notes beside its settings) and only values change."""
    data = _profile_data(profile)
    try:
        doc = tomlkit.parse(previous) if previous.strip() else tomlkit.document()
    except tomlkit.exceptions.ParseError:
        doc = tomlkit.document()  # a broken file is replaced (it could not be loaded anyway)
    defaults = _profile_data(Profile())
    for key, value in data.items():
        if key not in doc and value == defaults.get(key):
            continue  # a default the office never wrote stays unwritten
        if key == "officers":
            _update_officers(doc, value)
        elif key in ("kalender", "tombol"):
            table = doc.get(key)
            if not isinstance(table, dict):
                table = tomlkit.table()
                doc[key] = table
            for sub, sub_value in value.items():
                node, name = _written_at(table, sub) if key == "tombol" else (table, sub)
                if (name in node or sub_value) and node.get(name) != sub_value:
                    node[name] = sub_value
        elif doc.get(key) != value:
            doc[key] = value
    return tomlkit.dumps(doc)


def _written_at(table: Any, action: str) -> tuple[Any, str]:
    """Where a [tombol] entry is written: flat ("log.hari_sebelum" = …) or nested in
    [tombol.log]; a new entry goes flat."""
    if action in table:
        return table, action
    *parents, name = action.split(".")
    node = table
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            return table, action
        node = child
    return (node, name) if name in node else (table, action)


def _update_officers(doc: Any, officers: list[dict[str, str]]) -> None:
    """Change the [[officers]] tables in place (their comments and spacing stay);
    add or drop tables only for officers added or removed."""
    current = doc.get("officers")
    if current is None or not hasattr(current, "append"):
        fresh = tomlkit.aot()
        for o in officers:
            fresh.append(tomlkit.table().add("nama", o["nama"]).add("jabatan", o["jabatan"]))
        doc["officers"] = fresh
        return
    for table, o in zip(current, officers, strict=False):
        for field_ in ("nama", "jabatan"):
            if table.get(field_, "") != o[field_]:
                table[field_] = o[field_]
    while len(current) > len(officers):
        del current[len(current) - 1]
    for o in officers[len(current):]:
        current.append(tomlkit.table().add("nama", o["nama"]).add("jabatan", o["jabatan"]))


def save_profile(paths: Paths, profile: Profile) -> None:
    """Write the profile atomically so a crash never leaves half a config; what the
    office wrote by hand (comments, order) survives the save."""
    ensure_folder(paths.config_dir, ConfigError)
    try:
        previous = paths.config_file.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        previous = ""
    write_file(paths.config_file, profile_to_toml(profile, previous).encode("utf-8"),
               error=ConfigError, mode=OWNER_ONLY)  # it may hold the server's password
