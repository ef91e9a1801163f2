"""The queue's part of the daily log (F4, Ringkasan tab): tickets per group and hour,
waiting median/p90 per group, no-shows, visitors who left, the longest waits and the
service time of tickets whose case was closed. A section of its own, so the log's
screen only calls it."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from counter.errors import LoketError
from counter.queue.review import QueueReview, review_tables
from counter.texts import queue as T


def review_view(review: QueueReview) -> Group:
    parts: list[Any] = [Text(f"\n{T.REVIEW_TITLE}", style="bold underline")]
    if review.empty:
        parts.append(Text(T.REVIEW_NONE, style="dim"))
        return Group(*parts)
    for title, header, rows in review_tables(review):
        if not rows:
            continue
        table = Table(title=title, title_justify="left", title_style="bold", box=None,
                      padding=(0, 1))
        for col in header:
            table.add_column(col)
        for row in rows:
            table.add_row(*row)
        parts.append(table)
    return Group(*parts)


def show_queue_review(screen: Any, first: date, last: date) -> None:
    """Put the period's queue review under the log's summary (made once, then updated)."""
    from screens.queue_service import review_of

    app = screen.app
    if getattr(app, "paths", None) is None or getattr(app, "profile", None) is None:
        return  # the log shown outside the counter app (a test host): no queue here
    try:
        desk = screen.desk  # the log's own desk service: its store and its clock
        review = review_of(app.paths, app.profile, desk.repo, first, last, now=desk.now())
        view: Any = review_view(review)
    except LoketError as err:
        view = Text(str(err), style="bold red")
    found = screen.query("#log-queue")
    if found:
        found.first(Static).update(view)
    else:
        screen.query_one("#log-summary-box").mount(Static(view, id="log-queue"))
