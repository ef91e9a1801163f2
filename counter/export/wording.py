"""Phrases the PDF report, the XLSX summary sheet and the text report share."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from counter import dates
from counter.clock import format_span
from counter.report import CaseRow, Summary, _human, share_text
from counter.texts import report as T

human = _human  # lenient: an odd stored code shows as it is
OVER_TOP = 15  # the steps that ran over most, on paper and screen (all are in the Summary)


def dur(seconds: float | None, day_s: float | None = None) -> str:
    """A duration in the unit of its mutu baku (hari kerja when `day_s` is given)."""
    return T.NONE if seconds is None else format_span(seconds, day_s)


def reasons(counted: Sequence[tuple[str, int]]) -> str:
    parts = [f"{text or T.NO_REASON} ({count})" for text, count in counted]
    return "; ".join(parts)


def summary_lines(summary: Summary) -> list[tuple[str, str]]:
    """(label, value) lines of the counts, for the text report and the PDF."""
    return [
        (T.LABEL_OPENED, str(summary.opened)),
        (T.LABEL_SELESAI, str(summary.selesai)),
        (T.LABEL_DITOLAK, str(summary.ditolak)),
        (T.LABEL_DIBATALKAN, str(summary.dibatalkan)),
        (T.LABEL_OPEN, f"{summary.still_open} ("
         + T.LABEL_OPEN_DETAIL.format(berjalan=summary.berjalan,
                                      pelaksana=summary.menunggu_pelaksana,
                                      pemohon=summary.menunggu_pemohon) + ")"),
        (T.LABEL_WITHIN, T.WITHIN_VALUE.format(
            within=summary.steps_within, measured=summary.steps_measured,
            share=share_text(summary.within_share)) if summary.steps_measured
         else T.WITHIN_NONE),
    ]


def case_time_text(row: CaseRow) -> str:
    """ "1 jam 5 menit / 55 menit" (or "0,5 hari kerja / 5 hari kerja") — the case's
    working time against its allowance, in the unit of its mutu baku."""
    return f"{dur(row.elapsed_s, row.day_s)} / {dur(row.limit_s, row.day_s)}"


def when(value: datetime, summary: Summary) -> str:
    if summary.is_day:
        return dates.format_time(value)
    return f"{dates.format_date_short(value)} {dates.format_time(value)}"

