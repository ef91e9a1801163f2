"""Two desks on two PCs pressing "berikutnya" at the same moment, through a real
PostgreSQL: each ticket is called by exactly one desk, every ticket is called, and
the server's facts agree with what each desk printed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import psycopg

from counter.queue.service import QueueDesk
from store.queue_store import QueueStore
from store.sync.queue_server import QueueServer, SyncedQueueStore
from store.sync.server import PgServer
from tests.sync.queue_race_proc import SETTINGS, WIB

ROOT = Path(__file__).resolve().parents[2]
TICKETS = 120


def test_two_desks_racing_never_call_one_ticket_twice(tmp_path: Path, pg_dsn: str) -> None:
    PgServer(pg_dsn).prepare()
    kiosk_repo = SyncedQueueStore(QueueStore(tmp_path / "kios"), QueueServer(pg_dsn, "dinas"))
    kiosk = QueueDesk(kiosk_repo, SETTINGS, 0, lambda: datetime.now(WIB))
    labels = [kiosk.take("A").label for _ in range(TICKETS)]
    kiosk_repo.server.close()
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen(
        [sys.executable, "-m", "tests.sync.queue_race_proc", pg_dsn,
         str(tmp_path / f"pc{no}"), str(no), str(go)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for no in (1, 2)]
    import time

    time.sleep(3)  # both connected and waiting
    go.touch()
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    called = [[line.split()[0] for line in o[0].splitlines()] for o in outs]
    # both desks really raced: each called a fair share
    assert all(len(c) >= TICKETS // 10 for c in called), [len(c) for c in called]
    assert sorted(called[0] + called[1]) == sorted(labels)  # each once, none left out
    with psycopg.connect(pg_dsn) as conn:
        rows = conn.execute(
            "SELECT event->>'ticket', desk FROM queue_events "
            "WHERE event->>'type' = 'dipanggil'").fetchall()
    per_ticket = Counter(r[0] for r in rows)
    assert len(per_ticket) == TICKETS and set(per_ticket.values()) == {1}
    assert {r[0] for r in rows if r[1] == 1} == set(called[0])
    assert {r[0] for r in rows if r[1] == 2} == set(called[1])
