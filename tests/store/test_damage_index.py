"""The open-case index never forgets a case because its day was unreadable at a rebuild."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from store import open_store
from tests.store.helpers import DAY, WIB, closed, opened

DAYS = [DAY - timedelta(days=n) for n in (3, 2, 1, 0)]
DAMAGED_DAY = DAYS[1]

BREAK = {
    "truncated": lambda raw: raw[:500],
    "zero-length": lambda raw: b"",
    "garbage": lambda raw: b"\x00\xffsampah" * 20,
    "wrong-shape": lambda raw: b'{"events": [1, 2, 3]}',
}


def _fill(store) -> dict[str, bool]:
    """Four cases a day, one of them closed: {code: open?}."""
    cases: dict[str, bool] = {}
    for day in DAYS:
        for n in range(4):
            code = store.next_code(day, 1)
            store.append(opened(code, f"Pemohon {n}"))
            if n == 0:
                store.append(closed(code))
            cases[code] = n != 0
    return cases


@pytest.mark.parametrize("how", sorted(BREAK))
@pytest.mark.parametrize("index", ["missing", "damaged"])
def test_rebuild_with_damaged_day_then_restored_brings_every_open_case_back(
    tmp_path: Path, how: str, index: str
) -> None:
    store = open_store(tmp_path / "store", WIB)
    cases = _fill(store)
    every_open = sorted(c for c, is_open in cases.items() if is_open)
    assert sorted(store.open_codes()) == every_open

    day_file = store.path_for(DAMAGED_DAY)
    good = day_file.read_bytes()
    day_file.write_bytes(BREAK[how](good))
    if index == "missing":
        store.index_path.unlink()
    else:
        store.index_path.write_text("{rusak")

    during = open_store(tmp_path / "store", WIB)
    shown = during.open_codes()  # the rebuild happens here, with the day unreadable
    lost_day = {c for c in every_open if c.startswith(f"{DAMAGED_DAY:%y%m%d}")}
    assert sorted(shown) == sorted(set(every_open) - lost_day)
    assert during.unread_days() == [DAMAGED_DAY]
    assert day_file.read_bytes() == BREAK[how](good)  # never written over

    # life goes on meanwhile: a case opened and one closed elsewhere keep the day in mind
    extra = during.next_code(DAY, 1)
    during.append(opened(extra))
    gone = next(c for c in every_open if c.startswith(f"{DAY:%y%m%d}"))
    during.append(closed(gone))
    again = open_store(tmp_path / "store", WIB)
    assert again.unread_days() == [DAMAGED_DAY]

    day_file.write_bytes(good)  # restored from a backup, while the store object lives on
    expected = sorted({*every_open, extra} - {gone})
    assert sorted(during.open_codes()) == expected
    assert during.unread_days() == []
    assert sorted(open_store(tmp_path / "store", WIB).open_codes()) == expected


def test_damaged_day_with_intact_index_keeps_its_codes(tmp_path: Path) -> None:
    """With the index readable nothing is rebuilt: the day's codes stay listed."""
    store = open_store(tmp_path / "store", WIB)
    cases = _fill(store)
    store.open_codes()  # the dashboard looks every few seconds: the index knows the day
    store.path_for(DAMAGED_DAY).write_bytes(b"")
    fresh = open_store(tmp_path / "store", WIB)
    assert sorted(fresh.open_codes()) == sorted(c for c, o in cases.items() if o)
    assert fresh.unread_days() == []
