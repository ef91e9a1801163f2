"""The walk-in queue across the office's desks, through the office's PostgreSQL.

Each desk keeps its own day file (`store.queue_store`) and keeps working when the
server is away; its facts are pushed (`INSERT … ON CONFLICT (id) DO NOTHING`, so
pushing twice stores once) and the other desks' facts are pulled by `server_seq`
and merged by id. Pushes of one office take an advisory lock so a reader never
skips a number (see store/sync/server.py).

An action (take, call next, recall…) runs while this desk holds the office's
advisory lock for the day (`QueueServer.exclusive`): it pulls what the other desks
did, plans on the merged day and pushes its facts before the lock is released, so
two desks pressing "berikutnya" at the same moment never call the same ticket.
Cut off from the server, a desk acts on its own queue and pushes later. Ticket
labels stay unique because each issuing point has its own series (`[antrean]
titik`, checked unique across the office's desks), so merged facts never clash.

`SyncedQueueStore` is the queue repository the app and the lobby display use when
a server is set: it syncs in a background thread twice a second, and right
before and after each action, so a call is seen by the other desks and the
display within about a second.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import psycopg

from counter.errors import LoketError
from counter.queue.events import QueueEvent
from counter.sync.dsn import where
from store.queue_store import QueueStore

CONNECT_TIMEOUT_S = 3
INTERVAL_S = 0.5


class QueueServer:
    """Push and pull one office's queue facts of a day."""

    def __init__(self, dsn: str, office: str) -> None:
        self.dsn, self.office = dsn.strip(), office or "kantor"
        self.where = where(self.dsn)
        self._conn: psycopg.Connection | None = None

    def _db(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self.dsn, autocommit=True,
                                         connect_timeout=CONNECT_TIMEOUT_S,
                                         application_name="loket-antrean")
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
            self._conn = None

    def _run(self, work: Callable[[psycopg.Connection], Any]) -> Any:
        try:
            return work(self._db())
        except psycopg.Error:
            self.close()
            raise

    @contextlib.contextmanager
    def exclusive(self, day: date) -> Iterator[None]:
        """The office's queue of `day` for this desk alone until the block ends: one
        transaction holding an advisory lock every desk's action takes first. The
        pushes and pulls inside run in that transaction (committed at the end)."""
        conn = self._db()
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))",
                             (f"loket-antrean-aksi:{self.office}:{day.isoformat()}",))
                yield
        except psycopg.Error:
            self.close()
            raise

    def push(self, day: date, events: list[QueueEvent]) -> None:
        if not events:
            return

        def work(conn: psycopg.Connection) -> None:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))",
                             ("loket-antrean:" + self.office,))
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO queue_events (id, office_id, day, desk, event) "
                        "VALUES (%s, %s, %s, %s, %s::jsonb) ON CONFLICT (id) DO NOTHING",
                        [(e["id"], self.office, day, int(e.get("desk", 0)),
                          json.dumps(e, ensure_ascii=False)) for e in events])

        self._run(work)

    def pull(self, day: date, after: int) -> tuple[list[QueueEvent], int]:
        def work(conn: psycopg.Connection) -> tuple[list[QueueEvent], int]:
            rows = conn.execute(
                "SELECT server_seq, event FROM queue_events WHERE office_id = %s AND day = %s "
                "AND server_seq > %s ORDER BY server_seq", (self.office, day, after)).fetchall()
            last = rows[-1][0] if rows else after
            return [r[1] for r in rows], int(last)

        pulled: tuple[list[QueueEvent], int] = self._run(work)
        return pulled


@dataclass(frozen=True)
class QueueSyncState:
    """What the desk shows of the queue's link: facts not yet on the server, since
    when it is unreachable and why, when it last synced (UTC)."""

    online: bool
    unsent: int
    last_sync: datetime | None
    down_since: datetime | None
    error: str


