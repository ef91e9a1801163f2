"""The app's services, typed, for the screens: `loket(self).desk`, `.paths`, `.now()`…

Screens reach the shell through `self.app`, which Textual types as a plain
`App`; every `self.app.desk` was an untyped guess. `loket(node)` names what a
screen may rely on (a `Protocol`, so a test may host a screen in any app that
provides these) and `desk_of(node)` the desk service once the day has begun.
Screens *read* services here; they *tell* the shell what happened with the
messages of `screens/messages.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.message import Message
from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from counter.calendar import WorkingCalendar
    from counter.config import Paths, Profile
    from counter.desk import Desk
    from counter.sop import Catalog
    from screens.app_warm import Warming


class AppServices(Protocol):
    """What the counter app offers every screen (see `screens/app.py`)."""

    paths: Paths
    profile: Profile | None
    catalog: Catalog
    store: Any
    desk: Desk | None
    calendar: WorkingCalendar | None
    officer: str | None
    desk_no: int | None
    issue: Callable[..., Any] | None
    damaged_days: set[date]  # day files the start-up check found unreadable
    warming: Warming  # the dashboard's read made during the sign-in

    def now(self) -> datetime: ...


def loket(node: MessagePump) -> AppServices:
    """The running app's services, typed."""
    return cast("AppServices", node.app)


def desk_of(node: MessagePump) -> Desk:
    """The desk service; screens that act on cases exist only after the day began."""
    desk = loket(node).desk
    if desk is None:
        raise RuntimeError("the day has not begun: no desk service yet")
    return desk


def tell(node: MessagePump, message: Message) -> None:
    """Post `message` to the app itself: the screen that posts may be gone (popped)
    before the message is handled, and a message is never lost with it."""
    node.app.post_message(message)
