"""The one TOML reader: tomllib's data plus the line of every table and key.

SOP files and the office profile are written by hand, so a problem must name
the line an admin can go to. tomllib gives data without positions; this module
scans the text once and keeps, for each key path (``("langkah", 2, "waktu")``),
the line where it is written. A syntax error becomes the caller's own
`LoketError` in Indonesian, with the line (tomllib's English is translated).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from counter.errors import LoketError
from counter.texts import toml as T

KeyPath = tuple[str | int, ...]

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r"\"(?:[^\"\\]|\\.)*\"|'[^']*'"
_PART = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_KEY_LINE = re.compile(rf"^\s*({_DOTTED})\s*=")
_ARRAY_HEADER = re.compile(rf"^\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"^\s*\[\s*({_DOTTED})\s*\]")
_SPLIT = re.compile(rf"\s*({_PART})\s*(?:\.|$)")
_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def _parts(dotted: str) -> tuple[str, ...]:
    out = []
    for m in _SPLIT.finditer(dotted):
        part = m.group(1)
        if part[:1] in "\"'":
            part = part[1:-1]
        out.append(part)
    return tuple(out)


@dataclass
class TomlDoc:
    """A parsed TOML file: its data, its text and where each key path is written."""

    data: dict[str, Any]
    text: str
    path: str
    _lines: dict[KeyPath, int] = field(default_factory=dict, repr=False)

    def line_of(self, *keys: str | int) -> int | None:
        """The line of ``keys`` (e.g. ``"langkah", 2, "waktu"``), or of its nearest written
        parent (the step's ``[[langkah]]`` header when ``waktu`` is missing); None when
        even the first key is not written (a top-level field that is absent)."""
        path: KeyPath = tuple(keys)
        while path:
            line = self._lines.get(path)
            if line is not None:
                return line
            path = path[:-1]
        return None


def _locate(text: str) -> dict[KeyPath, int]:
    """Key path -> line (1-based) of every header and key, arrays of tables indexed."""
    lines: dict[KeyPath, int] = {}
    arrays: dict[KeyPath, int] = {}  # resolved path of an array of tables -> its last index
    current: KeyPath = ()
    in_string: str | None = None

    def resolve(parts: tuple[str, ...]) -> KeyPath:
        out: list[str | int] = []
        for p in parts:
            out.append(p)
            index = arrays.get(tuple(out))
            if index is not None:
                out.append(index)
        return tuple(out)

    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        if m := _ARRAY_HEADER.match(line):
            parts = _parts(m.group(1))
            base = (*resolve(parts[:-1]), parts[-1])
            arrays[base] = arrays.get(base, -1) + 1
            current = (*base, arrays[base])
            lines.setdefault(base, number)
            lines[current] = number
        elif m := _TABLE_HEADER.match(line):
            current = resolve(_parts(m.group(1)))
            lines.setdefault(current, number)
        elif m := _KEY_LINE.match(line):
            lines.setdefault((*current, *_parts(m.group(1))), number)
            rest = line[m.end():]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
                    break
    return lines


def _translate(detail: str) -> tuple[str, int | None]:
    """tomllib's English message as Indonesian text, and its line."""
    where = _WHERE.search(detail)
    core = detail[: where.start()] if where else detail
    what = None
    for pattern, indonesian in T.MESSAGES:
        if m := re.fullmatch(pattern, core):
            what = indonesian.format(*m.groups())
            break
    if where is None or what is None:
        return T.SYNTAX_OTHER.format(detail=detail), None
    if where.group(1) is None:
        return T.SYNTAX_AT_END.format(what=what), None
    line, column = int(where.group(1)), int(where.group(2))
    return T.SYNTAX.format(what=what, line=line, column=column), line


def read_toml(text: str, path: str, error: type[LoketError]) -> TomlDoc:
    """Parse ``text`` (read from ``path``, named in messages); a syntax error raises
    ``error`` in Indonesian with the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message, line = _translate(str(err))
        raise error(message, path=path, line=line) from None
    except RecursionError:
        raise error(T.TOO_DEEP, path=path) from None
    return TomlDoc(data=data, text=text, path=path, _lines=_locate(text))
