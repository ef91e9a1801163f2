"""A DataTable whose columns all have set widths: added rows are not measured.

Textual's DataTable measures every cell of every added row when idle, to size
columns that fit their content. The log sets each column's width from the screen
width (screens/daily_log_cells.py), so that measuring, about 3,000 cells for a busy
day, only delayed the frame that shows the rows. A column added without a width, a
row label or an auto-height row falls back to the DataTable's own measuring.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class SetWidthTable(DataTable[Any]):
    """The log's case table (same look and keys as a DataTable)."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        measured = any(column.auto_width for column in self.columns.values()) or any(
            row.label is not None or row.auto_height
            for row in (self.rows.get(key) for key in new_rows) if row is not None)
        if measured:
            super()._update_dimensions(new_rows)
            return
        # what DataTable._update_dimensions ends with: the table's virtual size
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width,
                                 self._total_row_height + header)
