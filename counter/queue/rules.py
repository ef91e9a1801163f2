"""The queue's rules: a day's facts folded into tickets, and the plans that make
the next facts (take, call next, recall, no-show, transfer, link to a case).

Order: the oldest ticket first, by the time it was taken (a transferred ticket
keeps its place by that time, so a visitor sent on is not put at the back).
A ticket transferred to a desk is called only by that desk. Calling next while
this desk still has a called ticket ends that one (`selesai`) first, as a counter
officer moving on means the visitor was dealt with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from counter.errors import LoketError
from counter.queue import events as E
from counter.queue.events import QueueEvent
from counter.queue.settings import QueueSettings
from counter.texts import queue as T

MAX_NUMBER = 999
WAITING, CALLED, SERVING, DONE, NO_SHOW, LEFT = (
    "menunggu", "dipanggil", "dilayani", "selesai", "tidak_hadir", "pergi")
FINISHED = (DONE, NO_SHOW, LEFT)


class QueueError(LoketError):
    """A queue action that cannot be done now (nobody waiting, too few calls…)."""


@dataclass(frozen=True)
class Call:
    id: str
    at: datetime
    desk: int
    label: str


@dataclass
class Ticket:
    label: str
    group: str
    number: int
    point: str
    taken_at: datetime
    status: str = WAITING
    calls: list[Call] = field(default_factory=list)
    calls_since_transfer: int = 0
    desk: int | None = None  # the desk that called it last
    for_desk: int | None = None  # transferred to this desk: only it may call
    code: str = ""  # the case opened for it
    station: str = ""  # the data folder (PC) that issued it; "" unknown
    issuer: int = 0  # the desk that issued it (0: a kiosk or ticket button)
    ended_at: datetime | None = None
    ended_by: int = 0  # the desk that recorded the end (0: a kiosk, the CLI)

    @property
    def first_call(self) -> datetime | None:
        return self.calls[0].at if self.calls else None

    @property
    def wait_seconds(self) -> float | None:
        """Ticket → first call: the waiting time the office is measured by."""
        first = self.first_call
        return (first - self.taken_at).total_seconds() if first else None


@dataclass
class QueueDay:
    tickets: dict[str, Ticket] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def waiting(self, group: str | None = None) -> list[Ticket]:
        out = [t for t in self.tickets.values() if t.status == WAITING
               and (group is None or t.group == group)]
        # by the time taken; tickets taken in one millisecond keep the order their facts
        # were folded in (by time, then id: `fold`), not their labels' order
        return sorted(out, key=lambda t: t.taken_at)

    def current(self, desk: int) -> Ticket | None:
        """The ticket this desk called last and has not finished."""
        for call in reversed(self.calls):
            if call.desk == desk:
                t = self.tickets.get(call.label)
                if t is not None and t.desk == desk and t.status in (CALLED, SERVING):
                    return t
                return None
        return None

    def last_calls(self, n: int = 6) -> list[Call]:
        """The latest calls, newest first, each ticket once (a recall moves it up)."""
        out: list[Call] = []
        seen: set[str] = set()
        for call in reversed(self.calls):
            if call.label not in seen:
                seen.add(call.label)
                out.append(call)
                if len(out) == n:
                    break
        return out


def _when(raw: QueueEvent) -> datetime:
    return datetime.fromisoformat(raw["at"])


def fold(raw_events: Iterable[QueueEvent]) -> QueueDay:
    """A day's facts (any order, from any desk) → its tickets; bad facts are listed."""
    day = QueueDay()
    good: list[QueueEvent] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_events):
        why = E.check(raw)
        if why is not None:
            day.problems.append(f"catatan ke-{i + 1}: {why}")
        elif raw["id"] not in seen:
            seen.add(raw["id"])
            good.append(raw)
    good.sort(key=lambda r: (_when(r), r["id"]))
    for raw in good:
        _apply(day, raw)
    return day


def _apply(day: QueueDay, raw: QueueEvent) -> None:
    kind, label, at, desk, data = raw["type"], raw["ticket"], _when(raw), raw["desk"], raw["data"]
    if kind == "diambil":
        if label in day.tickets:  # two PCs issuing one series (same `titik`)
            day.problems.append(T.TAKEN_TWICE.format(label=label))
            return
        day.tickets[label] = Ticket(label, data["group"], data["number"],
                                    str(data.get("point", "")), at,
                                    station=str(data.get("pc", "")), issuer=desk)
        return
    t = day.tickets.get(label)
    if t is None:
        day.problems.append(f"{label}: {kind} untuk nomor yang tidak diambil")
        return
    if kind == "dipanggil":
        call = Call(raw["id"], at, desk, label)
        t.calls.append(call)
        t.calls_since_transfer += 1
        day.calls.append(call)
        t.status, t.desk = CALLED, desk
    elif kind == "dilayani":
        t.status, t.code = SERVING, str(data.get("code", ""))
    elif kind == "dialihkan":
        t.status, t.calls_since_transfer = WAITING, 0
        t.group = str(data.get("group") or t.group)
        t.for_desk = data.get("to_desk")
    elif kind in FINISHED:
        t.status, t.ended_at, t.ended_by = kind, at, desk


# ------------------------------------------------------------------ labels


def label_of(group: str, point: str, number: int) -> str:
    """"A-007" on a single issuing point; "A2-007" for issuing point 2."""
    return f"{group}{point}-{number:03d}"


