"""The Loket counter app: start of day, the dashboard, serving a case, scanning.

Everything the app touches is passed in (paths, profile, catalog, store and a
`now` callable), so tests run the real screens on a temporary store with a
clock they move by hand. The screens act on cases only through
`counter.desk.Desk`; printing runs in workers so the timers never freeze.

The shell is four layers: `CaseShell` (screens/app_cases.py: scanning and
opening cases), `BackgroundShell` (screens/app_background.py: sync and the damage
check), `SignInShell` (screens/app_signin.py: sign-in, the lock, the supervisor's
screens) and `LoketApp` here (start of day, the global keys, the screens' messages).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType

from counter.calendar import WorkingCalendar
from counter.config import Paths, Profile, default_profile
from counter.errors import LoketError
from counter.sop import Catalog
from counter.texts import queue as TQ
from counter.texts import skm as TK
from counter.texts import ui as T
from counter.texts import ui_accounts as TA
from screens.app_signin import SignInShell
from screens.app_warm import Warming, calendar_of
from screens.messages import (
    CaseChanged,
    CaseOpened,
    CaseSelected,
    DashboardLoaded,
    DetailWanted,
    DocumentDue,
    DocumentIssued,
)
from screens.widgets.scan_buffer import BURST_GAP, ScanBuffer

if TYPE_CHECKING:
    from counter.accounts.signin import Session
    from counter.desk import Desk


class LoketApp(SignInShell):
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
        # a supervisor's keys: listed in F1 Bantuan, kept out of the counter's footer
        Binding("f7", "accounts", TA.KEY_ACCOUNTS, show=False, id="umum.akun"),
        Binding("f8", "audit", TA.KEY_AUDIT, show=False, id="umum.audit"),
        Binding("f9", "settings", T.KEY_SETTINGS, id="umum.pengaturan"),
        Binding("ctrl+l", "lock", TA.KEY_LOCK, id="umum.kunci"),
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
        officer: str | Session | None = None,
        desk_no: int | None = None,
        scan_gap: float | None = None,
        issue: Callable[..., Any] | None = None,
        idle_lock_s: float | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.profile = profile
        self.catalog = catalog
        self.store = store
        self._now = now
        # a test's (or the demo's) officer, signed in already; else the sign-in asks
        self._given_officer = officer
        self.officer_hint = ""  # `loket app --petugas`: the name the sign-in preselects
        self.officer: str | None = None
        self.desk_no = desk_no
        # the desk locks after this many idle seconds (None: the profile's kunci_menit)
        self._idle_lock_s = idle_lock_s
        self._last_input = time.monotonic()
        self.locked = False
        self.desk: Desk | None = None
        self.calendar: WorkingCalendar | None = None
        self.calendar_made_for: tuple[Any, Any] | None = None  # (settings, tz): calendar_of
        self.warming = Warming()  # the dashboard's read made during the sign-in
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
        self.chain_warning = ""  # a broken record chain found at start (chain_check)
        self.chain_days: list[str] = []  # the day files behind it (Ctrl+T accepts them)

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
        from screens.app_memory import collect_less

        collect_less()  # a long-running desk: fewer garbage collections (app_memory)
        self._note_office_sops()
        self.use_profile_keys(self.profile)
        if self.profile is None:
            from screens.setup import SetupScreen

            self.push_screen(SetupScreen(), self._after_setup)
        elif self._given_officer:
            self.begin_day(self._given_officer, self.desk_no or self.profile.desk)
        else:
            from screens.app_warm import start_warming

            start_warming(self)  # the open cases are read while the officer signs in
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

    def _after_start(self, choice: tuple[Session, int] | None) -> None:
        if choice is None:
            self.exit()
            return
        self.begin_day(*choice)

    def begin_day(self, officer: str | Session, desk_no: int) -> None:
        """Build the desk service for the officer on duty and show the dashboard."""
        from counter.desk import Desk
        from screens.home import HomeScreen

        assert self.profile is not None
        if desk_no != self.profile.desk:
            self.profile = self.profile.with_changes(desk=desk_no)
        self.desk_no = desk_no
        self.calendar = calendar_of(self)  # the one the sign-in's warming measured with
        self.desk = Desk(self.store, self.catalog, self.profile, officer=officer,
                         now=self.now, calendar=self.calendar)
        self.officer = self.desk.officer
        self._remember_duty()
        self.start_idle_lock()
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

    def _remember_duty(self) -> None:
        """Today's officer and desk, offered again after a restart or a crash."""
        from counter.duty import Duty, save_duty

        if self.officer and self.desk_no:
            try:
                save_duty(self.paths, Duty(self.now().date(), self.officer, self.desk_no))
            except LoketError as err:  # not worth stopping the day for: say it once
                self.notify(T.DUTY_NOT_SAVED.format(error=err), severity="warning")

    # ------------------------------------------------------------------ actions

    def _desk_ready(self) -> bool:
        return self.desk is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Before the day has started (setup, officer choice) only help, catalog and quit;
        a locked desk only quits (its screen hides everything else)."""
        if self.locked:
            return action == "quit"
        return not (action in ("new_case", "daily_log", "scan", "settings", "survey",
                               "lock", "accounts", "audit", "queue")
                    and self.desk is None)

    def action_survey(self) -> None:
        """Turn the screen to the visitor for the satisfaction survey (SKM)."""
        from screens.skm_offer import start_survey

        start_survey(self)

    def action_settings(self) -> None:
        """Edit the office profile (printer, paper, officers…) without a text editor;
        a supervisor's act (their PIN is asked for at a petugas's desk)."""
        from counter.accounts.roles import Act
        from screens.setup import SetupScreen
        from screens.supervisor_pin import as_supervisor

        if self.profile is None or isinstance(self.screen, SetupScreen):
            return

        def open_settings(desk: Desk) -> None:
            before = self.profile

            def saved(profile: Profile | None) -> None:
                if profile is not None and before is not None:
                    self.apply_profile(profile)
                    self.record_settings(desk, before, profile)

            self.push_screen(SetupScreen(self.profile), saved)

        as_supervisor(self, Act.SETTINGS, open_settings)

    def apply_profile(self, profile: Profile) -> None:
        """Use a changed profile from now on, for the officer already on duty."""
        from counter.desk import Desk

        self.profile, self.desk_no = profile, profile.desk
        self.scanner.gap = self._scan_gap(profile)
        self.use_profile_keys(profile)
        self._remember_duty()
        self.calendar = calendar_of(self)  # a new one only for other calendar settings
        session = self.desk.session if self.desk is not None else None
        self.desk = Desk(self.store, self.catalog, self.profile, officer=session,
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

        if isinstance(self.screen, DailyLogScreen):
            return
        if not self.is_screen_installed("daily_log"):  # built once, shown again (issue 15)
            self.install_screen(DailyLogScreen(), name="daily_log")
            self.push_screen("daily_log")
            return
        kept = self.get_screen("daily_log")
        # F4 from a case opened in the log: a second log
        if not isinstance(kept, DailyLogScreen) or kept in self.screen_stack:
            self.push_screen(DailyLogScreen())
            return
        kept.fresh_visit()
        self.push_screen(kept)

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
