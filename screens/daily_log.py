"""Log harian: review a day (or a week, a month) of service at the counter.

A supervisor closes the day here: the day's cases in a table that filters and
sorts, Enter to read a case's timeline, and a summary of what came in, what was
finished, where files wait and which steps ran over and why. The figures come
from `counter.report` (the same as `loket laporan` and the exports); reading
the store runs in a worker so the screen never freezes on a month of history.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import (
    Checkbox,
    DataTable,
    Footer,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from counter import dates
from counter import report as R
from counter.clock import format_duration
from counter.errors import LoketError
from counter.texts import shell as TS
from counter.texts import skm as TK
from counter.texts import ui_review as T
from screens.case_detail import shell_header
from screens.widgets import case_story as story
from screens.widgets.choice import ChoiceModal
from screens.worker_guard import guarded_work

# The order puts what a supervisor scans for first, so an 80-column screen shows it.
COLUMNS = ("code", "opened", "service", "status", "time", "over", "holder", "visitor",
           "officer", "desk")
WIDTHS = {"code": 15, "opened": 5, "service": 14, "status": 14, "time": 13, "over": 5,
          "holder": 16, "visitor": 12, "officer": 14, "desk": 5}
SORT_FIELD = {  # column -> CaseRow attribute
    "code": "code", "opened": "opened_at", "visitor": "visitor", "service": "service",
    "officer": "officer", "desk": "desk", "status": "status_label", "holder": "holder",
    "time": "elapsed_s", "over": "over",
}
WAITING = (R.MENUNGGU_PELAKSANA, R.MENUNGGU_PEMOHON)
SPANS = ("day", "week", "month")
# Room beyond what every column needs goes to the texts that get cut, up to a cap.
GROW = (("service", 0.5, 40), ("status", 0.25, 26), ("holder", 0.25, 30))
CELL_PADDING = 2


def column_widths(screen_width: int, in_range: bool) -> dict[str, int]:
    """Each column's width: the defaults, widened on a screen wider than all of them."""
    widths = dict(WIDTHS)
    if in_range:
        widths["opened"] = 12
    extra = screen_width - sum(w + CELL_PADDING for w in widths.values()) - 2
    for col, share, cap in GROW:
        widths[col] = min(cap, widths[col] + max(0, int(extra * share)))
    return widths


def span_dates(day: date, span: str) -> tuple[date, date]:
    """The period around `day`: the day, its Monday-to-Sunday week, or its month."""
    if span == "week":
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    if span == "month":
        last_day = _calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last_day)
    return day, day


@dataclass
class Filters:
    service: str | None = None  # sop_id
    officer: str | None = None
    status: str | None = None
    only_over: bool = False
    only_waiting: bool = False
    text: str = ""  # part of the visitor's name or of the code (a visitor without receipt)

    def keep(self, row: Any) -> bool:
        return (
            self._matches(row)
            and (self.service is None or row.sop_id == self.service)
            and (self.officer is None or row.officer == self.officer)
            and (self.status is None or row.status == self.status)
            and (not self.only_over or row.over)
            and (not self.only_waiting or row.status in WAITING)
        )

    def _matches(self, row: Any) -> bool:
        words = self.text.lower().split()
        if not words:
            return True
        haystack = f"{row.visitor} {row.code} {row.code_human}".lower()
        return all(w.replace("-", "") in haystack.replace("-", "") for w in words)


@dataclass
class Sort:
    column: str = "opened"
    reverse: bool = False
    history: list[str] = field(default_factory=list)


