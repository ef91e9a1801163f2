"""The store as the counter uses it: open a case, add events, find it again."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB

from counter.codes import human, make_code, parse_code
from counter.errors import CodeError, LoketError
from store import StoreError, open_store
from tests.store.helpers import DAY, WIB, closed, event, note, opened


@pytest.fixture
def store(tmp_path: Path):
    return open_store(tmp_path / "store", WIB)


def test_store_error_is_a_loket_error() -> None:
    assert issubclass(StoreError, LoketError)


def test_round_trip_of_events(store, tmp_path: Path) -> None:
    code = store.next_code(DAY, 1)
    sent = [opened(code, "Dewi Lestari"), note(code, "berkas lengkap"), closed(code)]
    returned = [store.append(e) for e in sent]
    again = open_store(tmp_path / "store", WIB).events(code)
    assert again == returned
    for original, stored in zip(sent, again, strict=True):
        assert {k: v for k, v in stored.items() if k not in ("seq", "id", "prev")} == original
    ids = [e["id"] for e in again]
    assert len(set(ids)) == 3 and [e.get("prev") for e in again] == [None, *ids[:-1]]
    assert again[0]["data"]["visitor"]["nama"] == "Dewi Lestari"


def test_seq_counts_per_case_from_zero(store) -> None:
    a, b = store.next_code(DAY, 1), store.next_code(DAY, 1)
    seqs = []
    for e in (opened(a), opened(b), note(a, "1"), note(b, "1"), note(a, "2")):
        seqs.append((e["code"], store.append(e)["seq"]))
    assert seqs == [(a, 0), (b, 0), (a, 1), (b, 1), (a, 2)]
    assert [e["seq"] for e in store.events(a)] == [0, 1, 2]


def test_seq_given_by_caller_is_ignored(store) -> None:
    code = store.next_code(DAY, 1)
    store.append(opened(code))
    assert store.append({**note(code, "x"), "seq": 0})["seq"] == 1


def test_case_lives_in_the_file_of_its_code_day(store) -> None:
    later = DAY + timedelta(days=3)
    code = store.next_code(DAY, 2)
    store.append(opened(code))
    store.append({**note(code, "tiga hari kemudian"), "at": f"{later.isoformat()}T10:00:00+07:00"})
    assert store.day_files() == [store.path_for(DAY)]
    assert store.path_for(DAY) == store.store_dir / "2026" / "2026-11-25.json"
    assert store.codes_on(later) == []
    assert len(store.events(code)) == 2


def test_cases_of_a_day(store) -> None:
    other = DAY + timedelta(days=1)
    first, second = store.next_code(DAY, 1), store.next_code(DAY, 2)
    elsewhere = store.next_code(other, 1)
    for code in (first, second, elsewhere):
        store.append(opened(code))
    store.append(note(first, "x"))
    assert store.codes_on(DAY) == [first, second]
    by_code = store.events_on(DAY)
    assert list(by_code) == [first, second]
    assert [e["type"] for e in by_code[first]] == ["opened", "note"]
    assert store.codes_on(other) == [elsewhere]
    assert store.codes_on(DAY - timedelta(days=30)) == []
    assert store.events_on(DAY - timedelta(days=30)) == {}


def test_events_accepts_the_human_form(store) -> None:
    code = store.next_code(DAY, 1)
    store.append(opened(code))
    assert store.events(f" {human(code)} ")[0]["code"] == code


def test_unknown_and_malformed_codes(store) -> None:
    with pytest.raises(StoreError):
        store.events(make_code(DAY, 1, 5))
    with pytest.raises(CodeError):
        store.events("261125-01-005-0" if make_code(DAY, 1, 5)[-1] != "0" else "261125-01-005-1")


def test_events_before_opened_and_double_open_are_refused(store) -> None:
    code = store.next_code(DAY, 1)
    with pytest.raises(StoreError):
        store.append(note(code, "belum dibuka"))
    store.append(opened(code))
    with pytest.raises(StoreError):
        store.append(opened(code))
    assert [e["type"] for e in store.events(code)] == ["opened"]
    assert store.open_codes() == [code]


def test_event_without_required_fields_or_json_data(store) -> None:
    code = store.next_code(DAY, 1)
    store.append(opened(code))
    bad = note(code, "x")
    del bad["type"]
    with pytest.raises(StoreError) as info:
        store.append(bad)
    assert info.value.field == "type"
    with pytest.raises(StoreError):
        store.append(event(code, "note", {"when": DAY}))
    assert len(store.events(code)) == 1


def test_returned_events_are_copies(store) -> None:
    code = store.next_code(DAY, 1)
    store.append(opened(code, "Asli"))
    store.events(code)[0]["data"]["visitor"]["nama"] = "Diubah"
    store.events_on(DAY)[code][0]["data"]["visitor"]["nama"] = "Diubah"
    assert store.events(code)[0]["data"]["visitor"]["nama"] == "Asli"
    assert store.events_on(DAY)[code][0]["data"]["visitor"]["nama"] == "Asli"


def test_open_codes_follow_opened_and_closed(store, tmp_path: Path) -> None:
    codes = [store.next_code(DAY + timedelta(days=i % 2), 1 + i) for i in range(4)]
    assert store.open_codes() == []
    for code in codes:
        store.append(opened(code))
    store.append(note(codes[0], "x"))
    store.append(closed(codes[1]))
    store.append(closed(codes[3]))
    expected = sorted([codes[0], codes[2]])
    assert sorted(store.open_codes()) == expected
    assert sorted(open_store(tmp_path / "store", WIB).open_codes()) == expected


def test_open_codes_read_only_the_index(store, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        code = store.next_code(DAY - timedelta(days=i), 1)
        store.append(opened(code))

    def no_history(*_args: object) -> None:
        raise AssertionError("open_codes read a day file")

    monkeypatch.setattr(store._days, "load", no_history)
    assert len(store.open_codes()) == 3


def test_next_code_is_sequential_per_desk_and_day(store) -> None:
    a1, a2 = store.next_code(DAY, 1), store.next_code(DAY, 1)
    b1 = store.next_code(DAY, 7)
    c1 = store.next_code(DAY + timedelta(days=1), 1)
    assert [parse_code(c).seq for c in (a1, a2, b1, c1)] == [1, 2, 1, 1]
    assert parse_code(b1).desk == 7
    assert parse_code(c1).day == DAY + timedelta(days=1)


def test_next_code_is_never_reused_after_reopening(store, tmp_path: Path) -> None:
    handed = {store.next_code(DAY, 1) for _ in range(3)}  # none of them opened
    again = open_store(tmp_path / "store", WIB)
    assert again.next_code(DAY, 1) not in handed
    assert len(handed) == 3


def test_next_code_skips_codes_already_in_use(store) -> None:
    # A case opened with a code the counter never issued (e.g. typed from another
    # desk's paper) still blocks that number.
    code = make_code(DAY, 1, 5)
    store.append(opened(code))
    assert parse_code(store.next_code(DAY, 1)).seq == 6


def test_next_code_runs_out_after_999(store) -> None:
    path = store.path_for(DAY)
    store.next_code(DAY, 1)
    data = json.loads(path.read_text())
    data["codes"] = {"1": {"desk": 1, "seq": 999, "code": make_code(DAY, 1, 999)}}
    path.write_text(json.dumps(data))
    with pytest.raises(StoreError) as info:
        store.next_code(DAY, 1)
    assert "999" in info.value.message
    assert parse_code(store.next_code(DAY, 2)).seq == 1


def test_day_file_is_a_plain_tinydb_database(store) -> None:
    code = store.next_code(DAY, 1)
    store.append(opened(code))
    store.append(note(code, "ü é"))
    with TinyDB(store.path_for(DAY), access_mode="r") as db:
        events = db.table("events").all()
    assert [e["seq"] for e in events] == [0, 1]
    assert events[1]["data"]["text"] == "ü é"


def test_sees_writes_of_another_store_object(store, tmp_path: Path) -> None:
    other = open_store(tmp_path / "store", WIB)
    code = store.next_code(DAY, 1)
    store.append(opened(code))
    assert other.events(code)[0]["type"] == "opened"  # caches the day in `other`
    assert other.append(note(code, "dari desk lain"))["seq"] == 1
    assert store.append(note(code, "lagi"))["seq"] == 2
    assert [e["seq"] for e in other.events(code)] == [0, 1, 2]
    assert other.next_code(DAY, 1) != store.next_code(DAY, 1)


def test_day_files_lists_only_day_files(store) -> None:
    for day in (date(2025, 12, 31), date(2026, 1, 2)):
        store.append(opened(store.next_code(day, 1)))
    (store.store_dir / "2026" / "catatan.txt").write_text("bukan data")
    assert [p.name for p in store.day_files()] == ["2025-12-31.json", "2026-01-02.json"]


def test_day_file_bytes_do_not_depend_on_the_write_cache(store, tmp_path: Path) -> None:
    """Appends re-encode only the new event; the file must equal a full encoding."""
    from store.day import serialize

    other = open_store(tmp_path / "store", WIB)
    codes = [store.next_code(DAY, 1) for _ in range(3)]
    for i, code in enumerate(codes):
        (store if i % 2 else other).append(opened(code, f"Pemohon {i}"))
        store.append(note(code, "satu"))
        other.append(note(code, "dua"))
    path = store.path_for(DAY)
    raw = path.read_bytes()
    assert serialize(json.loads(raw)) == raw
    # one line per document (events, codes, chain links), plus the opening and closing
    # line of each of the 3 tables
    day = json.loads(raw)
    assert len(day["chain"]) == len(day["events"])
    assert len(raw.splitlines()) == len(day["events"]) * 2 + len(codes) + 6


def _sequenced(*events: dict) -> list[dict]:
    counts: dict[str, int] = {}
    out = []
    for e in events:
        out.append({**e, "seq": counts.get(e["code"], 0)})
        counts[e["code"]] = counts.get(e["code"], 0) + 1
    return out


def test_import_events_loads_history_in_bulk(store) -> None:
    a, b = make_code(DAY, 1, 1), make_code(DAY - timedelta(days=1), 1, 1)
    history = _sequenced(opened(a), note(a, "x"), opened(b), closed(b))
    assert store.import_events(history) == 4
    assert [e["type"] for e in store.events(a)] == ["opened", "note"]
    assert [e["seq"] for e in store.events(b)] == [0, 1]
    assert store.open_codes() == [a]
    assert store.append(note(a, "setelah impor"))["seq"] == 2
    assert parse_code(store.next_code(DAY, 1)).seq == 2


def test_import_events_refuses_clashes_and_gaps(store) -> None:
    code = store.next_code(DAY, 1)
    store.append(opened(code))
    before = store.path_for(DAY).read_bytes()
    with pytest.raises(StoreError):
        store.import_events([{**note(code, "sama"), "seq": 0}])
    with pytest.raises(StoreError):
        store.import_events([{**note(code, "loncat"), "seq": 5}])
    other = make_code(DAY, 2, 1)
    with pytest.raises(StoreError):
        store.import_events([{**note(other, "tanpa opened"), "seq": 0}])
    with pytest.raises(StoreError) as info:
        store.import_events([note(code, "tanpa seq")])
    assert info.value.field == "seq"
    assert store.path_for(DAY).read_bytes() == before


def test_events_of_many_cases_across_days(store) -> None:
    first = store.next_code(DAY, 1)
    store.append(opened(first, "Satu"))
    later = DAY + timedelta(days=1)
    second = store.next_code(later, 1)
    store.append(opened(second, "Dua"))
    store.append(note(second, "catatan"))
    unknown = make_code(DAY, 2, 9)
    found = store.events_of([second, human(first), unknown])
    assert set(found) == {first, second}
    assert [e["type"] for e in found[second]] == [e["type"] for e in store.events(second)]
    assert found[first] == store.events(first)
