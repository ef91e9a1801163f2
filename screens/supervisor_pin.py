"""A supervisor's PIN on the spot: a petugas asks for an act only a supervisor may do
(cancel, reopen, resolve a conflict…); the supervisor types their PIN at this desk and
the act is recorded in the supervisor's name. The petugas stays signed in.

`as_supervisor(app, act, do)` is the one way the screens reach a supervisor's act.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from counter.accounts.pin import PIN_MAX
from counter.accounts.roles import ACT_LABELS, SUPERVISOR, Act
from counter.accounts.signin import Session, SignInError
from counter.texts import signin as T
from screens.modals import FieldProblem, FormModal

if TYPE_CHECKING:
    from counter.accounts.gate import Gate
    from counter.desk import Desk


class SupervisorPinModal(FormModal):
    """Answers with the supervisor's `Session` (None: cancelled)."""

    def __init__(self, gate: Gate, act: Act, supervisors: list[str]) -> None:
        super().__init__(T.SUPERVISOR_TITLE)
        self.gate, self.act, self.supervisors = gate, act, supervisors

    def fields(self) -> ComposeResult:
        yield Static(T.SUPERVISOR_WHY.format(act=ACT_LABELS[self.act]), classes="hint")
        yield Label(T.SUPERVISOR_NAME)
        yield Input(self.supervisors[0] if len(self.supervisors) == 1 else "", id="nama",
                    placeholder=", ".join(self.supervisors))
        yield Label(T.PIN)
        yield Input(id="pin", password=True, restrict=r"[0-9]*", max_length=PIN_MAX)

    def on_mount(self) -> None:
        self.query_one("#pin" if len(self.supervisors) == 1 else "#nama", Input).focus()

    def answer(self) -> Session:
        pin_input = self.query_one("#pin", Input)
        pin, pin_input.value = pin_input.value, ""
        try:
            return self.gate.sign_in(self.value("nama"), pin, supervisor=True,
                                     approving=ACT_LABELS[self.act])
        except SignInError as err:
            raise FieldProblem(err.message, "pin") from None


def as_supervisor(app: Any, act: Act, do: Callable[[Desk], object]) -> None:
    """Run `do` with a desk acting as a supervisor: this desk's own officer when they
    are one, else whoever types a supervisor's PIN now; refused (said once) when the
    office has no supervisor with a PIN or the PIN dialog is cancelled."""
    desk: Desk | None = app.desk
    if desk is None:
        return
    if desk.session is not None and desk.session.may(act):
        do(desk)
        return
    names = [o.nama for o in app.profile.officers
             if o.aktif and o.pin_hash and SUPERVISOR in o.roles]
    if not names:
        app.notify(T.SUPERVISOR_NONE.format(act=ACT_LABELS[act]), severity="error",
                   timeout=10)
        return

    def answered(session: Session | None) -> None:
        if session is None:
            app.notify(T.SUPERVISOR_CANCELLED.format(act=ACT_LABELS[act]),
                       severity="warning")
            return
        do(desk.acting_as(session))

    app.push_screen(SupervisorPinModal(app.gate, act, names), answered)
