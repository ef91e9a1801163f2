"""The XLSX report streamed: rows written and compressed while the period is read.

A year's report holds ~75,000 cases and ~500,000 step runs. `XlsxStream` is the
`sink` of `counter.report.load_summary`: each case's rows become sheet XML at once
(`xlsx_cells.template`), handed in chunks to a worker thread that compresses them into
the archive's entries (`zip_raw`), so memory stays flat in the period and the
compressing overlaps the reading; a day's closed cases come already written and
compressed from its report page (`add_compressed`) and are spliced in as they are.
`finish` adds the "Ringkasan" sheet (it needs the totals) and the workbook's fixed
parts (`xlsx_package`) and writes the file atomically. No openpyxl: the package is
Loket's own, read back by openpyxl in the tests exactly as openpyxl's own workbook.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from counter.export import xlsx_cells, xlsx_package
from counter.export.columns import CASE_COLUMNS, ILLEGAL_XML, STEP_COLUMNS, Column
from counter.export.target import ExportError, check_target, write
from counter.export.zip_raw import Batch, Compressor, DeflateSpool, Piece, RawZip, ZipTooLarge
from counter.report import Summary
from counter.report_rows import CaseRow, StepRow
from counter.texts import report as T

CHUNK_BYTES = 1 << 21  # rows handed to the compressor in batches of about this many bytes
MAX_ROWS = 1_048_576  # a spreadsheet's last row


class _Sheet:
    """One big sheet: its rows compressed chunk by chunk, or spliced in compressed."""

    def __init__(self, index: int, title: str, columns: Sequence[Column],
                 compressor: Compressor, folder: Path | None) -> None:
        self.title = title
        self.kinds = xlsx_cells.kinds_of(columns)
        self.spool = DeflateSpool(f"xl/worksheets/sheet{index}.xml", folder)
        self.compressor = compressor
        self.pending: list[str] = []  # rows written here, not yet encoded
        self.batch: Batch = []  # what goes to the compressor next
        self.batch_size = 0
        self.rows = 0
        head = xlsx_package.sheet_head([c.width for c in columns], frozen_header=columns)
        self.pending.append(head)

    def _count(self, rows: int) -> None:
        self.rows += rows
        if self.rows > MAX_ROWS - 1:  # row 1 is the header
            raise ExportError(T.XLSX_TOO_MANY_ROWS.format(sheet=self.title))

    def add(self, xml: str, rows: int) -> None:
        self._count(rows)
        self.pending.append(xml)
        self.batch_size += len(xml)
        if self.batch_size >= CHUNK_BYTES:
            self.flush()

    def add_compressed(self, piece: Piece, rows: int) -> None:
        if piece.size:
            self._count(rows)
            self._encode()
            self.batch.append(piece)
            self.batch_size += piece.size
            if self.batch_size >= CHUNK_BYTES:
                self.flush()

    def _encode(self) -> None:
        if self.pending:
            self.batch.append("".join(self.pending).encode("utf-8"))
            self.pending.clear()

    def flush(self) -> None:
        self._encode()
        if self.batch:
            self.compressor.feed(self.spool, self.batch)
            self.batch = []
            self.batch_size = 0

    def end(self) -> None:
        self.pending.append(xlsx_package.SHEET_TAIL)
        self.flush()


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
        self.cases.add(xlsx_cells.template(self.cases.kinds, row), 1)
        self.add_steps(steps)

    def add_xml(self, case: str, steps: str, step_count: int) -> None:
        """A case's rows made into XML elsewhere (`xlsx_cells.template`)."""
        self.cases.add(case, 1)
        if step_count:
            self.steps.add(steps, step_count)

    def add_steps(self, steps: Sequence[StepRow]) -> None:
        """Step rows alone (a summary held in memory lists them apart from the cases)."""
        if steps:
            kinds = self.steps.kinds
            self.steps.add("".join(xlsx_cells.template(kinds, s) for s in steps), len(steps))

    def add_compressed(self, cases: Piece, case_count: int, steps: Piece,
                       step_count: int) -> None:
        """Rows written and compressed earlier (a report page's closed cases)."""
        self.cases.add_compressed(cases, case_count)
        self.steps.add_compressed(steps, step_count)

    def finish(self, summary: Summary) -> Path:
        """The workbook: the streamed sheets, the summary (and queue) sheet; the file is
        whole or not written (`ExportError`, saying why: a disk that filled up while the
        rows were compressed is told like one that fills up at the end)."""
        extra = [(T.SHEET_SUMMARY, summary_sheet(summary))]
        if summary.queue:
            from counter.texts import queue as TQ

            extra.append((TQ.SHEET_QUEUE, queue_sheet(summary)))
        titles = [T.SHEET_CASES, T.SHEET_STEPS, *(title for title, _ in extra)]

        def writer(target: IO[bytes]) -> None:
            self.cases.end()
            self.steps.end()
            self.compressor.wait()  # the worker's own failure (a full disk) raised here
            for sheet in (self.cases, self.steps):
                sheet.spool.close()
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
    body += (xlsx_cells.plain_row(values, bold) for values, bold in rows)
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
