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


Kinds = list[tuple[Any, str]]


def kinds_of(columns: Sequence[Column]) -> Kinds:
    """Per column: how its value is read and its kind."""
    return [(c.get, c.kind) for c in columns]


def template(kinds: Kinds, row: Any) -> str:
    """The row's XML, placed by order alone (an empty value in the middle is `<c/>`)."""
    cells: list[str | None] = []
    add = cells.append
    for get, kind in kinds:
        v = get(row)
        if v is None or v == "":
            add(None)
        elif kind == "datetime":
            add(number_cell(serial(v), DATE_STYLE))
        elif kind == "minutes":
            add(number_cell(round(v / 60.0, 1)))
        elif kind == "int":
            add(number_cell(int(v)))
        else:
            add(text_cell(str(v)))
    return row_xml(cells)


def plain_row(values: Sequence[Any], bold: bool = False) -> str:
    """A row of plain values (text, or numbers a spreadsheet sums), as the summary sheets
    have them."""
    style = BOLD_STYLE if bold else ""
    return row_xml([None if v is None or v == "" else
                    number_cell(v, style) if isinstance(v, int | float) and
                    not isinstance(v, bool) else text_cell(str(v), style) for v in values])


def text_cell(text: str, style: str = "") -> str:
    return f'<c{style} t="inlineStr">{text_xml(text)}</c>'


def number_cell(value: float, style: str = "") -> str:
    return f'<c{style} t="n"><v>{value!r}</v></c>'


def row_xml(cells: Sequence[str | None]) -> str:
    """A row of cells in column order; a missing one (None) in the middle is an empty
    `<c/>` holding its place, missing ones at the end are left out."""
    while cells and cells[-1] is None:
        cells = cells[:-1]
    return "<row>" + "".join("<c/>" if c is None else c for c in cells) + "</row>"
