"""Keys typed ahead land where the officer meant them.

Textual hands a key to the focused widget's own queue and goes on to the next key
at once. When a key moves the focus (Enter in a form goes to the next field, Tab,
Enter on the officer list goes to the PIN, a key that opens a dialog), the move
happens a few messages later (so does an editing key's work in a text field: a
binding, run when the key has bubbled up to the app); keys typed ahead of it (a fast
typist, a laggy remote terminal, tmux) would all land in the old field. So after such a key, while
the widgets it went to are still busy with it, the app waits before it hands on
the next key (keys keep their order: they wait in the app's own queue). A key that
comes when all is quiet (a person typing, a test pressing keys one by one) goes
straight through.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

MAX_WAIT = 1.0  # a widget gone or stuck never holds the keys longer than this
POLL = 0.005
CALM_POLLS = 4  # 20 ms of empty queues: the key has been handled


def may_move_focus(key: str, character: str | None, in_text_field: bool) -> bool:
    """After this key, may the following keys have to wait? In a text field every key
    that is not text; elsewhere every key (a printable key may be a binding that
    opens a dialog).

    In a text field that includes the editing keys (Backspace, Delete, the arrows,
    Home/End): Textual's Input does them as bindings, run only once the key has
    bubbled up to the app, while a character is inserted as soon as the field gets
    it. Typed ahead, "Backspace 3" would insert the 3 first and then delete it."""
    if not in_text_field:
        return True
    printable = character is not None and len(character) == 1 and character.isprintable()
    return not printable


def _pending(node: Any) -> int:
    """Messages waiting in a widget's queue (one being handled is not counted)."""
    queue = getattr(node, "_message_queue", None)
    if queue is None:
        return 0
    return int(queue.qsize())


@dataclass
class KeyGate:
    """The last key that may move the focus (the widgets it went to, the focus then,
    when) and the keys that came while it was being handled:
    (event, decided) in order; `decided`: the scan buffer let it through already."""

    settling: bool = False
    watched: list[Any] = field(default_factory=list)
    focused: Any = None
    since: float = 0.0
    waiting: list[tuple[Any, bool]] = field(default_factory=list)
    task: asyncio.Task[None] | None = None

    def begin(self, app: Any) -> None:
        target = app.focused or app.screen
        self.watched = list(target.ancestors_with_self)
        self.focused = app.focused
        self.since, self.settling = time.monotonic(), True

    def moved(self, app: Any) -> bool:
        """Has the key done what keys do that move: another field, another screen
        (with its field focused: a new screen focuses after a refresh)?"""
        focused = app.focused
        return focused is not None and focused is not self.focused

    def queued(self, app: Any) -> bool:
        """Messages still on their way: the key bubbles from its widget to the app,
        whose bindings act on it."""
        nodes = [*self.watched, app.screen, app.focused]
        return any(_pending(n) for n in nodes if n is not None)

    def expired(self) -> bool:
        return time.monotonic() - self.since >= MAX_WAIT

    async def wait(self, app: Any) -> None:
        """Until the key has been handled: the focus moved, or every queue it goes
        through stayed empty a few polls (a handler may be between two steps)."""
        calm = 0
        try:
            while not self.expired() and not self.moved(app):
                calm = 0 if self.queued(app) else calm + 1
                if calm >= CALM_POLLS:
                    break
                await asyncio.sleep(POLL)
        except Exception:  # no screen any more: the app is closing
            pass
