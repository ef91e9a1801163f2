"""The store's per-day grouping of events by case (store/case_index.py) always answers
what the day file holds: after its own writes, and after another store's writes."""

from __future__ import annotations

import json
from pathlib import Path

from store import open_store
from tests.store.helpers import DAY, WIB, note, opened


def _on_disk(store_dir: Path, code: str) -> list[dict]:
    path = open_store(store_dir, WIB).path_for(DAY)
    events = json.loads(path.read_text())["events"]
    return sorted((e for e in events.values() if e["code"] == code), key=lambda e: e["seq"])


def test_two_stores_acting_in_turn_each_read_the_file_as_it_is(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    one, two = open_store(store_dir, WIB), open_store(store_dir, WIB)  # two desks, one disk
    codes = []
    for i in range(4):
        code = one.next_code(DAY, 1)
        one.append(opened(code, f"Pemohon {i}"))
        codes.append(code)
    for round_no in range(3):
        for code in codes:
            writer, reader = (one, two) if round_no % 2 else (two, one)
            assert reader.events(code) == _on_disk(store_dir, code)
            writer.append_many([note(code, f"catatan {round_no}"), note(code, "lagi")],
                               expect=writer.events(code)[-1]["id"])
            for store in (one, two):  # the writer's own grouping grew; the other's is remade
                assert store.events(code) == _on_disk(store_dir, code)
    path = one.path_for(DAY)
    events = json.loads(path.read_text())["events"]
    assert len(events) == 4 + 4 * 3 * 2  # no document number given twice (none overwritten)
    assert sorted(map(int, events)) == list(range(1, len(events) + 1))
