"""The XLSX report streamed: rows written and compressed while the period is read.

A year's report holds ~75,000 cases and ~500,000 step runs. `XlsxStream` is the
`sink` of `counter.report.load_summary`: each case's rows become sheet XML at once
(`xlsx_cells.template`, or templates kept on a day's report page: `add_rendered`),
numbered in chunks and handed to a worker thread that compresses them into the
archive's entries (`zip_raw`), so memory stays flat in the period and the
compressing overlaps the reading. `finish` adds the "Ringkasan" sheet (it needs the
totals) and the workbook's fixed parts (`xlsx_package`) and writes the file
atomically. No openpyxl: the package is Loket's own, read back by openpyxl in the
tests exactly as openpyxl's own workbook.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from counter.export import xlsx_cells, xlsx_package
from counter.export.columns import CASE_COLUMNS, ILLEGAL_XML, STEP_COLUMNS, Column
from counter.export.target import ExportError, check_target, write
from counter.export.zip_raw import Compressor, DeflateSpool, RawZip, ZipTooLarge
from counter.report import Summary
from counter.report_rows import CaseRow, StepRow
from counter.texts import report as T

CHUNK_BYTES = 1 << 19  # rows handed to the compressor in pieces of about this size
MAX_ROWS = 1_048_576  # a spreadsheet's last row


class _Sheet:
    """One big sheet: its rows as templates, numbered and compressed chunk by chunk."""

    def __init__(self, index: int, title: str, columns: Sequence[Column],
                 compressor: Compressor, folder: Path | None) -> None:
        self.title = title
        self.kinds = xlsx_cells.kinds_of(columns)
        self.spool = DeflateSpool(f"xl/worksheets/sheet{index}.xml", folder)
        self.compressor = compressor
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.next_row = 2  # row 1 is the header
        self.rows = 0
        head = xlsx_package.sheet_head([c.width for c in columns], frozen_header=columns)
        compressor.feed(self.spool, head.encode("utf-8"))

    def add(self, templates: bytes, count: int) -> None:
        self.rows += count
        if self.rows > MAX_ROWS - 1:
            raise ExportError(T.XLSX_TOO_MANY_ROWS.format(sheet=self.title))
        self.pending.append(templates)
        self.pending_size += len(templates)
        if self.pending_size >= CHUNK_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            data, self.next_row = xlsx_cells.numbered(b"".join(self.pending), self.next_row)
            self.compressor.feed(self.spool, data)
            self.pending.clear()
            self.pending_size = 0

    def end(self) -> None:
        self.flush()
        self.compressor.feed(self.spool, xlsx_package.SHEET_TAIL.encode("utf-8"))


class XlsxStream:
    """The sink of a streamed report; `finish(summary)` writes the workbook."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        check_target(self.path)
        folder = self.path.parent if self.path.parent.is_dir() else None
        self.compressor = Compressor()
        self.cases = _Sheet(1, T.SHEET_CASES, CASE_COLUMNS, self.compressor, folder)
        self.steps = _Sheet(2, T.SHEET_STEPS, STEP_COLUMNS, self.compressor, folder)

    def add(self, item: tuple[CaseRow, Sequence[StepRow]]) -> None:
        """A case's rows, made into XML now."""
        row, steps = item
        self.cases.add(xlsx_cells.template(self.cases.kinds, row).encode("utf-8"), 1)
        self.add_steps(steps)

    def add_steps(self, steps: Sequence[StepRow]) -> None:
        """Step rows alone (a summary held in memory lists them apart from the cases)."""
        if steps:
            kinds = self.steps.kinds
            self.steps.add("".join(xlsx_cells.template(kinds, s) for s in steps)
                           .encode("utf-8"), len(steps))

    def add_rendered(self, case: bytes, steps: bytes, step_count: int) -> None:
        """A case's rows as templates made earlier (a report page)."""
        self.cases.add(case, 1)
        if step_count:
            self.steps.add(steps, step_count)

    def finish(self, summary: Summary) -> Path:
        """The workbook: the streamed sheets, the summary (and queue) sheet; the file is
        whole or not written (`ExportError`)."""
        try:
            self.cases.end()
            self.steps.end()
            self.compressor.wait()
            for sheet in (self.cases, self.steps):
                sheet.spool.close()
            extra = [(T.SHEET_SUMMARY, summary_sheet(summary))]
            if summary.queue:
                from counter.texts import queue as TQ

                extra.append((TQ.SHEET_QUEUE, queue_sheet(summary)))
            titles = [T.SHEET_CASES, T.SHEET_STEPS, *(title for title, _ in extra)]

            def writer(target: IO[bytes]) -> None:
                archive = RawZip(target)
                for name, xml in xlsx_package.workbook_parts(titles):
                    archive.add_bytes(name, xml.encode("utf-8"))
                archive.add_spool(self.cases.spool)
                archive.add_spool(self.steps.spool)
                for i, (_, xml) in enumerate(extra, 3):
                    archive.add_bytes(f"xl/worksheets/sheet{i}.xml", xml.encode("utf-8"))
                archive.close()

            try:
                return write(self.path, writer)
            except ZipTooLarge:
                raise ExportError(T.XLSX_TOO_LARGE, path=self.path) from None
        finally:
            self.cases.spool.discard()
            self.steps.spool.discard()

    def abandon(self) -> None:
        """Stop without writing (the report failed): the worker ends, spools go."""
        with contextlib.suppress(Exception):  # already failing: the first error is told
            self.compressor.wait()
        self.cases.spool.discard()
        self.steps.spool.discard()


def _sheet(widths: Sequence[float], rows: Iterable[tuple[Sequence[Any], bool]]) -> str:
    body = [xlsx_package.sheet_head(widths, frozen_header=None)]
    for n, (values, bold) in enumerate(rows, 1):
        body.append(xlsx_cells.plain_row(values, n, bold) if values else f'<row r="{n}"/>')
    body.append(xlsx_package.SHEET_TAIL)
    return "".join(body)


def summary_sheet(summary: Summary) -> str:
    """"Ringkasan": the figures, as `counter.export.xlsx` lays them out."""
    from counter.export.xlsx import _summary_rows

    return _sheet((48, 70), (([ILLEGAL_XML.sub("", label), value], False)
                             for label, value in _summary_rows(summary)))


def queue_sheet(summary: Summary) -> str:
    """"Antrean": each queue table under its bold title, a row apart."""
    from counter.export.xlsx import _number_or_text

    rows: list[tuple[Sequence[Any], bool]] = []
    for title, header, table in summary.queue:
        rows.append(([title], True))
        rows.append((list(header), True))
        rows.extend(([_number_or_text(v) for v in row], False) for row in table)
        rows.append(([], False))
    return _sheet((30, *([14] * 8)), rows)
