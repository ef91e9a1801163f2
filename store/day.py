"""The TinyDB storage of one day file: atomic replace, damage reported, parsed days cached.

A day file is an ordinary TinyDB JSON database (tables ``events`` and ``codes``)
written with one document per line, so a person who opens it in an editor can
read it and a diff shows the appended events.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from counter.atomic import Pieces
from counter.texts import store as texts
from store import chain
from store.files import FileCache, damaged, write_atomic

EVENTS = "events"
CODES = "codes"


def validate_day(path: Path, data: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """Check that a parsed day file has the shape the store wrote; else `StoreError`."""
    if not isinstance(data, dict):
        raise damaged(path, texts.REASON_SHAPE.format(detail=texts.SHAPE_TOP))
    for table, docs in data.items():
        if not isinstance(docs, dict):
            detail = texts.SHAPE_TABLE.format(table=table)
            raise damaged(path, texts.REASON_SHAPE.format(detail=detail))
        for doc_id, doc in docs.items():
            if not isinstance(doc, dict) or not doc_id.isdigit():
                detail = texts.SHAPE_DOC.format(table=table, doc_id=doc_id)
                raise damaged(path, texts.REASON_SHAPE.format(detail=detail))
            if table == EVENTS and not (
                isinstance(doc.get("code"), str) and type(doc.get("seq")) is int
            ):
                detail = texts.SHAPE_EVENT.format(doc_id=doc_id)
                raise damaged(path, texts.REASON_SHAPE.format(detail=detail))
            if table == CODES and not (
                type(doc.get("desk")) is int and type(doc.get("seq")) is int
            ):
                detail = texts.SHAPE_COUNTER.format(doc_id=doc_id)
                raise damaged(path, texts.REASON_SHAPE.format(detail=detail))
    return data


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
# table name -> (the ids and the documents of the table as last written, its encoded body)
LineMemo = dict[str, tuple[list[str], list[Any], bytearray]]
_SEP = b",\n"


def serialize(data: dict[str, dict[str, Any]], memo: LineMemo | None = None) -> bytes:
    """JSON of a TinyDB state with one document per line (still one valid JSON object)."""
    return b"".join(serialized(data, memo))


def serialized(data: dict[str, dict[str, Any]], memo: LineMemo | None = None) -> Pieces:
    """`serialize`'s bytes in pieces, to be written one after the other.

    ``memo`` keeps, per table, the table as last written and its encoded body (the
    document lines, UTF-8), and is refilled for the next write. Documents are never
    changed once stored (events are facts) and an append only adds documents, so a
    table that grew is its old body extended in place by the new documents' lines:
    a write on a busy day encodes and copies only what it adds (the comparison is by
    identity, so an edited or replaced document is encoded anew).
    """
    previous = dict(memo or {})
    if memo is not None:
        memo.clear()
    encode = _ENCODER.encode
    pieces: Pieces = [b"{"]
    for name, docs in data.items():
        ids, values = list(docs), list(docs.values())
        old_ids, old_values, body = previous.get(name, ([], [], bytearray()))
        n = len(old_ids)
        # Grown from the last write: the same ids and the very same documents first
        # (list == compares identity first, so this costs no re-encoding).
        if not (n and ids[:n] == old_ids and values[:n] == old_values):
            body, n = bytearray(), 0
        if n < len(ids):
            added = _SEP.join(f"{encode(str(i))}:{encode(doc)}".encode()
                              for i, doc in zip(ids[n:], values[n:], strict=True))
            if n:
                body += _SEP
            body += added
        if memo is not None:
            memo[name] = (ids, values, body)
        if len(pieces) > 1:
            pieces.append(_SEP)
        pieces += [encode(name).encode(), b":{\n", body, b"\n}"]
    pieces.append(b"}\n")
    return pieces


class DayCache(FileCache):
    """The parsed day files plus, for the few most recently written, their encoded lines."""

    def __init__(self, capacity: int = 16, memo_capacity: int = 4) -> None:
        super().__init__(validate_day, capacity)
        self._memos: OrderedDict[Path, LineMemo] = OrderedDict()
        self._memo_capacity = memo_capacity

    def memo(self, path: Path) -> LineMemo:
        """The line memo of ``path`` (the caller holds the day's lock)."""
        with self._mutex:
            memo = self._memos.setdefault(path, {})
            self._memos.move_to_end(path)
            while len(self._memos) > self._memo_capacity:
                self._memos.popitem(last=False)
            return memo

    def forget(self, path: Path) -> None:
        super().forget(path)
        with self._mutex:
            self._memos.pop(path, None)


def write_day(path: Path, data: dict[str, dict[str, Any]], cache: DayCache) -> None:
    """Replace the day file with ``data`` (the caller holds the day's lock): one atomic,
    durable write; only documents new since the last write are encoded."""
    grew = chain.seal_day(path, data, cache)  # tamper evidence: links for new events
    try:
        write_atomic(path, serialized(data, cache.memo(path)))
    except BaseException:
        cache.forget(path)
        raise
    cache.stored(path, data)
    if grew:
        chain.noted(path, data)


class DayStorage(Storage):
    """TinyDB storage for one day file, sharing a `DayCache` across TinyDB instances.

    The store makes a fresh TinyDB per operation (TinyDB's tables cache the next
    document id and query results in memory, which another process's write would
    make stale); this storage keeps the parsed file so that costs nothing.
    Writing requires the day's lock; reading does not, since files are only
    ever replaced whole.
    """

    def __init__(self, path: Path, cache: DayCache) -> None:
        super().__init__()
        self._path = path
        self._cache = cache

    def read(self) -> dict[str, dict[str, Any]] | None:
        data = self._cache.load(self._path)
        # TinyDB assigns tables into the dict it read before writing it back;
        # a shallow copy keeps that from touching the cached state.
        return None if data is None else dict(data)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_day(self._path, data, self._cache)
