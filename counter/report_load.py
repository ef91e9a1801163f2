"""Reading a period for the service log through the desk service: the views, the open
files, and the summary however its day files are (damaged days named, closed cases from
their per-case summaries, rows streamed when asked). Re-exported by `counter.report`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from counter.damage import UnreadableDay
from counter.errors import LoketError
from counter.report import CaseRows, Summary, summary_from_rows
from counter.report_dates import check_range, days_in
from counter.report_rows import case_row, step_rows

if TYPE_CHECKING:
    from counter.desk import CaseView, Desk
    from counter.summary import SummaryShelf


def load_views(desk: Desk, first: date, last: date) -> list[CaseView]:
    """The views of every case opened from `first` to `last`, through the desk service."""
    check_range(first, last)
    out: list[CaseView] = []
    for d in days_in(first, last):
        out.extend(desk.views_on(d))
    return out


def load_waiting(desk: Desk, views: Sequence[CaseView]) -> list[CaseView]:
    """Every open case now, reusing `views` already folded.

    The daily log shows where files wait *now*, including files opened on other
    days; those are read through the desk, each day file once.
    """
    known = {v.state.code: v for v in views}
    codes = desk.repo.open_codes()
    others = {v.state.code: v for v in desk.views_of(c for c in codes if c not in known)}
    return [known.get(c) or others[c] for c in codes if c in known or c in others]


def load_summary(desk: Desk, first: date, last: date, *,
                 sink: Callable[[CaseRows], None] | None = None,
                 requests: dict[str, str] | None = None) -> Summary:
    """The period's summary through the desk service, whatever day file is damaged.

    A day whose file cannot be read is left out of the figures and named in
    `Summary.unreadable` (with the open cases it holds), as is a day of an open
    file elsewhere in the history; every other day is reported as usual. A store
    that keeps per-case summaries (`counter.summary`) answers closed cases from
    them; only the rest is folded. `sink` streams the rows (see `summary_from_rows`).
    `requests`, when given, is filled with what each general-SOP walk-in of the period
    asked for (`counter.unserved.load_unserved` then needs no second read).
    """
    from counter.summary import SummaryShelf

    check_range(first, last)
    if not isinstance(desk.repo, SummaryShelf):
        views: list[CaseView] = []
        unreadable: list[UnreadableDay] = []
        for d in days_in(first, last):
            read = desk.cases_on(d)
            views += read.views
            unreadable += read.unreadable
        open_now = desk.open_cases(known={v.state.code: v for v in views})
        if requests is not None:
            from counter.summary.record import unserved_request
            from counter.unserved import GENERAL_SOP

            requests.update((v.state.code, unserved_request(v)) for v in views
                            if v.state.sop_id == GENERAL_SOP)
        return summary_from_rows(((case_row(v), step_rows(v)) for v in views), first, last,
                                 waiting=open_now.views, sink=sink,
                                 unreadable=[*unreadable, *open_now.unreadable])
    waiting: list[CaseView] = []
    damaged: list[UnreadableDay] = []
    items = _shelved_rows(desk, desk.repo, first, last, waiting, damaged,
                          {} if requests is None else requests)
    return summary_from_rows(items, first, last, waiting=waiting, unreadable=damaged, sink=sink)


def _shelved_rows(desk: Desk, shelf: SummaryShelf, first: date, last: date,
                  waiting: list[CaseView], damaged: list[UnreadableDay],
                  requests: dict[str, str]) -> Iterator[CaseRows]:
    """The period's rows day by day from the shelves; when the last day is done, the open
    files now (`waiting`) and the unreadable days (`damaged`) are filled in, before
    `summary_from_rows` reads them."""
    from counter.summary import rows_on

    open_here: dict[str, CaseView] = {}
    for d in days_in(first, last):
        try:
            day = rows_on(desk, shelf, d)
        except LoketError as err:
            if err.path is None:
                raise
            damaged.extend(desk.cases_on(d).unreadable)  # named as every reader names it
            continue
        open_here.update((v.code, v) for v in day.open_views)
        requests.update(day.requests)
        yield from sorted(day.rows, key=lambda item: (item[0].opened_at, item[0].code))
    open_now = desk.open_cases(known=open_here)
    waiting.extend(open_now.views)
    damaged.extend(open_now.unreadable)
