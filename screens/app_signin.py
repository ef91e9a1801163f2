"""Who is at the desk: sign-in at the start of the day, the first supervisor, the lock
(idle or Ctrl+L, "ganti petugas") and the supervisor's own screens (F7 akun, F8 audit).

`SignInShell` sits between `BackgroundShell` and `LoketApp`; its state (`locked`, the
idle clock) lives in `LoketApp.__init__`. The lock screen is an opaque screen over
whatever was open: nothing of a visitor's case shows until a PIN is typed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from counter.errors import LoketError
from counter.texts import ui_accounts as TA
from screens.app_background import BackgroundShell

if TYPE_CHECKING:
    from counter.accounts.gate import Gate
    from counter.accounts.signin import Session
    from counter.config import Paths, Profile
    from counter.desk import Desk


class SignInShell(BackgroundShell):
    paths: Paths
    profile: Profile | None
    desk: Desk | None
    officer_hint: str
    desk_no: int | None
    officer: str | None
    now: Callable[[], datetime]
    locked: bool
    _idle_lock_s: float | None
    _last_input: float
    # LoketApp's: begin the day after a sign-in; keep the day's duty
    _after_start: Callable[[tuple[Session, int] | None], None]
    _remember_duty: Callable[[], None]

    @property
    def gate(self) -> Gate:
        """Signs officers in against the profile's accounts; keeps the office audit."""
        from counter.accounts.gate import Gate
        from counter.config import default_profile
        from store.audit_log import AuditLog

        profile = self.profile or default_profile()
        return Gate(profile.officers, AuditLog(self.paths.data_dir),
                    self.desk_no or profile.desk, self.now)

    def _ask_officer(self) -> None:
        """Sign in (the first supervisor is made first when the office has none)."""
        from counter.accounts.roles import SUPERVISOR
        from counter.duty import load_duty
        from screens.signin import SignInScreen

        assert self.profile is not None
        if not any(o.aktif and o.pin_hash and SUPERVISOR in o.roles
                   for o in self.profile.officers):
            from screens.first_supervisor import FirstSupervisorScreen

            self.push_screen(FirstSupervisorScreen(self.profile), self._after_first_supervisor)
            return
        remembered = load_duty(self.paths, self.now().date())
        hint = self.officer_hint or (remembered.officer if remembered else "")
        self.push_screen(SignInScreen(self.profile, self.gate,
                                      desk=remembered.desk if remembered else None,
                                      remembered=hint), self._after_start)

    def _after_first_supervisor(self, profile: Profile | None) -> None:
        from counter.accounts.signin import Session
        from counter.audit.records import ACCOUNT_ADDED

        if profile is None:
            self.exit()
            return
        self.profile = profile
        boss = profile.officers[0]
        try:
            self.gate.record(Session(boss.nama, boss.jabatan, boss.roles), ACCOUNT_ADDED,
                             boss.nama, ", ".join(boss.roles))
        except LoketError as err:
            self.notify(str(err), severity="error")
        self._ask_officer()

    def record_settings(self, desk: Desk, before: Profile, after: Profile) -> None:
        """An office audit record naming the supervisor and the settings changed."""
        from counter.audit.records import SETTINGS_CHANGED

        changed = [name for name in before.__dataclass_fields__
                   if name != "demo" and getattr(before, name) != getattr(after, name)]
        if changed and desk.session is not None:
            try:
                self.gate.record(desk.session, SETTINGS_CHANGED, TA.SETTINGS_SUBJECT,
                                 ", ".join(changed))
            except LoketError as err:
                self.notify(str(err), severity="error")

    # ------------------------------------------------------------------ the lock

    def action_lock(self) -> None:
        """Ganti petugas / kunci: the desk locks at once; a PIN opens it again."""
        self.lock_desk()

    def lock_desk(self) -> None:
        from screens.signin import SignInScreen

        if self.locked or self.desk is None or self.profile is None:
            return
        self.locked = True
        self.refresh_bindings()
        self.push_screen(SignInScreen(self.profile, self.gate, desk=self.desk_no,
                                      locked_by=self.desk.officer), self._unlocked)

    def _unlocked(self, choice: tuple[Session, int] | None) -> None:
        self.locked = False
        self._last_input = time.monotonic()
        if choice is not None and self.desk is not None:
            session = choice[0]
            if session.nama != self.desk.officer:
                self.notify(TA.OFFICER_CHANGED.format(nama=session.nama))
            self.desk.session = session
            self.officer = session.nama
            self._remember_duty()
        self.refresh_bindings()
        self.refresh_home()

    def _idle_limit_s(self) -> float:
        if self._idle_lock_s is not None:
            return self._idle_lock_s
        minutes = self.profile.idle_lock_min if self.profile is not None else 0
        return float(minutes * 60)

    def _idle_check_every(self) -> float:
        limit = self._idle_limit_s()
        return min(5.0, max(0.05, limit / 4)) if limit > 0 else 5.0

    def _check_idle(self) -> None:
        limit = self._idle_limit_s()
        if limit > 0 and not self.locked and time.monotonic() - self._last_input >= limit:
            self.lock_desk()

    def start_idle_lock(self) -> None:
        self._last_input = time.monotonic()
        self.set_interval(self._idle_check_every(), self._check_idle, name="idle-lock")

    # ------------------------------------------------------------------ supervisor

    def action_accounts(self) -> None:
        """F7: the office's accounts (a supervisor's screen)."""
        from counter.accounts.roles import Act
        from screens.accounts import AccountsScreen
        from screens.supervisor_pin import as_supervisor

        if isinstance(self.screen, AccountsScreen):
            return
        def open_accounts(desk: Desk) -> None:
            if desk.session is not None:
                self.push_screen(AccountsScreen(desk.session))

        as_supervisor(self, Act.ACCOUNTS, open_accounts)

    def action_audit(self) -> None:
        """F8: the audit listing (a supervisor's screen)."""
        from counter.accounts.roles import Act
        from screens.audit_view import AuditScreen
        from screens.supervisor_pin import as_supervisor

        if isinstance(self.screen, AuditScreen):
            return
        as_supervisor(self, Act.AUDIT, lambda desk: self.push_screen(AuditScreen()))
