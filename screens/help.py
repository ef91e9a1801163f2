"""F1 / ?: every key of the app and of the screen underneath, in one list."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from counter.texts import ui as T

_KEY_NAMES = {"question_mark": "?", "escape": "Esc", "enter": "Enter", "space": "Spasi"}


def key_label(key: str) -> str:
    """'ctrl+q' → 'Ctrl+Q', 'f1' → 'F1'."""
    parts = []
    for part in key.split("+"):
        parts.append(_KEY_NAMES.get(part, part.upper() if len(part) <= 3 else part.title()))
    return "+".join(parts)


def _lines(bindings: list) -> list[str]:
    out = []
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            keys = ", ".join(key_label(k) for k in b.key.split(","))
            out.append(f"  {keys:<14} {b.description}")
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss_help", T.KEY_BACK),
    ]

    def __init__(self, below: object = None) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        below = self.below
        with VerticalScroll(id="help"):
            yield Static(T.HELP_TITLE, classes="title")
            yield Static(T.HELP_GLOBAL, classes="subtitle")
            yield Static("\n".join(_lines(list(self.app.BINDINGS))))
            screen_lines = _lines(list(getattr(below, "BINDINGS", []))) if below else []
            if screen_lines:
                yield Static(T.HELP_SCREEN, classes="subtitle")
                yield Static("\n".join(screen_lines))
            yield Static(T.HELP_SCANNER, classes="hint")
            yield Static(T.HELP_CLOSE, classes="hint")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
