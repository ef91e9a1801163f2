"""The office's desk names as last heard from the server, kept in the desk's own folder.

A case's history says who acted where: "meja Koor" rather than "loket 5". The names
live on the server's desk register; a copy here lets `loket kasus` and the app say
them with the server out of reach (offline-first, like everything else on a desk).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from counter.sync.port import DeskInfo
from store.files import write_atomic

NAMES_FILE = "meja.json"


def save_desk_names(store_dir: Path, desks: Iterable[DeskInfo]) -> None:
    """Keep the names of the office's named desks (official's desks name themselves);
    an unchanged list is not written again."""
    names = {str(d.desk): d.label for d in desks if d.label}
    path = store_dir / NAMES_FILE
    if names == _read(path):
        return
    write_atomic(path, json.dumps(names, ensure_ascii=False, indent=0).encode("utf-8") + b"\n")


def load_desk_names(store_dir: Path) -> dict[int, str]:
    """{5: "Koor"}; nothing when never synced or the file is damaged (derived data:
    the next sync writes it again)."""
    out: dict[int, str] = {}
    for key, label in _read(store_dir / NAMES_FILE).items():
        if key.isdigit() and isinstance(label, str) and label.strip():
            out[int(key)] = label.strip()
    return out


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
