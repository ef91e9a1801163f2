"""Reading what a review screen shows, for assertions."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.text import Text
from textual.widgets import Static


def static_text(widget: Static, width: int | None = None) -> str:
    """The plain text of a Static's content, laid out at its on-screen width."""
    content = widget.content
    if isinstance(content, str):
        return Text.from_markup(content).plain
    console = Console(width=width or max(widget.size.width, 20), file=io.StringIO(),
                      color_system=None, record=True)
    console.print(content)
    return console.export_text()


def screen_lines(app: Any) -> list[str]:
    """The terminal as the user sees it now, line by line (plain text)."""
    strips = app.screen._compositor.render_strips()
    return [strip.text for strip in strips]