def hm(seconds: float) -> str:
    """Working time as h:mm, short enough for a table cell."""
    minutes = int(max(seconds, 0) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def time_cell(row: Any) -> Text:
    """ "5:00 / 7:55": the case's working time against its allowance (h:mm)."""
    text = f"{hm(row.elapsed_s)} / {hm(row.limit_s)}" if row.limit_s else hm(row.elapsed_s)
    return Text(text, style=story.level_style(row.level))


def row_cells(row: Any, in_range: bool) -> list[Any]:
    at = row.opened_at
    opened = (f"{at.day:02d}/{at.month:02d} {dates.format_time(at)}" if in_range
              else dates.format_time(at))
    # Text, not str: a str cell is parsed as markup on every render (slow for 300 rows,
    # and a "[" in a name would be taken for a tag).
    cells = {
        "code": Text(row.code_human),
        "opened": Text(opened),
        "visitor": Text(story.mask_name(row.visitor)),
        "service": Text(row.service),
        "officer": Text(row.officer),
        "desk": Text(str(row.desk)),
        "status": Text(row.status_label),
        "holder": Text(row.holder or T.NOTHING),
        "time": time_cell(row),
        "over": Text(T.LOG_OVER_FLAG, style="bold red") if row.over else Text(""),
    }
    return [cells[c] for c in COLUMNS]


# ----------------------------------------------------------------- summary panel


def bars(arrivals: tuple[tuple[int, int], ...], width: int = 24) -> Text:
    """Arrivals per hour as horizontal bars: easier to glance at than a list of numbers."""
    text = Text()
    top = max((n for _, n in arrivals), default=0)
    for hour, n in arrivals:
        size = round(width * n / top) if top else 0
        text.append(f"{hour:02d}.00 ")
        text.append("\u2588" * size, style="cyan")
        text.append(f" {n}\n" if n else "\n", style="bold" if n else "dim")
    return text


def summary_view(s: Any) -> Group:
    parts: list[Any] = [Text(R.period_text(s), style="bold")]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(T.SUM_OPENED, str(s.opened))
    outcomes = T.SUM_OUTCOMES.format(selesai=s.selesai, ditolak=s.ditolak,
                                     dibatalkan=s.dibatalkan)
    grid.add_row(T.SUM_CLOSED, f"{s.closed} ({outcomes})")
    grid.add_row(T.SUM_STILL_OPEN, str(s.still_open))
    share = s.within_share
    grid.add_row(T.SUM_WITHIN_SHARE, T.SUM_NONE if share is None else T.SUM_SHARE.format(
        pct=R.share_text(share), within=s.steps_within, total=s.steps_measured))
    parts.append(grid)

    parts.append(Text(f"\n{T.SUM_PER_SERVICE}", style="bold underline"))
    if not s.services:
        parts.append(Text(T.SUM_NONE, style="dim"))
    for line in s.services:
        med = format_duration(line.median_s) if line.median_s is not None else T.NOTHING
        std = format_duration(line.standard_s) if line.standard_s is not None else T.NOTHING
        over = line.median_s is not None and line.standard_s is not None \
            and line.median_s > line.standard_s
        t = Text(f"{line.service}: ")
        if line.median_s is None:
            t.append(T.SUM_SERVICE_NONE_DONE.format(count=line.count, standard=std))
        else:
            t.append(T.SUM_SERVICE_LINE.format(count=line.count, median=med, standard=std),
                     style="red" if over else "")
        parts.append(t)

    parts.append(Text(f"\n{T.SUM_OVERRUNS}", style="bold underline"))
    if not s.over_steps:
        parts.append(Text(T.SUM_NONE, style="dim"))
    for o in s.over_steps[:8]:
        parts.append(Text(T.SUM_OVERRUN_LINE.format(
            sop=o.service, step=o.step, count=o.count,
            median=format_duration(o.median_overrun_s)), style="red"))
        reasons = ", ".join(f"{r} ({n})" if n > 1 else r for r, n in o.reasons if r)
        if reasons:
            parts.append(Text("  " + T.SUM_REASONS.format(reasons=reasons), style="italic"))

    parts.append(Text(f"\n{T.SUM_WAITING}", style="bold underline"))
    if not s.waiting:
        parts.append(Text(T.SUM_NONE, style="dim"))
    for w in s.waiting:
        parts.append(Text(T.SUM_WAITING_LINE.format(
            role=w.holder, count=w.count, code=story_human(w.oldest_code),
            since=dates.format_datetime_short(w.oldest_since))))

    if not s.is_day and s.days:
        parts.append(Text(f"\n{T.SUM_PER_DAY}", style="bold underline"))
        for d in s.days:
            parts.append(Text(T.SUM_DAY_LINE.format(day=dates.format_date_short(d.day),
                                                    opened=d.opened, selesai=d.selesai,
                                                    over=d.over)))

    parts.append(Text(f"\n{T.SUM_ARRIVALS}", style="bold underline"))
    parts.append(bars(s.arrivals))
    return Group(*parts)


def story_human(code: str) -> str:
    from counter.codes import human

    try:
        return human(code)
    except LoketError:
        return code


# ----------------------------------------------------------------- date modal


class DateModal(ModalScreen[date | None]):
    """Type a date the way people write it: "25 November 2026", "2026-11-25", "kemarin"."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", T.REPRINT_CANCEL)]
    DEFAULT_CSS = """
    DateModal { align: center middle; }
    DateModal > Vertical {
        width: 60; height: auto; padding: 1 2; border: thick $primary; background: $surface;
    }
    DateModal #date-error { color: $error; height: auto; }
    """

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(T.LOG_DATE_PROMPT)
            yield Input(id="date-input")
            yield Static("", id="date-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            chosen = R.parse_date(event.value, today=self.today)
        except LoketError:
            self.query_one("#date-error", Static).update(T.LOG_BAD_DATE.format(text=event.value))
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)


# ----------------------------------------------------------------- the screen


class DailyLogScreen(Screen[None]):
    """The day's cases, filters and sorting, and the summary; a week or a month on demand."""

    CSS_PATH = "daily_log.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", T.KEY_BACK),
        Binding("left_square_bracket,pageup", "prev_day", T.KEY_PREV_DAY, key_display="["),
        Binding("right_square_bracket,pagedown", "next_day", T.KEY_NEXT_DAY, key_display="]"),
        Binding("t", "pick_date", T.KEY_DATE),
        Binding("h", "today", T.KEY_TODAY),
        Binding("m", "cycle_span", T.KEY_RANGE),
        Binding("u", "next_sort", T.KEY_SORT),
        Binding("U", "reverse_sort", T.LOG_DESC.strip(" ()"), show=False),
        Binding("s", "toggle_summary", T.KEY_SUMMARY),
        Binding("f", "focus_filters", T.KEY_FILTERS),
        Binding("e", "export", T.KEY_EXPORT),
        Binding("k", "skm", TK.KEY_SKM),
        Binding("slash", "search", T.KEY_SEARCH, key_display="/"),
        Binding("r", "reload", T.KEY_REFRESH, show=False),
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
            yield Checkbox(T.LOG_ONLY_OVER, id="f-over", compact=True)
            yield Checkbox(T.LOG_ONLY_WAITING, id="f-waiting", compact=True)
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
                yield DataTable(id="log-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="log-status")
            with TabPane(T.SUM_TITLE, id="tab-summary"), VerticalScroll(id="log-summary-box"):
                yield Static(id="log-summary")
        yield Footer()

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
            summary = R.load_summary(self.desk, first, last)
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
            summary_view(summary) if summary is not None else "")

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
        if event.checkbox.id == "f-over":
            self.filters.only_over = event.value
        elif event.checkbox.id == "f-waiting":
            self.filters.only_waiting = event.value
        self.refill()

    # ------------------------------------------------------------- the table

    def refill(self) -> None:
        kept = [r for r in self.rows if self.filters.keep(r)]
        self.shown = R.rows_sorted(kept, SORT_FIELD[self.sort.column], self.sort.reverse)
        table = self.query_one("#log-table", DataTable)
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
        for row in self.shown:
            table.add_row(*row_cells(row, in_range), key=row.code)
        codes = [r.code for r in self.shown]
        if keep in codes:  # stay on the case the officer was looking at
            table.move_cursor(row=codes.index(keep), animate=False)
        self.query_one("#log-title", Static).update(self.title_text())
        self.query_one("#log-status", Static).update(self.status_text())

    def on_resize(self, event: events.Resize) -> None:
        if self.summary is not None and event.size.width != self._laid_for:
            self.refill()

    def cursor_code(self) -> str | None:
        table = self.query_one("#log-table", DataTable)
        if not table.row_count:
            return None
        try:
            return str(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value)
        except Exception:  # no valid cursor yet
            return None

    def on_screen_resume(self) -> None:
        # Back from a case (perhaps reprinted or acted on): show the figures as they are now.
        if self.summary is not None:
            self.load()

    def status_text(self) -> str:
        if not self.rows:
            first, last = self.period
            where = dates.format_day_date(first) if first == last else \
                f"{dates.format_date(first)} \u2013 {dates.format_date(last)}"
            return T.LOG_NO_CASES.format(day=where)
        if not self.shown:
            return T.LOG_NO_MATCH
        sort = T.LOG_SORTED.format(column=T.LOG_COLUMNS[self.sort.column],
                                   direction=T.LOG_DESC if self.sort.reverse else "")
        return f"{T.LOG_SHOWN.format(shown=len(self.shown), total=len(self.rows))} \u00b7 {sort}"

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

    def action_focus_filters(self) -> None:
        self.query_one("#f-service", Select).focus()

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        if not isinstance(self.focused, DataTable):
            self.query_one("#log-table", DataTable).focus()
            return
        self.dismiss(None)


    # ------------------------------------------------------------- export

    def action_skm(self) -> None:
        """The satisfaction index (SKM) of the semester, from the day's review."""
        from screens.skm_review import SkmReviewScreen

        self.app.push_screen(SkmReviewScreen(self.app.now().date()))

    def action_export(self) -> None:
        """The shown period as XLSX, PDF or CSV in the data folder's `laporan/`."""
        if self.summary is None:
            self.notify(T.EXPORT_NOTHING, severity="warning")
            return
        summary = self.summary

        def chosen(fmt: str | None) -> None:
            if fmt is not None:
                self.export_worker(summary, fmt)

        self.app.push_screen(ChoiceModal(T.EXPORT_WHICH, list(T.EXPORT_FORMATS.items())),
                             chosen)

    @guarded_work(TS.WORK_EXPORT, thread=True, group="daily-log-export")
    def export_worker(self, summary: Any, fmt: str) -> None:
        from counter import export

        folder = self.app.paths.data_dir / "laporan"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            written = export.write_report(
                summary, self.app.profile, fmt,
                folder / export.default_name(summary.first, summary.last, fmt))
        except (LoketError, OSError) as err:
            self.app.call_from_thread(self.notify, T.EXPORT_FAILED.format(error=err),
                                      severity="error")
            return
        names = ", ".join(str(p) for p in written)
        self.app.call_from_thread(self.notify, T.EXPORT_DONE.format(paths=names))


def _status_word(status: str) -> str:
    from counter.case import Status

    return Status(status).label()
