"""Sign-in and the locked desk: an officer and their PIN, at the start of the day,
after an idle spell and on "ganti petugas".

The screen is opaque: whatever was open under it (a visitor's case, the log) cannot
be read while the desk is locked. It answers with the `Session` of the officer who
signed in (the same one, or another taking over the desk).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from counter.accounts.pin import PIN_MAX
from counter.accounts.roles import ROLE_LABELS
from counter.accounts.signin import Session, SignInError
from counter.codes import desk_number
from counter.config import Profile
from counter.texts import signin as T
from counter.texts import ui as T_UI
from counter.texts import ui_accounts as TA

if TYPE_CHECKING:
    from counter.accounts.gate import Gate


class SignInScreen(Screen[tuple[Session, int] | None]):
    """`locked_by`: the officer whose desk this is while locked (None: start of day)."""

    CSS_PATH = "signin.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", T.KEY_BACK, id="masuk.kembali"),
        Binding("ctrl+p", "change_pin", TA.KEY_CHANGE_PIN, id="masuk.ganti_pin"),
    ]

    def __init__(self, profile: Profile, gate: Gate, *, desk: int | None = None,
                 locked_by: str | None = None, remembered: str = "") -> None:
        super().__init__()
        self.profile, self.gate = profile, gate
        self.desk = desk or profile.desk
        self.locked_by = locked_by
        self.remembered = locked_by or remembered
        self.accounts = [a for a in profile.officers if a.aktif]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="signin"):
            if self.locked_by:
                yield Static(T.LOCKED_TITLE.format(desk=self.desk), classes="title")
                yield Static(T.LOCKED_INTRO.format(nama=self.locked_by), classes="hint")
            else:
                yield Static(T.TITLE, classes="title")
                yield Static(T.INTRO, classes="hint")
                if self.remembered:
                    yield Static(T.REMEMBERED.format(nama=self.remembered, desk=self.desk),
                                 id="remembered", classes="warning")
                yield Label(T.DESK)
                yield Input(str(self.desk), id="desk", restrict=r"[0-9]*")
            yield Label(T.OFFICER)
            yield OptionList(*[Option(self._label(a), id=str(i))
                               for i, a in enumerate(self.accounts)], id="accounts")
            if self.profile.demo:  # whoever tries the demo must be able to sign in
                from counter.demo import DEMO_PIN

                yield Static(T.DEMO_PIN_HINT.format(pin=DEMO_PIN), id="demo-pin",
                             classes="hint")
            yield Label(T.PIN, id="pin-label")
            # no select-on-focus: a digit typed on the name list is already in it
            yield Input(id="pin", password=True, restrict=r"[0-9]*", max_length=PIN_MAX,
                        select_on_focus=False,
                        placeholder=T.PIN_PLACEHOLDER)
            yield Static("", id="signin-error", classes="error")
        yield Footer(compact=True)

    @staticmethod
    def _label(a: object) -> str:
        nama, jabatan = getattr(a, "nama", ""), getattr(a, "jabatan", "")
        roles = ", ".join(ROLE_LABELS.get(r, r) for r in getattr(a, "roles", ()))
        return nama + (f" ({jabatan})" if jabatan else "") + (f" · {roles}" if roles else "")

    def on_mount(self) -> None:
        accounts = self.query_one("#accounts", OptionList)
        names = [a.nama for a in self.accounts]
        if self.remembered in names:
            accounts.highlighted = names.index(self.remembered)
            self.query_one("#pin", Input).focus()
        else:
            accounts.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#pin", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Digits typed while the name list has the focus are the PIN (the highlighted
        name is theirs: officers type the PIN at once); they were silently lost."""
        accounts = self.query_one("#accounts", OptionList)
        char = event.character
        if self.focused is not accounts or not char or not char.isdigit():
            return
        if accounts.highlighted is None:
            return
        pin = self.query_one("#pin", Input)
        pin.focus()
        pin.insert_text_at_cursor(char)
        event.stop()
        event.prevent_default()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "desk":
            self.query_one("#accounts", OptionList).focus()
            return
        self._try(event.value)

    def _error(self, text: str) -> None:
        self.query_one("#signin-error", Static).update(text)

    def _try(self, pin: str) -> None:
        pin_input = self.query_one("#pin", Input)
        pin_input.value = ""  # never left on screen, even masked
        desk = self.desk
        if not self.locked_by:
            number = desk_number(self.query_one("#desk", Input).value)
            if number is None:
                self._error(T_UI.SETUP_DESK_INVALID)
                self.query_one("#desk", Input).focus()
                return
            desk = number
        index = self.query_one("#accounts", OptionList).highlighted
        if index is None or not self.accounts:
            self._error(T.PICK_OFFICER)
            self.query_one("#accounts", OptionList).focus()
            return
        if not pin.strip():  # an Enter on an empty field is not a wrong PIN: no lock nears
            self._error(T.PIN_EMPTY)
            pin_input.focus()
            return
        try:
            session = self.gate.sign_in(self.accounts[index].nama, pin)
        except SignInError as err:
            self._error(err.message)
            pin_input.focus()
            return
        self.dismiss((session, desk))

    def action_change_pin(self) -> None:
        """Ctrl+P: the highlighted officer changes their own PIN (old PIN first)."""
        from screens.change_pin import ChangePinModal, change_own_pin

        index = self.query_one("#accounts", OptionList).highlighted
        if index is None or not self.accounts:
            self._error(TA.CHANGE_PIN_PICK)
            return
        nama = self.accounts[index].nama
        modal = ChangePinModal(nama)

        def attempt(answer: tuple[str, str]) -> str | None:
            problem = change_own_pin(self.app, nama, *answer)
            if problem is None:  # the new hash from now on, on this screen too
                app: Any = self.app
                self.profile, self.gate = app.profile, app.gate
                self.accounts = [a for a in self.profile.officers if a.aktif]
            return problem

        def back(_: object) -> None:
            self.query_one("#pin", Input).focus()

        modal.attempt = attempt
        self.app.push_screen(modal, back)

    def action_back(self) -> None:
        """Esc: leave the PIN for the list; at the start of the day with nothing
        chosen, quit. A locked desk stays locked."""
        if self.focused is not None and self.focused.id == "pin":
            self.query_one("#accounts", OptionList).focus()
        elif not self.locked_by:
            self.dismiss(None)
