"""An officer changes their own PIN (Ctrl+P on the sign-in and lock screen): the old
PIN first (a wrong one counts toward the lock like a wrong sign-in), the new one
twice. Saved as a hash in loket.toml, recorded in the office audit in the officer's
own name; no PIN is ever kept on screen or written anywhere."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Label

from counter.accounts import edit as E
from counter.accounts.pin import PIN_MAX, PinError, check_pin_form
from counter.accounts.signin import SignInError
from counter.config import save_profile
from counter.errors import LoketError
from counter.texts import ui_accounts as T
from screens.modals import FieldProblem, FormModal

_FIELDS = ("pin_lama", "pin_baru", "pin_baru2")


class ChangePinModal(FormModal):
    """Answers with (old, new); `attempt` does the change and says why not."""

    def __init__(self, nama: str) -> None:
        super().__init__(T.CHANGE_PIN_TITLE.format(nama=nama))
        self.nama = nama

    def fields(self) -> ComposeResult:
        for wid, label in zip(_FIELDS, (T.CHANGE_PIN_OLD, T.CHANGE_PIN_NEW,
                                        T.CHANGE_PIN_AGAIN), strict=True):
            yield Label(label)
            yield Input(id=wid, password=True, restrict=r"[0-9]*", max_length=PIN_MAX)

    def on_mount(self) -> None:
        self.query_one("#pin_lama", Input).focus()

    def answer(self) -> tuple[str, str]:
        old, new, again = (self.query_one(f"#{w}", Input).value for w in _FIELDS)
        for w in _FIELDS:  # never left on screen, even masked
            self.query_one(f"#{w}", Input).value = ""
        if not old:
            raise FieldProblem(T.CHANGE_PIN_OLD_REQUIRED, "pin_lama")
        if new != again:
            raise FieldProblem(T.PIN_MISMATCH, "pin_baru")
        try:
            check_pin_form(new)
        except PinError as err:
            raise FieldProblem(err.message, "pin_baru") from None
        return old, new


def change_own_pin(app: Any, nama: str, old: str, new: str) -> str | None:
    """Check the old PIN at the gate, save the new hash, record it; the refusal in
    words (None when done). The sign-in screen's gate must be renewed after this."""
    try:
        session = app.gate.sign_in(nama, old)
    except SignInError as err:
        return err.message
    try:
        change = E.change_own_pin(app.profile.officers, nama, old, new)
        profile = app.profile.with_changes(officers=change.officers)
        save_profile(app.paths, profile)
    except LoketError as err:
        return err.message
    if app.desk is not None:
        app.apply_profile(profile)
    else:
        app.profile = profile
    try:
        app.gate.record(session, change.kind, change.subject)
    except LoketError as err:
        app.notify(str(err), severity="error")
    app.notify(T.CHANGE_PIN_DONE.format(nama=change.subject))
    return None
