"""The first supervisor: the first run (and an office upgrading from before accounts)
creates the account that holds the keys, with its PIN, before anyone signs in."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from counter.accounts.pin import PIN_MAX, PinError, hash_pin
from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.config import Officer, Profile, save_profile
from counter.errors import LoketError
from counter.texts import signin as T
from screens.services import loket


class FirstSupervisorScreen(Screen[Profile | None]):
    CSS_PATH = "signin.tcss"
    # the name field, never the scroll box around it (Textual's default focuses the
    # first focusable widget): keys typed at once must land in a field
    AUTO_FOCUS = "#nama"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", T.KEY_SAVE, id="supervisor_pertama.simpan"),
        Binding("escape", "quit_app", T.KEY_QUIT, id="supervisor_pertama.keluar"),
    ]

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile

    def compose(self) -> ComposeResult:
        first = self.profile.officers[0] if self.profile.officers else None
        with VerticalScroll(id="signin"):
            yield Static(T.FIRST_TITLE, classes="title")
            yield Static(T.FIRST_INTRO, classes="hint")
            yield Label(T.FIRST_NAME)
            yield Input(first.nama if first else "", id="nama")
            yield Label(T.FIRST_NIP)
            yield Input(first.nip if first else "", id="nip", restrict=r"[0-9 ]*")
            yield Label(T.FIRST_JABATAN)
            yield Input(first.jabatan if first else "", id="jabatan")
            yield Label(T.PIN)
            yield Input(id="pin", password=True, restrict=r"[0-9]*", max_length=PIN_MAX,
                        placeholder=T.PIN_PLACEHOLDER)
            yield Label(T.FIRST_PIN_AGAIN)
            yield Input(id="pin2", password=True, restrict=r"[0-9]*", max_length=PIN_MAX)
            yield Static("", id="signin-error", classes="error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # after the settings screen has gone (its focus is restored first)
        self.call_after_refresh(self.query_one("#nama", Input).focus)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "pin2":
            self.action_save()
        else:
            self.focus_next()

    def _fail(self, text: str, wid: str) -> None:
        self.query_one("#signin-error", Static).update(text)
        self.query_one(f"#{wid}", Input).focus()

    def action_save(self) -> None:
        value = {w: " ".join(self.query_one(f"#{w}", Input).value.split())
                 for w in ("nama", "nip", "jabatan")}
        pin, again = (self.query_one(f"#{w}", Input).value for w in ("pin", "pin2"))
        for w in ("pin", "pin2"):
            self.query_one(f"#{w}", Input).value = ""
        if not value["nama"]:
            self._fail(T.FIRST_NAME_REQUIRED, "nama")
            return
        if pin != again:
            self._fail(T.PIN_MISMATCH, "pin")
            return
        try:
            pin_hash = hash_pin(pin)
        except PinError as err:
            self._fail(err.message, "pin")
            return
        others = [o for o in self.profile.officers
                  if o.nama.casefold() != value["nama"].casefold()]
        boss = Officer(nama=value["nama"], jabatan=value["jabatan"], nip=value["nip"],
                       roles=(PETUGAS, SUPERVISOR), pin_hash=pin_hash)
        profile = self.profile.with_changes(officers=(boss, *others))
        try:
            save_profile(loket(self).paths, profile)
        except LoketError as err:
            self._fail(str(err), "nama")
            return
        self.dismiss(profile)

    def action_quit_app(self) -> None:
        self.dismiss(None)
