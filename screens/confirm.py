"""Asking before typed input is thrown away: a yes/no box, and what counts as unsaved.

Officers type fast and scanners fire from anywhere; neither may silently discard
a half-filled visitor form or a dialog with a reason typed in. Screens that know
what "unsaved" means for them define `unsaved_input() -> bool`; the dialogs of the
step runner (any `ModalScreen` with text in it) count as unsaved when a field
holds text.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static, TextArea

from counter.texts import shell as T


class ConfirmModal(ModalScreen[bool]):
    """A question answered with y/Enter (yes) or n/Esc (no)."""

    DEFAULT_CSS = """
    ConfirmModal { align: center middle; }
    ConfirmModal > Vertical { width: 60; max-width: 95%; height: auto;
                              border: thick $warning; background: $surface; padding: 1 2; }
    ConfirmModal .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # no Enter: throwing typed data away takes a deliberate key, never a reflex
        Binding("y", "answer(True)", T.CONFIRM_YES, id="konfirmasi.ya"),
        Binding("n,escape", "answer(False)", T.CONFIRM_NO, id="konfirmasi.tidak"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="title")
            yield Static(T.CONFIRM_HINT, classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def holds_unsaved_input(screen: Screen[Any]) -> bool:
    """Does leaving `screen` now throw away something the officer typed?"""
    own = getattr(screen, "unsaved_input", None)
    if callable(own):
        return bool(own())
    if not isinstance(screen, ModalScreen) or isinstance(screen, ConfirmModal):
        return False
    from screens.modals import ScanModal

    if isinstance(screen, ScanModal):
        return False
    return any(w.value.strip() for w in screen.query(Input)) or any(
        w.text.strip() for w in screen.query(TextArea))


def stack_holds_unsaved_input(stack: list[Screen[Any]]) -> bool:
    return any(holds_unsaved_input(s) for s in stack)
