"""The office server on a real PostgreSQL: schema, desks, push, pull, notify."""

from __future__ import annotations

import threading

import psycopg
import pytest

from counter.sync.port import DeskInfo, SyncError
from store.sync import schema
from store.sync.server import PgServer
from tests.sync.helpers import make_event


@pytest.fixture
def server(pg_dsn: str):
    srv = PgServer(pg_dsn)
    srv.prepare()
    yield srv
    srv.close()


def test_prepare_creates_then_changes_nothing(pg_dsn: str):
    srv = PgServer(pg_dsn)
    first = srv.prepare()
    again = srv.prepare()
    assert (first.before, first.after) == (0, schema.LATEST)
    assert (again.before, again.after) == (schema.LATEST, schema.LATEST)
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM loket_schema").fetchone() == (
            len(schema.MIGRATIONS),)  # each migration recorded once


def test_a_server_without_schema_or_with_a_newer_one_is_refused(pg_dsn: str):
    srv = PgServer(pg_dsn)
    with pytest.raises(SyncError, match="loket pusat siapkan"):
        srv.pull("kantor", 0, 10)
    srv.prepare()
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO loket_schema (version) VALUES (99)")
    with pytest.raises(SyncError, match="lebih baru"):
        PgServer(pg_dsn).pull("kantor", 0, 10)


def test_desk_numbers_are_unique_within_an_office(server: PgServer):
    server.register_desk(DeskInfo("pacitan", 1, "Loket 1"), key="pc-a")
    server.register_desk(DeskInfo("pacitan", 1, "Loket Satu"), key="pc-a")  # same PC again
    with pytest.raises(SyncError, match="nomor meja 1 di kantor pacitan sudah dipakai"):
        server.register_desk(DeskInfo("pacitan", 1, "Loket 1"), key="pc-b")
    server.register_desk(DeskInfo("ngawi", 1, "Loket 1"), key="pc-b")  # another office
    server.register_desk(DeskInfo("pacitan", 5, "Kabid", ("kabid",)), key="pc-c")
    assert server.desks("pacitan") == [DeskInfo("pacitan", 1, "Loket Satu"),
                                       DeskInfo("pacitan", 5, "Kabid", ("kabid",))]


def test_pushing_twice_stores_once_and_pull_follows_the_cursor(server: PgServer):
    batch = [make_event("261125010011", "opened", prev=None),
             make_event("261125010011", "step_started", data={"step": 1})]
    assert server.push("pacitan", 1, batch).stored == 2
    assert server.push("pacitan", 1, batch).stored == 0
    later = [make_event("261125010011", "note", prev=batch[-1]["id"], data={"text": "x"})]
    assert server.push("pacitan", 1, batch + later).stored == 1
    rows = server.pull("pacitan", 0, 100)
    assert [r.event["id"] for r in rows] == [e["id"] for e in batch + later]
    assert rows[0].event == batch[0]  # the event comes back as it was pushed
    assert [r.event["id"] for r in server.pull("pacitan", rows[1].seq, 100)] == [later[0]["id"]]
    assert server.pull("pacitan", rows[-1].seq, 100) == []


def test_offices_share_a_server_without_seeing_each_other(server: PgServer):
    server.push("pacitan", 1, [make_event("261125010011", "opened", prev=None)])
    server.push("ngawi", 1, [make_event("261125010011", "opened", prev=None)])
    assert len(server.pull("pacitan", 0, 10)) == 1
    assert len(server.pull("ngawi", 0, 10)) == 1
    assert server.offices() == ["ngawi", "pacitan"]
    assert len(list(server.office_events(["ngawi", "pacitan"]))) == 2


def test_a_push_wakes_the_other_desks_of_that_office_only(pg_dsn: str, server: PgServer):
    listener = PgServer(pg_dsn)
    assert listener.wait("pacitan", 0.05, desk=2) is False  # LISTEN is now in place
    pusher = threading.Timer(0.2, lambda: server.push(
        "pacitan", 1, [make_event("261125010011", "opened", prev=None)]))
    pusher.start()
    assert listener.wait("pacitan", 5, desk=2) is True
    server.push("ngawi", 1, [make_event("261125010012", "opened", prev=None)])
    assert listener.wait("pacitan", 0.3, desk=2) is False
    pusher.join()
    listener.close()


def test_an_unreachable_server_is_a_message_without_the_password(tmp_path):
    srv = PgServer(f"postgresql://loket:rahasia123@/loket?host={tmp_path}&port=1")
    with pytest.raises(SyncError) as err:
        srv.pull("pacitan", 0, 10)
    assert "tidak dapat tersambung ke pusat" in err.value.message
    assert "rahasia123" not in str(err.value)
