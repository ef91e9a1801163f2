"""Reading loket.toml into a `Profile`: every value checked, and a wrong one named with
its file, line and key in Indonesian (`ConfigError`), never a traceback."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from counter.config import (
    OFFICE_ID,
    PRINTER_KINDS,
    ZONES,
    CalendarSettings,
    Officer,
    Paths,
    Profile,
    PusatSettings,
)
from counter.errors import ConfigError
from counter.keys import BadKey, normalize_keys
from counter.paper_sizes import DPIS, PAPER_NAMES
from counter.texts import config as T
from counter.toml_read import TomlDoc, read_toml


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
        known = {f for f in Profile.__dataclass_fields__} | {"kalender", "tombol", "skm", "data",
                                                             "akun", "antrean"}
        known -= {"calendar", "keys", "demo", "skm_bobot", "skm_layar", "retensi",
                  "idle_lock_min"}  # [antrean] is read by counter.queue.settings
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
            retensi=self.retensi(),
            idle_lock_min=self.idle_lock_min(),
        )

    def retensi(self) -> str:
        """`[data] retensi = "2 tahun"`: checked here, so a typo is named at start."""
        from counter.privacy.retention import DEFAULT, parse_retention

        raw = self.get(self.data, "data", dict, {}, "tabel [data]")
        for key in raw:
            if key != "retensi":
                raise self.fail(f"data.{key}", T.UNKNOWN_KEY.format(key=key))
        text = self.get(raw, "retensi", str, DEFAULT, "teks", "data.retensi")
        try:
            return parse_retention(text).label()
        except ConfigError as err:
            raise self.fail("data.retensi", err.message) from None

    def idle_lock_min(self) -> int:
        raw = self.get(self.data, "akun", dict, {}, "tabel [akun]")
        for key in raw:
            if key != "kunci_menit":
                raise self.fail(f"akun.{key}", T.UNKNOWN_KEY.format(key=key))
        value = raw.get("kunci_menit", Profile.idle_lock_min)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 480:
            raise self.fail("akun.kunci_menit", T.BAD_IDLE_LOCK.format(value=value))
        return value

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
            result.append(self.account(o, label))
        return tuple(result)

    def account(self, o: dict[str, Any], label: str) -> Officer:
        """One [[officers]] table: name, jabatan, NIP, roles, PIN hash, active."""
        from counter.accounts.pin import is_pin_hash
        from counter.accounts.roles import ROLES, normalize_role

        text = {k: self.get(o, k, str, "", "teks", f"{label}.{k}")
                for k in ("jabatan", "nip", "pin_hash")}
        raw_roles = self.get(o, "peran", list, ["petugas loket"], "daftar teks",
                             f"{label}.peran")
        roles: list[str] = []
        for word in raw_roles:
            role = normalize_role(word) if isinstance(word, str) else None
            if role is None:
                raise self.fail(f"{label}.peran", T.BAD_ROLE.format(
                    value=word, choices=", ".join(ROLES)))
            if role not in roles:
                roles.append(role)
        pin_hash = text["pin_hash"].strip()
        if pin_hash and not is_pin_hash(pin_hash):
            raise self.fail(f"{label}.pin_hash", T.BAD_PIN_HASH)
        return Officer(nama=str(o["nama"]).strip(), jabatan=text["jabatan"].strip(),
                       nip=text["nip"].strip(), roles=tuple(roles), pin_hash=pin_hash,
                       aktif=bool(self.get(o, "aktif", bool, True, "true/false",
                                           f"{label}.aktif")))

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
