"""The app's way to a case: a scan (a burst of keys from the reader, or the scan
field) or a click opens it, receiving a file that was on its way to this desk.

`CaseShell` is the lower half of `LoketApp` (screens/app.py): the key stream is
watched here so a scanner's burst becomes a code and a fast typist's burst goes to
the focused field.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

from textual import events

from counter.errors import LoketError
from counter.texts import shell as TS
from counter.texts import ui as T
from counter.texts import ui_accounts as TA
from screens.key_settle import KeyGate, may_move_focus
from screens.services import desk_of
from screens.ui_guard import GuardedApp

if TYPE_CHECKING:
    from counter.desk import Desk
    from screens.widgets.scan_buffer import ScanBuffer


class CaseShell(GuardedApp):
    """Opening cases and reading the scanner; the state lives in `LoketApp.__init__`."""

    desk: Desk | None
    scanner: ScanBuffer
    _replaying: bool
    locked: bool  # the desk is locked (screens/app_signin.py)
    _last_input: float  # when a key or a click last came (the idle lock's clock)

    def _desk_ready(self) -> bool:
        return self.desk is not None

    # ------------------------------------------------------------------ cases

    def _to_home(self) -> None:
        """Leave whatever is open (modals included) and stand on the dashboard; never
        while the desk is locked (the lock screen is not popped from under a PIN)."""
        from screens.home import HomeScreen

        if self.locked:
            return

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def handle_scan(self, text: str) -> None:
        """A code from the scanner or the scan field: open the case, receive a hand-off."""
        from counter.codes import parse_code
        from counter.errors import CodeError

        if not self._desk_ready():
            return
        if self.locked:  # nothing opens on a locked desk; the code is not lost
            self.notify(TA.SCAN_WHILE_LOCKED.format(code=text.strip()), severity="warning")
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

        if self.locked:
            return
        self._to_home()
        self.push_screen(StepRunnerScreen(code))
        self.refresh_home()

    def refresh_home(self) -> None:
        from screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.reload()

    # ------------------------------------------------------------------ scanner

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self._last_input = time.monotonic()  # anyone at the desk keeps it unlocked
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and not self._replaying
        ):
            if self._gate().settling:  # the last key may still be moving the focus
                self._hold_key(event, decided=False)
                return
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
            await self._deliver(event)
            return
        await super().on_event(event)

    def _gate(self) -> KeyGate:
        gate: KeyGate | None = getattr(self, "_key_gate", None)
        if gate is None:
            gate = self._key_gate = KeyGate()
        return gate

    async def _deliver(self, event: events.Key) -> None:
        """Hand one key on; a key that may move the focus makes the next keys wait
        until the screen has handled it (screens/key_settle.py)."""
        in_input = _is_text_field(self.focused)
        await super().on_event(event)
        if may_move_focus(event.key, event.character, in_input):
            self._gate().begin(self)

    def _hold_key(self, event: events.Key, *, decided: bool) -> None:
        gate = self._gate()
        gate.waiting.append((event, decided))
        if gate.task is None or gate.task.done():
            gate.task = asyncio.get_running_loop().create_task(self._wait_and_release())

    async def _wait_and_release(self) -> None:
        await self._gate().wait(self)
        self.call_later(self._release_keys)

    async def _release_keys(self) -> None:
        """The held keys, in order, as if they came now (one may hold the rest again)."""
        gate = self._gate()
        gate.settling = False
        if not self.screen_stack or self._exit_renderables or not self.is_running:
            gate.waiting.clear()  # the app is closing: nobody to type to
            return
        replaying = self._replaying
        try:
            while gate.waiting and not gate.settling:
                event, decided = gate.waiting.pop(0)
                rest, gate.waiting = gate.waiting, []  # keys this one holds go first
                self._replaying = decided
                try:
                    await (self._deliver(event) if decided else self.on_event(event))
                finally:
                    gate.waiting.extend(rest)
        finally:
            self._replaying = replaying
        if gate.waiting and (gate.task is None or gate.task.done()):
            gate.task = asyncio.get_running_loop().create_task(self._wait_and_release())

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
                if self._gate().settling:
                    self._hold_key(key_event, decided=True)
                else:
                    await self._deliver(key_event)
        finally:
            self._replaying = False


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
