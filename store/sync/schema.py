"""Versioned migrations of the server's schema: `loket pusat siapkan DSN` runs them.

Each migration runs once, in its own transaction, under an advisory lock so two
desks preparing the same server at once cannot both apply it. Running again
changes nothing. A server newer than this Loket is refused, never downgraded.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg

from counter.sync.port import SyncError
from counter.texts import sync as T

_LOCK = 7_340_117  # advisory lock key for schema changes ("loket")

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
        CREATE TABLE offices (
            id          text PRIMARY KEY,
            created_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE desks (
            office_id     text NOT NULL REFERENCES offices (id),
            desk          integer NOT NULL CHECK (desk BETWEEN 1 AND 99),
            machine_key   text NOT NULL,
            label         text NOT NULL DEFAULT '',
            roles         text[] NOT NULL DEFAULT '{}',
            registered_at timestamptz NOT NULL DEFAULT now(),
            last_seen     timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (office_id, desk)
        );
        CREATE TABLE events (
            id          text PRIMARY KEY,
            server_seq  bigserial NOT NULL UNIQUE,
            office_id   text NOT NULL REFERENCES offices (id),
            desk        integer NOT NULL,
            code        text NOT NULL,
            type        text NOT NULL,
            at          timestamptz NOT NULL,
            event       jsonb NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX events_office_seq ON events (office_id, server_seq);
        CREATE INDEX events_office_code ON events (office_id, code);
    """),
    # SKM responses: one row per desk and day holding that day's responses sorted by
    # their random id, replaced whole. No serial per response, no arrival time: the
    # row order, xmin and `rev` can only tell which desk-day changed last, never which
    # response came first (store/sync/skm.py says why each column is there).
    (2, """
        CREATE SEQUENCE skm_rev;
        CREATE TABLE skm_days (
            office_id  text NOT NULL REFERENCES offices (id),
            desk       integer NOT NULL CHECK (desk BETWEEN 1 AND 99),
            tanggal    date NOT NULL,
            responses  jsonb NOT NULL,
            rev        bigint NOT NULL,
            PRIMARY KEY (office_id, desk, tanggal)
        );
        CREATE INDEX skm_days_office_rev ON skm_days (office_id, rev);
    """),
    # 3: the walk-in queue's facts (store/sync/queue_server.py)
    (3, """
        CREATE TABLE queue_events (
            id          text PRIMARY KEY,
            server_seq  bigserial NOT NULL UNIQUE,
            office_id   text NOT NULL,
            day         date NOT NULL,
            desk        integer NOT NULL,
            event       jsonb NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX queue_events_office_day_seq ON queue_events (office_id, day, server_seq);
    """),
)
LATEST = MIGRATIONS[-1][0]


@dataclass(frozen=True)
class Prepared:
    before: int  # 0 = a new server
    after: int


def current_version(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT to_regclass('loket_schema') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    got = conn.execute("SELECT coalesce(max(version), 0) FROM loket_schema").fetchone()
    return int(got[0]) if got else 0


def prepare(conn: psycopg.Connection) -> Prepared:
    """Bring the schema to `LATEST`; `conn` must be in autocommit mode."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        conn.execute("""CREATE TABLE IF NOT EXISTS loket_schema (
                            version    integer PRIMARY KEY,
                            applied_at timestamptz NOT NULL DEFAULT now())""")
        before = current_version(conn)
        if before > LATEST:
            raise SyncError(T.SCHEMA_NEWER.format(have=before, want=LATEST))
        for version, sql in MIGRATIONS:
            if version <= before:
                continue
            conn.execute(sql)  # trusted, constant DDL
            conn.execute("INSERT INTO loket_schema (version) VALUES (%s)", (version,))
    return Prepared(before=before, after=LATEST)


def check(conn: psycopg.Connection) -> None:
    """Refuse a server whose schema this Loket does not speak."""
    have = current_version(conn)
    if have < LATEST:
        raise SyncError(T.SCHEMA_OLD.format(have=have, want=LATEST))
    if have > LATEST:
        raise SyncError(T.SCHEMA_NEWER.format(have=have, want=LATEST))
