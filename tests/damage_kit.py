"""Ways a day file gets damaged in an office (a cut copy, a bad sector, a hand edit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

BREAK: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[:500],  # `head -c 500` of the file
    "zero-length": lambda raw: b"",  # `head -c 500 f > f` empties the file first
    "garbage": lambda raw: b"\x00\xff\xfe sampah \x01" * 40,
    "wrong-shape": lambda raw: b'{"events": {"1": {"code": 7, "seq": "nol"}}}\n',
    "json-list": lambda raw: b"[1, 2, 3]\n",
}


def damage(path: Path, how: str) -> bytes:
    """Damage ``path`` the way named; returns the good bytes to restore it with."""
    good = path.read_bytes()
    path.write_bytes(BREAK[how](good))
    return good


def day_prefix(code: str) -> str:
    return code[:6]
