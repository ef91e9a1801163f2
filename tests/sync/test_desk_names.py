"""The case story names an official's desk by its name ("meja Koor"), not "loket 5".

Two desks on one real PostgreSQL: the Koor's desk receives and approves, the counter
syncs, and the counter's `loket kasus` (with the server gone afterwards: the names were
kept at the last sync) tells who acted at which desk.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from counter.codes import human
from counter.config import Paths, PusatSettings, default_profile, save_profile
from counter.desk import Desk
from counter.sop import load_catalog
from screens.cli import main
from screens.widgets.case_story import desk_text
from store import open_store
from store.sync.desk import syncer_for
from store.sync.server import PgServer
from tests.sessions import petugas
from tests.sync.helpers import T0

KONSULTASI = "pct-07-konsultasi-bisnis"


class Clock:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self):
        self.at += timedelta(minutes=2)
        return self.at


def test_loket_kasus_names_the_koor_desk(paths: Paths, tmp_path: Path, pg_dsn: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    PgServer(pg_dsn).prepare()
    clock, catalog = Clock(), load_catalog()
    counter_profile = default_profile().with_changes(
        desk=1, pusat=PusatSettings(dsn=pg_dsn, kantor="pacitan"))
    koor_profile = default_profile().with_changes(
        desk=5, pusat=PusatSettings(dsn=pg_dsn, kantor="pacitan", nama_meja="Koor",
                                    peran=("Koor",)))
    save_profile(paths, counter_profile)  # the CLI below is the counter's desk
    counter_store = open_store(paths.store_dir, counter_profile.tz)
    koor_store = open_store(tmp_path / "koor", koor_profile.tz)
    counter = Desk(counter_store, catalog, counter_profile, officer=petugas(), now=clock)
    koor = Desk(koor_store, catalog, koor_profile, officer=petugas("Pak Koor"), now=clock)
    counter_sync = syncer_for(counter_profile, counter_store)
    koor_sync = syncer_for(koor_profile, koor_store)
    assert counter_sync is not None and koor_sync is not None

    code = counter.open_case(KONSULTASI, {"nama": "Wati"},
                             received=["Form konsultasi bisnis"]).code
    for _ in range(4):
        code = counter.complete_step(code, output="ok").code
    counter_sync.sync_once()
    koor_sync.sync_once()
    assert koor.scan(code).received
    koor.complete_step(code, output="setuju")
    koor_sync.sync_once()
    counter_sync.sync_once()

    # the names were kept on the counter's desk: the story reads without the server
    assert Desk(counter_store, catalog, counter_profile).desk_names == {5: "Koor"}
    rc = main(["kasus", human(code)])
    out = capsys.readouterr().out
    assert rc == 0
    assert "Pak Koor (meja Koor)" in out
    assert "(loket 5)" not in out
    assert "(loket 1)" in out  # a counter desk keeps its number
    rc = main(["kasus", human(code), "--json"])
    story = json.loads(capsys.readouterr().out)
    by_koor = [e for e in story["riwayat"] if e["petugas"] == "Pak Koor"]
    assert by_koor and {e["meja"] for e in by_koor} == {"meja Koor"}
    assert {e["loket"] for e in by_koor} == {5}  # the number stays for other programs


def test_a_desk_never_synced_still_says_loket_and_its_own_name() -> None:
    from counter.demo import MemoryRepo

    profile = default_profile().with_changes(
        desk=5, pusat=PusatSettings(dsn="postgresql://x@/y", kantor="pacitan",
                                    nama_meja="Kabid", peran=("Kepala Bidang",)))
    names = Desk(MemoryRepo(), load_catalog(), profile).desk_names
    assert names == {5: "Kabid"}
    assert desk_text(5, names) == "meja Kabid" and desk_text(2, names) == "loket 2"