class SyncedQueueStore:
    """A `QueueStore` whose days are kept in step with the office server."""

    def __init__(self, local: QueueStore, server: QueueServer,
                 interval: float = INTERVAL_S) -> None:
        self.local, self.server, self.interval = local, server, interval
        self._lock = threading.Lock()
        self._pushed: dict[date, set[str]] = {}
        self._cursor: dict[date, int] = {}
        self.online = False
        self.last_error = ""
        self.last_sync: datetime | None = None
        self.down_since: datetime | None = None
        self._down_until = 0.0
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._days: Callable[[], date] | None = None

    # the repository's face: what QueueDesk and the lobby board call
    def station(self) -> str:
        return self.local.station()

    def path(self, day: date) -> Any:
        return self.local.path(day)

    def read(self, day: date) -> list[QueueEvent]:
        return self.local.read(day)

    def version(self, day: date) -> tuple[int, ...] | None:
        return self.local.version(day)

    def update(self, day: date, plan: Callable[[list[QueueEvent]], list[QueueEvent]]
               ) -> list[QueueEvent]:
        """Plan on the office's whole day under its lock (see the module's note); when
        the server cannot be reached, on this desk's own queue."""
        if time.monotonic() >= self._down_until:
            made: list[QueueEvent] | None = None
            pushed = set(self._pushed.get(day, set()))
            cursor = self._cursor.get(day, 0)
            try:
                with self._lock, self.server.exclusive(day):
                    self._exchange(day)  # see the other desks' calls before planning
                    made = self.local.update(day, plan)
                    self._exchange(day)  # and push this one before the lock is let go
                self._came_up()
                return made
            except BaseException as err:
                # the transaction did not commit (the server failed, or the plan was
                # refused: nobody waiting…): what it marked pushed and pulled was not,
                # so the next sync sends and reads it again (by id: stored once)
                self._pushed[day], self._cursor[day] = pushed, cursor
                if not isinstance(err, psycopg.Error):
                    raise
                self._went_down(err)
                if made is not None:
                    return made  # kept here; pushed when the server is back
        return self.local.update(day, plan)

    def merge(self, day: date, incoming: list[QueueEvent]) -> int:
        return self.local.merge(day, incoming)

    # syncing
    def sync(self, day: date) -> bool:
        """Push this desk's new facts of `day`, pull the others'; False when offline."""
        if time.monotonic() < self._down_until:
            return False
        with self._lock:
            try:
                self._exchange(day)
                self._came_up()
                return True
            except psycopg.Error as err:
                self._went_down(err)
                return False

    def _exchange(self, day: date) -> None:
        """Push this desk's facts not yet on the server, merge the others' new ones."""
        pushed = self._pushed.setdefault(day, set())
        mine = [e for e in self.local.read(day)
                if isinstance(e, dict) and e.get("id") not in pushed]
        self.server.push(day, mine)
        got, cursor = self.server.pull(day, self._cursor.get(day, 0))
        fresh = [e for e in got if e.get("id") not in pushed]
        if fresh:
            self.local.merge(day, fresh)
        pushed.update(e["id"] for e in mine)
        pushed.update(str(e.get("id")) for e in got)
        self._cursor[day] = cursor

    def _came_up(self) -> None:
        self.online, self.last_error, self.down_since = True, "", None
        self.last_sync = datetime.now(UTC)

    def _went_down(self, err: psycopg.Error) -> None:
        self.online, self.last_error = False, " ".join(str(err).split())
        if self.down_since is None:
            self.down_since = datetime.now(UTC)
        self._down_until = time.monotonic() + 5.0  # retry in the background

    def state(self, day: date) -> QueueSyncState:
        """The link as the desk shows it (the header, F6); cheap: the day file is cached."""
        pushed = self._pushed.get(day, set())
        try:
            unsent = sum(1 for e in self.local.read(day)
                         if isinstance(e, dict) and e.get("id") not in pushed)
        except LoketError:  # a damaged day file: F6 says so; the link's state still shows
            unsent = 0
        return QueueSyncState(self.online, unsent, self.last_sync, self.down_since,
                              self.last_error)

    def start(self, today: Callable[[], date]) -> SyncedQueueStore:
        """Sync today in a daemon thread every `interval` seconds."""
        if self._thread is None:
            self._days = today
            self._thread = threading.Thread(target=self._loop, name="antrean-sinkron",
                                            daemon=True)
            self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            assert self._days is not None
            with contextlib.suppress(Exception):  # a damaged day file: the screens say so
                self.sync(self._days())

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.server.close()
