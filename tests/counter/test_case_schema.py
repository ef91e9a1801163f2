"""Events with an identity and a schema: what the record relies on when it is read back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from counter import case as C
from counter.case import Status
from counter.case.read import read_case
from counter.codes import make_code
from counter.sop import load_catalog

WIB = ZoneInfo("Asia/Jakarta")
DAY = date(2026, 11, 25)
CODE = make_code(DAY, 1, 7)
OTHER = make_code(DAY, 1, 8)
T0 = datetime(2026, 11, 25, 8, 0, tzinfo=WIB)
SOP = load_catalog().get("pct-17-pengajuan-proposal")


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def stored(*events: dict) -> list[dict]:
    return [dict(ev, seq=i) for i, ev in enumerate(events)]


def opening(code: str = CODE, nama: str = "Budi Santoso") -> dict:
    return C.opened(code, T0, "Siti", 1, SOP.id, {"nama": nama})


EVERY_TYPE = [
    opening(),
    C.step_started(CODE, at(1), "Siti", 1, 1),
    C.kelengkapan_checked(CODE, at(1), "Siti", 1, 1, ["KTP"], ["NPWP"]),
    C.step_completed(CODE, at(2), "Siti", 1, 1, "ok"),
    C.over_reason(CODE, at(2), "Siti", 1, 1, "antre"),
    C.step_returned(CODE, at(3), "Siti", 1, 2, to_step=1, reason="kurang"),
    C.handed_off(CODE, at(4), "Siti", 1, 3, from_role="petugas", to_role="kadis", to_name="X"),
    C.received(CODE, at(5), "Hadi", 2, 3, "kadis"),
    C.waiting_applicant(CODE, at(6), "Hadi", 2, 3, ["KTP"], "besok"),
    C.resumed(CODE, at(7), "Hadi", 2, 3),
    C.note(CODE, at(8), "Hadi", 2, "catatan"),
    C.printed(CODE, at(9), "Siti", 1, "tanda-terima", ok=False, printer="lp0", error="kertas"),
    C.closed(CODE, at(10), "Siti", 1, "ditolak", "tidak memenuhi"),
    C.nik_revealed(CODE, at(11), "Siti", 1, "riwayat kasus"),  # an audit fact, also after close
    C.conflict_resolved(CODE, at(11), "Bu Kabid", 5, "01M8PVZWGKS9X8ZH06HB0QEVGG", "sah"),
    C.data_corrected(CODE, at(12), "Bu Rina", 1, "telepon", "0812 1111 2222", "pemohon"),
    C.data_redacted(CODE, at(13), "Bu Rina", 1, ["nik", "telepon", "alamat"], "2026-01-01"),
    C.reopened(CODE, at(14), "Bu Kabid", 5, 3, "ditutup keliru"),
]


def test_every_event_type_has_one_definition_used_to_make_and_to_read() -> None:
    assert {ev["type"] for ev in EVERY_TYPE} == set(C.EVENT_TYPES) == set(C.REGISTRY)
    for i, raw in enumerate(stored(*EVERY_TYPE)):
        ev = C.read_event(raw)
        assert ev.to_json() == raw and ev.seq == i
        assert isinstance(ev.data, C.REGISTRY[raw["type"]])


def test_ids_are_ulids_unique_and_sorting_by_time() -> None:
    ids = [ev["id"] for ev in EVERY_TYPE]
    assert all(C.is_id(i) for i in ids) and len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # made in time order
    same_moment = [C.note(CODE, T0, "Siti", 1, str(n))["id"] for n in range(50)]
    assert same_moment == sorted(same_moment) and len(set(same_moment)) == 50
    assert C.new_id(at(1)) < C.new_id(at(2))


def test_old_events_get_the_same_id_on_every_read_in_time_order() -> None:
    old = [{k: v for k, v in ev.items() if k != "id"} for ev in stored(*EVERY_TYPE[:4])]
    first = C.fold(old, SOP)
    again = C.fold([dict(ev) for ev in old], SOP)
    ids = [ev["id"] for ev in first.events]
    assert ids == [ev["id"] for ev in again.events] and all(C.is_id(i) for i in ids)
    assert ids == sorted(ids) and len(set(ids)) == 4
    assert first.last_event_id == ids[-1] == C.event_id(old[-1])
    # the same moment, another case or another seq: another id
    assert C.legacy_id(CODE, 0, T0.isoformat()) != C.legacy_id(OTHER, 0, T0.isoformat())
    assert C.legacy_id(CODE, 0, T0.isoformat()) != C.legacy_id(CODE, 1, T0.isoformat())


def test_opened_with_null_data_is_a_named_problem_never_a_traceback() -> None:
    broken = dict(opening(), data=None)
    state = C.fold(stored(broken, C.step_started(CODE, at(1), "Siti", 1, 1)), SOP)
    assert state.status is Status.RUSAK and not state.closed
    assert state.code == CODE and state.visitor.nama == "" and state.runs == ()
    problem = state.problems[0]
    assert (problem.code, problem.event_id, problem.seq, problem.field) == (
        CODE, broken["id"], 0, "data")
    assert problem.day == DAY and "2026-11-25" in problem.text()
    assert CODE in problem.text() and broken["id"] in problem.text()


@pytest.mark.parametrize("field, value", [
    ("data", {"step": "satu"}), ("data", {"step": 0}), ("data", []), ("desk", "1"),
    ("officer", None), ("id", "bukan-ulid"), ("prev", "x"), ("seq", -1), ("type", None),
])
def test_a_malformed_later_event_is_left_out_and_named(field: str, value: object) -> None:
    bad = dict(C.step_started(CODE, at(1), "Siti", 1, 1), **{field: value})
    events = stored(opening(), bad, C.note(CODE, at(2), "Siti", 1, "tetap terbaca"))
    if field == "seq":
        events[1]["seq"] = value
    state = C.fold(events, SOP)
    assert state.status is Status.BERJALAN
    assert [n.text for n in state.notes] == ["tetap terbaca"]
    assert state.runs == ()  # the unreadable start is not guessed at
    (problem,) = state.problems
    assert problem.field is not None and problem.field.split(".")[0] == field


def test_an_edited_code_never_shows_another_case() -> None:
    # A digit changed: the check digit fails.
    edited = dict(opening(), code=CODE[:-1] + str((int(CODE[-1]) + 1) % 10))
    state = C.fold(stored(edited), SOP)
    assert state.status is Status.RUSAK and state.problems[0].field == "code"
    # A valid code of another day, in this day's file: not listed as that case.
    elsewhere = make_code(date(2026, 11, 24), 1, 7)
    moved = stored(opening(elsewhere, "Orang Lain"))
    assert C.fold(moved, SOP).status is Status.BERJALAN  # read on its own day: fine
    state = C.fold(moved, SOP, day=DAY)
    assert state.status is Status.RUSAK and state.visitor.nama == ""
    assert "2026-11-25" in state.problems[0].message
    # An edit that makes an event join another case collides with its numbering.
    joined = stored(opening(), C.note(CODE, at(1), "Siti", 1, "milik kasus ini"))
    intruder = dict(C.note(CODE, at(2), "Budi", 1, "dari kasus lain"), seq=1)
    state = C.fold([*joined, intruder], SOP)
    assert [n.text for n in state.notes] == ["milik kasus ini"]
    assert state.problems[0].field == "seq"


def test_an_unknown_type_is_odd_not_damage_and_a_registered_one_needs_no_fold_change() -> None:
    future = {"code": CODE, "seq": 1, "type": "dari_versi_baru", "at": at(1).isoformat(),
              "officer": "Siti", "desk": 1, "data": {"x": 1}}
    state = C.fold([{**opening(), "seq": 0}, future], SOP)
    assert state.problems == () and len(state.anomalies) == 1

    if "uji_nik_dibuka" not in C.REGISTRY:
        @C.event_type("uji_nik_dibuka")
        @dataclass(frozen=True)
        class NikRevealed(C.EventData):
            reason: str
            by: str = ""

    ok = {**future, "type": "uji_nik_dibuka", "data": {"reason": "verifikasi"}}
    state = C.fold([{**opening(), "seq": 0}, ok], SOP)
    assert state.problems == () and state.anomalies == ()
    typed = read_case([{**opening(), "seq": 0}, ok]).facts[1]
    assert typed.data.to_json() == {"reason": "verifikasi", "by": ""}
    bad = {**ok, "data": {"reason": 5}}
    (problem,) = C.fold([{**opening(), "seq": 0}, bad], SOP).problems
    assert problem.field == "data.reason"


def test_an_id_is_spelled_as_the_ulid_package_spells_it() -> None:
    """Ids are written by Loket itself (the package's import cost every process ~40 ms):
    the same 26 characters as python-ulid, the reference, for any 128-bit value."""
    import random

    from ulid import ULID

    from counter.ids import is_id, new_id, ulid_text

    rng = random.Random(15)
    values = [0, 1, (1 << 128) - 1, *(rng.getrandbits(128) for _ in range(2000))]
    assert all(ulid_text(v) == str(ULID.from_int(v)) for v in values)
    made = new_id(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    assert is_id(made) and ULID.from_str(made).datetime == datetime(2026, 12, 1, 9, 0,
                                                                     tzinfo=UTC)
