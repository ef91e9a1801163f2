"""F1 / ?: every key of the app and of the screen underneath, in one list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from counter.texts import ui as T
from screens.keymap import keys_label


def _lines(bindings: list[BindingType], keymap: Mapping[str, str]) -> list[str]:
    """One line per described binding, with the office's keys where `[tombol]` moved them."""
    out = []
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            keys = keys_label(keymap.get(b.id or "", b.key))
            out.append(f"  {keys:<14} {b.description}")
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss_help", T.KEY_BACK, id="bantuan.tutup"),
    ]

    def __init__(self, below: object = None) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        below = self.below
        keymap = self.app._keymap  # normalised by Textual; {} without [tombol]
        with VerticalScroll(id="help"):
            yield Static(T.HELP_TITLE, classes="title")
            yield Static(T.HELP_GLOBAL, classes="subtitle")
            yield Static("\n".join(_lines(list(self.app.BINDINGS), keymap)))
            screen_lines = (_lines(list(getattr(below, "BINDINGS", [])), keymap)
                            if below else [])
            if screen_lines:
                yield Static(T.HELP_SCREEN, classes="subtitle")
                yield Static("\n".join(screen_lines))
            yield Static(T.HELP_SCANNER, classes="hint")
            yield Static(T.HELP_CLOSE, classes="hint")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
