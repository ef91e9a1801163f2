"""Errors on the UI thread never end the app either (workers: screens/worker_guard.py).

How Textual (8.x) routes an exception raised by our code on its own thread:

- a message or event handler (`on_mount`, `on_key`, `on_case_changed`, a
  `call_later` callback…) raises inside `MessagePump._dispatch_message`; the
  pump's loop hands it to `App._handle_exception` and then *stops that pump for
  good* (a screen no longer answers, the app no longer reads keys);
- an action (`action_*`, from a key binding or a click) raises inside
  `App._dispatch_action` and travels up into the handler that ran it (above);
- a timer callback (`set_interval`, and `set_timer`'s callback flushed between
  messages) goes straight to `App._handle_exception`, whose default ends the app.

`GuardedApp` catches each at that point: `_dispatch_message` of the app and of
every widget and screen it registers, `_dispatch_action`, and `_handle_exception`
as the last resort. The traceback goes to `loket.log` (the rotating log of the
worker guard), the officer gets one Indonesian line, and the app and its screen
keep running; nothing stored is touched, since every action stores through
`Desk` in one atomic write or not at all.

Tests must not pass over such an error unseen: every caught failure is also put
in `worker_guard.CAUGHT`, which the test suite's autouse fixture requires to be
empty unless the test asked for failures (tests/conftest.py, `failures_expected`).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.widget import Widget

from counter.texts import shell as T
from screens.worker_guard import CAUGHT, log_path, on_ui_thread, write_failure

# The same failure again within this many seconds (a timer that fails every
# second) is not written or told again.
REPEAT_QUIET_S = 30.0


def report_ui_failure(app: App[Any], where: str, err: BaseException) -> None:
    """Log `err` with its traceback, tell the officer in one line; the app goes on."""
    CAUGHT.append((where, err))
    quiet: dict[str, float] = app.__dict__.setdefault("_ui_failures_at", {})
    key = f"{where}:{type(err).__name__}"
    now = time.monotonic()
    if now - quiet.get(key, -REPEAT_QUIET_S) < REPEAT_QUIET_S:
        return
    quiet[key] = now
    path = log_path(app)
    write_failure(path, where, err)

    def tell() -> None:
        with suppress(Exception):  # no screen yet (or any more): the log has it
            app.notify(T.UI_CRASHED.format(log=path), severity="error", timeout=15)

    on_ui_thread(app, tell)


def _guard_dispatch(app: App[Any], node: DOMNode) -> None:
    """Make `node` report, not die of, an error in one of its handlers."""
    if "_dispatch_message" in node.__dict__:
        return
    dispatch: Callable[[Message], Awaitable[None]] = node._dispatch_message

    async def guarded(message: Message) -> None:
        try:
            await dispatch(message)
        except Exception as err:
            report_ui_failure(app, f"{type(node).__name__}.{message.handler_name}", err)

    setattr(node, "_dispatch_message", guarded)  # noqa: B010 (an instance's own method)


class GuardedApp(App[None]):
    """An app that survives an error in any handler, action or timer of its own thread."""

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        except Exception as err:
            report_ui_failure(self, f"{type(self).__name__}.{message.handler_name}", err)

    def _register_child(self, parent: DOMNode, child: Widget, before: int | None,
                        after: int | None) -> None:
        _guard_dispatch(self, child)  # before its message loop starts
        super()._register_child(parent, child, before, after)

    async def _dispatch_action(self, namespace: DOMNode, action_name: str,
                               params: Any) -> bool:
        try:
            return await super()._dispatch_action(namespace, action_name, params)
        except Exception as err:
            report_ui_failure(self, f"{type(namespace).__name__}.action_{action_name}", err)
            return True  # handled: the key is not passed on to anything else

    def _handle_exception(self, error: Exception) -> None:
        """Textual's last resort (a timer callback, a callback between messages): ends
        the app by default; here it is one logged failure and the app goes on."""
        report_ui_failure(self, type(error).__name__, error)
