"""The desk service: counter actions become stored events, on a real store and catalog."""

from datetime import datetime, timedelta

import pytest

from counter.case import HANDED_OFF, OVER_REASON, Status
from counter.config import default_profile
from counter.desk import Desk
from counter.errors import CaseError, CodeError
from counter.sop import load_catalog
from store import open_store
from tests.sessions import petugas

WIB = default_profile().tz
KONSULTASI = "pct-07-konsultasi-bisnis"


class Clock:
    def __init__(self, start: datetime) -> None:
        self.t = start

    def __call__(self) -> datetime:
        return self.t

    def advance(self, **kw: float) -> None:
        self.t += timedelta(**kw)


@pytest.fixture
def clock():
    return Clock(datetime(2026, 11, 25, 9, 0, tzinfo=WIB))  # a Wednesday


@pytest.fixture
def desk(tmp_path, clock):
    profile = default_profile()
    store = open_store(tmp_path / "store", profile.tz)
    return Desk(store, load_catalog(), profile, officer="Siti Aminah", now=clock)


VISITOR = {"nama": "Budi Santoso", "nik": "3501011201900002", "telepon": "081234567890"}


def test_walk_in_to_selesai(desk, clock):
    view = desk.open_case(KONSULTASI, VISITOR, received=["Form konsultasi bisnis"])
    code = view.code
    assert code.startswith("26112501")
    assert view.state.status is Status.BERJALAN and view.state.current_step == 1
    stored = desk.repo.events(code)
    assert [e["type"] for e in stored] == ["opened", "step_started", "kelengkapan_checked"]
    assert all(e["officer"] == "Siti Aminah" and e["desk"] == 1 for e in stored)

    clock.advance(minutes=10)
    view = desk.complete_step(code, output="form terisi")
    assert view.state.current_step == 2
    seen_handoff = False
    for _ in range(10):
        if view.state.closed:
            break
        clock.advance(minutes=5)
        if view.state.status is Status.MENUNGGU_PELAKSANA:
            view = desk.scan(view.code_human).view
        view = desk.complete_step(code)
        seen_handoff |= view.handoff is not None
    assert view.state.status is Status.SELESAI
    assert seen_handoff  # Konsultan reports to the Koor: the file travels
    assert code not in desk.repo.open_codes()
    # every step of the SOP was run exactly once
    assert [r.step for r in view.state.runs] == [s.no for s in view.sop.steps]


def test_over_reason_is_stored(desk, clock):
    code = desk.open_case(KONSULTASI, VISITOR).code
    clock.advance(minutes=40)  # step 1 has 15 menit
    view = desk.view(code)
    assert view.current_timing().level.name == "LEWAT"
    desk.complete_step(code, over_reason="formulir dibaca ulang bersama pemohon")
    reasons = [e for e in desk.repo.events(code) if e["type"] == OVER_REASON]
    assert reasons[0]["data"]["reason"] == "formulir dibaca ulang bersama pemohon"


def test_berkas_kurang_pauses_the_case(desk, clock):
    view = desk.open_case(KONSULTASI, VISITOR, missing=["Form konsultasi bisnis"])
    assert view.state.status is Status.MENUNGGU_PEMOHON
    clock.advance(hours=2)
    view = desk.resume(view.code)
    assert view.state.status is Status.BERJALAN
    assert view.timing.paused_s == pytest.approx(2 * 3600)


def test_draf_sop_cannot_be_served(desk):
    with pytest.raises(CaseError) as info:
        desk.open_case("pct-11-nib", VISITOR)
    assert "belum dapat dipakai" in str(info.value)


def test_hand_off_then_scan_receives(desk, clock):
    code = desk.open_case(KONSULTASI, VISITOR).code
    view = desk.view(code)
    while view.next.hand_off is None:
        clock.advance(minutes=5)
        view = desk.complete_step(code)
    view = desk.hand_off(code, output="notulen")
    assert view.state.status is Status.MENUNGGU_PELAKSANA
    assert view.holder_name == "Koor"
    assert [e for e in desk.repo.events(code) if e["type"] == HANDED_OFF]
    clock.advance(minutes=30)
    result = desk.scan(view.code_human)
    assert result.received and result.view.state.status is Status.BERJALAN
    again = desk.scan(code)  # a second scan changes nothing
    assert not again.received


