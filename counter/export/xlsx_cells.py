"""A table row as spreadsheet XML that fits wherever it lands.

A data row carries no row number and its cells no reference: ECMA-376 makes both
optional (a row without one is the next row, a cell the next column; Excel, LibreOffice,
Google Sheets and openpyxl read it so), and an empty value in the middle of a row is an
empty `<c/>`. So a row's XML does not depend on where it lands, and a closed case's
rows are written (and compressed) once, on its day's report page
(`counter.report_page`): a year's report places them instead of writing ~10 million
cells again. Values are written as openpyxl writes them (inline strings, serial
dates in office time, numbers as `repr`), so a sheet reads back exactly as openpyxl's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from counter.export.columns import ILLEGAL_XML, Column, local_naive

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


Kinds = list[tuple[Any, str]]


def kinds_of(columns: Sequence[Column]) -> Kinds:
    """Per column: how its value is read and its kind."""
    return [(c.get, c.kind) for c in columns]


def template(kinds: Kinds, row: Any) -> str:
    """The row's XML, placed by order alone (an empty value in the middle is `<c/>`)."""
    out = ["<row>"]
    add = out.append
    gap = 0
    for get, kind in kinds:
        v = get(row)
        if v is None or v == "":
            gap += 1
            continue
        if gap:
            add("<c/>" * gap)
            gap = 0
        if kind == "datetime":
            add(f'<c{DATE_STYLE} t="n"><v>{serial(v)!r}</v></c>')
        elif kind == "minutes":
            add(f'<c t="n"><v>{round(v / 60.0, 1)!r}</v></c>')
        elif kind == "int":
            add(f'<c t="n"><v>{int(v)}</v></c>')
        else:
            add(f'<c t="inlineStr">{text_xml(str(v))}</c>')
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
