"""The service log's figures as words and numbers people read: minutes, shares, the
period, the unreadable days. Shared by the screen, the CLI and every export;
re-exported by `counter.report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from counter.damage import UnreadableDay
from counter.report_rows import CaseRow
from counter.texts import report as T

if TYPE_CHECKING:
    from counter.report import Summary


def minutes(seconds: float | None) -> float | None:
    """Seconds as minutes with one decimal, for spreadsheets; None stays None."""
    return None if seconds is None else round(seconds / 60.0, 1)


def share_text(share: float | None) -> str:
    """ "87,5 %" with the Indonesian decimal comma; "-" for no share."""
    if share is None:
        return T.NONE
    return f"{share * 100:.1f}".replace(".", ",") + " %"


def period_text(summary: Summary) -> str:
    from counter.dates import format_date, format_day_date

    if summary.is_day:
        return format_day_date(summary.first)
    return T.PERIOD_RANGE.format(first=format_date(summary.first), last=format_date(summary.last))


def title_text(summary: Summary) -> str:
    return T.TITLE_DAY if summary.is_day else T.TITLE_RANGE


def rows_sorted(rows: Sequence[CaseRow], key: str, reverse: bool = False) -> list[CaseRow]:
    """Case rows sorted by one field (None values last), for screens and the CLI."""
    present = [r for r in rows if getattr(r, key) is not None]
    missing = [r for r in rows if getattr(r, key) is None]
    return sorted(present, key=lambda r: getattr(r, key), reverse=reverse) + missing


def unreadable_cases(item: UnreadableDay) -> str:
    """ "3 kasus terbuka", or that the count is not known."""
    if item.open_cases is None:
        return T.UNREADABLE_CASES_UNKNOWN
    return T.UNREADABLE_CASES.format(count=item.open_cases)


def unreadable_lines(summary: Summary) -> list[str]:
    """The warning and one line per unreadable day; empty when every day was read."""
    from counter.dates import format_day_date

    if not summary.unreadable:
        return []
    return [T.UNREADABLE_HEAD, *(
        T.UNREADABLE_LINE.format(day=format_day_date(u.day), path=u.path,
                                 cases=unreadable_cases(u), message=u.message)
        for u in summary.unreadable)]
