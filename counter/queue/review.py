"""The day's queue in figures, for the daily log and reports: tickets per group and
hour, waiting time (ticket → first call) median and p90 per group, per desk and per
hour, tickets served, no-shows, visitors who left without service, the longest
waits, and the service time (call → tutup) of the tickets whose case was closed.

A ticket still waiting when the day is over counts as having left without service.
A ticket belongs to the desk that called it last (the one that dealt with it); one
that left before any call, to the desk that recorded it (0: none).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from counter.queue import rules as R
from counter.queue.settings import QueueSettings

SERVED = (R.SERVING, R.DONE)  # a case opened for it, or the desk dealt with it


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..1): a figure that is one of the real waits."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class GroupFigures:
    kode: str
    nama: str
    tickets: int
    called: int
    wait_median: float | None
    wait_p90: float | None
    no_show: int
    left: int
    waiting: int
    service_median: float | None
    served: int = 0


@dataclass(frozen=True)
class DeskFigures:
    desk: int  # 0: tickets that left before any desk called them
    called: int
    wait_median: float | None
    wait_p90: float | None
    served: int
    no_show: int
    left: int
    service_median: float | None


@dataclass(frozen=True)
class LongWait:
    label: str
    group: str
    taken_at: datetime
    seconds: float
    still_waiting: bool


@dataclass(frozen=True)
class QueueReview:
    groups: tuple[GroupFigures, ...]
    per_hour: tuple[tuple[int, tuple[int, ...]], ...]  # (hour, counts in group order)
    longest: tuple[LongWait, ...]
    total: int
    desks: tuple[DeskFigures, ...] = ()
    hour_waits: tuple[tuple[int, float | None], ...] = ()  # (hour taken, median wait)

    @property
    def empty(self) -> bool:
        return self.total == 0


def review_day(day: R.QueueDay, settings: QueueSettings, *, now: datetime,
               closed_at: Callable[[str], datetime | None] = lambda code: None,
               longest: int = 5) -> QueueReview:
    """`day` may hold several days' tickets (a week's log); a ticket of a day before
    `now`'s still waiting has left. `closed_at(code)` tells when a linked case was
    closed (None while open)."""

    def over(t: R.Ticket) -> bool:
        return t.taken_at.date() < now.date()

    kodes = [g.kode for g in settings.groups]
    kodes += sorted({t.group for t in day.tickets.values()} - set(kodes))
    names = {g.kode: g.nama for g in settings.groups}
    def service(t: R.Ticket) -> float | None:
        closed = closed_at(t.code) if t.code else None
        if closed is None or not t.calls:
            return None
        return (closed - t.calls[-1].at).total_seconds()

    def gone(t: R.Ticket) -> bool:
        return t.status == R.LEFT or (t.status == R.WAITING and over(t))

    figures = []
    for kode in kodes:
        ts = [t for t in day.tickets.values() if t.group == kode]
        waits = [w for t in ts if (w := t.wait_seconds) is not None]
        services = [x for t in ts if (x := service(t)) is not None]
        figures.append(GroupFigures(
            kode, names.get(kode, kode), len(ts), len(waits), percentile(waits, 0.5),
            percentile(waits, 0.9), sum(1 for t in ts if t.status == R.NO_SHOW),
            sum(1 for t in ts if gone(t)),
            sum(1 for t in ts if t.status == R.WAITING and not over(t)),
            percentile(services, 0.5), sum(1 for t in ts if t.status in SERVED)))
    desks: dict[int, list[R.Ticket]] = {}
    for t in day.tickets.values():
        owner = t.desk if t.desk else (t.ended_by if gone(t) else None)
        if owner is not None:
            desks.setdefault(owner, []).append(t)
    desk_rows = []
    for no, ts in sorted(desks.items()):
        waits = [w for t in ts if (w := t.wait_seconds) is not None]
        services = [x for t in ts if (x := service(t)) is not None]
        desk_rows.append(DeskFigures(
            no, len(waits), percentile(waits, 0.5), percentile(waits, 0.9),
            sum(1 for t in ts if t.status in SERVED),
            sum(1 for t in ts if t.status == R.NO_SHOW), sum(1 for t in ts if gone(t)),
            percentile(services, 0.5)))
    hours: dict[int, list[int]] = {}
    hour_waits: dict[int, list[float]] = {}
    for t in day.tickets.values():
        row = hours.setdefault(t.taken_at.hour, [0] * len(kodes))
        row[kodes.index(t.group)] += 1
        if t.wait_seconds is not None:
            hour_waits.setdefault(t.taken_at.hour, []).append(t.wait_seconds)
    longs = []
    for t in day.tickets.values():
        if t.wait_seconds is not None:
            longs.append(LongWait(t.label, t.group, t.taken_at, t.wait_seconds, False))
        elif t.status == R.WAITING and not over(t):
            longs.append(LongWait(t.label, t.group, t.taken_at,
                                  (now - t.taken_at).total_seconds(), True))
    longs.sort(key=lambda x: -x.seconds)
    return QueueReview(
        tuple(figures), tuple((h, tuple(c)) for h, c in sorted(hours.items())),
        tuple(longs[:longest]), len(day.tickets), tuple(desk_rows),
        tuple((h, percentile(hour_waits.get(h, []), 0.5)) for h in sorted(hours)))


def minutes(seconds: float | None) -> str:
    """'12 mnt', '1 jam 05 mnt', '-' for no figure."""
    if seconds is None:
        return "-"
    m = round(seconds / 60)
    if m < 60:
        return f"{m} mnt"
    return f"{m // 60} jam {m % 60:02d} mnt"


Table = tuple[str, tuple[str, ...], list[tuple[str, ...]]]


def review_tables(review: QueueReview) -> list[Table]:
    """The review as titled tables of text (the CLI, the daily log and reports share them)."""
    from counter.texts import queue as T

    Row = tuple[str, ...]
    waits: list[Row] = [
        (g.kode + " " + g.nama, str(g.tickets), str(g.called), minutes(g.wait_median),
         minutes(g.wait_p90), str(g.served), str(g.no_show), str(g.left), str(g.waiting))
        for g in review.groups if g.tickets]
    desks: list[Row] = [
        (T.REVIEW_DESK_NAME.format(desk=d.desk) if d.desk else T.REVIEW_NO_DESK,
         str(d.called), minutes(d.wait_median), minutes(d.wait_p90), str(d.served),
         str(d.no_show), str(d.left), minutes(d.service_median))
        for d in review.desks]
    kodes = tuple(g.kode for g in review.groups)
    hour_wait = dict(review.hour_waits)
    hours: list[Row] = [(f"{h:02d}.00", *(str(n) for n in counts), minutes(hour_wait.get(h)))
                        for h, counts in review.per_hour]
    longs: list[Row] = [
        (w.label, w.group, w.taken_at.strftime("%H.%M"),
         minutes(w.seconds) + (T.REVIEW_STILL_WAITING if w.still_waiting else ""))
        for w in review.longest]
    service: list[Row] = [(g.kode + " " + g.nama, minutes(g.service_median))
                          for g in review.groups if g.service_median is not None]
    tables: list[Table] = [
        (T.REVIEW_WAIT, tuple(T.REVIEW_WAIT_COLUMNS), waits),
        (T.REVIEW_PER_DESK, tuple(T.REVIEW_DESK_COLUMNS), desks),
        (T.REVIEW_PER_HOUR, (T.REVIEW_HOUR, *kodes, T.REVIEW_HOUR_WAIT), hours),
        (T.REVIEW_LONGEST, tuple(T.REVIEW_LONGEST_COLUMNS), longs),
    ]
    if service:
        tables.append((T.REVIEW_SERVICE, tuple(T.REVIEW_SERVICE_COLUMNS), service))
    return tables
