"""A DataTable whose columns all have set widths: added rows are not measured.

Textual's DataTable measures every cell of every added row when idle, to size
columns that fit their content. The log sets each column's width from the screen
width (screens/daily_log_cells.py), so that measuring, about 3,000 cells for a busy
day, only delayed the frame that shows the rows. A column added without a width, a
row label or an auto-height row falls back to the DataTable's own measuring.
`add_keyed_rows` adds many rows as `add_row` adds one, with the cursor checked once
instead of once per row. Both follow DataTable's internals of the pinned Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import Any

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey, Row, RowKey


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

    def add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[Any]]]) -> None:
        """`add_row(*cells, key=key)` for each (key, cells): one-line rows, no labels."""
        columns = self.ordered_columns
        was_empty = self.row_count == 0
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = self.row_count
            self._data[row_key] = {column.key: cell
                                   for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if was_empty and self.row_count and self.columns and self.show_cursor \
                and self.cursor_type != "none":
            self._highlight_cursor()  # as add_row does when its row is the first
        self._update_count += 1
        self.check_idle()
