"""Log harian: review a day (or a week, a month) of service at the counter.

A supervisor closes the day here: the day's cases in a table that filters and
sorts, Enter to read a case's timeline, and a summary of what came in, what was
finished, where files wait and which steps ran over and why. The figures come
from `counter.report` (the same as `loket laporan` and the exports); reading
the store runs in a worker so the screen never freezes on a month of history.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import (
    Checkbox,
    DataTable,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from counter import dates
from counter import report as R
from counter.damage import UnreadableDay
from counter.errors import LoketError
from counter.log_filter import SPANS, WAITING, Filters, Sort, span_dates, visible_rows
from counter.texts import shell as TS
from counter.texts import skm as TK
from counter.texts import ui_review as T
from screens.case_detail import shell_header
from screens.daily_log_cells import COLUMNS, column_widths, placeholder_cells, row_cells
from screens.daily_log_export import LogExport
from screens.daily_log_summary import summary_view
from screens.date_modal import DateModal
from screens.widgets.checklist import TickBox
from screens.widgets.footer import QuietFooter
from screens.widgets.set_width_table import SetWidthTable
from screens.worker_guard import guarded_work

__all__ = ["DailyLogScreen", "DateModal"]


class DailyLogScreen(LogExport, Screen[None]):
    """The day's cases, filters and sorting, and the summary; a week or a month on demand."""

    CSS_PATH = "daily_log.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # first, so the footer keeps F1 at 80 columns however many keys the screen has
        Binding("f1", "app.help", T.KEY_HELP, id="log.bantuan"),
        Binding("escape", "back", T.KEY_BACK, id="log.kembali"),
        Binding("left_square_bracket,pageup", "prev_day", T.KEY_PREV_DAY, key_display="[",
                id="log.hari_sebelum"),
        Binding("right_square_bracket,pagedown", "next_day", T.KEY_NEXT_DAY, key_display="]",
                id="log.hari_sesudah"),
        Binding("t", "pick_date", T.KEY_DATE, id="log.tanggal"),
        Binding("h", "today", T.KEY_TODAY, id="log.hari_ini"),
        Binding("m", "cycle_span", T.KEY_RANGE, id="log.rentang"),
        Binding("u", "next_sort", T.KEY_SORT, id="log.urutkan"),
        Binding("U", "reverse_sort", T.LOG_DESC.strip(" ()"), show=False, id="log.urutkan_balik"),
        Binding("s", "toggle_summary", T.KEY_SUMMARY, id="log.ringkasan"),
        Binding("f", "focus_filters", T.KEY_FILTERS, id="log.saring"),
        Binding("e", "export", T.KEY_EXPORT, id="log.ekspor"),
        Binding("k", "skm", TK.KEY_SKM, id="log.skm"),
        Binding("slash", "search", T.KEY_SEARCH, key_display="/", id="log.cari"),
        Binding("r", "reload", T.KEY_REFRESH, show=False, id="log.muat_ulang"),
    ]

    def __init__(self, desk: Any = None, *, day: date | None = None, span: str = "day") -> None:
        """`desk` defaults to the app's desk service; `day` to today at the desk."""
        super().__init__()
        self._desk = desk
        self.day = day
        self.span = span
        self.filters = Filters()
        self.sort = Sort()
        self.summary: Any = None
        self.rows: list[Any] = []
        self.shown: list[Any] = []
        self._filling = False
        self._laid_for = 0  # the screen width the table's columns were laid out for
        self._reload_on_show = False
        self._loading_for_visit = False

    @property
    def desk(self) -> Any:
        return self._desk if self._desk is not None else getattr(self.app, "desk", None)

    # ------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        header = shell_header(self.app)
        if header is not None:
            yield header
        with Horizontal(id="log-top"):
            yield Static(id="log-title")
            yield TickBox(T.LOG_ONLY_OVER, id="f-over", compact=True)
            yield TickBox(T.LOG_ONLY_WAITING, id="f-waiting", compact=True)
        with Horizontal(id="log-filters"):
            yield Select([], prompt=f"{T.LOG_FILTER_SERVICE}: {T.LOG_ALL}", id="f-service",
                         compact=True)
            yield Select([], prompt=f"{T.LOG_FILTER_OFFICER}: {T.LOG_ALL}", id="f-officer",
                         compact=True)
            yield Select([], prompt=f"{T.LOG_FILTER_STATUS}: {T.LOG_ALL}", id="f-status",
                         compact=True)
            yield Input(placeholder=T.LOG_SEARCH_HINT, id="f-text", compact=True)
        with TabbedContent(id="log-tabs"):
            with TabPane(T.LOG_TITLE, id="tab-cases"):
                yield SetWidthTable(id="log-table", cursor_type="row", zebra_stripes=True)
                damage = Static(id="log-damage")
                damage.display = False  # shown only while a day file cannot be read
                yield damage
                yield Static(id="log-status")
            with TabPane(T.SUM_TITLE, id="tab-summary"), VerticalScroll(id="log-summary-box"):
                yield Static(id="log-summary")
        yield QuietFooter()

    def on_mount(self) -> None:
        if self.day is None:
            self.day = self.desk.now().date()
        table = self.query_one("#log-table", DataTable)
        self.load()
        table.focus()

    # ------------------------------------------------------------- loading

    @property
    def period(self) -> tuple[date, date]:
        assert self.day is not None
        return span_dates(self.day, self.span)

    def load(self) -> None:
        first, last = self.period
        self.query_one("#log-title", Static).update(self.title_text(loading=True))
        self.load_worker(first, last)

    @guarded_work(TS.WORK_LOG_LOAD, recover="load_crashed", thread=True, exclusive=True,
                  group="daily-log")
    def load_worker(self, first: date, last: date) -> None:
        """Fold and measure the period's cases off the UI thread."""
        try:
            requests: dict[str, str] = {}
            summary = R.load_summary(self.desk, first, last, requests=requests)
            from counter.unserved import load_unserved  # walk-ins with no SOP yet (issue 12)

            self.unserved = load_unserved(self.desk, summary, requests)
        except LoketError as err:
            self.app.call_from_thread(self.notify, T.LOG_LOAD_ERROR.format(error=err),
                                      severity="error")
            summary = None
        self.app.call_from_thread(self.loaded, first, last, summary)

    def load_crashed(self) -> None:
        self.loaded(*self.period, None)

    def loaded(self, first: date, last: date, summary: Any) -> None:
        if (first, last) != self.period:
            return  # the officer moved on to another date meanwhile
        self.summary = summary
        self.rows = list(summary.cases) if summary is not None else []
        self.fill_filters()
        self.refill()
        self.query_one("#log-summary", Static).update(
            summary_view(summary, getattr(self, "unserved", None)) if summary is not None else "")
        from screens.queue_review import show_queue_review

        show_queue_review(self, first, last)  # the walk-in queue's figures
        damage = self.query_one("#log-damage", Static)
        lines = [T.LOG_DAMAGED.format(day=dates.format_day_date(u.day), path=u.path,
                                      cases=R.unreadable_cases(u))
                 for u in (summary.unreadable if summary is not None else ())]
        damage.display = bool(lines)
        damage.update(Text("\n".join(lines)))

    def title_text(self, loading: bool = False) -> Text:
        first, last = self.period
        if first == last:
            label = f"{T.LOG_TITLE} \u2014 {dates.format_day_date(first)}"
        else:
            label = T.LOG_RANGE_TITLE.format(first=dates.format_date(first),
                                             last=dates.format_date(last))
        text = Text(label, style="bold")
        if loading:
            text.append(" \u2026", style="dim")
        return text

    # ------------------------------------------------------------- filters

    def fill_filters(self) -> None:
        """Choices from the period's own cases, keeping a choice that still exists."""
        self._filling = True
        try:
            services = sorted({(r.service, r.sop_id) for r in self.rows})
            officers = sorted({(r.officer, r.officer) for r in self.rows})
            statuses = sorted({(r.status_label if r.status not in WAITING else
                                _status_word(r.status), r.status) for r in self.rows})
            for sel_id, options, attr in (("#f-service", services, "service"),
                                          ("#f-officer", officers, "officer"),
                                          ("#f-status", statuses, "status")):
                select = self.query_one(sel_id, Select)
                current = getattr(self.filters, attr)
                select.set_options(options)
                if current in {v for _, v in options}:
                    select.value = current
                else:
                    setattr(self.filters, attr, None)
        finally:
            self.call_after_refresh(self._filled)

    def _filled(self) -> None:
        self._filling = False

    def on_select_changed(self, event: Select.Changed) -> None:
        if self._filling:
            return
        value = None if event.value is Select.NULL else event.value
        attr = {"f-service": "service", "f-officer": "officer", "f-status": "status"}.get(
            event.select.id or "")
        if attr and getattr(self.filters, attr) != value:
            setattr(self.filters, attr, value)
            self.refill()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "f-text" and event.value != self.filters.text:
            self.filters.text = event.value
            self.refill()

    def action_search(self) -> None:
        self.query_one("#f-text", Input).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        attr = {"f-over": "only_over", "f-waiting": "only_waiting"}.get(event.checkbox.id or "")
        if attr and getattr(self.filters, attr) != event.value:
            setattr(self.filters, attr, event.value)
            self.refill()

    # ------------------------------------------------------------- the table

    def refill(self) -> None:
        self.shown = visible_rows(self.rows, self.filters, self.sort)
        table = self.query_one("#log-table", SetWidthTable)
        in_range = self.period[0] != self.period[1]
        keep = self.cursor_code()
        table.clear(columns=True)
        self._laid_for = self.size.width
        widths = column_widths(self.size.width, in_range)
        for col in COLUMNS:
            label = T.LOG_DATE_COLUMN if col == "opened" and in_range else T.LOG_COLUMNS[col]
            if col == self.sort.column:
                label += " \u25bc" if self.sort.reverse else " \u25b2"
            table.add_column(label, key=col, width=widths[col])
        table.add_keyed_rows([(row.code, row_cells(row, in_range, widths["service"]))
                              for row in self.shown])
        table.add_keyed_rows([(code, placeholder_cells(code, item))
                              for code, item in self._placeholders().items()])
        codes = [r.code for r in self.shown]
        if keep in codes:  # stay on the case the officer was looking at
            table.move_cursor(row=codes.index(keep), animate=False)
        self.query_one("#log-title", Static).update(self.title_text())
        self.query_one("#log-status", Static).update(self.status_text())

    def _placeholders(self) -> dict[str, UnreadableDay]:
        """The open cases of the period's unreadable days: a named row each, never hidden
        (their details are in the damaged file)."""
        if self.summary is None:
            return {}
        first, last = self.period
        return {code: u for u in self.summary.unreadable if first <= u.day <= last
                for code in u.codes}

    def on_resize(self, event: events.Resize) -> None:
        if self.summary is not None and event.size.width != self._laid_for:
            self.refill()

    def cursor_code(self) -> str | None:
        table = self.query_one("#log-table", DataTable)
        if not table.row_count:
            return None
        try:
            return str(table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value)
        except Exception:  # no valid cursor yet
            return None

    def on_screen_resume(self) -> None:
        # Back from a case (perhaps reprinted or acted on), or F4 again on the kept screen
        # (`fresh_visit`): show the figures as they are now.
        if self._loading_for_visit:  # F4 again: `fresh_visit` started the read
            self._loading_for_visit = False
        elif self.summary is not None or self._reload_on_show:
            self._reload_on_show = False
            self.load()

    def fresh_visit(self) -> None:
        """F4 again on the app's kept screen: as a new one would open (daily_log_visit)."""
        from screens.daily_log_visit import fresh_visit

        fresh_visit(self)

    def status_text(self) -> str:
        from screens.daily_log_visit import status_text

        return status_text(self)

    def sort_by(self, column: str, reverse: bool | None = None) -> None:
        if reverse is None:
            reverse = not self.sort.reverse if column == self.sort.column else False
        self.sort.column, self.sort.reverse = column, reverse
        self.refill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        self.sort_by(str(event.column_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        code = event.row_key.value
        if code:
            self.open_case(str(code))

    def open_case(self, code: str) -> None:
        from screens.case_detail import CaseDetailScreen

        self.app.push_screen(CaseDetailScreen(code, self._desk))

    # ------------------------------------------------------------- actions

    def move_to(self, day: date) -> None:
        self.day = day
        self.load()

    def action_prev_day(self) -> None:
        assert self.day is not None
        first, _ = self.period
        self.move_to(first - timedelta(days=1) if self.span == "day" else
                     span_dates(first - timedelta(days=1), self.span)[0])

    def action_next_day(self) -> None:
        _, last = self.period
        self.move_to(last + timedelta(days=1))

    def action_today(self) -> None:
        self.move_to(self.desk.now().date())

    def action_pick_date(self) -> None:
        def chosen(day: date | None) -> None:
            if day is not None:
                self.move_to(day)

        self.app.push_screen(DateModal(self.desk.now().date()), chosen)

    def action_cycle_span(self) -> None:
        self.span = SPANS[(SPANS.index(self.span) + 1) % len(SPANS)]
        self.notify({"day": T.LOG_RANGE_DAY, "week": T.LOG_RANGE_WEEK,
                     "month": T.LOG_RANGE_MONTH}[self.span], timeout=2)
        self.load()

    def action_next_sort(self) -> None:
        i = COLUMNS.index(self.sort.column)
        self.sort_by(COLUMNS[(i + 1) % len(COLUMNS)], reverse=False)

    def action_reverse_sort(self) -> None:
        self.sort_by(self.sort.column, reverse=not self.sort.reverse)

    def action_toggle_summary(self) -> None:
        tabs = self.query_one("#log-tabs", TabbedContent)
        tabs.active = "tab-summary" if tabs.active == "tab-cases" else "tab-cases"
        if tabs.active == "tab-cases":
            self.query_one("#log-table", DataTable).focus()
        else:  # arrows, PgUp/PgDn, Home/End scroll a summary longer than the screen
            self.query_one("#log-summary-box", VerticalScroll).focus()

    def action_focus_filters(self) -> None:
        self.query_one("#f-service", Select).focus()

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        if not isinstance(self.focused, DataTable):
            self.query_one("#log-table", DataTable).focus()
            return
        self.dismiss(None)


def _status_word(status: str) -> str:
    from counter.case import Status

    return Status(status).label()
