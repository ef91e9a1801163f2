"""Which of a period's cases the daily log shows, and in what order: a plain model.

The log screen (and anything else that lists a period's cases, a test, a
future web view) keeps its filters and sort here, so what "matches" means is
decided once and can be tested without a screen. Rows are `counter.report.CaseRow`.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from counter import report as R

WAITING = (R.MENUNGGU_PELAKSANA, R.MENUNGGU_PEMOHON)
SPANS = ("day", "week", "month")
SORT_FIELD = {  # column -> CaseRow attribute
    "code": "code", "opened": "opened_at", "visitor": "visitor", "service": "service",
    "officer": "officer", "desk": "desk", "status": "status_label", "holder": "holder",
    "time": "elapsed_s", "over": "over",
}


def span_dates(day: date, span: str) -> tuple[date, date]:
    """The period around `day`: the day, its Monday-to-Sunday week, or its month."""
    if span == "week":
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    if span == "month":
        last_day = _calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last_day)
    return day, day


def _looks_like_code(word: str) -> bool:
    return any(c.isdigit() for c in word) and set(word) <= set("0123456789-")


def code_matches(code_human: str, typed: str) -> bool:
    """A typed code matches from the start of one of the code's parts, never across
    them: "001-0" and "0010" find case 001 (check digit 0), "261125-01" the day's
    desk 1, but "0010" is not found inside 261001-01-… (1 October)."""
    parts = code_human.split("-")
    bare = typed.replace("-", "")
    for i in range(len(parts)):
        tail = parts[i:]
        if "-".join(tail).startswith(typed) or "".join(tail).startswith(bare):
            return True
    return False


@dataclass
class Filters:
    service: str | None = None  # sop_id
    officer: str | None = None
    status: str | None = None
    only_over: bool = False
    only_waiting: bool = False
    text: str = ""  # part of the visitor's name or the code (a visitor without receipt)

    def keep(self, row: Any) -> bool:
        return (
            self._matches(row)
            and (self.service is None or row.sop_id == self.service)
            and (self.officer is None or row.officer == self.officer)
            and (self.status is None or row.status == self.status)
            and (not self.only_over or row.over)
            and (not self.only_waiting or row.status in WAITING)
        )

    def _matches(self, row: Any) -> bool:
        words = self.text.lower().split()
        name = row.visitor.lower()
        return all(code_matches(row.code_human, w) if _looks_like_code(w) else w in name
                   for w in words)


@dataclass
class Sort:
    column: str = "opened"
    reverse: bool = False
    history: list[str] = field(default_factory=list)


def visible_rows(rows: list[Any], filters: Filters, sort: Sort) -> list[Any]:
    """The rows the filters keep, in the sort's order."""
    kept = [r for r in rows if filters.keep(r)]
    return R.rows_sorted(kept, SORT_FIELD[sort.column], sort.reverse)
