"""Reading a pasted SOP table file (TSV, CSV or XLSX) into rows of cell texts.

Offices copy their SOP table out of Word or Excel; what arrives is a grid of cells
whose rows keep their place in the file, so every message can name "baris R".
Whatever the file holds, the result is a `Grid` or a `TableError` in Indonesian,
never a traceback (a binary file renamed .xlsx, an empty file, a wrong encoding).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counter.errors import LoketError
from counter.texts import sop_table as T


class TableError(LoketError):
    """A table file that cannot be read at all."""


@dataclass(frozen=True)
class Merge:
    """A merged cell of a spreadsheet: 1-based rows and columns, inclusive."""

    row: int
    col: int
    last_row: int
    last_col: int


@dataclass
class Grid:
    path: str
    rows: list[list[str]]
    row_numbers: list[int]  # the file's row (or line) number of each row
    merges: list[Merge] = field(default_factory=list)

    def cell(self, index: int, col: int) -> str:
        row = self.rows[index]
        return row[col] if col < len(row) else ""


def _clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def read_grid(path: str | Path) -> Grid:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise TableError(T.NOT_FOUND, path=p) from None
    except OSError as err:
        raise TableError(T.UNREADABLE.format(detail=err.strerror or err), path=p) from None
    if not data.strip():
        raise TableError(T.EMPTY_FILE, path=p)
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p, data)
    if suffix in (".xls", ".doc", ".docx", ".ods", ".pdf"):
        raise TableError(T.UNSUPPORTED.format(suffix=suffix), path=p)
    return _read_text(p, data)


def _read_text(p: Path, data: bytes) -> Grid:
    if b"\x00" in data[:4096] or data[:2] == b"PK":
        raise TableError(T.BINARY_TEXT, path=p)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise TableError(T.BAD_ENCODING, path=p)
    delimiter = "\t" if "\t" in text else _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    numbers: list[int] = []
    start = 1
    try:
        for record in reader:
            rows.append([_clean(c) for c in record])
            numbers.append(start)
            start = reader.line_num + 1
    except csv.Error as err:
        raise TableError(T.CSV_BROKEN.format(detail=err), path=p, line=start) from None
    if not any(any(c for c in r) for r in rows):
        raise TableError(T.EMPTY_FILE, path=p)
    return Grid(str(p), rows, numbers)


def _sniff(text: str) -> str:
    """Excel in Indonesian locales writes ';' between cells; elsewhere ','."""
    sample = text[:8192]
    return ";" if sample.count(";") > sample.count(",") else ","


def _read_xlsx(p: Path, data: bytes) -> Grid:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TableError(T.NOT_XLSX, path=p)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as err:  # openpyxl raises many kinds on a damaged workbook
        raise TableError(T.BROKEN_XLSX.format(detail=type(err).__name__), path=p) from None
    sheet = _table_sheet(wb)
    rows = [[_clean(c) for c in r] for r in sheet.iter_rows(values_only=True)]
    merges = [Merge(m.min_row, m.min_col, m.max_row, m.max_col)
              for m in sheet.merged_cells.ranges]
    wb.close()
    if not any(any(c for c in r) for r in rows):
        raise TableError(T.EMPTY_FILE, path=p)
    return Grid(str(p), rows, list(range(1, len(rows) + 1)), merges)


def _table_sheet(wb: Any) -> Any:  # openpyxl has no type hints: a Worksheet
    """The first sheet that has a 'kegiatan' header; else the active one."""
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_row=40, values_only=True):
            if any(isinstance(c, str) and "kegiatan" in c.lower() for c in row):
                return ws
    return wb.active
