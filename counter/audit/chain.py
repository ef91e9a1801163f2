"""The office audit log as a hash chain: each line carries `h`, the hash of the line
before it (across month files) and its own record, so an edited, deleted, inserted
or reordered line is found and named (file, line).

Pure: the adapter (store/audit_log.py) hands in the lines. Lines written before the
chain existed (no `h`) are accepted as they are when they come before the first
chained line; one without `h` after it is a line slipped in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from counter.chain.hashing import HASH_CHARS, canonical, sha

HASH = "h"
EDITED = "diubah"  # the hash does not follow: edited, or a line before it taken out/moved
UNCHAINED = "tanpa_rantai"  # a line without a hash after chained ones: slipped in
UNREADABLE = "rusak"  # not a JSON object
SHORTENED = "terpotong"  # fewer chained lines than the head ledger recorded: cut off
HEAD_CHANGED = "kepala_beda"  # the recorded head line is not there: rewritten/older copy
GONE = "hilang"  # a month file the ledger knows is missing


def link(prev: str, record: Mapping[str, Any]) -> str:
    """The hash of one line: the previous line's hash and the record (without `h`)."""
    body = {k: v for k, v in record.items() if k != HASH}
    return sha(prev.encode() + b"\n" + canonical(body))[:HASH_CHARS]


def sealed(prev: str, records: Iterable[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    """The records with their hashes, chained on from `prev`; and the new head."""
    out: list[dict[str, Any]] = []
    for record in records:
        doc = {k: v for k, v in record.items() if k != HASH}
        prev = link(prev, doc)
        doc[HASH] = prev
        out.append(doc)
    return out, prev


@dataclass(frozen=True)
class LineBreak:
    file: str
    line: int
    kind: str


@dataclass
class ChainWalk:
    """Walking the files in order: the head so far and what was found."""

    head: str = ""
    chained: bool = False  # a chained line seen: unchained ones after it are suspect
    lines: int = 0
    legacy: int = 0
    breaks: list[LineBreak] = field(default_factory=list)

    def walk(self, file: str, lines: Iterable[str]) -> None:
        for no, text in enumerate(lines, 1):
            if not text.strip():
                continue
            self.lines += 1
            try:
                doc = json.loads(text)
            except ValueError:
                doc = None
            if not isinstance(doc, dict):
                self.breaks.append(LineBreak(file, no, UNREADABLE))
                continue
            stored = doc.get(HASH)
            if not isinstance(stored, str):
                if self.chained:
                    self.breaks.append(LineBreak(file, no, UNCHAINED))
                else:
                    self.legacy += 1
                continue
            if link(self.head, doc) != stored:
                self.breaks.append(LineBreak(file, no, EDITED))
            self.chained, self.head = True, stored  # the rest checked from here on


def chained_lines(lines: Iterable[str]) -> list[tuple[int, str]]:
    """(line number, hash) of a file's chained lines, in order."""
    found: list[tuple[int, str]] = []
    for no, text in enumerate(lines, 1):
        try:
            doc = json.loads(text)
        except ValueError:
            continue
        if isinstance(doc, dict) and isinstance(doc.get(HASH), str):
            found.append((no, doc[HASH]))
    return found


def last_hash(lines: Iterable[str]) -> str | None:
    """The hash of the last chained line of a file (None: none there)."""
    found = chained_lines(lines)
    return found[-1][1] if found else None


def against_ledger(file: str, chained: list[tuple[int, str]] | None, length: int,
                   recorded: tuple[int, str]) -> LineBreak | None:
    """A month file against its head as last recorded (count of chained lines, last
    hash): the ledger is written after each append, so a file with fewer chained lines,
    or another line where the head was, lost its end (cut off, or an older copy put
    back). `chained`: the file's `chained_lines`, None when the file is gone;
    `length`: its number of lines. A ledger behind the file is fine."""
    if chained is None:
        return LineBreak(file, 0, GONE)
    count, head = recorded
    if len(chained) < count:
        return LineBreak(file, length + 1, SHORTENED)
    if count and chained[count - 1][1] != head:
        return LineBreak(file, chained[count - 1][0], HEAD_CHANGED)
    return None