def test_bad_scans_change_nothing(desk):
    code = desk.open_case(KONSULTASI, VISITOR).code
    before = len(desk.repo.events(code))
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    for text in (wrong, "hello", "12345"):
        with pytest.raises(CodeError):
            desk.scan(text)
    assert len(desk.repo.events(code)) == before


def test_restart_keeps_the_case_and_its_time(tmp_path, clock):
    profile = default_profile()
    first = Desk(open_store(tmp_path / "s", profile.tz), load_catalog(), profile,
                 officer=petugas(), now=clock)
    code = first.open_case(KONSULTASI, VISITOR).code
    clock.advance(minutes=12)
    again = Desk(open_store(tmp_path / "s", profile.tz), load_catalog(), profile, now=clock)
    [view] = again.open_views()
    assert view.code == code and view.state.current_step == 1
    timing = view.current_timing()
    assert timing is not None and timing.elapsed_s == pytest.approx(12 * 60)


def test_checklist_of_a_later_step_is_recorded_when_completed(desk, clock):
    code = desk.open_case(KONSULTASI, VISITOR, received=["Form konsultasi bisnis"]).code
    desk.complete_step(code)  # step 1 -> 2 (no kelengkapan)
    desk.complete_step(code)  # step 2 -> 3 (kelengkapan: Notulen)
    view = desk.complete_step(code, received=["Notulen", "bukan kelengkapan langkah ini"])
    assert list(view.state.kelengkapan[3]) == ["Notulen"]
    checks = [e for e in desk.repo.events(code) if e["type"] == "kelengkapan_checked"]
    assert [(c["data"]["step"], c["data"]["received"]) for c in checks] == [
        (1, ["Form konsultasi bisnis"]), (3, ["Notulen"])]
    # nothing ticked and nothing held before: no new fact
    before = len(desk.repo.events(code))
    desk.complete_step(code, received=[])
    assert not [e for e in desk.repo.events(code)[before:] if e["type"] == "kelengkapan_checked"]


def test_applicants_own_step_is_not_held_against_the_case(desk, clock):
    """NIK certificate: step 3 (the koperasi fills the form, N/A) took an hour."""
    from counter.clock import Level
    from counter.report import case_row

    code = desk.open_case("pct-01-sertifikat-nik", VISITOR).code
    clock.advance(minutes=5)
    desk.complete_step(code)  # step 1 (10 menit) in 5 m
    clock.advance(minutes=10)
    desk.complete_step(code)  # step 2 (15 menit) in 10 m
    clock.advance(minutes=60)
    desk.complete_step(code)  # step 3 (N/A) in 60 m
    clock.advance(minutes=5)  # 5 m into step 4
    view = desk.view(code)
    assert view.timing.elapsed_s == pytest.approx(80 * 60)
    # held against the 55 m of the steps with a mutu baku: 5 + 10 + 5 = 20 m
    row = case_row(view)
    assert row.elapsed_s == pytest.approx(20 * 60)
    assert row.limit_s == pytest.approx(55 * 60)
    assert view.timing.level is Level.DALAM and not row.over


# ---------------------------------------------------------------- one action, one write


class CountingRepo:
    """The real store, counting the writes each action makes."""

    def __init__(self, store) -> None:
        self.store = store
        self.writes: list[list[str]] = []
        self.before_write = None  # called once before the next write (a rival desk acts)

    def __getattr__(self, name):
        return getattr(self.store, name)

    def append(self, event):
        raise AssertionError("a desk action wrote a single event on its own")

    def append_many(self, events, expect=None):
        if self.before_write is not None:
            rival, self.before_write = self.before_write, None
            rival()
        self.writes.append([e["type"] for e in events])
        return self.store.append_many(events, expect=expect)