def next_number(day: QueueDay, group: str, point: str) -> int:
    used = [t.number for t in day.tickets.values()
            if t.label.startswith(f"{group}{point}-")]
    return max(used, default=0) + 1


# ------------------------------------------------------------------ plans


def point_clash(day: QueueDay, point: str, station: str) -> Ticket | None:
    """A ticket of this issuing point another PC (data folder) issued today, or None.
    Two PCs on one series would print the same numbers once cut off from each other,
    so the second one is refused until its `titik` is changed."""
    if not station:
        return None
    return next((t for t in day.tickets.values()
                 if t.point == point and t.station and t.station != station), None)


def plan_take(day: QueueDay, settings: QueueSettings, group: str, at: datetime,
              desk: int = 0, station: str = "") -> QueueEvent:
    """A ticket of the next number of `group` in this issuing point's series;
    `station` names the issuing PC's data folder (recorded to find two PCs on one
    series; "" records nothing)."""
    other = point_clash(day, settings.point, station)
    if other is not None:
        where = (T.POINT_AT_DESK.format(desk=other.issuer) if other.issuer
                 else T.POINT_AT_KIOSK)
        raise QueueError(T.POINT_TAKEN.format(point=settings.point or T.POINT_EMPTY,
                                              other=where, label=other.label),
                         path=settings.source or None, line=settings.point_line,
                         field="antrean.titik")
    g = settings.group(group)
    if g is None:
        raise QueueError(T.UNKNOWN_GROUP.format(
            kode=group, choices=", ".join(f"{x.kode} ({x.nama})" for x in settings.groups)),
            field="grup")
    number = next_number(day, g.kode, settings.point)
    if number > MAX_NUMBER:
        raise QueueError(T.DAY_FULL.format(kode=g.kode), field="grup")
    extra = {"pc": station} if station else {}
    return E.make("diambil", label_of(g.kode, settings.point, number), at, desk,
                  group=g.kode, number=number, point=settings.point, **extra)


def _callable(day: QueueDay, desk: int, groups: Sequence[str]) -> list[Ticket]:
    return [t for t in day.waiting() if (t.for_desk == desk)
            or (t.for_desk is None and t.group in groups)]


def plan_call_next(day: QueueDay, desk: int, groups: Sequence[str],
                   at: datetime) -> list[QueueEvent]:
    """End this desk's called ticket (if any), then call the oldest it may call."""
    candidates = _callable(day, desk, groups)
    if not candidates:
        raise QueueError(T.NOBODY_WAITING)
    out: list[QueueEvent] = []
    current = day.current(desk)
    if current is not None:
        out.append(E.make("selesai", current.label, at, desk))
    out.append(E.make("dipanggil", candidates[0].label, at, desk))
    return out


def plan_recall(day: QueueDay, desk: int, at: datetime) -> QueueEvent:
    current = day.current(desk)
    if current is None or current.status != CALLED:
        raise QueueError(T.NOTHING_CALLED)
    return E.make("dipanggil", current.label, at, desk)


def plan_no_show(day: QueueDay, desk: int, max_calls: int, at: datetime) -> QueueEvent:
    current = day.current(desk)
    if current is None or current.status != CALLED:
        raise QueueError(T.NOTHING_CALLED)
    if current.calls_since_transfer < max_calls:
        raise QueueError(T.TOO_FEW_CALLS.format(label=current.label,
                                                calls=current.calls_since_transfer,
                                                max=max_calls))
    return E.make("tidak_hadir", current.label, at, desk)


def plan_transfer(day: QueueDay, settings: QueueSettings, desk: int, at: datetime, *,
                  group: str | None = None, to_desk: int | None = None) -> QueueEvent:
    current = day.current(desk)
    if current is None:
        raise QueueError(T.NOTHING_CALLED)
    if group is not None:
        g = settings.group(group)
        if g is None:
            raise QueueError(T.UNKNOWN_GROUP.format(
                kode=group, choices=", ".join(x.kode for x in settings.groups)), field="grup")
        if g.kode == current.group and to_desk is None:
            raise QueueError(T.SAME_GROUP.format(label=current.label, kode=g.kode))
        return E.make("dialihkan", current.label, at, desk, group=g.kode, to_desk=to_desk)
    return E.make("dialihkan", current.label, at, desk, group=current.group, to_desk=to_desk)


def plan_link(day: QueueDay, desk: int, code: str, at: datetime) -> QueueEvent | None:
    """A case opened at this desk belongs to the ticket it called (None: no ticket)."""
    current = day.current(desk)
    if current is None or current.status != CALLED:
        return None
    return E.make("dilayani", current.label, at, desk, code=code)


def plan_left(day: QueueDay, label: str, at: datetime, desk: int = 0) -> QueueEvent:
    """The visitor of a waiting or called ticket left without service (counted apart
    from no-shows: nobody answered the calls vs. someone gave up waiting)."""
    t = day.tickets.get(label.strip().upper())
    if t is None:
        raise QueueError(T.UNKNOWN_TICKET.format(label=label))
    if t.status not in (WAITING, CALLED):
        raise QueueError(T.CANNOT_LEAVE.format(label=t.label, status=T.STATUS[t.status]))
    return E.make("pergi", t.label, at, desk)


def ahead_of(day: QueueDay, label: str) -> int:
    """How many of the ticket's group wait before it."""
    t = day.tickets[label]
    return sum(1 for w in day.waiting(t.group) if (w.taken_at, w.label) < (t.taken_at, t.label))
