"""The audit listing on screen (F8, a supervisor's): who revealed which NIK, who
cancelled or reopened a case, who changed accounts or settings, which PINs failed.
The last 30 days by default; type a name to see one officer's acts. NIK masked."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from counter.audit.gather import sensitive_events
from counter.audit.listing import AuditRow, audit_rows
from counter.dates import format_datetime_short
from counter.errors import LoketError
from counter.texts import ui_accounts as T
from screens.services import loket
from screens.widgets.header import LoketHeader

DAYS = 30


class AuditScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", T.KEY_BACK, id="audit.kembali"),
    ]

    def compose(self) -> ComposeResult:
        yield LoketHeader()
        yield Static(T.AUDIT_TITLE.format(days=DAYS), classes="title")
        yield Input(placeholder=T.AUDIT_FILTER, id="audit-petugas")
        yield DataTable(id="audit", cursor_type="row", zebra_stripes=True)
        yield Static("", id="audit-note", classes="hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#audit", DataTable)
        table.add_columns(T.AUDIT_COL_AT, T.AUDIT_COL_WHO, T.AUDIT_COL_DESK, T.AUDIT_COL_ACT,
                          T.AUDIT_COL_CODE, T.AUDIT_COL_DETAIL)
        self._events, self._records, problems = self._read()
        self.show("")
        if problems:
            self.app.notify("\n".join(problems), severity="error", timeout=10)
        table.focus()

    def _read(self) -> tuple[list[dict[str, Any]], list[Any], list[str]]:
        app: Any = self.app
        last: date = loket(self).now().date()
        self.first, self.last = last - timedelta(days=DAYS - 1), last
        problems: list[str] = []
        store = app.store
        days = []
        for path in store.day_files():
            try:
                day = date.fromisoformat(path.stem)
            except ValueError:
                continue
            if day <= last:
                days.append(day)
        events, errors = sensitive_events(store, days)
        problems += [str(e) for e in errors]
        try:
            records = app.gate.audit.records(self.first, self.last)
        except LoketError as err:
            problems.append(str(err))
            records = app.gate.audit.records(self.first, self.last, strict=False)
        return events, records, problems

    def show(self, petugas: str) -> None:
        rows = audit_rows(self._events, self._records, petugas=petugas, start=self.first,
                          end=self.last)
        table = self.query_one("#audit", DataTable)
        table.clear()
        for row in reversed(rows):  # the newest first
            table.add_row(*_cells(row))
        self.query_one("#audit-note", Static).update(T.AUDIT_COUNT.format(count=len(rows)))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show(event.value)

    def action_back(self) -> None:
        self.dismiss(None)


def _cells(row: AuditRow) -> tuple[str, ...]:
    return (format_datetime_short(row.at), row.officer, str(row.desk or "—"), row.act,
            row.code or "—", row.detail or "—")
