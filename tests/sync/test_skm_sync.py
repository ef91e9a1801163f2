"""SKM responses travel with the office sync, through a real PostgreSQL, and stay anonymous
there too: no order of answering, nothing to join with the cases."""

from __future__ import annotations

import contextlib
import re
import threading
import time
from datetime import date, datetime
from pathlib import Path

import psycopg
import pytest

from counter.codes import make_code
from counter.skm.questions import bundled_questionnaire
from counter.skm.report import build_report
from counter.skm.response import make_response
from counter.sync.engine import Syncer
from counter.sync.port import DeskInfo, SyncError
from store import open_store
from store.replica import Replica
from store.skm_replica import SurveyReplica
from store.skm_store import SurveyStore
from store.sync.server import PgServer
from tests.sync.helpers import WIB, make_event, replica_of

Q = bundled_questionnaire()
OFFICE = "pacitan"


def desk_at(base: Path, dsn: str, number: int) -> Syncer:
    store = open_store(base / f"desk{number}" / "store", WIB)
    replica = Replica(store)
    return Syncer(PgServer(dsn), replica, DeskInfo(OFFICE, number, f"Loket {number}"),
                  replica.key(), now=lambda: datetime.now(WIB),
                  surveys=SurveyReplica(store.store_dir))


def surveys_of(syncer: Syncer) -> SurveyStore:
    return SurveyStore(replica_of(syncer).store.store_dir, Q)


def answer(desk: int, day: int, score: int, layanan: str = "pct-07"):
    return make_response(Q, tanggal=date(2026, 11, day), layanan=layanan, loket=desk,
                         jawaban=dict.fromkeys([f"U{i}" for i in range(1, 10)], score))


def ids_of(store: SurveyStore) -> list[str]:
    return sorted(r.id for r in store.between(date(2026, 1, 1), date(2026, 12, 31)))


