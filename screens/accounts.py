"""The office's accounts (F7, a supervisor's screen): add, edit, disable, set a PIN,
lift a lock. Every change is saved to loket.toml and recorded in the office audit
in the supervisor's name; a PIN is typed twice and only its hash is kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from counter.accounts import edit as E
from counter.accounts.pin import PIN_MAX, PinError
from counter.accounts.roles import ROLE_LABELS
from counter.config import Officer, save_profile
from counter.errors import LoketError
from counter.texts import ui_accounts as T
from screens.modals import FieldProblem, FormModal
from screens.services import loket
from screens.widgets.header import LoketHeader

if TYPE_CHECKING:
    from counter.accounts.signin import Session


class AccountModal(FormModal):
    """An account's fields; `adding`: a new account, with its first PIN."""

    def __init__(self, officer: Officer | None) -> None:
        super().__init__(T.ACCOUNT_NEW if officer is None else T.ACCOUNT_EDIT)
        self.officer = officer

    def fields(self) -> ComposeResult:
        o = self.officer
        yield Label(T.FIELD_NAMA)
        yield Input(o.nama if o else "", id="nama")
        yield Label(T.FIELD_NIP)
        yield Input(o.nip if o else "", id="nip", restrict=r"[0-9 ]*")
        yield Label(T.FIELD_JABATAN)
        yield Input(o.jabatan if o else "", id="jabatan")
        yield Label(T.FIELD_PERAN)
        yield Input(", ".join(o.roles) if o else "petugas loket", id="peran")
        if o is None:
            yield Label(T.FIELD_PIN)
            yield Input(id="pin", password=True, restrict=r"[0-9]*", max_length=PIN_MAX)
            yield Label(T.FIELD_PIN_AGAIN)
            yield Input(id="pin2", password=True, restrict=r"[0-9]*", max_length=PIN_MAX)

    def answer(self) -> dict[str, Any]:
        try:
            roles = E.parse_roles(self.value("peran"))
        except LoketError as err:
            raise FieldProblem(err.message, "peran") from None
        out: dict[str, Any] = {"nama": self.value("nama"), "nip": self.value("nip"),
                               "jabatan": self.value("jabatan"), "roles": roles}
        if not out["nama"]:
            raise FieldProblem(T.NAME_REQUIRED, "nama")
        if self.officer is None:
            out["pin"] = _pin_twice(self)
        return out


class PinModal(FormModal):
    def __init__(self, nama: str) -> None:
        super().__init__(T.PIN_TITLE.format(nama=nama))

    def fields(self) -> ComposeResult:
        yield Label(T.FIELD_PIN)
        yield Input(id="pin", password=True, restrict=r"[0-9]*", max_length=PIN_MAX)
        yield Label(T.FIELD_PIN_AGAIN)
        yield Input(id="pin2", password=True, restrict=r"[0-9]*", max_length=PIN_MAX)

    def answer(self) -> str:
        return _pin_twice(self)


def _pin_twice(modal: FormModal) -> str:
    pin, again = (modal.query_one(f"#{w}", Input).value for w in ("pin", "pin2"))
    for w in ("pin", "pin2"):
        modal.query_one(f"#{w}", Input).value = ""
    if pin != again:
        raise FieldProblem(T.PIN_MISMATCH, "pin")
    from counter.accounts.pin import check_pin_form

    try:
        check_pin_form(pin)
    except PinError as err:
        raise FieldProblem(err.message, "pin") from None
    return pin


class AccountsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", T.KEY_BACK, id="akun.kembali"),
        Binding("a", "add", T.KEY_ADD, id="akun.tambah"),
        Binding("e", "edit", T.KEY_EDIT, id="akun.ubah"),
        Binding("p", "pin", T.KEY_PIN, id="akun.pin"),
        Binding("n", "toggle_active", T.KEY_TOGGLE, id="akun.aktif"),
        Binding("u", "unlock", T.KEY_UNLOCK, id="akun.buka_kunci"),
    ]

    def __init__(self, supervisor: Session) -> None:
        super().__init__()
        self.supervisor = supervisor

    def compose(self) -> ComposeResult:
        yield LoketHeader()
        yield Static(T.ACCOUNTS_TITLE.format(nama=self.supervisor.nama), classes="title")
        yield DataTable(id="accounts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="accounts-error", classes="error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#accounts", DataTable)
        table.add_columns(T.COL_NAMA, T.COL_NIP, T.COL_JABATAN, T.COL_PERAN, T.COL_STATUS)
        self.reload()
        table.focus()

    @property
    def officers(self) -> tuple[Officer, ...]:
        profile = loket(self).profile
        return profile.officers if profile is not None else ()

    def reload(self) -> None:
        table = self.query_one("#accounts", DataTable)
        row = table.cursor_row
        table.clear()
        gate = self.app.gate  # type: ignore[attr-defined]
        locked = set(gate.locked_accounts())
        for o in self.officers:
            status = (T.STATUS_INACTIVE if not o.aktif else T.STATUS_LOCKED if o.nama in locked
                      else T.STATUS_NO_PIN if not o.pin_hash else T.STATUS_ACTIVE)
            table.add_row(o.nama, o.nip or "—", o.jabatan or "—",
                          ", ".join(ROLE_LABELS.get(r, r) for r in o.roles), status,
                          key=o.nama)
        if self.officers:
            table.move_cursor(row=min(row, len(self.officers) - 1))

    def current(self) -> Officer | None:
        table = self.query_one("#accounts", DataTable)
        officers = self.officers
        return officers[table.cursor_row] if officers and 0 <= table.cursor_row < len(
            officers) else None

    def _apply(self, make: Callable[[], E.Change]) -> str | None:
        """Make the change, save the profile, record it; a message when refused."""
        app: Any = self.app
        try:
            change = make()
            profile = app.profile.with_changes(officers=change.officers)
            save_profile(loket(self).paths, profile)
        except LoketError as err:
            return err.message
        app.apply_profile(profile)
        try:
            app.gate.record(self.supervisor, change.kind, change.subject, change.detail)
        except LoketError as err:
            app.notify(str(err), severity="error")
        app.notify(T.SAVED.format(nama=change.subject))
        self.reload()
        return None

    def action_add(self) -> None:
        modal = AccountModal(None)
        modal.attempt = lambda a: self._apply(lambda: E.add_account(
            self.officers, a["nama"], a["jabatan"], a["nip"], a["roles"], a["pin"]))
        self.app.push_screen(modal)

    def action_edit(self) -> None:
        o = self.current()
        if o is None:
            return
        modal = AccountModal(o)
        modal.attempt = lambda a: self._apply(lambda: E.change_account(
            self.officers, o.nama, new_nama=a["nama"], jabatan=a["jabatan"], nip=a["nip"],
            roles=a["roles"]))
        self.app.push_screen(modal)

    def action_pin(self) -> None:
        o = self.current()
        if o is None:
            return
        modal = PinModal(o.nama)
        modal.attempt = lambda pin: self._apply(lambda: E.reset_pin(self.officers, o.nama, pin))
        self.app.push_screen(modal)

    def action_toggle_active(self) -> None:
        o = self.current()
        if o is None:
            return
        problem = self._apply(lambda: E.set_active(self.officers, o.nama, not o.aktif))
        self.query_one("#accounts-error", Static).update(problem or "")

    def action_unlock(self) -> None:
        o = self.current()
        if o is None:
            return
        app: Any = self.app
        if not app.gate.lock_of(o.nama).locked:
            app.notify(T.NOT_LOCKED.format(nama=o.nama))
            return
        try:
            app.gate.lift_lock(self.supervisor, o.nama)
        except LoketError as err:
            self.query_one("#accounts-error", Static).update(err.message)
            return
        app.notify(T.UNLOCKED.format(nama=o.nama))
        self.reload()

    def action_back(self) -> None:
        self.dismiss(None)
