"""The queue's part of the office profile: `[antrean]` in loket.toml.

    [antrean]
    titik = ""            # issuing point: "" on a single PC, "1".."9" per desk/kiosk
    panggil_maks = 3      # calls before "tidak hadir" may be recorded
    layani = ["A", "B"]   # groups this desk calls (empty: all)
    layar = 8766          # port of the lobby display page (0: off)
    suara = true          # the display speaks the call (espeak-ng)

    [[antrean.grup]]
    kode = "A"
    nama = "Konsultasi & pendampingan"
    layanan = ["pct-07"]  # SOP ids offered in this group (a hint for "buka kasus")

Read apart from the rest of the profile (the profile reader only lets the table
through) so the queue's settings live with the queue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counter.errors import ConfigError
from counter.texts import queue as T
from counter.toml_read import TomlDoc, read_toml

_CODE = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class Group:
    kode: str
    nama: str
    layanan: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueueSettings:
    groups: tuple[Group, ...] = (Group("A", T.DEFAULT_GROUP_NAME),)
    point: str = ""
    max_calls: int = 3
    serves: tuple[str, ...] = ()  # empty: every group
    display_port: int = 0
    speak: bool = True
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # where `titik` is set (the profile file and its line), for a message that says
    # what to change when another desk of the office issues the same series
    source: str = field(default="", compare=False, repr=False)
    point_line: int | None = field(default=None, compare=False, repr=False)

    def group(self, kode: str) -> Group | None:
        kode = kode.strip().upper()
        return next((g for g in self.groups if g.kode == kode), None)

    @property
    def served(self) -> tuple[str, ...]:
        """The groups this desk calls, in the profile's order."""
        return self.serves or tuple(g.kode for g in self.groups)


def _fail(doc: TomlDoc, path: Path, message: str, *keys: str | int) -> ConfigError:
    label = ".".join(str(k) if isinstance(k, str) else f"[{k + 1}]" for k in keys)
    return ConfigError(message, path=path, line=doc.line_of(*keys), field=label.replace(".[", "["))


def read_queue_settings(doc: TomlDoc, path: Path) -> QueueSettings:
    """`[antrean]` of a parsed profile; ConfigError naming file, line and field."""
    raw = doc.data.get("antrean", {})
    if not isinstance(raw, dict):
        raise _fail(doc, path, "harus tabel", "antrean")
    base = QueueSettings()
    groups: list[Group] = []
    for i, g in enumerate(raw.get("grup", [])):
        if not isinstance(g, dict):
            raise _fail(doc, path, "harus tabel", "antrean", "grup", i)
        kode = g.get("kode")
        if not isinstance(kode, str) or not _CODE.fullmatch(kode.strip().upper()):
            raise _fail(doc, path, T.BAD_GROUP_CODE.format(value=kode), "antrean", "grup", i,
                        "kode")
        kode = kode.strip().upper()
        if any(x.kode == kode for x in groups):
            raise _fail(doc, path, T.DUPLICATE_GROUP.format(kode=kode), "antrean", "grup", i,
                        "kode")
        nama = g.get("nama", kode)
        if not isinstance(nama, str):
            raise _fail(doc, path, T.NEEDS_TEXT, "antrean", "grup", i, "nama")
        layanan = g.get("layanan", [])
        if not isinstance(layanan, list) or not all(isinstance(x, str) for x in layanan):
            raise _fail(doc, path, T.NEEDS_TEXT_LIST, "antrean", "grup", i, "layanan")
        groups.append(Group(kode, nama.strip() or kode, tuple(layanan)))
    point = raw.get("titik", "")
    if isinstance(point, int) and not isinstance(point, bool):
        point = str(point)
    if not isinstance(point, str) or not re.fullmatch(r"[1-9]?", point.strip()):
        raise _fail(doc, path, T.BAD_POINT.format(value=point), "antrean", "titik")
    max_calls = raw.get("panggil_maks", base.max_calls)
    if not isinstance(max_calls, int) or isinstance(max_calls, bool) or not 1 <= max_calls <= 9:
        raise _fail(doc, path, T.BAD_MAX_CALLS, "antrean", "panggil_maks")
    port = raw.get("layar", 0)
    if not isinstance(port, int) or isinstance(port, bool) or not (
            port == 0 or 1024 <= port <= 65535):
        raise _fail(doc, path, T.BAD_PORT, "antrean", "layar")
    speak = raw.get("suara", True)
    if not isinstance(speak, bool):
        raise _fail(doc, path, "harus true atau false", "antrean", "suara")
    final = tuple(groups) or base.groups
    serves = raw.get("layani", [])
    if not isinstance(serves, list) or not all(isinstance(x, str) for x in serves):
        raise _fail(doc, path, T.NEEDS_TEXT_LIST, "antrean", "layani")
    serves_up = tuple(x.strip().upper() for x in serves)
    for kode in serves_up:
        if not any(g.kode == kode for g in final):
            raise _fail(doc, path, T.UNKNOWN_GROUP_FOR_DESK.format(kode=kode), "antrean",
                        "layani")
    return QueueSettings(groups=final, point=point.strip(), max_calls=max_calls,
                         serves=serves_up, display_port=port, speak=speak, source=str(path),
                         point_line=doc.line_of("antrean", "titik"))


def load_queue_settings(config_file: Path) -> QueueSettings:
    """The queue settings of a profile file; the defaults when there is none yet."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return QueueSettings()
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(str(err), path=config_file) from None
    return read_queue_settings(read_toml(text, str(config_file), ConfigError), config_file)
