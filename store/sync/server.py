"""The office server as the desks see it: push, pull, wait, over psycopg 3.

Push order and the pull cursor: the office's events are numbered by
`server_seq` (a bigserial). Numbers are handed out at insert, but transactions
commit in their own order, so a reader could see 11 before 10 commits and skip
10 for ever. Pushes to one office therefore take a transaction-scoped advisory
lock on the office: numbers are given and committed one push at a time, and a
row visible to a reader has every lower number of that office visible too.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg

from counter.sync.dsn import where
from counter.sync.port import DeskInfo, Event, Pulled, PushResult, SurveyDay, SyncError
from counter.texts import sync as T
from store.sync import schema, skm
from store.sync.scrub import scrub_redacted

CHANNEL = "loket_events"
BATCH = 500
CONNECT_TIMEOUT_S = 3


class PgServer:
    """`counter.sync.port.OfficeServer` on PostgreSQL; connects lazily, reconnects after
    a failure, and turns every database error into a `SyncError` without the password."""

    def __init__(self, dsn: str) -> None:
        if not dsn.strip():
            raise SyncError(T.DSN_EMPTY)
        self._dsn = dsn.strip()
        self._where = where(self._dsn)
        self._conn: psycopg.Connection | None = None
        self._listen: psycopg.Connection | None = None
        self._checked = False

    # ------------------------------------------------------------ connections

    def _connect(self, autocommit: bool) -> psycopg.Connection:
        try:
            return psycopg.connect(self._dsn, autocommit=autocommit,
                                   connect_timeout=CONNECT_TIMEOUT_S,
                                   application_name="loket")
        except psycopg.Error as exc:
            raise self._error(exc, T.CONNECT_FAILED) from None

    def _error(self, exc: BaseException, template: str) -> SyncError:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        password = _password_of(self._dsn)
        if password:
            reason = reason.replace(password, "***")
        return SyncError(template.format(where=self._where, reason=reason))

    def _db(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = self._connect(autocommit=True)
            self._checked = False
        if not self._checked:
            try:
                schema.check(self._conn)
            except psycopg.Error as exc:
                self._drop()
                raise self._error(exc, T.SERVER_FAILED) from None
            self._checked = True
        return self._conn

    def _drop(self) -> None:
        for conn in (self._conn, self._listen):
            if conn is not None:
                with contextlib.suppress(psycopg.Error):
                    conn.close()
        self._conn = self._listen = None

    def close(self) -> None:
        self._drop()

    def _run(self, work: Any) -> Any:
        """Run `work(conn)`; a lost connection or a server error becomes a `SyncError`."""
        conn = self._db()
        try:
            return work(conn)
        except psycopg.OperationalError as exc:
            self._drop()
            raise self._error(exc, T.CONNECT_FAILED) from None
        except psycopg.Error as exc:
            raise self._error(exc, T.SERVER_FAILED) from None

    # ------------------------------------------------------------ the port

    def prepare(self) -> schema.Prepared:
        """Create or upgrade the schema (`loket pusat siapkan`)."""
        conn = self._connect(autocommit=True)
        try:
            return schema.prepare(conn)
        except psycopg.Error as exc:
            raise self._error(exc, T.SERVER_FAILED) from None
        finally:
            conn.close()

    def register_desk(self, info: DeskInfo, key: str) -> None:
        def work(conn: psycopg.Connection) -> None:
            with conn.transaction():
                conn.execute("INSERT INTO offices (id) VALUES (%s) ON CONFLICT DO NOTHING",
                             (info.office,))
                conn.execute(
                    "INSERT INTO desks (office_id, desk, machine_key, label, roles) "
                    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (office_id, desk) DO NOTHING",
                    (info.office, info.desk, key, info.label, list(info.roles)))
                row = conn.execute(
                    "SELECT machine_key, label FROM desks WHERE office_id = %s AND desk = %s "
                    "FOR UPDATE", (info.office, info.desk)).fetchone()
                if row is None or row[0] != key:
                    raise SyncError(T.DESK_TAKEN.format(desk=info.desk, office=info.office,
                                                        label=(row[1] if row else "") or "-"))
                conn.execute(
                    "UPDATE desks SET label = %s, roles = %s, last_seen = now() "
                    "WHERE office_id = %s AND desk = %s",
                    (info.label, list(info.roles), info.office, info.desk))
        self._run(work)

    def desks(self, office: str) -> list[DeskInfo]:
        def work(conn: psycopg.Connection) -> list[DeskInfo]:
            rows = conn.execute("SELECT desk, label, roles FROM desks WHERE office_id = %s "
                                "ORDER BY desk", (office,)).fetchall()
            return [DeskInfo(office=office, desk=d, label=lb, roles=tuple(r)) for d, lb, r in rows]
        result: list[DeskInfo] = self._run(work)
        return result

    def push(self, office: str, desk: int, events: Sequence[Event]) -> PushResult:
        """Numbered by the server in the order given: the desk's write order, which the
        other desks' imports keep (an action's events have no other order)."""
        stored = 0
        for start in range(0, len(events), BATCH):
            stored += self._run(lambda conn, b=events[start:start + BATCH]:
                                self._push_batch(conn, office, desk, b))
        return PushResult(sent=len(events), stored=stored)

    @staticmethod
    def _push_batch(conn: psycopg.Connection, office: str, desk: int,
                    batch: Sequence[Event]) -> int:
        cols: tuple[list[Any], ...] = ([], [], [], [], [], [])
        for ev in batch:
            for col, value in zip(cols, (ev["id"], int(ev.get("desk") or desk), ev["code"],
                                         ev["type"], ev["at"],
                                         json.dumps(ev, ensure_ascii=False)), strict=True):
                col.append(value)
        with conn.transaction():
            conn.execute("INSERT INTO offices (id) VALUES (%s) ON CONFLICT DO NOTHING",
                         (office,))
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ("loket:" + office,))
            cur = conn.execute(
                "INSERT INTO events (id, office_id, desk, code, type, at, event) "
                "SELECT i, %s, d, c, t, a, e::jsonb FROM unnest("
                "%s::text[], %s::int[], %s::text[], %s::text[], %s::timestamptz[], %s::text[]"
                ") WITH ORDINALITY AS u(i, d, c, t, a, e, n) ORDER BY n "
                "ON CONFLICT (id) DO NOTHING", (office, *cols))
            stored = max(cur.rowcount, 0)
            scrub_redacted(conn, office, sorted(set(cols[2])))  # a purge reaches the server
            if stored:
                conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{office}\t{desk}"))
        return stored

    def pull(self, office: str, after: int, limit: int) -> list[Pulled]:
        def work(conn: psycopg.Connection) -> list[Pulled]:
            rows = conn.execute(
                "SELECT server_seq, event::text FROM events WHERE office_id = %s "
                "AND server_seq > %s ORDER BY server_seq LIMIT %s",
                (office, after, limit)).fetchall()
            # one parse of the whole batch: a catch-up pulls tens of thousands of small
            # documents, and decoding them one by one cost more than the import itself
            events = json.loads("[" + ",".join(text for _, text in rows) + "]")
            return [Pulled(seq=int(s), event=e) for (s, _), e in zip(rows, events, strict=True)]
        result: list[Pulled] = self._run(work)
        return result

    def wait(self, office: str, timeout: float, desk: int = 0) -> bool:
        """Block until another desk of `office` pushed, or `timeout` seconds passed."""
        try:
            if self._listen is None or self._listen.closed or self._listen.broken:
                self._listen = self._connect(autocommit=True)
                self._listen.execute(f"LISTEN {CHANNEL}")
            for note in self._listen.notifies(timeout=timeout):
                got_office, _, got_desk = note.payload.partition("\t")
                if got_office == office and got_desk != str(desk):
                    return True
            return False
        except psycopg.Error as exc:
            if self._listen is not None:
                with contextlib.suppress(psycopg.Error):
                    self._listen.close()
            self._listen = None
            raise self._error(exc, T.CONNECT_FAILED) from None

    # ------------------------------------------------------------ SKM responses

    def push_surveys(self, office: str, desk: int, responses: Sequence[Event]) -> int:
        """`store.sync.skm`: a desk's responses, merged by id into its day rows."""
        stored: int = self._run(
            lambda conn: skm.push_surveys(conn, office, desk, responses, CHANNEL))
        return stored

    def pull_surveys(self, office: str, after: int, limit: int) -> list[SurveyDay]:
        result: list[SurveyDay] = self._run(
            lambda conn: skm.pull_surveys(conn, office, after, limit))
        return result

    # ------------------------------------------------------------ reports

    def offices(self) -> list[str]:
        rows = self._run(lambda conn: conn.execute("SELECT id FROM offices ORDER BY id")
                         .fetchall())
        return [r[0] for r in rows]

    def office_events(self, offices: Sequence[str]) -> Iterator[tuple[str, Event]]:
        """Every event of the given offices (office, event), case by case."""
        def work(conn: psycopg.Connection) -> list[tuple[str, Event]]:
            rows = conn.execute(
                "SELECT office_id, event FROM events WHERE office_id = ANY(%s) "
                "ORDER BY office_id, code, server_seq", (list(offices),)).fetchall()
            return [(o, e) for o, e in rows]
        yield from self._run(work)


def _password_of(dsn: str) -> str:
    try:
        return psycopg.conninfo.conninfo_to_dict(dsn).get("password") or ""  # type: ignore[return-value]
    except psycopg.Error:
        return ""
