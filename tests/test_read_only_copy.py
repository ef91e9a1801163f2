"""A backup of the data folder on a read-only disk: `loket kasus --data-dir /media/backup`,
`loket laporan` and the app read it as it is, say so in one line, and create nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable

from counter import demo
from counter.codes import human, parse_code
from counter.config import default_profile, resolve_paths
from counter.sop import load_catalog
from counter.texts import store as ST
from screens.app import LoketApp
from screens.cli import main
from screens.cli.context import Context
from screens.cli.demo import fill_demo_store
from screens.services import desk_of
from screens.widgets.header import LoketHeader
from store import StoreError, open_store
from tests.damage_kit import read_only_copy
from tests.screens.app_fixtures import Clock, make_profile, record_notices

LAST = date(2026, 11, 25)


@pytest.fixture
def data_dir(loket_dirs: tuple[Path, Path]) -> tuple[Path, list[str]]:
    """A demo data folder (store and all) and the open codes in it."""
    paths = resolve_paths(demo=True)
    fill_demo_store(Context(paths=paths, demo=True), days=2, per_day=6, seed=3,
                    until=demo.end_of_day(LAST, default_profile()))
    store = open_store(paths.store_dir, default_profile().tz)
    return paths.data_dir, store.open_codes()


def _created_nothing(usb: Path) -> None:
    assert not (usb / "store" / ".locks").exists()
    assert not list(usb.rglob("*.tmp"))


def test_kasus_and_laporan_read_a_read_only_backup(
        data_dir: tuple[Path, list[str]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    source, open_codes = data_dir
    code = open_codes[0]
    with read_only_copy(source, tmp_path) as usb:
        assert main(["kasus", human(code), "--data-dir", str(usb)]) == 0
        out, err = capsys.readouterr()
        assert human(code) in out
        assert err.strip().splitlines() == [ST.READ_ONLY.format(path=usb / "store")]

        assert main(["--data-dir", str(usb), "laporan", "--tanggal", LAST.isoformat()]) == 0
        out, err = capsys.readouterr()
        today = [c for c in open_codes if parse_code(c).day == LAST]
        assert all(human(c) in out for c in today)
        assert err.strip().splitlines() == [ST.READ_ONLY.format(path=usb / "store")]
        _created_nothing(usb)


async def test_the_app_reads_a_read_only_backup_and_says_so(
        data_dir: tuple[Path, list[str]], tmp_path: Path) -> None:
    source, open_codes = data_dir
    profile = make_profile()
    with read_only_copy(source, tmp_path) as usb:
        store = open_store(usb / "store", profile.tz)
        paths = resolve_paths(data_dir=usb)
        app = LoketApp(paths, profile, load_catalog(), store,
                       now=Clock(), officer="Siti Aminah")
        notices = record_notices(app)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            rows = {str(k.value) for t in ("#work", "#wait")
                    for k in app.screen.query_one(t, DataTable).rows}
            assert rows == set(open_codes)
            assert "HANYA BACA" in str(app.screen.query_one(LoketHeader).content)
            with pytest.raises(StoreError) as info:
                desk_of(app).open_case("pct-07-konsultasi-bisnis", {"nama": "Gita"},
                                   ["Form konsultasi bisnis"], [])
            assert info.value.message == ST.READ_ONLY_REFUSED
            assert notices.count(ST.READ_ONLY.format(path=usb / "store")) == 1
        _created_nothing(usb)
