"""The dashboard: today's cases in work with live timers, the files waiting elsewhere.

The store is read only on `reload` (on arrival, after an action, every
`RELOAD_EVERY` seconds for the other desks' news). The one-second tick only
re-measures the cases already folded (pure clock arithmetic) and rewrites the
cells whose text changed, so the table never flickers and a tick stays cheap.
"""

from __future__ import annotations

from contextlib import nullcontext, suppress
from datetime import date, datetime
from functools import partial
from typing import Any, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import DataTable, Static

from counter.case import Status
from counter.damage import UnreadableDay
from counter.errors import LoketError
from counter.texts import chain as TC
from counter.texts import shell as TS
from counter.texts import ui as T
from screens.app_memory import first_read
from screens.home_cells import (
    NARROW,
    due_cell,
    selected_code,
    service_text,
    text_widths,
    waiting_on,
)
from screens.home_cells import cases_text as _cases_text
from screens.home_cells import placeholder_row as _placeholder_row
from screens.home_cells import short as _short
from screens.home_cells import signature as _signature
from screens.home_cells import wait_order as _wait_order
from screens.home_cells import with_holder as _with_holder
from screens.home_read import HomeRead, read_home
from screens.messages import CaseSelected, DashboardLoaded
from screens.services import desk_of, loket, tell
from screens.skm_offer import show_skm_progress
from screens.widgets.footer import QuietFooter
from screens.widgets.header import LoketHeader
from screens.widgets.set_width_table import SetWidthTable
from screens.widgets.step_label import step_of
from screens.widgets.timing import timer_text, working_now
from screens.worker_guard import run_guarded

RELOAD_EVERY = 30.0
# While a day file is unreadable, look again sooner: a restored backup shows at once.
RELOAD_DAMAGED_EVERY = 5.0
# The live columns come first so an 80-column terminal always shows them.
WORK_COLUMNS = (("code", T.COL_CODE), ("step", T.COL_STEP), ("elapsed", T.COL_ELAPSED),
                ("visitor", T.COL_VISITOR), ("service", T.COL_SERVICE))
WAIT_COLUMNS = (("code", T.COL_CODE), ("due", T.COL_DUE), ("waiting", T.COL_WAITING_ON),
                ("visitor", T.COL_VISITOR), ("service", T.COL_SERVICE))


class HomeScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_selected", T.KEY_OPEN, show=True, id="dasbor.buka"),
        Binding("tab", "switch_table", T.KEY_SWITCH_LIST, show=False, id="dasbor.pindah_daftar"),
        Binding("ctrl+t", "accept_chain", TC.KEY_ACCEPT, id="dasbor.terima_rantai"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.views: dict[str, Any] = {}
        self._cells: dict[tuple[str, str, str], tuple[str, str]] = {}
        self._order: dict[str, list[str]] = {"work": [], "wait": []}
        self._since_reload = 0.0
        self.loaded = False
        self._reading = False
        self._stale = False
        self.unreadable: tuple[UnreadableDay, ...] = ()
        self._widths: dict[str, tuple[int, int]] = {}  # (name, service) per table

    def compose(self) -> ComposeResult:
        yield LoketHeader()
        yield Static(T.HOME_LOADING, id="counts")
        yield Static("", id="skm-progress", classes="hint")
        yield Static("", id="damage")
        yield Static("", id="chain")
        desk = loket(self).desk
        official = bool(desk is not None and desk.serves)
        yield Static(T.HOME_WITH_ME if official else T.HOME_IN_WORK, classes="section",
                     id="work-title")
        # rows added many at once (the first fill: hundreds), columns sized to their cells
        work: DataTable[Any] = SetWidthTable(id="work", cursor_type="row", zebra_stripes=True)
        yield work
        yield Static(T.HOME_EMPTY_OFFICIAL if official else T.HOME_EMPTY, id="empty",
                     classes="hint")
        yield Static(T.HOME_ON_THE_WAY if official else T.HOME_WAITING, classes="section")
        yield SetWidthTable(id="wait", cursor_type="row", zebra_stripes=True)
        yield QuietFooter(compact=True)

    def on_mount(self) -> None:
        for tid, columns in (("work", WORK_COLUMNS), ("wait", WAIT_COLUMNS)):
            table = self.query_one(f"#{tid}", DataTable)
            for key, label in columns:
                table.add_column(label, key=key)
        self.query_one("#damage", Static).display = False
        self.show_chain()
        warm = loket(self).warming.take(desk_of(self).now())
        if warm is not None:  # read while the officer signed in: shown at once, then fresh
            self._show_read(warm)
        self.call_after_refresh(self.reload)  # draw first: the keyboard works at once
        self.set_interval(1.0, self.tick)

    def on_resize(self) -> None:
        if self.loaded:  # the name and service cells are cut to the new width
            self._place_rows(desk_of(self).now())
            self._fill_cells(every_column=True)

    def on_screen_resume(self) -> None:
        if self.loaded:  # back from a case: show what changed (the first read is on_mount's)
            self.reload()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Read the open cases and today's counts from the store, in a thread.

        A year of history can hold hundreds of open files (applicants who never
        came back); folding them must never hold up the keyboard or the timers.
        """
        desk = loket(self).desk
        if desk is None or not self.is_mounted:
            return
        self._since_reload = 0.0
        if self._reading:  # one read at a time; ask for another when it is done
            self._stale = True
            return
        self._reading, self._stale = True, False
        known = frozenset(loket(self).damaged_days)
        run_guarded(self, partial(self._read, desk, known), TS.WORK_HOME_RELOAD,
                    recover=self._read_crashed, thread=True, group="home-reload")

    def _read(self, desk: Any, known_damaged: frozenset[date]) -> None:
        """Open cases and today's, each day file on its own: an unreadable one is named
        (with the days the start-up check found damaged, read again each time)."""
        try:
            with loket(self).warming.lock, first_read() if not self.loaded else nullcontext():
                read = read_home(desk, known_damaged)  # (the sign-in's, if under way, first)
        except LoketError as err:
            self._from_thread(self._failed, str(err))
            return
        self._from_thread(self._apply, read)
        with suppress(LoketError, OSError):  # a cache for the next start: costs nothing if not
            desk.keep_open_snapshot(read.office_open)

    def _read_crashed(self) -> None:
        self._reading = False

    def _failed(self, message: str) -> None:
        self._reading = False
        self.app.notify(message, severity="error")

    def _from_thread(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        with suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(fn, *args, **kwargs)

    def _apply(self, read: HomeRead) -> None:
        self._reading = False
        if not self.is_mounted:
            return
        if self._stale:  # something changed while reading: read again
            self.reload()
        try:
            self._show_read(read)
        except NoMatches:  # a read that came back as the app closed: its widgets are gone
            return
        tell(self, DashboardLoaded())  # the app's history checks start after its own read

    def _show_read(self, read: HomeRead) -> None:
        """Fill the tables and lines from one read (the dashboard's, or the sign-in's)."""
        views = read.views
        self.views = {v.code: v for v in views}
        if not self.loaded:  # the semester's SKM line reads a lot: after the tables, not beside
            self.call_after_refresh(show_skm_progress, self)
        self.loaded = True
        self._show_damage(read.unreadable, read.checked)
        self._show_counts(read.today, read.office_open, views)
        self._show_office_hours()
        self._place_rows(desk_of(self).now())

    def tick(self) -> None:
        """Once a second: re-measure the cases in work (no store read) and rewrite the
        changed cells. Files waiting elsewhere are re-measured on each reload."""
        desk = loket(self).desk
        if desk is None:
            return
        self._since_reload += 1.0
        every = RELOAD_DAMAGED_EVERY if self.unreadable else RELOAD_EVERY
        if self._since_reload >= every:
            self.reload()
        for code in self._order["work"]:
            view = self.views.get(code)
            if view is not None:
                self.views[code] = desk.remeasure(view)
        self._fill_cells(tables=("work",))
        self._show_office_hours()

    def _show_damage(self, unreadable: tuple[UnreadableDay, ...],
                     checked: frozenset[date]) -> None:
        """The persistent line naming each unreadable day file and its open cases; a file
        that was unreadable and reads again is announced once and leaves the line."""
        still = {u.day for u in unreadable}
        for gone in [u for u in self.unreadable if u.day not in still]:
            self.app.notify(T.STORE_REPAIRED.format(path=gone.path))
        loket(self).damaged_days -= checked - still
        self.unreadable = unreadable
        line = self.query_one("#damage", Static)
        line.display = bool(unreadable)
        if unreadable:
            files = ", ".join(T.HOME_DAMAGED_FILE.format(path=u.path, cases=_cases_text(u))
                              for u in unreadable)
            line.update(Text(T.HOME_DAMAGED.format(files=files)))

    def show_chain(self) -> None:
        """The persistent line of a broken record chain (screens/chain_check.py)."""
        text = str(getattr(self.app, "chain_warning", "") or "")
        line = self.query_one("#chain", Static)
        line.display = bool(text)
        line.update(Text(text))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_chain":  # only while a day file's break is on the line
            return bool(getattr(self.app, "chain_days", None))
        return True

    def action_accept_chain(self) -> None:
        from screens.chain_accept import accept_chain_break

        accept_chain_break(self.app)

    def _show_counts(self, today: list[Any], open_views: list[Any],
                     listed: list[Any]) -> None:
        """Today's figures, saying whose: the office's on a desk in an office (as the
        daily log counts), with this desk's own share beneath (counter/day_counts)."""
        from counter.day_counts import counts_text

        desk = desk_of(self)
        self.query_one("#counts", Static).update(counts_text(
            today, open_views, in_office=desk.in_office, desk=desk.profile.desk,
            mine=listed if desk.serves else None))

    def _split(self, now: datetime) -> tuple[list[Any], list[Any]]:
        work = [v for v in self.views.values() if v.state.status is Status.BERJALAN]
        wait = [v for v in self.views.values() if v.state.status is not Status.BERJALAN]
        mine = loket(self).desk_no
        # this desk's cases first (the desk is in the code: YYMMDD-DD-…), oldest first
        work.sort(key=lambda v: (v.state.desk != mine, v.state.opened_at))
        wait.sort(key=lambda v: _wait_order(v, now))
        return work, wait

    def _place_rows(self, now: datetime) -> None:
        """Add and remove rows so each table holds its cases in order; rare, on reload."""
        work, wait = self._split(now)
        # the open cases of an unreadable day file: never out of sight, a named row each
        missing = {c: u for u in self.unreadable for c in u.codes if c not in self.views}
        rebuilt = []  # tables whose rows were all added just now, with their cells as now
        for tid, views in (("work", work), ("wait", wait)):
            self._measure(tid, views)
            table = self.query_one(f"#{tid}", DataTable)
            codes = [v.code for v in views] + (list(missing) if tid == "wait" else [])
            if codes != self._order[tid]:
                selected = selected_code(table)
                for code in self._order[tid]:
                    table.remove_row(code)
                    self._forget(tid, code)
                rows = []
                for v in views:
                    cells = self._row(tid, v)
                    rows.append((v.code, cells))
                    self._remember(tid, v, cells)
                if tid == "wait":
                    rows += [(code, _placeholder_row(code, item)) for code, item in missing.items()]
                cast(SetWidthTable, table).add_keyed_rows(rows)
                self._order[tid] = codes
                rebuilt.append(tid)
                if selected in codes:
                    table.move_cursor(row=codes.index(selected))
        self.query_one("#empty", Static).display = not work
        self._fill_cells(every_column=True,
                         tables=tuple(t for t in ("work", "wait") if t not in rebuilt))

    def _row(self, tid: str, v: Any) -> list[Any]:
        return [self._cell(tid, v, key) for key, _ in
                (WORK_COLUMNS if tid == "work" else WAIT_COLUMNS)]

    def _cell(self, tid: str, v: Any, key: str) -> Any:
        state, sop = v.state, v.sop
        if key == "code":
            return v.code_human
        if key == "service":
            return service_text(v, self._text_widths(tid)[1])
        if key == "visitor":
            return _short(state.visitor.nama, self._text_widths(tid)[0])
        if key == "step":
            step = step_of(sop, state.current_step, compact=True)
            return _with_holder(desk_of(self), step, v) if tid == "work" else step
        if key == "elapsed":
            timing = v.current_timing()
            if timing is None:
                return Text("")
            return timer_text(timing, compact=self.app.size.width < NARROW)
        if key == "waiting":
            return _short(waiting_on(v.status_text), 22)
        if key == "due":
            return due_cell(v, desk_of(self))
        return ""

    def _office_open(self) -> bool:
        """Is the office clock running now (timers move only then)?"""
        return working_now(loket(self).calendar, loket(self).now())

    def _show_office_hours(self) -> None:
        """Outside office hours the timers stand still: said once, above them."""
        desk = loket(self).desk
        official = bool(desk is not None and desk.serves)
        title = T.HOME_WITH_ME if official else T.HOME_IN_WORK
        if not self._office_open():
            title = T.HOME_OFF_HOURS.format(
                title=T.HOME_WITH_ME_SHORT if official else T.HOME_IN_WORK_SHORT,
                note=T.RUN_OFF_HOURS)
        self.query_one("#work-title", Static).update(title)

    def _text_widths(self, tid: str) -> tuple[int, int]:
        """(name, service) widths that keep the five columns on this screen."""
        return self._widths.get(tid) or text_widths(self.app.size.width, 0)

    def _measure(self, tid: str, views: list[Any]) -> None:
        """Size the name and service texts to what the other columns' cells leave (the
        table sizes its columns only later, when idle)."""
        others = 0
        for key, label in WORK_COLUMNS if tid == "work" else WAIT_COLUMNS:
            if key not in ("visitor", "service"):
                cells = [len(str(self._cell(tid, v, key))) for v in views]
                others += max([len(label), *cells]) + 2  # cell padding
        self._widths[tid] = text_widths(self.app.size.width, others)

    def _remember(self, tid: str, v: Any, cells: list[Any]) -> None:
        columns = WORK_COLUMNS if tid == "work" else WAIT_COLUMNS
        for (key, _), cell in zip(columns, cells, strict=True):
            self._cells[(tid, v.code, key)] = _signature(cell)

    def _forget(self, tid: str, code: str) -> None:
        for k in [k for k in self._cells if k[0] == tid and k[1] == code]:
            del self._cells[k]

    def _fill_cells(self, every_column: bool = False,
                    tables: tuple[str, ...] = ("work", "wait")) -> None:
        """Rewrite the cells whose text or colour changed; between reloads only the live
        columns (the timer and the due time) can change, so only those are looked at."""
        live: tuple[str, ...]
        for tid, live in (("work", ("elapsed",)), ("wait", ("due",))):
            if tid not in tables:
                continue
            if every_column:
                live = tuple(k for k, _ in (WORK_COLUMNS if tid == "work" else WAIT_COLUMNS))
            table = self.query_one(f"#{tid}", DataTable)
            for code in self._order[tid]:
                v = self.views.get(code)
                if v is None:
                    continue
                for key in live:
                    value = self._cell(tid, v, key)
                    sig = _signature(value)
                    if self._cells.get((tid, code, key)) != sig:
                        table.update_cell(code, key, value, update_width=True)
                        self._cells[(tid, code, key)] = sig

    # ------------------------------------------------------------------ actions

    def action_open_selected(self) -> None:
        table = self.focused if isinstance(self.focused, DataTable) else \
            self.query_one("#work", DataTable)
        code = selected_code(table)
        if code:
            tell(self, CaseSelected(code))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        tell(self, CaseSelected(str(event.row_key.value)))

    def action_switch_table(self) -> None:
        self.focus_next()
