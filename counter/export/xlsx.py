"""XLSX export: sheets "Kasus" and "Langkah" with the CSV's columns, plus "Ringkasan"
with the summary figures (and "Antrean", the walk-in queue's review, when attached).
Times are real spreadsheet dates in office time (Excel has no time zones); durations
are numbers of minutes; column widths are set and the header row is frozen. Written by
Loket's own streaming writer (`xlsx_stream`); openpyxl builds the same workbook cell by
cell (`plain_workbook`), the reference the tests hold the fast writer to."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from counter import dates
from counter.export.columns import (
    CASE_COLUMNS,
    ILLEGAL_XML,
    STEP_COLUMNS,
    Column,
    local_naive,
)
from counter.export.target import check_target, write
from counter.export.wording import dur, human, reasons
from counter.export.xlsx_package import DATETIME_FORMAT as DATETIME_FORMAT
from counter.report import Summary, period_text, share_text, title_text, unreadable_lines
from counter.texts import report as T


def _xlsx_sheet(wb: Any, title: str, columns: Sequence[Column], rows: Sequence[Any]) -> Any:
    """A sheet with widths, a frozen bold header and the rows; returns the worksheet."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, col.header)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    kinds = [(c.get, c.kind) for c in columns]
    append = ws.append
    for row in rows:
        values: list[Any] = []
        for get, kind in kinds:
            v = get(row)
            if v is None:
                values.append(None)
            elif kind == "datetime":
                cell = WriteOnlyCell(ws, local_naive(v))
                cell.number_format = DATETIME_FORMAT
                values.append(cell)
            elif kind == "minutes":
                values.append(round(v / 60.0, 1))
            elif isinstance(v, str):
                values.append(ILLEGAL_XML.sub("", v))  # control characters break XLSX
            else:
                values.append(v)
        append(values)
    return ws


def _summary_rows(summary: Summary) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [
        (title_text(summary), period_text(summary)),
        *((line, "") for line in unreadable_lines(summary)),
        (T.LABEL_OPENED, summary.opened),
        (T.LABEL_SELESAI, summary.selesai),
        (T.LABEL_DITOLAK, summary.ditolak),
        (T.LABEL_DIBATALKAN, summary.dibatalkan),
        (T.LABEL_OPEN, summary.still_open),
        (T.LABEL_WITHIN, share_text(summary.within_share)),
        ("", ""),
        (T.HEAD_SERVICES, ""),
    ]
    for s in summary.services:
        line = T.SERVICE_LINE.format(count=s.count, selesai=s.selesai,
                                     median=dur(s.median_s, s.day_s),
                                     standard=dur(s.standard_s, s.day_s))
        rows.append((s.service, line))
    rows += [("", ""), (T.HEAD_OVER, "")]
    for o in summary.over_steps:
        rows.append((f"{o.service} — {T.COL_STEP.lower()} {o.step}", T.OVER_LINE.format(
            count=o.count, overrun=dur(o.median_overrun_s, o.day_s), reasons=reasons(o.reasons))))
    rows += [("", ""), (T.HEAD_WAITING, "")]
    for w in summary.waiting:
        rows.append((w.holder, T.WAIT_LINE.format(
            count=w.count, code=human(w.oldest_code), since=dates.format_datetime_short(
                w.oldest_since))))
    return rows


def plain_workbook(summary: Summary) -> bytes:
    """The whole workbook by openpyxl alone, cell by cell: the reference the tests hold
    the streaming writer to."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    tables = ((T.SHEET_CASES, CASE_COLUMNS, summary.cases),
              (T.SHEET_STEPS, STEP_COLUMNS, summary.steps))
    for title, cols, rows in tables:
        _xlsx_sheet(wb, title, cols, rows)
    ws = wb.create_sheet(T.SHEET_SUMMARY)
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 70
    for label, value in _summary_rows(summary):
        ws.append([ILLEGAL_XML.sub("", label),
                   ILLEGAL_XML.sub("", value) if isinstance(value, str) else value])
    if summary.queue:
        _queue_sheet(wb, summary)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _queue_sheet(wb: Any, summary: Summary) -> None:
    """The walk-in queue's review: each table under its bold title, a row apart."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from counter.texts import queue as TQ

    ws = wb.create_sheet(TQ.SHEET_QUEUE)
    ws.column_dimensions["A"].width = 30
    for col in "BCDEFGHI":
        ws.column_dimensions[col].width = 14
    bold = Font(bold=True)

    def strong(text: str) -> Any:
        cell = WriteOnlyCell(ws, ILLEGAL_XML.sub("", text))
        cell.font = bold
        return cell

    for title, header, rows in summary.queue:
        ws.append([strong(title)])
        ws.append([strong(h) for h in header])
        for row in rows:
            ws.append([_number_or_text(v) for v in row])
        ws.append([])


def _number_or_text(value: str) -> Any:
    """Counts as numbers (a spreadsheet sums them); times and names stay text."""
    return int(value) if value.isdigit() else ILLEGAL_XML.sub("", value)




def write_xlsx(summary: Summary, path: str | Path, *, fast: bool = True) -> Path:
    """The workbook (Kasus, Langkah, Ringkasan) at `path`, written whole or not at all."""
    path = Path(path)
    check_target(path)
    if not fast:
        return write(path, plain_workbook(summary))
    from counter.export.xlsx_stream import XlsxStream

    stream = XlsxStream(path)
    try:  # each table in its own order, as the summary holds them
        for row in summary.cases:
            stream.add((row, ()))
        for step in summary.steps:
            stream.add_steps((step,))
    except BaseException:
        stream.abandon()
        raise
    return stream.finish(summary)
