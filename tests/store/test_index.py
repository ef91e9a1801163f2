"""The open-case index never forgets a case because its day file was unreadable."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from store import open_store
from tests.store.helpers import DAY, WIB, closed, opened

YESTERDAY = DAY - timedelta(days=1)


@pytest.fixture
def store(tmp_path: Path):
    return open_store(tmp_path / "store", WIB)


def _open_cases(store, day, n: int) -> list[str]:
    codes = [store.next_code(day, 1) for _ in range(n)]
    for code in codes:
        store.append(opened(code))
    return codes


@pytest.mark.parametrize("index_lost", [False, True])
def test_a_damaged_day_keeps_its_open_cases_and_gets_them_back_when_restored(
        store, tmp_path: Path, index_lost: bool) -> None:
    old = _open_cases(store, YESTERDAY, 4)
    new = _open_cases(store, DAY, 2)
    store.append(closed(old[0]))
    assert len(store.open_codes()) == 5
    path = store.path_for(YESTERDAY)
    backup = tmp_path / "backup.json"
    shutil.copy2(path, backup)
    path.write_bytes(path.read_bytes()[:300])  # cut short
    if index_lost:  # lost and rebuilt while the day cannot be read: nothing to remember by
        store.index_path.unlink()
        assert sorted(open_store(tmp_path / "store", WIB).open_codes()) == sorted(new)
        store.open_codes()
    else:
        for _ in range(2):  # rebuilt twice while damaged: still remembered
            fresh = open_store(tmp_path / "store", WIB)
            assert sorted(fresh.open_codes()) == sorted(old[1:] + new)
    shutil.copy2(backup, path)  # restored from the backup while running
    assert sorted(store.open_codes()) == sorted(old[1:] + new)
    store.append(closed(old[1]))
    assert sorted(open_store(tmp_path / "store", WIB).open_codes()) == sorted(old[2:] + new)


def test_an_older_release_index_is_read_and_kept_for_unreadable_days(store,
                                                                     tmp_path: Path) -> None:
    old = _open_cases(store, YESTERDAY, 3)
    new = _open_cases(store, DAY, 1)
    store.index_path.write_text(json.dumps({"open": sorted(old + new), "pending": []}))
    store.path_for(YESTERDAY).write_text("rusak")
    fresh = open_store(tmp_path / "store", WIB)
    assert sorted(fresh.open_codes()) == sorted(old + new)
    saved = json.loads(store.index_path.read_text())
    assert saved["version"] == 2 and saved["days"][YESTERDAY.isoformat()]["key"] is None
    assert sorted(open_store(tmp_path / "store", WIB).open_codes()) == sorted(old + new)


def test_open_codes_stat_but_do_not_read_unchanged_days(store, monkeypatch) -> None:
    for i in range(3):
        _open_cases(store, DAY - timedelta(days=i), 2)
    assert len(store.open_codes()) == 6
    fresh = open_store(store.store_dir, WIB)

    def no_history(*_args: object) -> None:
        raise AssertionError("open_codes read a day file")

    monkeypatch.setattr(fresh._days, "load", no_history)
    monkeypatch.setattr(fresh._index, "_read_day", no_history)
    assert len(fresh.open_codes()) == 6
