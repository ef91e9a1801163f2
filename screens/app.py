"""The Loket counter app: start of day, the dashboard, serving a case, scanning.

Everything the app touches is passed in (paths, profile, catalog, store and a
`now` callable), so tests run the real screens on a temporary store with a
clock they move by hand. The screens act on cases only through
`counter.desk.Desk`; printing runs in workers so the timers never freeze.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from typing import Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType

from counter.calendar import WorkingCalendar
from counter.config import Paths, Profile, default_profile
from counter.errors import LoketError
from counter.sop import Catalog
from counter.texts import shell as TS
from counter.texts import skm as TK
from counter.texts import ui as T
from screens.widgets.scan_buffer import BURST_GAP, ScanBuffer
from screens.worker_guard import run_guarded


class LoketApp(App):
    """The counter app; `profile=None` means the first run (setup screen first)."""

    CSS_PATH = "app.tcss"
    TITLE = T.APP_TITLE
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", T.KEY_HELP),
        Binding("question_mark", "help", T.KEY_HELP, show=False),
        Binding("f2", "new_case", T.KEY_NEW_CASE),
        Binding("f3", "catalog", T.KEY_CATALOG),
        Binding("f4", "daily_log", T.KEY_DAILY_LOG),
        Binding("f5", "scan", T.KEY_SCAN),
        Binding("f9", "settings", T.KEY_SETTINGS),
        Binding("k", "survey", TK.KEY_SURVEY, show=False),
        Binding("ctrl+q", "quit", T.KEY_QUIT, priority=True),
    ]

    def __init__(
        self,
        paths: Paths,
        profile: Profile | None,
        catalog: Catalog,
        store: Any,
        now: Callable[[], datetime] | None = None,
        *,
        officer: str | None = None,
        desk_no: int | None = None,
        scan_gap: float = BURST_GAP,
        issue: Callable[..., Any] | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.profile = profile
        self.catalog = catalog
        self.store = store
        self._now = now
        self.officer = officer
        self.desk_no = desk_no
        self.desk: Any = None
        self.calendar: WorkingCalendar | None = None
        self.scanner = ScanBuffer(gap=scan_gap)
        self.issue = issue  # render+save+print; None is counter.printing.issue
        self._replaying = False
        self._damage_checked = False

    # ------------------------------------------------------------------ time

    def now(self) -> datetime:
        if self._now is not None:
            return self._now()
        return datetime.now((self.profile or default_profile()).tz)

    # ------------------------------------------------------------------ start

    def on_mount(self) -> None:
        if self.profile is None:
            from screens.setup import SetupScreen

            self.push_screen(SetupScreen(), self._after_setup)
        elif self.officer:
            self.begin_day(self.officer, self.desk_no or self.profile.desk)
        else:
            self._ask_officer()

    def _after_setup(self, profile: Profile | None) -> None:
        if profile is None:
            self.exit()
            return
        self.profile = profile
        self._ask_officer()

    def _ask_officer(self) -> None:
        from screens.setup import StartScreen

        self.push_screen(StartScreen(self.profile), self._after_start)

    def _after_start(self, choice: tuple[str, int] | None) -> None:
        if choice is None:
            self.exit()
            return
        self.begin_day(*choice)

    def begin_day(self, officer: str, desk_no: int) -> None:
        """Build the desk service for the officer on duty and show the dashboard."""
        from counter.desk import Desk
        from screens.home import HomeScreen

        assert self.profile is not None
        if desk_no != self.profile.desk:
            self.profile = self.profile.with_changes(desk=desk_no)
        self.officer, self.desk_no = officer, desk_no
        self.calendar = WorkingCalendar(self.profile.calendar, self.profile.tz)
        self.desk = Desk(self.store, self.catalog, self.profile, officer=officer,
                         now=self.now, calendar=self.calendar)
        self.push_screen(HomeScreen())
        self.refresh_bindings()
        from screens.skm_offer import open_visitor_screen

        open_visitor_screen(self)

    def first_load_done(self) -> None:
        """The dashboard has its cases: now check the history's files for damage."""
        if not self._damage_checked:
            self._damage_checked = True
            self._report_damage()

    def _report_damage(self) -> None:
        """Check every day file for damage in a thread: it reads the whole history."""
        damaged = getattr(self.store, "damaged", None)
        if damaged is None:
            return

        def check() -> None:
            try:
                found = [T.STORE_DAMAGED.format(path=path, message=message)
                         for path, message in damaged()]
            except LoketError as err:
                found = [str(err)]
            for text in found:
                with suppress(RuntimeError):  # the app closed meanwhile
                    self.call_from_thread(self.notify, text, severity="error", timeout=15)

        run_guarded(self, check, TS.WORK_DAMAGE_CHECK, thread=True, group="damage",
                    name="damage-check")

    # ------------------------------------------------------------------ actions

    def _desk_ready(self) -> bool:
        return self.desk is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Before the day has started (setup, officer choice) only help, catalog and quit."""
        return not (action in ("new_case", "daily_log", "scan", "settings", "survey")
                    and self.desk is None)

    def action_survey(self) -> None:
        """Turn the screen to the visitor for the satisfaction survey (SKM)."""
        from screens.skm_offer import start_survey

        start_survey(self)

    def action_settings(self) -> None:
        """Edit the office profile (printer, paper, officers…) without a text editor."""
        from screens.setup import SetupScreen

        if self.profile is None or isinstance(self.screen, SetupScreen):
            return

        def saved(profile: Profile | None) -> None:
            if profile is not None:
                self.apply_profile(profile)

        self.push_screen(SetupScreen(self.profile), saved)

    def apply_profile(self, profile: Profile) -> None:
        """Use a changed profile from now on, for the officer already on duty."""
        from counter.desk import Desk

        self.profile, self.desk_no = profile, profile.desk
        self.calendar = WorkingCalendar(self.profile.calendar, self.profile.tz)
        self.desk = Desk(self.store, self.catalog, self.profile, officer=self.officer or "",
                         now=self.now, calendar=self.calendar)

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_new_case(self) -> None:
        if not self._desk_ready():
            return
        from screens.new_case import NewCaseScreen

        self._to_home()
        self.push_screen(NewCaseScreen())

    def action_catalog(self) -> None:
        self._open_optional("screens.sop_browser", "SopBrowserScreen", T.SCREEN_CATALOG)

    def action_daily_log(self) -> None:
        if not self._desk_ready():
            return
        self._open_optional("screens.daily_log", "DailyLogScreen", T.SCREEN_DAILY_LOG)

    def _open_optional(self, module: str, name: str, what: str, *args: Any) -> None:
        """Screens built alongside this one; a missing one is a notice, not a crash."""
        import importlib

        try:
            screen_cls = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            self.notify(T.NOT_AVAILABLE.format(what=what), severity="warning")
            return
        if type(self.screen) is screen_cls:
            return
        self.push_screen(screen_cls(*args))

    def action_scan(self) -> None:
        if not self._desk_ready():
            return
        from screens.modals import ScanModal

        if isinstance(self.screen, ScanModal):
            return
        self.push_screen(ScanModal(), self._scanned_by_hand)

    def _scanned_by_hand(self, text: str | None) -> None:
        if text:
            self.handle_scan(text)

    # ------------------------------------------------------------------ cases

    def _to_home(self) -> None:
        """Leave whatever is open (modals included) and stand on the dashboard."""
        from screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def handle_scan(self, text: str) -> None:
        """A code from the scanner or the scan field: open the case, receive a hand-off."""
        from counter.codes import parse_code
        from counter.errors import CodeError

        if not self._desk_ready():
            return
        if not set(text) <= set("0123456789- "):
            self.notify(T.SCAN_GARBAGE.format(text=text[:30]), severity="error")
            return
        try:
            parse_code(text)
        except CodeError as err:
            self.notify(T.SCAN_BAD.format(message=err.message), severity="error")
            return
        try:
            result = self.desk.scan(text)
        except LoketError as err:
            self.notify(T.SCAN_UNKNOWN.format(code=text.strip(), message=err.message),
                        severity="error")
            return
        view = result.view
        self.show_case(view.code)
        if result.received:
            self.notify(T.SCAN_RECEIVED.format(code=view.code_human, role=view.holder_name))
        else:
            self.notify(T.SCAN_OPENED.format(code=view.code_human))

    def show_case(self, code: str) -> None:
        """Open a case from anywhere: the step runner (or its detail once closed)."""
        from screens.step_runner import StepRunnerScreen

        self._to_home()
        self.push_screen(StepRunnerScreen(code))
        self.refresh_home()

    def refresh_home(self) -> None:
        from screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.reload()

    # ------------------------------------------------------------------ printing

    def print_doc(self, code: str, doc: str) -> None:
        """Render, save and print a document in a worker; record the result."""
        from screens.print_worker import start_print

        start_print(self, code, doc)

    # ------------------------------------------------------------------ scanner

    async def on_event(self, event: events.Event) -> None:
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and not self._replaying
        ):
            in_input = _is_text_field(self.focused)
            decision = self.scanner.feed(event, event.key, event.character,
                                         time.monotonic(), in_input=in_input)
            await self._replay(decision.replay)
            if decision.scan is not None:
                self.handle_scan(decision.scan)
                return
            if decision.hold:
                self.set_timer(self.scanner.gap + 0.01, self._flush_keys)
                return
        await super().on_event(event)

    async def _flush_keys(self) -> None:
        if self.scanner.expired(time.monotonic()):
            await self._replay(self.scanner.drain())

    async def _replay(self, held: list[Any]) -> None:
        if not held:
            return
        self._replaying = True
        try:
            for key_event in held:
                await super().on_event(key_event)
        finally:
            self._replaying = False


def _is_text_field(widget: Any) -> bool:
    from textual.widgets import Input, TextArea

    return isinstance(widget, (Input, TextArea))
