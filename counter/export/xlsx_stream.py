"""The XLSX report streamed: each case's rows written out as the report reads them.

A year's report holds ~75,000 cases and ~500,000 step runs; kept in memory as rows
they would cost hundreds of MB. `XlsxStream.add` is the `sink` of
`counter.report.load_summary`: it turns each case's rows into the fast writer's
sheet XML at once (`xlsx_fast.rows_xml`) and appends it to a temporary file (one per
sheet, owner-only, deleted when done), so memory stays flat in the number of cases.
`finish` has openpyxl build the workbook's shell (styles, widths, headers, the
first rows and the "Ringkasan" sheet, which needs the totals), splices the spooled
rows in, and writes the file atomically. The date cells' style is only known from
the shell, so while streaming they carry a placeholder replaced on the way out.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from counter.export import xlsx_fast
from counter.export.columns import CASE_COLUMNS, STEP_COLUMNS, Column
from counter.export.target import check_target, write
from counter.report import Summary
from counter.report_rows import CaseRow, StepRow

CHUNK_ROWS = 2000


class StreamDeclined(Exception):
    """openpyxl's shell is not as the fast writer expects: nothing was written, and the
    caller writes the report the ordinary way (rows in memory, `write_xlsx`)."""


class _Spool:
    """One sheet's rows as XML in a temporary file, in chunks of whole rows."""

    def __init__(self, columns: Sequence[Column], folder: Path | None) -> None:
        self.columns = columns
        # owner-only and unnamed; closed by `XlsxStream.finish`
        self.file: IO[bytes] = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.chunks: list[int] = []  # byte length of each chunk written
        self.pending: list[Any] = []
        self.first: Any = None
        self.next_row = 2  # row 1 is the header

    def add(self, row: Any) -> None:
        if self.first is None:
            self.first = row
        self.pending.append(row)
        if len(self.pending) >= CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        xml = "".join(xlsx_fast.rows_xml(self.columns, self.pending, xlsx_fast.PLACEHOLDERS,
                                         start=self.next_row, chunk=len(self.pending) + 1))
        data = xml.encode("utf-8")
        self.file.write(data)
        self.chunks.append(len(data))
        self.next_row += len(self.pending)
        self.pending.clear()

    def copy_to(self, target: IO[bytes], styles: dict[int, str]) -> None:
        self.flush()
        self.file.seek(0)
        for size in self.chunks:
            target.write(xlsx_fast.fill_styles(self.file.read(size), styles))

    def close(self) -> None:
        self.file.close()


class XlsxStream:
    """The sink of a streamed report; `finish(summary, path)` writes the workbook."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        check_target(self.path)
        folder = self.path.parent if self.path.parent.is_dir() else None
        self.cases = _Spool(CASE_COLUMNS, folder)
        self.steps = _Spool(STEP_COLUMNS, folder)

    def add(self, item: tuple[CaseRow, Sequence[StepRow]]) -> None:
        row, steps = item
        self.cases.add(row)
        for step in steps:
            self.steps.add(step)

    def finish(self, summary: Summary) -> Path:
        """The workbook of `summary` (its figures) with every streamed row; the file is
        whole or not written (`ExportError`)."""
        from counter.export.xlsx import workbook

        try:
            firsts = replace(summary,
                             cases=(self.cases.first,) if self.cases.first is not None else (),
                             steps=(self.steps.first,) if self.steps.first is not None else ())
            shell, sheets = workbook(firsts, first_rows_only=True)
            spools = {id(self.cases.columns): self.cases, id(self.steps.columns): self.steps}
            writer = xlsx_fast.plan_spooled(
                shell, [(ws, cols, spools[id(cols)]) for ws, cols, _ in sheets])
            if writer is None:
                raise StreamDeclined(self.path)
            return write(self.path, writer)
        finally:
            self.cases.close()
            self.steps.close()
