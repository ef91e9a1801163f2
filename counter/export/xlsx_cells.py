"""A table row as spreadsheet XML, written once and numbered when it is placed.

A row's XML does not depend on where it lands but for its number, so it is made as a
template with `ROW_MARK` where the number goes (`template`), and numbered when the
sheet is written (`numbered`). A closed case's templates are kept on its day's report
page (`counter.report_page`), so a year's report places rows instead of writing
~10 million cells again. The form is openpyxl's own (inline strings, serial dates
in office time, numbers as `repr`), so a sheet reads back exactly as openpyxl's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from counter.export.columns import ILLEGAL_XML, Column, local_naive

ROW_MARK = "\x03"  # control characters never reach a cell's text (ILLEGAL_XML)
ROW_MARK_B = ROW_MARK.encode()
BOLD_STYLE = ' s="1"'  # the styles of `counter.export.xlsx_package.STYLES`
DATE_STYLE = ' s="2"'
_EPOCH = datetime(1899, 12, 30)
_LETTERS = [chr(ord("A") + i) for i in range(26)] + [
    chr(ord("A") + i) + chr(ord("A") + j) for i in range(26) for j in range(26)]


@lru_cache(maxsize=65536)
def text_xml(value: str) -> str:
    """Inline-string XML of a cell; cached, since service names, steps, roles and
    officers repeat in almost every row."""
    text = ILLEGAL_XML.sub("", value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text != text.strip():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def serial(value: datetime) -> float:
    """A spreadsheet date: days since 1899-12-30 in office time."""
    return (local_naive(value) - _EPOCH).total_seconds() / 86400.0


def letter(index: int) -> str:
    """The column letters of the 0-based column `index` (A … ZZ)."""
    return _LETTERS[index]


Kinds = list[tuple[Any, str, str]]


def kinds_of(columns: Sequence[Column]) -> Kinds:
    """Per column: how its value is read, its kind and the cell reference's letters."""
    return [(c.get, c.kind, _LETTERS[i]) for i, c in enumerate(columns)]


def template(kinds: Kinds, row: Any) -> str:
    """The row's XML with `ROW_MARK` for its number (empty values are left out)."""
    m = ROW_MARK
    out = [f'<row r="{m}">']
    add = out.append
    for get, kind, letter in kinds:
        v = get(row)
        if v is None or v == "":
            continue
        if kind == "datetime":
            add(f'<c r="{letter}{m}"{DATE_STYLE} t="n"><v>{serial(v)!r}</v></c>')
        elif kind == "minutes":
            add(f'<c r="{letter}{m}" t="n"><v>{round(v / 60.0, 1)!r}</v></c>')
        elif kind == "int":
            add(f'<c r="{letter}{m}" t="n"><v>{int(v)}</v></c>')
        else:
            add(f'<c r="{letter}{m}" t="inlineStr">{text_xml(str(v))}</c>')
    add("</row>")
    return "".join(out)


def plain_row(values: Sequence[Any], number: int, bold: bool = False) -> str:
    """A row of plain values (text or numbers) at `number`, as the summary sheets have."""
    cells = []
    style = BOLD_STYLE if bold else ""
    for i, v in enumerate(values):
        ref = f"{_LETTERS[i]}{number}"
        if v is None or v == "":
            continue
        if isinstance(v, bool) or not isinstance(v, int | float):
            cells.append(f'<c r="{ref}"{style} t="inlineStr">{text_xml(str(v))}</c>')
        else:
            cells.append(f'<c r="{ref}"{style} t="n"><v>{v!r}</v></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def numbered(templates: bytes, first: int) -> tuple[bytes, int]:
    """Rows made by `template` (joined, UTF-8) numbered from `first`; the next number.

    Each row holds `ROW_MARK` in its own tag and in every cell's reference; a cell's
    text cannot hold "</row>" (its "<" is escaped), so rows are told apart by it."""
    out = bytearray()
    n = first
    for row in templates.split(b"</row>")[:-1]:
        out += row.replace(ROW_MARK_B, b"%d" % n)
        out += b"</row>"
        n += 1
    return bytes(out), n
