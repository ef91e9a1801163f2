"""What the app, the CLI and the lobby display share about the queue: where it is
kept, this desk's `QueueDesk`, and a ticket taken and printed. Textual-free, so the
CLI stays fast."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from counter.config import Paths, Profile
from counter.queue.service import QueueDesk, Taken
from counter.queue.settings import QueueSettings, load_queue_settings
from store.queue_store import QueueStore

if TYPE_CHECKING:  # printing (reportlab) is imported when a ticket is printed, not by a report
    from counter.queue.ticket_print import TicketIssued

_STORES: dict[str, QueueStore] = {}


def queue_store(paths: Paths) -> QueueStore:
    """One store object per folder in a process (it caches the day's file)."""
    key = str(paths.store_dir)
    if key not in _STORES:
        _STORES[key] = QueueStore(paths.store_dir)
    return _STORES[key]


_SYNCED: dict[str, Any] = {}


def queue_repo(paths: Paths, profile: Profile) -> Any:
    """The local queue store; with an office server set (`[pusat] dsn`), the same
    store kept in step with the other desks in a background thread."""
    dsn = profile.pusat.effective_dsn
    if not dsn:
        return queue_store(paths)
    key = f"{paths.store_dir}|{dsn}"
    if key not in _SYNCED:
        from store.sync.queue_server import QueueServer, SyncedQueueStore

        synced = SyncedQueueStore(queue_store(paths), QueueServer(dsn, profile.pusat.kantor))
        _SYNCED[key] = synced.start(lambda: datetime.now(profile.tz).date())
    return _SYNCED[key]


def queue_sync_state(paths: Paths, profile: Profile, day: date) -> Any:
    """The queue's link to the office server for the header and F6 (a
    `QueueSyncState`), or None: no server set, or this desk has not used the queue
    yet (the header never starts the queue's syncing by itself)."""
    dsn = profile.pusat.effective_dsn
    synced = _SYNCED.get(f"{paths.store_dir}|{dsn}") if dsn else None
    return synced.state(day) if synced is not None else None


def pull_office_queue(paths: Paths, profile: Profile, first: date, last: date) -> str:
    """Bring the office's queue of first..last into this PC's store once (the CLI's
    listing and report read it after); "" when in step or no server is set, else why
    the server could not be reached (the figures are then this PC's alone)."""
    dsn = profile.pusat.effective_dsn
    if not dsn:
        return ""
    from store.sync.queue_server import QueueServer, SyncedQueueStore

    synced = SyncedQueueStore(queue_store(paths), QueueServer(dsn, profile.pusat.kantor))
    try:
        day = first
        while day <= last:
            if not synced.sync(day):
                return synced.last_error or "?"
            day += timedelta(days=1)
    finally:
        synced.server.close()
    return ""


def stop_queue_sync() -> None:
    """End every queue-syncing thread of this process (a test's end, the app's exit)."""
    while _SYNCED:
        _, synced = _SYNCED.popitem()
        synced.stop()


def queue_settings(paths: Paths) -> QueueSettings:
    return load_queue_settings(paths.config_file)


def queue_desk(paths: Paths, profile: Profile, desk: int | None = None,
               now: Callable[[], datetime] | None = None,
               settings: QueueSettings | None = None) -> QueueDesk:
    return QueueDesk(queue_repo(paths, profile), settings or queue_settings(paths),
                     profile.desk if desk is None else desk,
                     now or (lambda: datetime.now(profile.tz)),
                     station=queue_store(paths).station())


def print_ticket(paths: Paths, profile: Profile, taken: Taken, *,
                 print_fn: Any = None) -> TicketIssued:
    """The ticket's PDF kept under cetak/antrean/, printed on the profile's printer."""
    from counter.queue.ticket_paper import TicketData
    from counter.queue.ticket_print import issue_ticket
    from counter.receipt.data import Letterhead

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


def review_of(paths: Paths, profile: Profile, store: Any, first: date,
              last: date | None = None, now: datetime | None = None) -> Any:
    """The queue review of the days first..last (a `counter.queue.review.QueueReview`)."""
    from counter.queue import rules as R
    from counter.queue.review import review_day

    now = now or datetime.now(profile.tz)
    queues = queue_store(paths)
    combined = R.QueueDay()
    day = first
    while day <= (last or first):
        folded = R.fold(queues.read(day))
        combined.tickets.update({f"{day}:{k}": t for k, t in folded.tickets.items()})
        combined.problems += [f"{day}: {p}" for p in folded.problems]
        day += timedelta(days=1)
    closed = closed_times(store, [t.code for t in combined.tickets.values() if t.code])
    return review_day(combined, queue_settings(paths), now=now, closed_at=closed.get)


def with_queue(summary: Any, paths: Paths, profile: Profile, store: Any,
               now: datetime | None = None, pull: bool = True) -> Any:
    """`summary` (a `counter.report.Summary`) with the period's queue review attached
    for the XLSX/PDF exports; unchanged when the period had no tickets. A damaged
    queue file does not stop the report: its queue section names the damage. `pull`:
    with an office server, the other desks' facts first (cut off, the report says
    its queue figures are this PC's alone)."""
    from dataclasses import replace

    from counter.errors import LoketError
    from counter.queue.review import review_tables
    from counter.texts import queue as T

    why = pull_office_queue(paths, profile, summary.first, summary.last) if pull else ""
    note = ((T.REVIEW_NOTE, (T.REVIEW_NOTE,), ((T.CLI_OFFLINE.format(error=why),),)),) \
        if why else ()
    try:
        review = review_of(paths, profile, store, summary.first, summary.last, now=now)
    except LoketError as err:
        return replace(summary, queue=((T.REVIEW_UNREADABLE, (T.REVIEW_PROBLEM,),
                                        ((str(err),),)),))
    if review.empty:
        return summary
    tables = tuple((title, tuple(header), tuple(tuple(r) for r in rows))
                   for title, header, rows in review_tables(review) if rows)
    return replace(summary, queue=note + tables)


def queue_desk_of(app: Any) -> QueueDesk:
    """The app's queue service for the desk on duty (made once per desk number)."""
    desk_no = app.desk_no or (app.profile.desk if app.profile else 1)
    cached = getattr(app, "_queue_desk", None)
    if cached is None or cached.desk != desk_no:
        cached = queue_desk(app.paths, app.profile, desk_no, now=app.now)
        app._queue_desk = cached
    return cached


def link_opened_case(app: Any, code: str) -> None:
    """A case opened at this desk serves the ticket it called: record the link and say
    so (no ticket called: nothing to link). Never stops the case from opening."""
    from counter.errors import LoketError
    from counter.texts import queue as T

    if app.profile is None:
        return
    try:
        ticket = queue_desk_of(app).link_case(code)
    except LoketError as err:
        app.notify(str(err), severity="warning")
        return
    if ticket is not None:
        from counter.codes import human

        app.notify(T.LINKED.format(code=human(code), label=ticket.label))


def open_lobby_display(app: Any) -> None:
    """Serve the lobby display from this desk when `[antrean] layar` names a port."""
    from counter.errors import LoketError

    if getattr(app, "_lobby_server", None) is not None or app.profile is None:
        return
    try:
        settings = queue_settings(app.paths)
    except LoketError as err:
        app.notify(str(err), severity="error", timeout=15)
        return
    if not settings.display_port:
        return
    from screens.web.lobby_server import LobbyBoard, LobbyServer

    board = LobbyBoard(queue_repo(app.paths, app.profile), settings, lambda: app.now().date(),
                       title=app.profile.unit, zone=app.profile.tz.key)
    try:
        app._lobby_server = LobbyServer(board, "0.0.0.0", settings.display_port).start()
    except OSError as err:
        from counter.texts import queue as T

        app.notify(T.DISPLAY_PORT_BUSY.format(port=settings.display_port, error=err),
                   severity="warning", timeout=10)
