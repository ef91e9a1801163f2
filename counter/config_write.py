"""Writing the profile back to loket.toml: atomically, and keeping what the office wrote
by hand (comments, key order, layout) through `tomlkit`."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import tomlkit
import tomlkit.exceptions

from counter.atomic import OWNER_ONLY, ensure_folder, write_file
from counter.config import Paths, Profile, PusatSettings
from counter.errors import ConfigError


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
