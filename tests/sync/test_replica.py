"""Two desks' own stores kept in step through a real PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from counter.sync.engine import Syncer
from counter.sync.port import DeskInfo
from store import open_store
from store.replica import Replica
from store.sync.server import PgServer
from tests.sync.helpers import T0, WIB, make_event, replica_of

CODE = "261125010015"


def desk_at(base: Path, dsn: str, number: int, office: str = "pacitan") -> Syncer:
    store = open_store(base / f"desk{number}" / "store", WIB)
    replica = Replica(store)
    return Syncer(PgServer(dsn), replica, DeskInfo(office, number, f"Loket {number}"),
                  replica.key(), now=lambda: datetime.now(WIB))


@pytest.fixture
def prepared(pg_dsn: str) -> str:
    PgServer(pg_dsn).prepare()
    return pg_dsn


def test_events_made_at_one_desk_reach_the_other_once(tmp_path: Path, prepared: str):
    one, two = desk_at(tmp_path, prepared, 1), desk_at(tmp_path, prepared, 2)
    opened = make_event(CODE, "opened", prev=None)
    started = make_event(CODE, "step_started", data={"step": 1})
    for ev in (opened, started):
        replica_of(one).store.append(ev)
    assert one.replica.unpushed_count() == 2
    assert one.sync_once().pushed == 2
    assert one.replica.unpushed_count() == 0
    assert one.sync_once().pushed == 0  # nothing new: nothing sent again

    assert two.sync_once().pulled == 2
    got = replica_of(two).store.events(CODE)
    assert [e["id"] for e in got] == [opened["id"], started["id"]]
    assert replica_of(two).store.open_codes() == [CODE]  # on the other desk's dashboard
    assert two.replica.unpushed_count() == 0  # imported events are never pushed back

    note = make_event(CODE, "note", desk=2, prev=started["id"], data={"text": "cek"},
                      at=T0.replace(minute=5))
    replica_of(two).store.append(note)
    two.sync_once()
    one.sync_once()
    assert [e["id"] for e in replica_of(one).store.events(CODE)] == [
        opened["id"], started["id"], note["id"]]


def test_a_cursor_lost_behind_the_events_pulls_again_without_duplicates(
        tmp_path: Path, prepared: str):
    one, two = desk_at(tmp_path, prepared, 1), desk_at(tmp_path, prepared, 2)
    replica_of(one).store.append(make_event(CODE, "opened", prev=None))
    one.sync_once()
    two.sync_once()
    replica_of(two).path.unlink()  # as if the cursor had not been saved after the import
    replica_of(two)._day_of.clear()
    assert two.sync_once().pulled == 0
    assert len(replica_of(two).store.events(CODE)) == 1


def test_a_desk_keeps_working_while_the_server_is_away(tmp_path: Path, prepared: str):
    one = desk_at(tmp_path, prepared, 1)
    one.server = PgServer(prepared.replace("port=", "port=1"))  # nothing listens there
    replica_of(one).store.append(make_event(CODE, "opened", prev=None))
    with pytest.raises(Exception, match="tidak dapat tersambung"):
        one.sync_once()
    state = one.snapshot()
    assert (state.connected, state.unsent) == (False, 1)
    assert state.down_since is not None
    one.server = PgServer(prepared)
    one.sync_once()
    assert one.snapshot().connected and one.snapshot().unsent == 0


def test_an_import_into_a_day_with_unsent_local_events_leaves_them_to_push(
        tmp_path: Path, prepared: str):
    """The import marks a day as fully pushed only when it is (the catch-up skips the
    re-scan of such days); a local event written before the import still goes out."""
    one, two = desk_at(tmp_path, prepared, 1), desk_at(tmp_path, prepared, 2)
    replica_of(one).store.append(make_event(CODE, "opened", prev=None))
    one.sync_once()
    other = "261125020010"
    local = make_event(other, "opened", desk=2, prev=None)
    replica_of(two).store.append(local)
    rows = two.server.pull("pacitan", 0, 100)
    assert two.replica.import_pulled([r.event for r in rows], rows[-1].seq) == 1
    assert [e["id"] for e in two.replica.unpushed(10)] == [local["id"]]
    assert two.sync_once().pushed == 1
    assert one.sync_once().pulled == 1
    assert two.replica.unpushed_count() == 0
