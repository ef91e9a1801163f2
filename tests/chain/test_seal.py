"""The pure core of the chain: links, purge, and what verification says about each."""

from __future__ import annotations

import json

from counter.chain.hashing import held
from counter.chain.seal import purge, seal
from counter.chain.verify import DATA_BACK, EDITED, verify_day

CODE = "261125010015"


def _ev(doc: int, type_: str, data: dict, seq: int) -> dict:
    return {"code": CODE, "seq": seq, "id": f"01KB2Z3Q5E00000000000000{doc:02d}", "type": type_,
            "at": "2026-11-25T09:00:00+07:00", "officer": "Siti", "desk": 1, "data": data}


OPENED = {"sop_id": "x", "visitor": {"nama": "Ani", "nik": "3201012501900011",
                                     "telepon": "+6281211112222", "alamat": "Jl. A"}}


def _day(*events: dict) -> dict:
    data: dict = {"events": {}}
    for i, ev in enumerate(events, 1):
        old = dict(data["events"])
        data = {**data, "events": {**old, str(i): ev}}
        seal(old, data, lambda: None)
    return data


def _check(data: dict):
    return verify_day("2026-11-25", json.loads(json.dumps(data)), hashes_of=lambda d: set())


def test_each_event_gets_its_own_salt_and_the_day_verifies() -> None:
    data = _day(_ev(1, "opened", OPENED, 0),
                _ev(2, "data_corrected", {"field": "telepon", "value": "+6281299990000"}, 1))
    links = list(data["chain"].values())
    assert links[0]["s"] != links[1]["s"]
    assert _check(data).ok


def test_a_purge_keeps_the_hashes_and_leaves_no_value_or_salt() -> None:
    data = _day(_ev(1, "opened", OPENED, 0),
                _ev(2, "data_corrected", {"field": "telepon", "value": "+6281299990000"}, 1),
                _ev(3, "data_redacted", {"fields": ["nik", "telepon", "alamat"]}, 2))
    raw = json.dumps(data)
    assert "3201012501900011" not in raw and "6281299990000" not in raw and "Jl. A" not in raw
    assert not any("s" in link for link in data["chain"].values())
    assert not any(held(e) for e in data["events"].values())
    assert data["events"]["1"]["data"]["visitor"]["nama"] == "Ani"
    assert _check(data).ok
    # a value written back into a purged field is noticed
    data["events"]["1"]["data"]["visitor"]["nik"] = "3201012501900011"
    assert [b.kind for b in _check(data).breaks] == [DATA_BACK]


def test_a_correction_arriving_after_the_purge_is_purged_on_arrival() -> None:
    data = _day(_ev(1, "opened", OPENED, 0),
                _ev(2, "data_redacted", {"fields": ["nik"]}, 1),
                _ev(3, "data_corrected", {"field": "nik", "value": "3201012501900022"}, 2))
    assert "3201012501900022" not in json.dumps(data)
    assert _check(data).ok


def test_purging_twice_changes_nothing() -> None:
    data = _day(_ev(1, "opened", OPENED, 0), _ev(2, "data_redacted", {"fields": ["nik"]}, 1))
    before = json.dumps(data, sort_keys=True)
    assert purge(data, {CODE}) == 0
    assert json.dumps(data, sort_keys=True) == before


def test_an_edit_of_a_personal_value_before_the_purge_is_noticed() -> None:
    data = _day(_ev(1, "opened", OPENED, 0))
    data["events"]["1"]["data"]["visitor"]["telepon"] = "+6285500000000"
    assert [b.kind for b in _check(data).breaks] == [EDITED]
