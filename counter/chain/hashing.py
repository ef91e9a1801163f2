"""The canonical form of a stored event and the hashes of the chain.

Pure functions: the same bytes on every machine and every Python (sorted keys, no
spaces, UTF-8), so a link written today verifies in ten years.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from typing import Any

# The visitor's fields a retention purge removes (the name stays: reports and the
# daily log are kept for the archive's period, and say nothing without it).
PERSONAL_FIELDS = ("nik", "telepon", "alamat")
CHAIN = "chain"
EVENTS = "events"

Path = tuple[str, ...]


_ENCODE = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           allow_nan=False).encode


def canonical(value: Any) -> bytes:
    """JSON with sorted keys, no spaces, UTF-8: one spelling for one value."""
    return _ENCODE(value).encode("utf-8")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_salt() -> str:
    return secrets.token_hex(16)


def personal_paths(event: Mapping[str, Any]) -> list[Path]:
    """Where an event holds the personal fields a purge removes."""
    kind = event.get("type")
    if kind == "opened":
        return [("data", "visitor", name) for name in PERSONAL_FIELDS]
    if kind == "data_corrected":
        data = event.get("data")
        if isinstance(data, Mapping) and data.get("field") in PERSONAL_FIELDS:
            return [("data", "value")]
    return []


def get_path(doc: Mapping[str, Any], path: Path) -> Any:
    node: Any = doc
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def set_path(doc: dict[str, Any], path: Path, value: Any) -> dict[str, Any]:
    """A copy of ``doc`` with ``path`` set (the parents copied, the rest shared)."""
    out = dict(doc)
    node = out
    for key in path[:-1]:
        child = node.get(key)
        child = dict(child) if isinstance(child, Mapping) else {}
        node[key] = child
        node = child
    node[path[-1]] = value
    return out


def held(event: Mapping[str, Any]) -> dict[str, str]:
    """The personal values an event still holds, by dotted path (empty ones left out)."""
    found = {}
    for path in personal_paths(event):
        value = get_path(event, path)
        if isinstance(value, str) and value:
            found[".".join(path)] = value
    return found


def digest(salt: str, key: str, value: str) -> str:
    """What stands for a personal value in the hash: with the salt gone (redaction) the
    digest cannot be turned back into the NIK by trying every number."""
    return sha(f"{salt}\x00{key}\x00{value}".encode())


def hashed_form(event: Mapping[str, Any], salt: str, digests: Mapping[str, str]) -> bytes:
    """The event as the chain hashes it: every personal value replaced by its digest."""
    doc: dict[str, Any] = dict(event)
    for path in personal_paths(event):
        key = ".".join(path)
        if key in digests:
            doc = set_path(doc, path, {"#": digests[key]})
            continue
        value = get_path(event, path)
        if isinstance(value, str) and value:
            doc = set_path(doc, path, {"#": digest(salt, key, value)})
    return canonical(doc)


def legacy_form(event: Mapping[str, Any]) -> dict[str, Any]:
    """An event from before the chain, without its personal values (so a later purge
    does not change the digest that froze it)."""
    doc: dict[str, Any] = dict(event)
    for path in personal_paths(event):
        if get_path(event, path) is not None:
            doc = set_path(doc, path, None)
    return doc


LINK_META = ("e", "i", "c", "q", "after", "p", "base")


HASH_CHARS = 32  # 128 bits of SHA-256: ample against forging, and half the bytes on disk


def link_hash(link: Mapping[str, Any], event: Mapping[str, Any], prev: str) -> str:
    """The hash of one link: the previous link's hash, the link's own facts, the event.
    (Only a day's first link stores `p`, the hash it follows from the earlier day.)"""
    meta = {k: link[k] for k in LINK_META if k in link}
    body = hashed_form(event, str(link.get("s") or ""), link.get("d") or {})
    return sha(prev.encode() + b"\n" + canonical(meta) + b"\n" + body)[:HASH_CHARS]


def base_digest(legacy: list[Mapping[str, Any]]) -> str:
    return sha(canonical([legacy_form(e) for e in legacy]))
