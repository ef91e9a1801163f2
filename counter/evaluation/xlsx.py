"""The evaluation as a workbook: figures as numbers an evaluator can sort and chart.

Sheets: "Langkah" (per step, times as numbers in the step's unit: minutes, or
working days for hari steps), "Rincian" (reasons, returns, missing items, waits,
versions), "Monitoring" and "Evaluasi" (the regulation's forms, pre-filled).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from counter.evaluation.evaluate import Evaluation
from counter.evaluation.sections import (
    detail_sections,
    form_sections,
    heading_lines,
    rules_section,
)
from counter.export.columns import ILLEGAL_XML
from counter.export.target import check_target, write
from counter.texts import evaluation as T

STEP_HEADER = (T.COL_NO, T.COL_KEGIATAN, T.COL_PELAKSANA, T.COL_MUTU, T.XLSX_UNIT, T.COL_RUNS,
               T.COL_MEDIAN, T.COL_P80, T.COL_P95, T.XLSX_WITHIN, T.XLSX_OVER, T.XLSX_RETURNED,
               T.COL_VERDICT, T.COL_PROPOSAL, T.COL_EVIDENCE)
WIDTHS = (5, 50, 18, 14, 10, 7, 9, 9, 9, 10, 10, 12, 16, 12, 80)


def _clean(v: Any) -> Any:
    return ILLEGAL_XML.sub("", v) if isinstance(v, str) else v


def _in_unit(value: float | None, in_days: bool) -> float | None:
    if value is None:
        return None
    return round(value, 2) if in_days else round(value / 60.0, 1)


def render_xlsx(ev: Evaluation) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = T.SHEETS[0]
    bold = Font(bold=True)
    for line in [T.TITLE, *heading_lines(ev)]:
        ws.append([line])
    ws.append([])
    ws.append(list(STEP_HEADER))
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = bold
    for i, w in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for s in ev.steps:
        f, d = s.figures, s.figures.in_days
        ws.append([s.no, _clean(s.step.kegiatan), s.pelaksana, s.waktu,
                   T.XLSX_DAYS if d else T.XLSX_MINUTES, f.n, _in_unit(f.median, d),
                   _in_unit(f.p80, d), _in_unit(f.p95, d),
                   round(100 * f.within / f.n, 1) if f.n and f.limit is not None else None,
                   round(100 * f.over / f.n, 1) if f.n and f.limit is not None else None,
                   f.returned, s.verdict.verdict, s.verdict.proposal or "",
                   _clean("; ".join(s.verdict.evidence))])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    details = wb.create_sheet(T.SHEETS[1])
    details.column_dimensions["A"].width = 120
    for section in [*detail_sections(ev), rules_section()]:
        details.append([section.title])
        details.cell(row=details.max_row, column=1).font = bold
        for row in section.rows:
            details.append([_clean(row[0])])
        details.append([])

    for section, name in zip(form_sections(ev), T.SHEETS[2:], strict=True):
        sheet = wb.create_sheet(name)
        sheet.append([section.title])
        sheet.append(list(section.header))
        for cell in sheet[2]:
            cell.font = bold
        for col, size in enumerate(section.widths, 1):
            sheet.column_dimensions[get_column_letter(col)].width = size * 9
        for row in section.rows:
            sheet.append([_clean(c) for c in row])
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_xlsx(ev: Evaluation, path: str | Path) -> Path:
    path = Path(path)
    check_target(path)
    return write(path, render_xlsx(ev))
