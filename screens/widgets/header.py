"""The one-line header every screen shows: office unit, officer on duty, desk, date, time.

It reads the app's clock once a second; nothing else on screen re-renders for it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import Static

from counter.dates import format_day_date, format_time
from counter.texts import ui as T
from screens.services import loket
from screens.widgets.sync_status import status_text


class LoketHeader(Static):
    DEFAULT_CSS = """
    LoketHeader {
        dock: top;
        height: 1;
        background: $primary;
        color: $text;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        app = loket(self)
        now = app.now()
        profile = getattr(app, "profile", None)  # a review screen may run in a bare app
        unit = (profile.unit or profile.instansi) if profile else T.APP_TITLE
        officer = getattr(app, "officer", None)
        if officer and getattr(app, "desk", None) is not None:
            text = T.HEADER.format(unit=unit, officer=officer, where=_where(app, profile),
                                   date=format_day_date(now.date()), time=format_time(now))
        else:
            text = T.HEADER_NO_OFFICER.format(unit=unit, date=format_day_date(now.date()),
                                              time=format_time(now))
        queue = self._queue_status(app, profile, now.date())  # only when facts wait
        sync = getattr(app, "sync_state", None)
        if sync is not None and profile is not None:
            status = status_text(sync, profile.tz)
            room = self.size.width - 2 - (len(queue) + 3 if queue else 0)
            if status and len(text) + len(status) + 3 > room:
                status = status_text(sync, profile.tz, short=True)
                if len(text) + len(status) + 3 > room and officer:
                    # Narrow: the link matters more than the office's name and the weekday.
                    text = T.HEADER_NARROW.format(officer=officer,
                                                  where=_where(app, profile),
                                                  date=f"{now:%d/%m}", time=format_time(now))
            if status:
                text = f"{text} · {status}"
        if queue and len(text) + len(queue) + 3 <= self.size.width - 2:
            text = f"{text} · {queue}"
        if getattr(getattr(app, "store", None), "read_only", False):
            text = T.HEADER_READ_ONLY.format(text=text)  # a backup: nothing can be recorded
        self.update(text)

    @staticmethod
    def _queue_status(app: object, profile: Any, day: date) -> str:
        """The queue's pending/failed pushes when an office server is set (else "")."""
        paths = getattr(app, "paths", None)
        if paths is None or profile is None or not hasattr(profile, "pusat"):
            return ""
        from screens.queue_service import queue_sync_state
        from screens.widgets.sync_status import queue_status_text

        return queue_status_text(queue_sync_state(paths, profile, day), profile.tz)


def official_desk(profile: Any, desk: int) -> str | None:
    """"Meja Koor" when `desk` is the official's desk the profile names; else None.

    The header, the sign-in and the lock screen all name the desk the same way."""
    pusat: Any = getattr(profile, "pusat", None)
    if pusat is not None and pusat.nama_meja and pusat.peran and desk == profile.desk:
        return T.HEADER_OFFICIAL.format(name=pusat.nama_meja)
    return None


def _where(app: Any, profile: Any) -> str:
    """"Loket 1", or "Meja Koor" for an official's desk the profile names."""
    return official_desk(profile, app.desk_no) or T.HEADER_DESK.format(desk=app.desk_no)
