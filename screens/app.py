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
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType

from counter.calendar import WorkingCalendar
from counter.config import Paths, Profile, default_profile
from counter.errors import LoketError
from counter.sop import Catalog
from counter.texts import queue as TQ
from counter.texts import shell as TS
from counter.texts import skm as TK
from counter.texts import ui as T
from screens.messages import (
    CaseChanged,
    CaseOpened,
    CaseSelected,
    DashboardLoaded,
    DetailWanted,
    DocumentDue,
    DocumentIssued,
)
from screens.services import desk_of
from screens.widgets.scan_buffer import BURST_GAP, ScanBuffer
from screens.worker_guard import run_guarded

if TYPE_CHECKING:
    from counter.desk import Desk


class LoketApp(App[None]):
    """The counter app; `profile=None` means the first run (setup screen first)."""

    CSS_PATH = "app.tcss"
    TITLE = T.APP_TITLE
    ENABLE_COMMAND_PALETTE = False
    NOTIFICATION_TIMEOUT = 3  # short toasts: they sit over the step text (errors stay longer)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", T.KEY_HELP, id="umum.bantuan"),
        Binding("question_mark", "help", T.KEY_HELP, show=False, id="umum.bantuan_tanya"),
        Binding("f2", "new_case", T.KEY_NEW_CASE, id="umum.kasus_baru"),
        Binding("f3", "catalog", T.KEY_CATALOG, id="umum.katalog"),
        Binding("f4", "daily_log", T.KEY_DAILY_LOG, id="umum.log_harian"),
        Binding("f5", "scan", T.KEY_SCAN, id="umum.pindai"),
        Binding("f6", "queue", TQ.KEY_QUEUE, id="umum.antrean"),
        Binding("f9", "settings", T.KEY_SETTINGS, id="umum.pengaturan"),
        Binding("k", "survey", TK.KEY_SURVEY, show=False, id="umum.survei"),
        Binding("ctrl+q", "quit", T.KEY_QUIT, priority=True, id="umum.keluar"),
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
        scan_gap: float | None = None,
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
        self.desk: Desk | None = None
        self.calendar: WorkingCalendar | None = None
        # the profile's scan_gap_ms unless the caller (a test) fixes the gap
        self._fixed_gap = scan_gap
        self.scanner = ScanBuffer(gap=self._scan_gap(profile))
        self.issue = issue  # render+save+print; None is counter.printing.issue
        self._replaying = False
        self._damage_checked = False
        self.sync_state: Any = None  # counter.sync.port.SyncState while a server is set
        self._sync: Any = None
        self._sync_stop: Any = None
        # days whose file the start-up check found unreadable; the dashboard reads them
        # again on every refresh and drops each one once it is restored
        self.damaged_days: set[date] = set()

    def _scan_gap(self, profile: Profile | None) -> float:
        if self._fixed_gap is not None:
            return self._fixed_gap
        return profile.scan_gap_ms / 1000 if profile is not None else BURST_GAP

    def use_profile_keys(self, profile: Profile | None) -> None:
        """Apply the office's `[tombol]` keys; a bad map is one notice, the defaults stay."""
        from screens.keymap import check_keymap

        keymap: dict[str, str] = {}
        if profile is not None:
            try:
                keymap = check_keymap(profile, self.paths.config_file)
            except LoketError as err:
                self.notify(str(err), severity="error", timeout=15)
        self.set_keymap(keymap)

    def get_key_display(self, binding: Binding) -> str:
        """Keys as people name them in the footer: '[', '/', 'Shift+U', '^Q' (the help
        screen spells Ctrl out; the footer keeps it short so F1 stays in view)."""
        from screens.keymap import key_label

        return key_label(binding.key).replace("Ctrl+", "^")

    # ------------------------------------------------------------------ time

    def now(self) -> datetime:
        if self._now is not None:
            return self._now()
        return datetime.now((self.profile or default_profile()).tz)

    # ------------------------------------------------------------------ start

    def on_mount(self) -> None:
        self._note_office_sops()
        self.use_profile_keys(self.profile)
        if self.profile is None:
            from screens.setup import SetupScreen

            self.push_screen(SetupScreen(), self._after_setup)
        elif self.officer:
            self.begin_day(self.officer, self.desk_no or self.profile.desk)
        else:
            self._ask_officer()

    def _note_office_sops(self) -> None:
        """A broken office SOP file is skipped, not fatal; the officer is told once."""
        from counter.texts import sop as T_SOP

        if self.catalog.errors:
            self.notify(T_SOP.OFFICE_SKIPPED.format(count=len(self.catalog.errors)),
                        severity="warning", timeout=10)
        if self.catalog.warnings:
            self.notify(T_SOP.OFFICE_WARNINGS.format(count=len(self.catalog.warnings)),
                        severity="warning", timeout=10)

    def _after_setup(self, profile: Profile | None) -> None:
        if profile is None:
            self.exit()
            return
        self.profile = profile
        self.scanner.gap = self._scan_gap(profile)
        self.use_profile_keys(profile)
        self._ask_officer()

    def _ask_officer(self) -> None:
        from counter.duty import load_duty
        from screens.setup import StartScreen

        assert self.profile is not None
        remembered = load_duty(self.paths, self.now().date())
        self.push_screen(StartScreen(self.profile, remembered), self._after_start)

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
        self._remember_duty()
        self.calendar = WorkingCalendar(self.profile.calendar, self.profile.tz)
        self.desk = Desk(self.store, self.catalog, self.profile, officer=officer,
                         now=self.now, calendar=self.calendar)
        self.push_screen(HomeScreen())
        self.refresh_bindings()
        from screens.skm_offer import open_visitor_screen

        open_visitor_screen(self)
        from screens.queue_service import open_lobby_display

        open_lobby_display(self)
        self.say_store_notices()
        self.start_sync()

    def say_store_notices(self) -> None:
        """What the store had to say (a read-only copy, a rebuilt index), each once."""
        notices = getattr(self.store, "notices", None)
        if not notices:
            return
        for notice in notices:
            self.notify(notice, severity="warning", timeout=10)
        notices.clear()

    # ------------------------------------------------------------------ sync

    def start_sync(self) -> None:
        """Sync with the office server in a thread when one is set (else standalone).

        Other desks' events land in this desk's own store, so every screen reads them
        as its own; the dashboard reloads when something arrived."""
        import threading

        self.stop_sync()
        read_only = getattr(self.store, "read_only", False)  # a backup copy: never written
        if self.profile is None or not self.profile.pusat.effective_dsn or read_only:
            self.sync_state = None
            return
        from store.sync.desk import syncer_for

        try:
            syncer = syncer_for(self.profile, self.store, now=self.now)
        except LoketError as err:
            self.notify(str(err), severity="error", timeout=15)
            return
        if syncer is None:
            return
        self._sync, self._sync_stop = syncer, threading.Event()
        self.sync_state = syncer.snapshot()
        stop = self._sync_stop

        def changed(state: Any, result: Any) -> None:
            with suppress(RuntimeError):  # the app closed meanwhile
                self.call_from_thread(self._synced, state, result)

        run_guarded(self, lambda: syncer.run(stop, changed), TS.WORK_SYNC, thread=True,
                    group="sync", name="sync")

    def _synced(self, state: Any, result: Any) -> None:
        self.sync_state = state
        if self.desk is not None and state.desks:
            self.desk.desk_names = {d.desk: d.label for d in state.desks if d.label}
        if result is not None and result.pulled:
            self.refresh_home()

    def stop_sync(self) -> None:
        if self._sync_stop is not None:
            self._sync_stop.set()
        if self._sync is not None:
            self._sync.nudge()
        self._sync = self._sync_stop = None

    def nudge_sync(self) -> None:
        """A local action was stored: push it now."""
        if self._sync is not None:
            self._sync.nudge()

    def on_unmount(self) -> None:
        self.stop_sync()

    def _remember_duty(self) -> None:
        """Today's officer and desk, offered again after a restart or a crash."""
        from counter.duty import Duty, save_duty

        if self.officer and self.desk_no:
            try:
                save_duty(self.paths, Duty(self.now().date(), self.officer, self.desk_no))
            except LoketError as err:  # not worth stopping the day for: say it once
                self.notify(T.DUTY_NOT_SAVED.format(error=err), severity="warning")

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
            days: set[date] = set()
            try:
                bad = damaged()
                found = [T.STORE_DAMAGED.format(path=path, message=message)
                         for path, message in bad]
                days = {d for d in (_day_of(Path(path)) for path, _ in bad) if d is not None}
            except LoketError as err:
                found = [str(err)]
            for text in found:
                with suppress(RuntimeError):  # the app closed meanwhile
                    self.call_from_thread(self.notify, text, severity="error", timeout=15)
            if days:
                with suppress(RuntimeError):
                    self.call_from_thread(self._damage_found, days)

        run_guarded(self, check, TS.WORK_DAMAGE_CHECK, thread=True, group="damage",
                    name="damage-check")

    def _damage_found(self, days: set[date]) -> None:
        self.damaged_days |= days
        self.refresh_home()

    # ------------------------------------------------------------------ actions

    def _desk_ready(self) -> bool:
        return self.desk is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Before the day has started (setup, officer choice) only help, catalog and quit."""
        return not (action in ("new_case", "daily_log", "scan", "settings", "survey", "queue")
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
        self.scanner.gap = self._scan_gap(profile)
        self.use_profile_keys(profile)
        self._remember_duty()
        self.calendar = WorkingCalendar(self.profile.calendar, self.profile.tz)
        self.desk = Desk(self.store, self.catalog, self.profile, officer=self.officer or "",
                         now=self.now, calendar=self.calendar)
        self.start_sync()

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

    def action_queue(self) -> None:
        """F6: the walk-in queue (call next, recall, no-show, transfer, tickets)."""
        from screens.queue import QueueScreen

        if self._desk_ready() and not isinstance(self.screen, QueueScreen):
            self.push_screen(QueueScreen())

    def action_catalog(self) -> None:
        from screens.sop_browser import SopBrowserScreen

        if not isinstance(self.screen, SopBrowserScreen):
            self.push_screen(SopBrowserScreen())

    def action_daily_log(self) -> None:
        if not self._desk_ready():
            return
        from screens.daily_log import DailyLogScreen

        if not isinstance(self.screen, DailyLogScreen):
            self.push_screen(DailyLogScreen())

    def show_case_detail(self, code: str) -> None:
        """The case's history (from the step runner's `d`)."""
        from screens.case_detail import CaseDetailScreen

        if not isinstance(self.screen, CaseDetailScreen):
            self.push_screen(CaseDetailScreen(code))

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
        from screens.confirm import ConfirmModal, stack_holds_unsaved_input

        if isinstance(self.screen, ConfirmModal):
            return  # a question is open: it is answered first
        if stack_holds_unsaved_input(self.screen_stack):
            code = text.strip()

            def answered(leave: bool | None) -> None:
                if leave:
                    self._open_scanned(text)
                else:
                    self.notify(TS.SCAN_POSTPONED.format(code=code), severity="warning")

            self.push_screen(ConfirmModal(TS.LEAVE_FOR_SCAN.format(code=code)), answered)
            return
        self._open_scanned(text)

    def _open_scanned(self, text: str) -> None:
        """A valid code: receive the file if it was on its way here, and show the case."""
        try:
            result = desk_of(self).scan(text)
        except LoketError as err:  # an unknown code says so once; a damaged file names it
            from counter.codes import human, normalize

            code = human(normalize(text))
            message = (T.SCAN_UNKNOWN.format(code=code) if err.path is None
                       else T.SCAN_DAMAGED.format(code=code, error=err.user_text))
            self.notify(message, severity="error")
            return
        view = result.view
        self.show_case(view.code)
        if result.received:
            self.notify(T.SCAN_RECEIVED.format(code=view.code_human, role=view.holder_name))
        elif result.elsewhere:
            self.notify(T.SCAN_ELSEWHERE.format(code=view.code_human, role=result.elsewhere),
                        severity="warning", timeout=10)
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

    # ------------------------------------------------------------------ messages
    # What the screens tell the shell (screens/messages.py), and what follows.

    def on_case_opened(self, message: CaseOpened) -> None:
        from screens.queue_service import link_opened_case

        link_opened_case(self, message.code)  # the ticket this desk called, if any
        self.show_case(message.code)

    def on_case_selected(self, message: CaseSelected) -> None:
        self.show_case(message.code)

    def on_case_changed(self, message: CaseChanged) -> None:
        self.refresh_home()

    def on_document_due(self, message: DocumentDue) -> None:
        self.print_doc(message.code, message.doc)

    def on_document_issued(self, message: DocumentIssued) -> None:
        self.refresh_home()

    def on_detail_wanted(self, message: DetailWanted) -> None:
        self.show_case_detail(message.code)

    def on_dashboard_loaded(self, message: DashboardLoaded) -> None:
        self.say_store_notices()  # the first read may have rebuilt the open-case index
        self.first_load_done()

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
            event = self._caps_lock_free(event, in_input)
            decision = self.scanner.feed(event, event.key, event.character,
                                         time.monotonic(), in_input=in_input)
            await self._replay(decision.replay)
            if decision.scan is not None:
                if in_input and not _is_loket_code(decision.scan):
                    # fast typing that ends in Enter: it belongs to the field
                    await self._replay([*decision.burst, event])
                    return
                self.handle_scan(decision.scan)
                return
            if decision.hold:
                self.set_timer(self.scanner.gap + 0.01, self._flush_keys)
                return
        await super().on_event(event)

    def _caps_lock_free(self, event: events.Key, in_input: bool) -> events.Key:
        """Caps Lock on: 'S' does what 's' does when the screen has no key 'S' of its own
        (a real Shift+U binding, like the log's reverse sort, keeps its meaning)."""
        key = event.key
        if in_input or len(key) != 1 or not (key.isalpha() and key.isupper()):
            return event
        active = self.screen.active_bindings
        if key in active or key.lower() not in active:
            return event
        lowered = events.Key(key.lower(), key.lower())
        lowered.set_sender(self)
        return lowered

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


def _day_of(path: Path) -> date | None:
    """The day a store file holds (``2026/2026-11-25.json``); None for other files."""
    try:
        return date.fromisoformat(path.stem) if path.suffix == ".json" else None
    except ValueError:
        return None


def _is_loket_code(text: str) -> bool:
    from counter.codes import parse_code
    from counter.errors import CodeError

    if not text or not set(text) <= set("0123456789- "):
        return False
    try:
        parse_code(text)
    except CodeError:
        return False
    return True


def _is_text_field(widget: Any) -> bool:
    from textual.widgets import Input, TextArea

    return isinstance(widget, (Input, TextArea))
