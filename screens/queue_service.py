"""What the app, the CLI and the lobby display share about the queue: where it is
kept, this desk's `QueueDesk`, and a ticket taken and printed. Textual-free, so the
CLI stays fast."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from counter.config import Paths, Profile
from counter.queue.service import QueueDesk, Taken
from counter.queue.settings import QueueSettings, load_queue_settings
from counter.queue.ticket_paper import TicketData
from counter.queue.ticket_print import TicketIssued, issue_ticket
from counter.receipt.data import Letterhead
from store.queue_store import QueueStore

_STORES: dict[str, QueueStore] = {}


def queue_store(paths: Paths) -> QueueStore:
    """One store object per folder in a process (it caches the day's file)."""
    key = str(paths.store_dir)
    if key not in _STORES:
        _STORES[key] = QueueStore(paths.store_dir)
    return _STORES[key]


def queue_settings(paths: Paths) -> QueueSettings:
    return load_queue_settings(paths.config_file)


def queue_desk(paths: Paths, profile: Profile, desk: int | None = None,
               now: Callable[[], datetime] | None = None,
               settings: QueueSettings | None = None) -> QueueDesk:
    return QueueDesk(queue_store(paths), settings or queue_settings(paths),
                     profile.desk if desk is None else desk,
                     now or (lambda: datetime.now(profile.tz)))


def print_ticket(paths: Paths, profile: Profile, taken: Taken, *,
                 print_fn: Any = None) -> TicketIssued:
    """The ticket's PDF kept under cetak/antrean/, printed on the profile's printer."""
    data = TicketData(taken.label, taken.group_name, taken.taken_at, taken.ahead,
                      Letterhead(profile.instansi, profile.unit, profile.alamat,
                                 profile.telepon, profile.logo), demo=profile.demo)
    paper = profile.paper if profile.paper in ("58mm", "80mm") else "80mm"
    return issue_ticket(data, paper=paper, dpi=profile.dpi, pdf_dir=paths.pdf_dir,
                        printer=profile.printer, printer_kind=profile.printer_kind,
                        print_fn=print_fn)


def closed_times(store: Any, codes: list[str]) -> dict[str, datetime]:
    """When each linked case was closed (the `closed` event's time); open ones absent."""
    out: dict[str, datetime] = {}
    if not codes:
        return out
    try:
        found = store.events_of(codes)
    except Exception:  # a damaged case day: the queue review still shows its waits
        return out
    for code, events in found.items():
        for e in events:
            if e.get("type") == "closed":
                out[code] = datetime.fromisoformat(e["at"])
    return out


def review_of(paths: Paths, profile: Profile, store: Any, day: Any,
              now: datetime | None = None) -> Any:
    """The queue review of `day` (a `counter.queue.review.QueueReview`)."""
    from counter.queue import rules as R
    from counter.queue.review import review_day

    now = now or datetime.now(profile.tz)
    queue = R.fold(queue_store(paths).read(day))
    closed = closed_times(store, [t.code for t in queue.tickets.values() if t.code])
    return review_day(queue, queue_settings(paths), now=now, over=day < now.date(),
                      closed_at=closed.get)
