"""The kept F4 screen's visits and its status line, apart from screens/daily_log.py
(the screen's table, filters and loading)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable, Input, Select, TabbedContent

from counter import dates
from counter.log_filter import Filters, Sort
from counter.texts import ui as T_UI
from counter.texts import ui_review as T
from screens.widgets.checklist import TickBox
from screens.widgets.timing import working_now

if TYPE_CHECKING:
    from screens.daily_log import DailyLogScreen


def fresh_visit(self: DailyLogScreen) -> None:
    """F4 again on the app's kept screen (built once: its widgets cost more than the
    day's data): it opens as a new one would, on today's day with no filter, sort or
    search left from the last visit, the cases tab in front. An officer pressing F4
    expects today's log as F4 always shows it; a hidden filter from an earlier visit
    would make cases look missing. The table is emptied first: no earlier visit's rows
    (another day's, or today's with old timers) show while the data loads, and the
    screen's first frame does not spend the loading time drawing them."""
    self.query_one("#log-table", DataTable).clear()
    self.rows, self.shown = [], []
    today = self.desk.now().date()
    self.day, self.span = today, "day"
    self.filters, self.sort = Filters(), Sort()
    for sel_id in ("#f-service", "#f-officer", "#f-status"):
        self.query_one(sel_id, Select).clear()
    self.query_one("#f-text", Input).value = ""
    for box_id in ("#f-over", "#f-waiting"):
        self.query_one(box_id, TickBox).value = False
    self.query_one("#log-tabs", TabbedContent).active = "tab-cases"
    self.query_one("#log-table", DataTable).focus()
    # the data is read from here, while the screen is brought up (not after: the read
    # and the first frame share the one Python thread)
    self._reload_on_show, self._loading_for_visit = False, True
    self.load()

def status_text(self: DailyLogScreen) -> str:
    if not self.rows:
        first, last = self.period
        where = dates.format_day_date(first) if first == last else \
            f"{dates.format_date(first)} \u2013 {dates.format_date(last)}"
        return T.LOG_NO_CASES.format(day=where)
    if not self.shown:
        return T.LOG_NO_MATCH
    sort = T.LOG_SORTED.format(column=T.LOG_COLUMNS[self.sort.column],
                               direction=T.LOG_DESC if self.sort.reverse else "")
    line = f"{T.LOG_SHOWN.format(shown=len(self.shown), total=len(self.rows))} \u00b7 {sort}"
    if any(r.closed_at is None for r in self.shown) and not working_now(
            self.desk.calendar, self.desk.now()):
        line += f" \u00b7 {T_UI.RUN_OFF_HOURS}"  # why the open cases' times stand still
    return line
