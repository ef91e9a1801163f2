"""Responses collected on paper or by another form, read from a table (CSV, TSV or
XLSX: a row per respondent with tanggal, layanan and U1…U9 scored 1–4, optional
loket and profile columns, saran), so a year's index includes them. Every row
that cannot be read is reported with its number and column; the others are kept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from counter.errors import LoketError
from counter.report import parse_date
from counter.skm.questions import UNSUR_CODES, Questionnaire, SkmError
from counter.skm.response import Response, make_response
from counter.texts import skm as T

_PROFILE_COLUMNS = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")


@dataclass(frozen=True)
class ImportResult:
    responses: tuple[Response, ...]
    problems: tuple[str, ...]


def _norm(header: object) -> str:
    return str(header or "").strip().lower().replace(" ", "_")


def _rows(path: Path) -> Iterator[list[object]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as err:  # openpyxl raises many kinds for a non-workbook
            raise SkmError(T.IMPORT_UNREADABLE.format(detail=err), path=path) from None
        sheet = wb.active
        if sheet is None:
            return
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
        return
    if suffix not in (".csv", ".tsv", ".txt"):
        raise SkmError(T.IMPORT_FORMAT, path=path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise SkmError(T.IMPORT_UNREADABLE.format(detail=err), path=path) from None
    dialect = "excel-tab" if suffix == ".tsv" or "\t" in text.split("\n", 1)[0] else "excel"
    yield from csv.reader(io.StringIO(text), dialect=dialect)


def _date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return parse_date(text)
    except LoketError:
        raise ValueError(text) from None


def _cell(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value


def import_table(path: Path, q: Questionnaire) -> ImportResult:
    rows = list(_rows(path))
    header_at = next((i for i, r in enumerate(rows)
                      if {"tanggal", "u1"} <= {_norm(c) for c in r}), None)
    if header_at is None:
        raise SkmError(T.IMPORT_NO_HEADER, path=path)
    header = [_norm(c) for c in rows[header_at]]
    for needed in ("tanggal", *[k.lower() for k in UNSUR_CODES]):
        if needed not in header:
            raise SkmError(T.IMPORT_MISSING_COLUMN.format(column=needed.upper()
                                                          if needed != "tanggal" else needed),
                           path=path, line=header_at + 1)
    col = {name: i for i, name in enumerate(header)}
    responses: list[Response] = []
    problems: list[str] = []
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        cells: Sequence[object] = [_cell(c) for c in row]
        if not any(str(c).strip() for c in cells):
            continue

        def get(name: str, cells: Sequence[object] = cells) -> object:
            i = col.get(name)
            return cells[i] if i is not None and i < len(cells) else ""

        where = f"{path}: baris {number}"
        try:
            tanggal = _date(get("tanggal"))
        except ValueError:
            problems.append(f"{where}: tanggal: " + T.IMPORT_BAD_DATE.format(value=get("tanggal")))
            continue
        jawaban: dict[str, object] = {}
        bad = None
        for kode in UNSUR_CODES:
            value = get(kode.lower())
            if str(value).strip() and str(value).strip() not in ("1", "2", "3", "4"):
                bad = f"{where}: {kode}: " + T.IMPORT_BAD_CELL.format(value=value)
                break
            jawaban[kode] = value
        if bad:
            problems.append(bad)
            continue
        loket_raw = str(get("loket")).strip()
        try:
            response = make_response(
                q, tanggal=tanggal, layanan=str(get("layanan")).strip(),
                loket=int(loket_raw) if loket_raw.isdigit() else None, jawaban=jawaban,
                profil={k: str(get(k)).strip() for k in _PROFILE_COLUMNS if str(get(k)).strip()},
                saran=str(get("saran")), sumber="impor")
        except SkmError as err:
            problems.append(f"{where}: {err}")
            continue
        if not response.answered:
            problems.append(f"{where}: " + T.EMPTY_RESPONSE)
            continue
        responses.append(response)
    return ImportResult(responses=tuple(responses), problems=tuple(problems))
