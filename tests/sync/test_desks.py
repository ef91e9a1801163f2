"""Several desks as separate processes on one real PostgreSQL server.

Every desk runs `loket sinkron` (or `--sekali`) as its own process and acts through
`Desk` in another, exactly like an office of PCs; the assertions read each desk's
own store. Every test ends with every desk holding the same events, once, and the
same fold of every case.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sync.office import ROOT, make_office, wait_same


@pytest.fixture
def dsn(pg_dsn: str) -> str:
    from store.sync.server import PgServer

    PgServer(pg_dsn).prepare()
    return pg_dsn


@pytest.fixture
def own_dsn(own_pg_dsn: str) -> str:
    """On a server of this test worker's own: the test stops and starts it."""
    from store.sync.server import PgServer

    PgServer(own_pg_dsn).prepare()
    return own_pg_dsn


def no_duplicates(dump: dict) -> bool:
    return all(len(c["ids"]) == len(set(c["ids"])) for c in dump.values())


def test_a_walk_in_at_one_desk_reaches_the_others_by_itself(tmp_path: Path, dsn: str):
    desks = make_office(tmp_path, dsn, {"number": 1}, {"number": 2},
                        {"number": 5, "nama_meja": "Koor", "peran": ("Koor",)})
    for d in desks:
        d.start_sync()
    try:
        time.sleep(1.5)
        code = desks[0].act("open").strip()
        start = time.monotonic()
        while not all(d.has_case(code) for d in desks[1:]) and time.monotonic() - start < 10:
            time.sleep(0.02)
        took = time.monotonic() - start
        assert took < 3, took  # the bench measures it properly: about a second at most
        common = wait_same(desks, expect=lambda dump: code in dump)
        assert common[code]["fold"]["status"] == "BERJALAN"
    finally:
        for d in desks:
            d.stop_sync()


def test_the_server_stopped_mid_day_and_started_again(tmp_path: Path, own_dsn: str,
                                                      own_pg_cluster):
    pg_cluster, dsn = own_pg_cluster, own_dsn
    one, two, koor = make_office(tmp_path, dsn, {"number": 1}, {"number": 2},
                                 {"number": 5, "nama_meja": "Koor", "peran": ("Koor",)})
    desks = [one, two, koor]
    for d in desks:
        d.start_sync()
    try:
        code = one.act("open").strip()
        wait_same(desks, expect=lambda dump: code in dump)
        pg_cluster.stop()
        # The desks keep working on their own stores while the server is down.
        one.act("complete", code, "4")  # steps 1-4, then handed off to the Koor
        other = two.act("open").strip()
        status = one.loket("sinkron", "--status")
        assert status.returncode == 0
        assert "Belum terkirim: 0 " not in status.stdout  # the hand-off waits to be sent
        pg_cluster.start()
        common = wait_same(desks, timeout=60,
                           expect=lambda dump: code in dump and other in dump
                           and dump[code]["fold"]["status"] == "MENUNGGU_PELAKSANA")
        assert no_duplicates(common)
        assert common[code]["fold"]["holder"] == "koor"
    finally:
        pg_cluster.start()
        for d in desks:
            d.stop_sync()


def test_a_desk_killed_mid_push_sends_everything_once_afterwards(tmp_path: Path, dsn: str):
    one, two = make_office(tmp_path, dsn, {"number": 1}, {"number": 2})
    one.act("open", "80")  # a morning's work made offline: ~240 events to push
    env = one.env()
    proc = subprocess.Popen([sys.executable, "-m", "screens.cli", "sinkron", "--sekali"],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(1.2)  # python start-up, then the push is under way
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for desk in (one, two):
        res = desk.loket("sinkron", "--sekali")
        assert res.returncode == 0, res.stderr
    common = wait_same([one, two], timeout=10)
    assert len(common) == 80 and no_duplicates(common)
    from store.sync.server import PgServer

    on_server = [ev["id"] for _, ev in PgServer(dsn).office_events(["pacitan"])]
    assert len(on_server) == len(set(on_server)) == sum(len(c["ids"]) for c in common.values())


def test_a_desk_whose_clock_is_ten_minutes_slow_still_tells_the_same_story(
        tmp_path: Path, dsn: str):
    one, koor = make_office(tmp_path, dsn, {"number": 1},
                            {"number": 5, "nama_meja": "Koor", "peran": ("Koor",),
                             "clock_offset": -600})
    code = one.act("open").strip()
    one.act("complete", code, "4")
    for desk in (one, koor):
        assert desk.loket("sinkron", "--sekali").returncode == 0
    assert '"received": true' in koor.act("scan", code)  # stamped 10 minutes "earlier"
    for desk in (koor, one):
        assert desk.loket("sinkron", "--sekali").returncode == 0
    common = wait_same([one, koor], timeout=5)
    fold = common[code]["fold"]
    assert (fold["status"], fold["holder"]) == ("BERJALAN", "koor")
    assert fold["order"][-1] == max(common[code]["ids"], key=lambda i: fold["order"].index(i))


def test_a_conflict_made_while_the_server_is_down_is_shown_then_resolved(
        tmp_path: Path, own_dsn: str, own_pg_cluster):
    pg_cluster, dsn = own_pg_cluster, own_dsn
    one, two = make_office(tmp_path, dsn, {"number": 1}, {"number": 2})
    code = one.act("open").strip()
    for desk in (one, two):
        assert desk.loket("sinkron", "--sekali").returncode == 0
    pg_cluster.stop()
    try:
        one.act("complete", code)  # both desks complete step 1, apart
        two.act("complete", code)
        failed = one.loket("sinkron", "--sekali")
        assert failed.returncode == 1 and "tidak dapat tersambung" in failed.stderr
    finally:
        pg_cluster.start()
    for desk in (one, two, one):
        assert desk.loket("sinkron", "--sekali").returncode == 0
    common = wait_same([one, two], timeout=5)
    conflicts = common[code]["fold"]["conflicts"]
    assert len(conflicts) == 1
    assert conflicts[0].startswith("konflik: dua tindakan pada langkah 1 — loket 1 pukul")
    assert "loket 2 pukul" in conflicts[0]
    assert no_duplicates(common)
    two.act("resolve", code, "langkah 1 cukup sekali; dilanjutkan")
    for desk in (two, one):
        assert desk.loket("sinkron", "--sekali").returncode == 0
    common = wait_same([one, two], timeout=5)
    assert common[code]["fold"]["conflicts"] == []
