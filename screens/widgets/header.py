"""The one-line header every screen shows: office unit, officer on duty, desk, date, time.

It reads the app's clock once a second; nothing else on screen re-renders for it.
"""

from __future__ import annotations

from textual.widgets import Static

from counter.dates import format_day_date, format_time
from counter.texts import ui as T
from screens.services import loket


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
            text = T.HEADER.format(unit=unit, officer=officer, desk=app.desk_no,
                                   date=format_day_date(now.date()), time=format_time(now))
        else:
            text = T.HEADER_NO_OFFICER.format(unit=unit, date=format_day_date(now.date()),
                                              time=format_time(now))
        if getattr(getattr(app, "store", None), "read_only", False):
            text = T.HEADER_READ_ONLY.format(text=text)  # a backup: nothing can be recorded
        self.update(text)