@pytest.fixture
def counted(tmp_path, clock):
    profile = default_profile()
    repo = CountingRepo(open_store(tmp_path / "store", profile.tz))
    return Desk(repo, load_catalog(), profile, officer="Siti Aminah", now=clock), repo


def test_every_action_is_one_write(counted, clock):
    desk, repo = counted
    view = desk.open_case(KONSULTASI, VISITOR, received=[], missing=["Form konsultasi bisnis"],
                          note="besok")
    assert repo.writes == [["opened", "step_started", "kelengkapan_checked",
                            "waiting_applicant"]]
    code = view.code
    stored = desk.repo.events(code)
    assert [e.get("prev") for e in stored] == [None] * 4  # a new case follows nothing
    clock.advance(minutes=30)
    desk.resume(code)
    clock.advance(minutes=5)
    view = desk.complete_step(code, over_reason="antre panjang")
    assert repo.writes[-1] == ["over_reason", "step_completed", "step_started"]
    while not view.state.closed:
        clock.advance(minutes=20)
        before = len(repo.writes)
        view = desk.receive(code) if view.state.status is Status.MENUNGGU_PELAKSANA \
            else desk.complete_step(code)
        assert len(repo.writes) == before + 1
    stored = desk.repo.events(code)
    firsts = [i for i, e in enumerate(stored) if "prev" in e]
    assert firsts  # each action's first event names the event it was planned on
    for i in firsts:
        assert stored[i]["prev"] == stored[i - 1]["id"]


def test_a_case_moved_by_another_desk_is_refused_with_what_changed(counted, clock, tmp_path):
    desk, repo = counted
    code = desk.open_case(KONSULTASI, VISITOR).code
    rival = Desk(repo.store, load_catalog(), default_profile().with_changes(desk=2),
                 officer="Rina", now=clock)
    clock.advance(minutes=10)
    repo.before_write = lambda: rival.complete_step(code)
    with pytest.raises(CaseError) as err:
        desk.complete_step(code)
    assert type(err.value).__name__ == "ConflictError"
    assert err.value.message.startswith("Kasus ini baru saja diubah di loket 2: langkah 1 sudah")
    events = desk.repo.events(code)
    assert [e["type"] for e in events].count("step_completed") == 1  # no duplicate step
    assert desk.view(code).state.current_step == 2  # the screen re-reads: the rival's work
    # A note fits any state: it is written after the rival's action, not refused.
    repo.before_write = lambda: rival.note(code, "dari loket 2")
    view = desk.note(code, "dari loket 1")
    assert [n.text for n in view.state.notes] == ["dari loket 2", "dari loket 1"]


def test_an_action_planned_on_an_old_screen_is_refused(counted, clock):
    """The officer decided on what the screen showed; the case moved since."""
    desk, repo = counted
    seen = desk.open_case(KONSULTASI, VISITOR)
    rival = Desk(repo.store, load_catalog(), default_profile().with_changes(desk=2),
                 officer="Rina", now=clock)
    clock.advance(minutes=5)
    rival.complete_step(seen.code)
    with pytest.raises(CaseError, match="di loket 2: langkah 1 sudah selesai"):
        desk.complete_step(seen.code, expect=seen.state.last_event_id)
    now = desk.view(seen.code)
    assert [r.step for r in now.state.runs] == [1, 2]  # step 2 was not completed blindly
    assert desk.complete_step(seen.code, expect=now.state.last_event_id).state.current_step == 3


def test_a_receipt_recorded_meanwhile_is_no_conflict(counted, clock):
    """The print worker records the tanda terima while the officer works the case."""
    desk, repo = counted
    seen = desk.open_case(KONSULTASI, VISITOR)
    desk.record_print(seen.code, "tanda-terima", ok=True, printer="lp", pdf="/x.pdf")
    clock.advance(minutes=5)
    repo.before_write = lambda: desk.record_print(seen.code, "tanda-terima", ok=False,
                                                  error="kertas habis")
    view = desk.complete_step(seen.code, expect=seen.state.last_event_id)
    assert view.state.current_step == 2 and len(view.state.prints) == 2
