"""A damaged day file is named, left untouched, and does not stop the rest of the store."""

from __future__ import annotations

import errno
import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from store import StoreError, open_store
from tests.store.helpers import DAY, WIB, closed, note, opened

YESTERDAY = DAY - timedelta(days=1)


@pytest.fixture
def store(tmp_path: Path):
    return open_store(tmp_path / "store", WIB)


def _two_days(store) -> tuple[str, str]:
    old = store.next_code(YESTERDAY, 1)
    new = store.next_code(DAY, 1)
    for code in (old, new):
        store.append(opened(code))
        store.append(note(code, "isi"))
    return old, new


def _truncate(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])


def _hand_edit(path: Path) -> None:
    data = json.loads(path.read_text() or '{"events": {"1": {"code": "x", "seq": 0}}}')
    data["events"]["1"] = {"code": "x", "seq": "nol"}
    path.write_text(json.dumps(data))


DAMAGE = {
    "truncated": _truncate,
    "empty": lambda p: p.write_bytes(b""),
    "not-json": lambda p: p.write_text("ini bukan JSON\n"),
    "binary": lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),
    "wrong-shape": lambda p: p.write_text("[1, 2, 3]"),
    "hand-edited": _hand_edit,
}


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_damaged_day_is_reported_and_isolated(store, tmp_path: Path, how: str) -> None:
    old, new = _two_days(store)
    path = store.path_for(YESTERDAY)
    DAMAGE[how](path)
    before = path.read_bytes()
    fresh = open_store(tmp_path / "store", WIB)  # no cached copy of the good file

    with pytest.raises(StoreError) as info:
        fresh.events(old)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)
    for read in (fresh.codes_on, fresh.events_on):
        with pytest.raises(StoreError):
            read(YESTERDAY)
    for write in (lambda: fresh.append(note(old, "lagi")), lambda: fresh.next_code(YESTERDAY, 1),
                  lambda: fresh.append(closed(old))):
        with pytest.raises(StoreError) as info:
            write()
        assert info.value.path == str(path)
    assert path.read_bytes() == before

    # every other day keeps working, reading and writing
    assert [e["seq"] for e in fresh.events(new)] == [0, 1]
    assert fresh.append(note(new, "tetap jalan"))["seq"] == 2
    another = fresh.next_code(DAY, 1)
    fresh.append(opened(another))
    assert another in fresh.open_codes()
    assert [p for p, _ in fresh.damaged()] == [path]
    assert all(isinstance(msg, str) and msg for _, msg in fresh.damaged())


def test_damaged_messages_say_what_is_wrong(store, tmp_path: Path) -> None:
    _two_days(store)
    path = store.path_for(YESTERDAY)
    messages = {}
    for how in ("empty", "not-json", "hand-edited"):
        DAMAGE[how](path)
        with pytest.raises(StoreError) as info:
            open_store(tmp_path / "store", WIB).events_on(YESTERDAY)
        messages[how] = info.value.message
        path.write_text('{"events": {}}')  # a valid file again for the next kind
    assert len(set(messages.values())) == 3
    assert "baris 1" in messages["not-json"]


def test_failed_write_leaves_old_file_and_store_usable(
    store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, new = _two_days(store)
    path = store.path_for(DAY)
    before = path.read_bytes()
    real_write = os.write

    def disk_full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(StoreError) as info:
        store.append(note(new, "tidak muat"))
    assert info.value.path == str(path)
    monkeypatch.setattr(os, "write", real_write)

    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert [e["seq"] for e in store.events(new)] == [0, 1]
    assert store.append(note(new, "muat"))["seq"] == 2


@pytest.mark.parametrize("content", ["{rusak", '{"open": ["ABC"], "pending": []}'])
def test_damaged_index_is_set_aside_and_rebuilt(store, tmp_path: Path, content: str) -> None:
    old, new = _two_days(store)
    store.append(closed(old))
    store.index_path.write_text(content)
    fresh = open_store(tmp_path / "store", WIB)
    assert fresh.open_codes() == [new]
    aside = [p for p in store.store_dir.iterdir() if p.name.startswith("open.json.rusak-")]
    assert len(aside) == 1 and aside[0].read_text() == content
    assert fresh.notices
    assert fresh.damaged() == []


def test_missing_index_is_rebuilt_from_day_files(store, tmp_path: Path) -> None:
    old, new = _two_days(store)
    store.open_codes()
    store.index_path.unlink()
    assert sorted(open_store(tmp_path / "store", WIB).open_codes()) == sorted([old, new])
    assert store.index_path.exists()


def test_an_index_older_than_its_day_files_is_never_believed(store, tmp_path: Path) -> None:
    """A crash after a day file was written but before the index was saved, or a write
    by another process: the index entry of that day no longer matches its file."""
    old, new = _two_days(store)
    assert sorted(store.open_codes()) == sorted([old, new])
    saved = store.index_path.read_bytes()
    other = open_store(tmp_path / "store", WIB)
    other.append(closed(old))
    third = other.next_code(DAY, 2)
    other.append(opened(third))
    store.index_path.write_bytes(saved)  # as if the index write had been lost
    assert sorted(store.open_codes()) == sorted([new, third])
    assert sorted(open_store(tmp_path / "store", WIB).open_codes()) == sorted([new, third])