def server_ids(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT r->>'id' FROM skm_days, jsonb_array_elements(responses) r")
        return sorted(r[0] for r in rows.fetchall())


@pytest.fixture
def prepared(pg_dsn: str) -> str:
    PgServer(pg_dsn).prepare()
    return pg_dsn


def test_two_desks_end_with_the_same_office_wide_responses_and_index(
        tmp_path: Path, prepared: str):
    one, two = desk_at(tmp_path, prepared, 1), desk_at(tmp_path, prepared, 2)
    surveys_of(one).add([answer(1, 3, 4), answer(1, 4, 4), answer(1, 20, 3)])
    surveys_of(two).add([answer(2, 3, 2), answer(2, 21, 1)])
    assert one.sync_once().skm_pushed == 3
    result = two.sync_once()
    assert (result.skm_pushed, result.skm_pulled) == (2, 3)
    assert one.sync_once().skm_pulled == 2
    assert ids_of(surveys_of(one)) == ids_of(surveys_of(two)) == server_ids(prepared)
    assert len(server_ids(prepared)) == 5

    def ikm(syncer: Syncer) -> object:
        got = surveys_of(syncer).between(date(2026, 11, 1), date(2026, 11, 30))
        return build_report(Q, got, start=date(2026, 11, 1), end=date(2026, 11, 30),
                            population=5).unit.ikm
    assert ikm(one) == ikm(two)  # both desks report the office's index, not their own

    # nothing goes round again: pulled responses are never pushed back
    assert (one.sync_once().skm_pushed, two.sync_once().skm_pushed) == (0, 0)
    assert one.surveys is not None and one.surveys.unpushed() == []


def test_pushing_twice_stores_once(tmp_path: Path, prepared: str):
    one = desk_at(tmp_path, prepared, 1)
    surveys_of(one).add([answer(1, 3, 4), answer(1, 4, 2)])
    one.sync_once()
    month = replica_of(one).store.store_dir / "skm" / "2026-11.json"
    month.write_text(re.sub(r',\s*"on_server": \[[^\]]*\]', "", month.read_text()))
    assert one.surveys is not None and len(one.surveys.unpushed()) == 2  # marks lost
    server = PgServer(prepared)
    assert server.push_surveys(OFFICE, 1, one.surveys.unpushed()) == 0
    assert one.sync_once().skm_pushed == 2  # sent again after the marks were lost …
    assert len(server_ids(prepared)) == 2  # … stored once
    with psycopg.connect(prepared) as conn:
        revs = conn.execute("SELECT rev FROM skm_days ORDER BY rev").fetchall()
    assert len(revs) == 2  # a push adding nothing did not touch the rows


def test_a_server_killed_mid_push_keeps_nothing_half_and_the_next_push_completes(
        tmp_path: Path, own_pg_dsn: str, own_pg_cluster):
    PgServer(own_pg_dsn).prepare()
    one = desk_at(tmp_path, own_pg_dsn, 1)
    surveys_of(one).add([answer(1, 4, 3)])
    one.sync_once()  # day 4's row exists on the server
    surveys_of(one).add([answer(1, 3, 4), answer(1, 4, 1), answer(1, 4, 2)])

    blocker = psycopg.connect(own_pg_dsn)
    blocker.execute("SELECT 1 FROM skm_days WHERE tanggal = '2026-11-04' FOR UPDATE")
    failed: list[BaseException] = []

    def push() -> None:
        try:
            one.sync_once()
        except SyncError as err:
            failed.append(err)

    worker = threading.Thread(target=push)
    worker.start()
    with psycopg.connect(own_pg_dsn, autocommit=True) as watch:
        for _ in range(200):  # the push wrote day 3 and waits on day 4's row
            waiting = watch.execute("SELECT count(*) FROM pg_stat_activity WHERE "
                                    "wait_event_type = 'Lock'").fetchone()
            if waiting and waiting[0]:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the push never reached day 4")
    own_pg_cluster.stop()
    worker.join(30)
    assert failed, "the push must fail when the server goes away"
    with contextlib.suppress(psycopg.Error):
        blocker.close()
    own_pg_cluster.start()

    assert len(server_ids(own_pg_dsn)) == 1  # day 3's row, written in the push, is gone
    assert one.surveys is not None and len(one.surveys.unpushed()) == 3
    one.server = PgServer(own_pg_dsn)
    assert one.sync_once().skm_pushed == 3
    assert server_ids(own_pg_dsn) == ids_of(surveys_of(one))


def test_a_join_between_responses_and_cases_finds_nothing(tmp_path: Path, prepared: str):
    """Cases closed one after another, each followed by its visitor's answers pushed at
    once (the worst case): the server still cannot say which response was whose."""
    one = desk_at(tmp_path, prepared, 1)
    store = replica_of(one).store
    answered = []
    for n in range(1, 13):
        code = make_code(date(2026, 11, 3), 1, n)
        at = datetime(2026, 11, 3, 8 + n // 2, 4 * n, tzinfo=WIB)
        store.append(make_event(code, "opened", prev=None, at=at))
        response = answer(1, 3, 1 + n % 4)
        surveys_of(one).add([response])
        answered.append(response.id)
        one.sync_once()

    with psycopg.connect(prepared) as conn:
        columns = conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'skm_days'").fetchall()
        rows = conn.execute("SELECT desk, tanggal, responses::text, xmin::text FROM skm_days"
                            ).fetchall()
        codes = [c for (c,) in conn.execute("SELECT DISTINCT code FROM events").fetchall()]
        ev_ids = [i for (i,) in conn.execute("SELECT id FROM events").fetchall()]
        joined = conn.execute(
            "SELECT count(*) FROM events e JOIN skm_days s ON s.office_id = e.office_id "
            "AND (s.responses::text LIKE '%%' || e.code || '%%' "
            "     OR s.responses::text LIKE '%%' || e.id || '%%' "
            "     OR s.responses::text LIKE '%%' || to_char(e.at, 'HH24:MI') || '%%')"
        ).fetchone()
    assert len(codes) == 12
    assert joined == (0,)
    # no time of arrival, no per-response number: only the desk-day and a change counter
    assert {name for name, _ in columns} == {"office_id", "desk", "tanggal", "responses", "rev"}
    assert not [t for _, t in columns if "time" in t]
    # one row for the desk's day: a single xmin and place for all twelve answers
    assert len(rows) == 1
    desk, day, body, _xmin = rows[0]
    assert (desk, day) == (1, date(2026, 11, 3))
    assert not any(c in body or i in body for c in codes for i in ev_ids)
    assert not re.search(r"\d\d:\d\d", body)  # no time of day anywhere
    stored = re.findall(r'"id": "([0-9a-f]+)"', body)
    assert sorted(stored) == sorted(answered)
    assert stored == sorted(stored)  # ordered by the random id …
    assert stored != answered  # … not by the moment of answering


def test_a_version_1_server_is_upgraded_to_carry_responses_keeping_its_events(
        tmp_path: Path, pg_dsn: str, monkeypatch: pytest.MonkeyPatch):
    from store.sync import schema

    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "LATEST", 1)
    PgServer(pg_dsn).prepare()
    PgServer(pg_dsn).push(OFFICE, 1, [make_event(make_code(date(2026, 11, 3), 1, 1),
                                                 "opened", prev=None)])
    monkeypatch.undo()
    one = desk_at(tmp_path, pg_dsn, 1)
    with pytest.raises(SyncError, match="loket pusat siapkan"):
        one.sync_once()  # a desk never writes to a server older than itself
    done = PgServer(pg_dsn).prepare()
    assert (done.before, done.after) == (1, schema.LATEST)
    surveys_of(one).add([answer(1, 3, 4)])
    result = one.sync_once()
    assert (result.pulled, result.skm_pushed) == (1, 1)


def test_a_damaged_month_file_is_skipped_without_waking_the_sync_loop(tmp_path: Path):
    replica = SurveyReplica(tmp_path)
    SurveyStore(tmp_path, Q).add([answer(1, 3, 4)])
    (tmp_path / "skm" / "2026-10.json").write_text("{rusak")
    assert [r["tanggal"] for r in replica.unpushed()] == ["2026-11-03"]
    replica.mark_pushed([r["id"] for r in replica.unpushed()])
    assert replica.unpushed() == []
    assert not replica.changed()  # nothing to push: the loop sleeps
