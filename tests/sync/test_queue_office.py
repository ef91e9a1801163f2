"""The queue across two desks through a real PostgreSQL: tickets of two issuing
points, calls seen by the other desk and its lobby display, a call never taken twice
while the server is up, pushing twice storing once, and a desk working on while cut
off, catching up when it returns."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest

from counter.queue import rules as R
from counter.queue.service import QueueDesk
from counter.queue.settings import Group, QueueSettings
from screens.web.lobby_server import LobbyBoard
from store.queue_store import QueueStore
from store.sync.queue_server import QueueServer, SyncedQueueStore
from store.sync.server import PgServer

WIB = ZoneInfo("Asia/Jakarta")
GROUPS = (Group("A", "Konsultasi"), Group("B", "Perizinan"))


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 30, 8, 0, tzinfo=WIB)

    def __call__(self) -> datetime:
        self.t += timedelta(seconds=5)
        return self.t


def desk_on(tmp: Path, dsn: str, no: int, clock: Clock) -> tuple[QueueDesk, SyncedQueueStore]:
    repo = SyncedQueueStore(QueueStore(tmp / f"pc{no}" / "store"), QueueServer(dsn, "dinas"))
    settings = QueueSettings(groups=GROUPS, point=str(no))
    return QueueDesk(repo, settings, no, clock), repo


def test_two_desks_share_one_queue_through_the_server(tmp_path: Path, pg_dsn: str) -> None:
    PgServer(pg_dsn).prepare()
    clock = Clock()
    d1, r1 = desk_on(tmp_path, pg_dsn, 1, clock)
    d2, r2 = desk_on(tmp_path, pg_dsn, 2, clock)
    assert [d1.take("A").label, d2.take("A").label, d1.take("B").label] == [
        "A1-001", "A2-001", "B1-001"]
    # each desk calls the office's oldest ticket; never the one the other desk called
    assert d2.call_next().label == "A1-001"
    assert d1.call_next().label == "A2-001"
    assert d2.call_next().label == "B1-001"
    day = clock.t.date()
    r1.sync(day)
    one, two = d1.today(), d2.today()
    assert set(one.tickets) == set(two.tickets) == {"A1-001", "A2-001", "B1-001"}
    assert [(c.label, c.desk) for c in one.last_calls()] == [
        ("B1-001", 2), ("A2-001", 1), ("A1-001", 2)]
    # desk 1's lobby display (its own data folder) shows desk 2's call
    board = LobbyBoard(r1, QueueSettings(groups=GROUPS), lambda: day)
    assert board.state()["panggil"]["nomor"] == "B1-001"
    assert board.state()["panggil"]["loket"] == 2
    # pushing everything again stores nothing twice
    r1.server.push(day, r1.read(day))
    with psycopg.connect(pg_dsn) as conn:
        count = conn.execute("SELECT count(*) FROM queue_events").fetchone()
    assert count is not None and count[0] == len(r1.read(day)) == len(r2.read(day))


def test_a_desk_cut_off_keeps_its_queue_and_catches_up(tmp_path: Path, pg_dsn: str) -> None:
    PgServer(pg_dsn).prepare()
    clock = Clock()
    d1, r1 = desk_on(tmp_path, pg_dsn, 1, clock)
    d2, r2 = desk_on(tmp_path, pg_dsn, 2, clock)
    d1.take("A")
    good = r2.server.dsn
    r2.server.dsn = "postgresql://127.0.0.1:1/nowhere"  # the cable is out at desk 2
    r2.server.close()
    assert d2.take("A").label == "A2-001"  # works on alone, its own series
    assert not r2.online and r2.last_error
    assert d2.call_next().label == "A2-001"  # it only knows its own ticket
    r2.server.dsn = good
    r2._down_until = 0.0  # the background retry comes round
    assert r2.sync(clock.t.date())
    r1.sync(clock.t.date())
    day: R.QueueDay = d1.today()
    assert set(day.tickets) == {"A1-001", "A2-001"}
    assert day.tickets["A2-001"].status == R.CALLED
    assert d1.call_next().label == "A1-001"


def test_a_refused_call_does_not_lose_the_facts_it_was_pushing(tmp_path: Path,
                                                               pg_dsn: str) -> None:
    """A call refused (nobody waiting for this desk) rolls its transaction back, the
    push of this desk's earlier facts with it: they are sent again, never lost."""
    PgServer(pg_dsn).prepare()
    clock = Clock()
    repo = SyncedQueueStore(QueueStore(tmp_path / "pc2" / "store"), QueueServer(pg_dsn, "dinas"))
    desk = QueueDesk(repo, QueueSettings(groups=GROUPS, point="2", serves=("B",)), 2, clock)
    good = repo.server.dsn
    repo.server.dsn = "postgresql://127.0.0.1:1/nowhere"
    repo.server.close()
    desk.take("A")  # kept here while the server is away
    repo.server.dsn, repo._down_until = good, 0.0
    with pytest.raises(R.QueueError, match="Tidak ada yang menunggu"):
        desk.call_next()  # only B here: refused inside the server's transaction
    assert repo.sync(clock.t.date())
    with psycopg.connect(pg_dsn) as conn:
        row = conn.execute("SELECT count(*) FROM queue_events WHERE event->>'ticket' = "
                           "'A2-001'").fetchone()
    assert row is not None and row[0] == 1
    assert repo.state(clock.t.date()).unsent == 0
