"""Exports of the service log: CSV, XLSX and the printable PDF report.

One module per format, sharing the columns (`columns`), the phrases
(`wording`) and where a file is written (`target`: the one atomic writer,
owner-only, into a folder that exists). The plain-text report is presentation
and lives with the CLI (`screens/cli/report_text.py`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from counter.export.columns import CASE_COLUMNS, STEP_COLUMNS, Column
from counter.export.csv_tables import steps_path_for, write_csv
from counter.export.pdf_report import PDF_MAX_CASES, render_pdf, write_pdf
from counter.export.target import ExportError, check_target, write
from counter.export.wording import OVER_TOP
from counter.export.xlsx import write_xlsx
from counter.export.xlsx_package import DATETIME_FORMAT
from counter.report import Summary

__all__ = [
    "CASE_COLUMNS", "DATETIME_FORMAT", "FILE_FORMATS", "FORMATS", "OVER_TOP", "PDF_MAX_CASES",
    "STEP_COLUMNS", "Column", "ExportError", "check_target", "default_name", "render_pdf",
    "steps_path_for", "write", "write_csv", "write_pdf", "write_report", "write_xlsx",
]

FORMATS = ("teks", "csv", "xlsx", "pdf")
FILE_FORMATS = ("csv", "xlsx", "pdf")  # made here; the text report is the CLI's


def default_name(first: date, last: date, fmt: str) -> str:
    """`laporan-2026-11-25.xlsx`, or `laporan-2026-11-01_2026-11-30.xlsx` for a range."""
    stem = f"laporan-{first.isoformat()}" if first == last else \
        f"laporan-{first.isoformat()}_{last.isoformat()}"
    return f"{stem}.{'txt' if fmt == 'teks' else fmt}"



def write_report(summary: Summary, profile: Any, fmt: str, path: str | Path) -> list[Path]:
    """Write the report in one file format; returns the files written (CSV makes two)."""
    out = Path(path)
    check_target(out)
    if fmt == "csv":
        return list(write_csv(summary, out))
    if fmt == "xlsx":
        return [write_xlsx(summary, out)]
    if fmt == "pdf":
        return [write_pdf(summary, profile, out)]
    raise ValueError(fmt)
