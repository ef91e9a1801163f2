"""CSV export: two files, UTF-8 with a byte-order mark (spreadsheets then read the
accents right), comma-separated, one header row. `laporan.csv` holds the cases
and `laporan-langkah.csv` every step run. Times are ISO 8601 with the office's
UTC offset; durations are minutes with one decimal; an empty cell means "none".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from counter.export.columns import CASE_COLUMNS, STEP_COLUMNS, Column, cell_text
from counter.export.target import check_target, write
from counter.report import Summary, unreadable_lines


def steps_path_for(path: Path) -> Path:
    """laporan.csv -> laporan-langkah.csv (beside it)."""
    return path.with_name(f"{path.stem}-langkah{path.suffix or '.csv'}")



def write_table_csv(path: Path, columns: Sequence[Column], rows: Sequence[Any],
                    trailer: Sequence[str] = ()) -> None:
    """The table; ``trailer`` lines (an unreadable day) follow as one-cell rows."""

    def fill(fh: BinaryIO) -> None:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        out = csv.writer(text)
        out.writerow([c.header for c in columns])
        for row in rows:
            out.writerow([cell_text(c, row) for c in columns])
        for line in trailer:
            out.writerow([line])
        text.flush()
        text.detach()  # the atomic writer owns (and fsyncs) the file

    write(path, fill)


def write_csv(summary: Summary, path: str | Path) -> tuple[Path, Path]:
    """The case table at `path` and the step table beside it; returns both paths."""
    path = Path(path)
    steps = steps_path_for(path)
    check_target(path)
    write_table_csv(path, CASE_COLUMNS, summary.cases, trailer=unreadable_lines(summary))
    write_table_csv(steps, STEP_COLUMNS, summary.steps)
    return path, steps
