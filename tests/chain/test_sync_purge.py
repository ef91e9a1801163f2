"""A purge travels: the `data_redacted` event made at one desk removes the NIK from the
server's rows and from every other desk's own day file; every desk's chain stays whole."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import psycopg

from counter.desk import Desk
from counter.sync.engine import Syncer
from counter.sync.port import DeskInfo
from store import open_store
from store.chain import check_store
from store.replica import Replica
from store.sync.server import PgServer
from tests.chain.kit import CATALOG, PROFILE, SOP, Clock
from tests.sessions import supervisor
from tests.sync.helpers import replica_of

NIK = "3201012501900077"


def _desk(base: Path, dsn: str, number: int) -> tuple[Syncer, Desk]:
    store = open_store(base / f"desk{number}" / "store", PROFILE.tz)
    replica = Replica(store)
    syncer = Syncer(PgServer(dsn), replica, DeskInfo("pacitan", number, f"Loket {number}"),
                    replica.key(), now=lambda: datetime.now(PROFILE.tz))
    clock = Clock(datetime(2025, 6, 2, 9, 0, tzinfo=PROFILE.tz))
    profile = PROFILE.with_changes(desk=number)
    return syncer, Desk(store, CATALOG, profile, officer=supervisor(f"Petugas {number}"), now=clock)


def test_a_purge_reaches_the_server_and_the_other_desk(tmp_path: Path, pg_dsn: str) -> None:
    PgServer(pg_dsn).prepare()
    (one, desk1), (two, desk2) = _desk(tmp_path, pg_dsn, 1), _desk(tmp_path, pg_dsn, 2)
    view = desk1.open_case(SOP, {"nama": "Sari", "nik": NIK, "telepon": "081277778888",
                                 "alamat": "Jl. Anggrek 1"})
    desk1.close(view.code, "dibatalkan", "uji")
    one.sync_once()
    two.sync_once()
    day_file = replica_of(two).store.path_for(view.state.opened_at.date())
    assert NIK.encode() in day_file.read_bytes()  # the other desk holds a copy

    desk1.redact_personal(view.code, datetime(2026, 1, 1).date())
    one.sync_once()
    two.sync_once()

    for store in (replica_of(one).store, replica_of(two).store):
        raw = store.path_for(view.state.opened_at.date()).read_bytes()
        assert NIK.encode() not in raw and b"Jl. Anggrek" not in raw
        assert b"data_redacted" in raw
        assert check_store(store).ok
    with psycopg.connect(pg_dsn) as conn:
        rows = conn.execute("SELECT event::text FROM events WHERE code = %s",
                            (view.code,)).fetchall()
    assert rows and not any(NIK in r[0] or "Anggrek" in r[0] for r in rows)
    assert desk2.view(view.code).state.visitor.nama == "Sari"
