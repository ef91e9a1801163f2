"""Case events and the state derived from them, as the counter relies on it.

The SOP below has the shapes that matter: an applicant step at the counter, a
counter step, a decision of another desk returning to a step, a decision
returning to a role only, and a last step back at the counter.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from counter import case as C
from counter.case import Action, Status
from counter.errors import CaseError, VisitorError
from counter.sop import parse_sop

WIB = ZoneInfo("Asia/Jakarta")
CODE = "261125010077"
T0 = datetime(2026, 11, 25, 8, 0, tzinfo=WIB)


def WRONG(value: object) -> Any:
    """A value of the wrong type, on purpose: what a damaged or foreign file may hold."""
    return value

SOP_TEXT = """
id = "uji-nik"
nama = "Pengajuan Sertifikat NIK (uji)"
status = "berlaku"
layanan_loket = true
instansi = "Dinas Uji"

[sumber]
dokumen = "uji.txt"

[[pelaksana]]
id = "pemohon"
nama = "Pemohon"
pemohon = true

[[pelaksana]]
id = "admin"
nama = "Admin Loket"
loket = true

[[pelaksana]]
id = "kabid"
nama = "Kepala Bidang"

[[pelaksana]]
id = "kadis"
nama = "Kepala Dinas"

[[langkah]]
no = 1
kegiatan = "Menyerahkan berkas"
pelaksana = ["pemohon", "admin"]
kelengkapan = ["KTP", "Akta pendirian"]
waktu = "15 menit"
output = "Berkas diterima"

[[langkah]]
no = 2
kegiatan = "Mencatat dan memeriksa berkas"
pelaksana = ["admin"]
waktu = "30 menit"
output = "Berkas tercatat"

[[langkah]]
no = 3
kegiatan = "Memeriksa; jika tidak lengkap dikembalikan ke admin"
pelaksana = ["kabid"]
waktu = "Maksimal 1 hari"
output = "Disposisi"

[[langkah.kembali]]
syarat = "berkas tidak lengkap"
ke_langkah = 2

[[langkah]]
no = 4
kegiatan = "Menandatangani; jika tidak setuju dikembalikan ke Kepala Bidang"
pelaksana = ["kadis"]
waktu = "2-4 hari"
output = "Sertifikat ditandatangani"

[[langkah.kembali]]
syarat = "tidak setuju"
ke_pelaksana = "kabid"

[[langkah]]
no = 5
kegiatan = "Menyerahkan sertifikat"
pelaksana = ["admin", "pemohon"]
waktu = "15 menit"
output = "Sertifikat diserahkan"
"""

SOP = parse_sop(SOP_TEXT, "uji.toml")


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def stored(*events: dict) -> list[dict]:
    """Number events as the store would."""
    return [dict(ev, seq=i) for i, ev in enumerate(events)]


def open_event(minutes: float = 0) -> dict:
    return C.opened(CODE, at(minutes), "Siti", 1, SOP.id,
                    {"nama": "Budi Santoso", "nik": "3501014512900002",
                     "telepon": "0812-3456-7890"})


# ---------------------------------------------------------------- the full journey


def test_full_journey_as_events_gives_the_state_at_each_point():
    ev: list[dict] = [open_event(0)]

    def state():
        return C.fold(stored(*ev), SOP)

    s = state()
    assert s.status is Status.BERJALAN and s.current_step == 1
    assert s.holder_role == "admin" and s.runs == ()
    assert s.visitor.telepon == "+6281234567890" and s.visitor.nik == "3501014512900002"
    assert s.opened_at == at(0) and s.officer == "Siti" and s.desk == 1

    ev.append(C.step_started(CODE, at(1), "Siti", 1, 1))
    ev.append(C.kelengkapan_checked(CODE, at(3), "Siti", 1, 1, ["KTP"], ["Akta pendirian"]))
    ev.append(C.waiting_applicant(CODE, at(5), "Siti", 1, 1, ["Akta pendirian"], "besok"))
    s = state()
    assert s.status is Status.MENUNGGU_PEMOHON
    assert s.status.label() == "menunggu pemohon"
    assert s.waiting_missing == ("Akta pendirian",) and s.waiting_note == "besok"
    assert s.kelengkapan[1] == ("KTP",)
    assert s.current_run.paused and s.current_run.pauses == ((at(5), None),)

    ev.append(C.resumed(CODE, at(65), "Rina", 2, 1))
    ev.append(C.kelengkapan_checked(CODE, at(66), "Rina", 2, 1, ["KTP", "Akta pendirian"]))
    ev.append(C.step_completed(CODE, at(70), "Rina", 2, 1, "lengkap"))
    s = state()
    assert s.status is Status.BERJALAN and s.current_step == 2
    run1 = s.runs_of(1)[0]
    assert (run1.started_at, run1.ended_at, run1.outcome) == (at(1), at(70), "selesai")
    assert run1.pauses == ((at(5), at(65)),)
    assert run1.received == ("KTP", "Akta pendirian") and run1.output == "lengkap"
    assert run1.officer == "Siti" and run1.ended_by == "Rina"
    assert s.waiting_missing == ()

    ev.append(C.step_started(CODE, at(70), "Rina", 2, 2))
    ev.append(C.step_completed(CODE, at(90), "Rina", 2, 2))
    ev.append(C.handed_off(CODE, at(91), "Rina", 2, 3, from_role="admin", to_role="kabid",
                           to_name="Drs. Hadi"))
    s = state()
    assert s.status is Status.MENUNGGU_PELAKSANA
    assert C.status_text(s, SOP) == "menunggu Kepala Bidang"
    assert s.holder_role == "kabid" and s.holder_since == at(91) and s.current_step == 3
    run3 = s.current_run
    assert run3.step == 3 and run3.started_at == at(91)  # waiting at kabid is step 3's time
    assert run3.handed_off_name == "Drs. Hadi" and run3.received_at is None

    ev.append(C.received(CODE, at(120), "Hadi", 3, 3, "kabid"))
    s = state()
    assert s.status is Status.BERJALAN and s.holder_role == "kabid"
    assert s.current_run.received_at == at(120) and s.current_run.received_by == "Hadi"
    assert s.current_run.started_at == at(91)

    ev.append(C.step_returned(CODE, at(180), "Hadi", 3, 3, to_step=2, to_role="admin",
                              reason="akta belum dilegalisir"))
    s = state()
    assert s.status is Status.BERJALAN and s.current_step == 2 and s.holder_role == "admin"
    assert s.runs_of(3)[0].outcome == "dikembalikan"
    assert s.runs_of(3)[0].return_reason == "akta belum dilegalisir"
    assert [r.outcome for r in s.runs_of(2)] == ["selesai", None]
    assert s.runs_of(2)[1].started_at == at(180)

    ev.append(C.step_completed(CODE, at(200), "Rina", 2, 2, "dilegalisir"))
    ev.append(C.handed_off(CODE, at(201), "Rina", 2, 3, from_role="admin", to_role="kabid"))
    ev.append(C.received(CODE, at(230), "Hadi", 3, 3, "kabid"))
    ev.append(C.step_completed(CODE, at(240), "Hadi", 3, 3, "disetujui"))
    ev.append(C.handed_off(CODE, at(241), "Hadi", 3, 4, from_role="kabid", to_role="kadis"))
    ev.append(C.received(CODE, at(300), "Ani", 4, 4, "kadis"))
    ev.append(C.step_completed(CODE, at(400), "Ani", 4, 4, "ditandatangani"))
    ev.append(C.step_started(CODE, at(410), "Siti", 1, 5))
    s = state()
    assert s.holder_role == "admin" and s.holder_since == at(410)  # back at the counter
    assert s.current_step == 5 and s.status is Status.BERJALAN
    assert len(s.runs_of(2)) == 2 and len(s.runs_of(3)) == 2

    ev.append(C.step_completed(CODE, at(420), "Siti", 1, 5, "diserahkan"))
    ev.append(C.closed(CODE, at(421), "Siti", 1, "selesai"))
    s = state()
    assert s.status is Status.SELESAI and s.closed and s.outcome == "selesai"
    assert s.closed_at == at(421) and s.current_step is None and s.current_run is None
    assert [r.step for r in s.runs] == [1, 2, 3, 2, 3, 4, 5]
    assert all(r.ended_at is not None for r in s.runs)
    assert s.done_steps() == {1, 2, 3, 4, 5}
    assert s.anomalies == ()
    assert [e["seq"] for e in s.events] == list(range(len(ev)))


def test_journey_driven_by_the_screen_helpers():
    """What the counter screen does: show next_action, append the plan, fold again."""
    s = C.fold(stored(open_event()), SOP)
    seen = []
    minute = 0

    def do(plan):
        nonlocal s
        s = C.apply(s, SOP, plan)
        seen.append((s.status, s.current_step, s.holder_role))

    def who() -> tuple[datetime, str, int]:
        nonlocal minute
        minute += 10
        return at(minute), "Siti", 1

    na = C.next_action(s, SOP)
    assert na.action is Action.MULAI and na.step is not None and na.step.no == 1
    assert na.role == "admin"
    assert na.hand_off is None and not na.is_last
    do(C.plan_start(s, SOP, *who()))
    assert s.current_run is not None and s.current_run.step == 1

    na = C.next_action(s, SOP)
    assert na.action is Action.SELESAI_LANGKAH and na.hand_off is None
    do(C.plan_complete(s, SOP, *who(), output="ok"))  # next step is the counter's own
    assert s.current_run is not None
    assert s.current_run.step == 2 and s.current_run.started_at == at(20)

    na = C.next_action(s, SOP)
    assert na.hand_off == C.HandOff(step=3, from_role="admin", to_role="kabid",
                                    to_role_name="Kepala Bidang")
    plan = C.plan_complete(s, SOP, *who(), to_name="Drs. Hadi")
    assert [e["type"] for e in plan] == ["step_completed", "handed_off"]
    do(plan)
    assert s.status is Status.MENUNGGU_PELAKSANA

    na = C.next_action(s, SOP)
    assert na.action is Action.TERIMA
    assert [t.step for t in na.returns] == [2]
    do(C.plan_receive(s, SOP, *who()))
    assert s.status is Status.BERJALAN and s.current_run.received_role == "kabid"

    na = C.next_action(s, SOP)
    (back,) = na.returns
    assert (back.step, back.role, back.syarat) == (2, "admin", "berkas tidak lengkap")
    assert "langkah 2" in back.label and "Admin Loket" in back.label
    do(C.plan_return(s, SOP, back, "kurang tanda tangan", *who()))
    assert (s.current_step, s.holder_role, s.status) == (2, "admin", Status.BERJALAN)
    assert C.next_action(s, SOP).action is Action.SELESAI_LANGKAH

    do(C.plan_complete(s, SOP, *who()))  # hands off to kabid again
    do(C.plan_receive(s, SOP, *who()))
    na = C.next_action(s, SOP)
    assert na.hand_off is not None and na.hand_off.to_role == "kadis"
    do(C.plan_complete(s, SOP, *who()))
    do(C.plan_receive(s, SOP, *who()))

    # Step 4 returns to a role only: resolved to that role's latest step before it.
    (to_kabid,) = C.next_action(s, SOP).returns
    assert (to_kabid.step, to_kabid.role) == (3, "kabid")
    plan = C.plan_return(s, SOP, to_kabid, "salah ketik", *who())
    assert [e["type"] for e in plan] == ["step_returned", "handed_off"]  # kadis → kabid
    do(plan)
    assert s.status is Status.MENUNGGU_PELAKSANA and s.holder_role == "kabid"
    do(C.plan_receive(s, SOP, *who()))
    do(C.plan_complete(s, SOP, *who()))
    do(C.plan_receive(s, SOP, *who()))

    na = C.next_action(s, SOP)
    assert na.hand_off is None and na.next_step.no == 5  # back to the counter
    do(C.plan_complete(s, SOP, *who()))
    assert s.holder_role == "admin" and s.current_run.step == 5

    na = C.next_action(s, SOP)
    assert na.is_last and na.next_step is None
    do(C.plan_close(s, SOP, "selesai", "", *who(), output="diserahkan"))
    assert s.status is Status.SELESAI
    assert s.runs_of(5)[0].outcome == "selesai"
    assert [len(s.runs_of(n)) for n in (1, 2, 3, 4, 5)] == [1, 2, 3, 2, 1]
    assert C.next_action(s, SOP).action is None
    assert s.anomalies == ()
    assert Status.MENUNGGU_PELAKSANA in {st for st, _, _ in seen}


# ---------------------------------------------------------------- pauses, prints, notes


def test_failed_print_does_not_count_as_issued():
    ev = [open_event(),
          C.printed(CODE, at(1), "Siti", 1, "tanda-terima", ok=False, printer="PDF",
                    error="printer mati")]
    s = C.fold(stored(*ev), SOP)
    assert not s.issued("tanda-terima") and len(s.prints) == 1
    assert s.prints[0].error == "printer mati"
    ev.append(C.printed(CODE, at(2), "Siti", 1, "tanda-terima", ok=True, pdf="/tmp/x.pdf"))
    s = C.fold(stored(*ev), SOP)
    assert s.issued("tanda-terima") and not s.issued("serah-terima")


def test_note_and_reprint_after_close_are_kept_without_anomaly():
    ev = stored(open_event(), C.closed(CODE, at(5), "Siti", 1, "dibatalkan", "pemohon pulang"),
                C.note(CODE, at(60), "Siti", 1, "pemohon menelepon"),
                C.printed(CODE, at(61), "Siti", 1, "tanda-terima", ok=True))
    s = C.fold(ev, SOP)
    assert s.status is Status.DIBATALKAN and s.close_reason == "pemohon pulang"
    assert [n.text for n in s.notes] == ["pemohon menelepon"]
    assert s.issued("tanda-terima") and s.anomalies == ()


def test_closing_while_waiting_for_applicant_ends_the_pause():
    ev = stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1),
                C.waiting_applicant(CODE, at(2), "Siti", 1, 1, ["KTP"]),
                C.closed(CODE, at(500), "Siti", 1, "ditolak", "tidak kembali"))
    s = C.fold(ev, SOP)
    assert s.status is Status.DITOLAK
    (run,) = s.runs
    assert run.outcome == "ditutup" and run.pauses == ((at(2), at(500)),)


def test_over_reason_lands_on_the_step_run():
    ev = stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1),
                C.step_completed(CODE, at(40), "Siti", 1, 1),
                C.over_reason(CODE, at(41), "Siti", 1, 1, "antrian panjang"))
    s = C.fold(ev, SOP)
    assert s.runs_of(1)[0].over_reason == "antrian panjang"
    assert s.over_reasons == {1: "antrian panjang"}


# ---------------------------------------------------------------- odd histories


def test_events_are_ordered_by_seq_not_by_list_position():
    ev = stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1),
                C.step_completed(CODE, at(5), "Siti", 1, 1),
                C.step_started(CODE, at(6), "Siti", 1, 2))
    shuffled = ev[:]
    random.Random(3).shuffle(shuffled)
    assert shuffled != ev
    assert C.fold(shuffled, SOP) == C.fold(ev, SOP)


def test_two_desks_completing_the_same_step_count_once():
    ev = stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1),
                C.step_completed(CODE, at(5), "Siti", 1, 1),
                C.step_completed(CODE, at(5.5), "Rina", 2, 1))
    s = C.fold(ev, SOP)
    assert len(s.runs) == 1 and s.runs[0].ended_by == "Siti" and s.current_step == 2
    assert len(s.anomalies) == 1 and s.anomalies[0].seq == 3


def test_step_completed_without_start_begins_at_previous_end():
    ev = stored(open_event(), C.step_completed(CODE, at(7), "Siti", 1, 1),
                C.step_completed(CODE, at(20), "Siti", 1, 2))
    s = C.fold(ev, SOP)
    assert [(r.step, r.started_at, r.ended_at) for r in s.runs] == [
        (1, at(0), at(7)), (2, at(7), at(20))]
    assert s.current_step == 3 and s.anomalies == ()


def test_state_changes_after_close_are_ignored_and_reported():
    ev = stored(open_event(), C.closed(CODE, at(5), "Siti", 1, "dibatalkan", "salah SOP"),
                C.step_started(CODE, at(6), "Rina", 2, 1),
                C.closed(CODE, at(7), "Rina", 2, "selesai"))
    s = C.fold(ev, SOP)
    assert s.status is Status.DIBATALKAN and s.closed_at == at(5) and s.runs == ()
    assert [a.type for a in s.anomalies] == ["step_started", "closed"]
    assert all("sesudah kasus ditutup" in a.message for a in s.anomalies)


def test_second_open_unknown_type_and_stray_resume_do_not_crash():
    ev = stored(open_event(), open_event(1),
                {"code": CODE, "type": "teleported", "at": at(2).isoformat(),
                 "officer": "X", "desk": 1, "data": {}},
                C.resumed(CODE, at(3), "Siti", 1, 1))
    s = C.fold(ev, SOP)
    assert s.status is Status.BERJALAN and s.opened_at == at(0)
    assert [a.seq for a in s.anomalies] == [1, 2, 3]


def test_clock_skew_between_desks_never_gives_negative_runs():
    ev = stored(open_event(), C.step_started(CODE, at(10), "Siti", 1, 1),
                C.step_completed(CODE, at(8), "Rina", 2, 1))  # other desk's clock is behind
    s = C.fold(ev, SOP)
    (run,) = s.runs
    assert run.ended_at is not None and run.ended_at >= run.started_at
    assert any("lebih awal" in a.message for a in s.anomalies)


def test_double_scan_keeps_the_first_receipt():
    ev = stored(open_event(), C.step_completed(CODE, at(5), "Siti", 1, 1),
                C.step_completed(CODE, at(6), "Siti", 1, 2),
                C.handed_off(CODE, at(7), "Siti", 1, 3, from_role="admin", to_role="kabid"),
                C.received(CODE, at(30), "Hadi", 3, 3, "kabid"),
                C.received(CODE, at(31), "Joko", 4, 3, "kabid"))
    s = C.fold(ev, SOP)
    assert s.current_run is not None
    assert s.current_run.received_at == at(30) and s.current_run.received_by == "Hadi"
    assert s.status is Status.BERJALAN


def test_result_recorded_at_counter_without_receipt_ends_the_wait():
    """The file comes back from the Kepala Bidang; the counter records the decision."""
    ev = stored(open_event(), C.step_completed(CODE, at(5), "Siti", 1, 1),
                C.step_completed(CODE, at(6), "Siti", 1, 2),
                C.handed_off(CODE, at(7), "Siti", 1, 3, from_role="admin", to_role="kabid"))
    s = C.fold(ev, SOP)
    assert Action.SELESAI_LANGKAH in C.allowed_actions(s, SOP)
    s = C.apply(s, SOP, C.plan_complete(s, SOP, at(100), "Siti", 1))
    assert s.status is Status.MENUNGGU_PELAKSANA and s.holder_role == "kadis"
    assert s.runs_of(3)[0].ended_at == at(100)


def test_fold_without_the_sop_still_reads_the_history():
    ev = stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1),
                C.handed_off(CODE, at(2), "Siti", 1, 3, from_role="admin", to_role="kabid"))
    s = C.fold(ev, None)
    assert s.status is Status.MENUNGGU_PELAKSANA and s.holder_role == "kabid"
    assert C.status_text(s, None) == "menunggu kabid"
    with pytest.raises(CaseError, match="tidak tersedia"):
        C.plan_complete(s, None, at(3), "Siti", 1)


# ---------------------------------------------------------------- impossible histories


def test_history_without_opened_first_is_a_named_problem_not_a_guess():
    s = C.fold(stored(C.step_started(CODE, at(1), "Siti", 1, 1), open_event()), SOP)
    assert s.status is Status.RUSAK and not s.closed and s.runs == ()
    assert s.code == CODE and s.problems[0].field == "type"
    assert "harus 'opened'" in s.problems[0].text() and "2026-11-25" in s.problems[0].text()
    with pytest.raises(CaseError, match="tanpa kejadian"):
        C.fold([], SOP)


def test_events_of_another_case_are_left_out_and_named():
    other = C.note("261125010089", at(1), "Siti", 1, "x")
    s = C.fold(stored(open_event(), other), SOP)
    assert s.status is Status.BERJALAN and s.notes == ()
    (problem,) = s.problems
    assert problem.field == "code" and problem.event_id == other["id"]
    assert "261125010089" in problem.message


@pytest.mark.parametrize("at_text", ["kemarin", "2026-11-25T09:00:00", None])
def test_unreadable_or_naive_time_in_a_stored_event_is_a_problem(at_text):
    bad = dict(C.note(CODE, at(1), "Siti", 1, "x"), at=at_text)
    s = C.fold(stored(open_event(), bad), SOP)
    (problem,) = s.problems
    assert problem.field == "at" and problem.seq == 1 and problem.event_id == bad["id"]
    assert s.notes == () and s.status is Status.BERJALAN


# ---------------------------------------------------------------- event constructors


def test_constructed_event_has_the_contract_shape():
    ev = C.step_completed(CODE, at(5), " Siti ", 1, 2, " tercatat ")
    assert C.is_id(ev.pop("id"))
    assert ev == {"code": CODE, "type": "step_completed", "at": "2026-11-25T08:05:00+07:00",
                  "officer": "Siti", "desk": 1, "data": {"step": 2, "output": "tercatat"}}
    assert "seq" not in ev  # given by the store


@pytest.mark.parametrize(
    "build, field_name",
    [
        (lambda: C.note(CODE, datetime(2026, 11, 25, 8), "Siti", 1, "x"), "at"),
        (lambda: C.note(CODE, WRONG("2026-11-25T08:00+07:00"), "Siti", 1, "x"), "at"),
        (lambda: C.note(CODE, T0, "  ", 1, "x"), "officer"),
        (lambda: C.note(CODE, T0, "Siti", 0, "x"), "desk"),
        (lambda: C.note(CODE, T0, "Siti", 100, "x"), "desk"),
        (lambda: C.note("", T0, "Siti", 1, "x"), "code"),
        (lambda: C.note(CODE, T0, "Siti", 1, " "), "text"),
        (lambda: C.step_started(CODE, T0, "Siti", 1, 0), "step"),
        (lambda: C.step_started(CODE, T0, "Siti", 1, True), "step"),
        (lambda: C.closed(CODE, T0, "Siti", 1, "beres"), "outcome"),
        (lambda: C.closed(CODE, T0, "Siti", 1, "ditolak"), "reason"),
        (lambda: C.closed(CODE, T0, "Siti", 1, "dibatalkan", " "), "reason"),
        (lambda: C.step_returned(CODE, T0, "Siti", 1, 3, reason="x"), "to_step"),
        (lambda: C.step_returned(CODE, T0, "Siti", 1, 3, to_step=2, reason=""), "reason"),
        (lambda: C.handed_off(CODE, T0, "Siti", 1, 3, from_role="a", to_role=""), "to_role"),
        (lambda: C.handed_off(CODE, T0, "Siti", 1, 3, from_role="a", to_role="a"), "to_role"),
        (lambda: C.received(CODE, T0, "Siti", 1, 3, ""), "role"),
        (lambda: C.waiting_applicant(CODE, T0, "Siti", 1, 1, [], ""), "missing"),
        (lambda: C.kelengkapan_checked(CODE, T0, "Siti", 1, 1, [WRONG(1)]), "received"),
        (lambda: C.over_reason(CODE, T0, "Siti", 1, 1, ""), "reason"),
        (lambda: C.printed(CODE, T0, "Siti", 1, "kuitansi", ok=True), "doc"),
        (lambda: C.printed(CODE, T0, "Siti", 1, "tanda-terima", ok=WRONG("ya")), "ok"),
        (lambda: C.opened(CODE, T0, "Siti", 1, "", {"nama": "Budi"}), "sop_id"),
    ],
)
def test_constructors_refuse_bad_input_naming_the_field(build, field_name):
    with pytest.raises(CaseError) as err:
        build()
    assert err.value.field == field_name
    assert err.value.message


def test_opened_validates_the_visitor():
    with pytest.raises(VisitorError) as err:
        C.opened(CODE, T0, "Siti", 1, SOP.id, {"nama": "Budi", "nik": "123"})
    assert err.value.field == "nik"
    with pytest.raises(VisitorError):
        C.opened(CODE, T0, "Siti", 1, SOP.id, {"nama": ""})
    ev = C.opened(CODE, T0, "Siti", 1, SOP.id, C.Visitor(nama="Budi", telepon="0357 881234"))
    assert ev["data"]["visitor"]["telepon"] == "+62357881234"


# ---------------------------------------------------------------- decisions


def test_closed_case_refuses_step_actions_in_indonesian():
    s = C.fold(stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1),
                      C.closed(CODE, at(2), "Siti", 1, "dibatalkan", "salah")), SOP)
    assert C.allowed_actions(s, SOP) == {Action.CATAT, Action.CETAK}
    with pytest.raises(CaseError) as err:
        C.plan_complete(s, SOP, at(3), "Siti", 1)
    assert "sudah dibatalkan" in err.value.message
    assert "selesaikan langkah" in err.value.message


def test_return_only_from_a_decision_step_and_only_to_its_targets():
    s = C.fold(stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1)), SOP)
    assert Action.KEMBALIKAN not in C.allowed_actions(s, SOP)
    assert C.next_action(s, SOP).returns == ()
    fake = C.ReturnTarget("x", 1, "admin", "x")
    with pytest.raises(CaseError, match="bukan langkah keputusan"):
        C.plan_return(s, SOP, fake, "alasan", at(2), "Siti", 1)
    s = C.fold(stored(open_event(), C.step_completed(CODE, at(5), "Siti", 1, 1),
                      C.step_completed(CODE, at(6), "Siti", 1, 2),
                      C.handed_off(CODE, at(7), "Siti", 1, 3, from_role="admin",
                                   to_role="kabid"),
                      C.received(CODE, at(8), "Hadi", 3, 3, "kabid")), SOP)
    with pytest.raises(CaseError, match="tujuan pengembalian"):
        C.plan_return(s, SOP, fake, "alasan", at(9), "Hadi", 3)


def test_waiting_case_offers_resume_and_refuses_completion():
    s = C.fold(stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1),
                      C.waiting_applicant(CODE, at(2), "Siti", 1, 1, ["KTP"])), SOP)
    na = C.next_action(s, SOP)
    assert na.action is Action.LANJUT
    with pytest.raises(CaseError, match="menunggu pemohon"):
        C.plan_complete(s, SOP, at(3), "Siti", 1)
    s = C.apply(s, SOP, C.plan_resume(s, SOP, at(30), "Siti", 1))
    assert s.status is Status.BERJALAN and s.runs[0].pauses == ((at(2), at(30)),)


def test_closing_selesai_needs_every_step_done():
    s = C.fold(stored(open_event(), C.step_started(CODE, at(1), "Siti", 1, 1)), SOP)
    with pytest.raises(CaseError, match="belum selesai") as err:
        C.plan_close(s, SOP, "selesai", "", at(2), "Siti", 1)
    assert err.value.field == "outcome"
    plan = C.plan_close(s, SOP, "dibatalkan", "pemohon batal", at(2), "Siti", 1)
    assert [e["type"] for e in plan] == ["closed"]


def test_hand_off_rule():
    assert C.needs_hand_off(SOP, "admin", "kabid")
    assert not C.needs_hand_off(SOP, "kabid", "kabid")  # same desk
    assert not C.needs_hand_off(SOP, "kabid", "admin")  # the counter takes it back
    assert not C.needs_hand_off(SOP, "admin", "pemohon")  # the applicant is no desk
    assert C.desk_role(SOP, SOP.step(1)) == "admin"  # pemohon listed first
    assert C.intake_role(SOP) == "admin"


def test_status_labels():
    assert Status.MENUNGGU_PELAKSANA.label("Kepala Bidang") == "menunggu Kepala Bidang"
    assert Status.MENUNGGU_PELAKSANA.label() == "menunggu pelaksana"
    assert [s.label() for s in (Status.BERJALAN, Status.SELESAI, Status.DITOLAK,
                                Status.DIBATALKAN)] == [
        "berjalan", "selesai", "ditolak", "dibatalkan"]


def test_closing_selesai_completes_a_pending_last_step():
    ev = [open_event()] + [C.step_completed(CODE, at(n), "Siti", 1, n) for n in (1, 2, 3, 4)]
    s = C.fold(stored(*ev), SOP)
    assert s.current_step == 5 and s.current_run is None
    s = C.apply(s, SOP, C.plan_close(s, SOP, "selesai", "", at(9), "Siti", 1, "diserahkan"))
    assert s.status is Status.SELESAI
    last = s.runs_of(5)[0]
    assert (last.started_at, last.ended_at, last.output) == (at(4), at(9), "diserahkan")


def test_event_with_missing_data_is_a_named_problem_not_fatal():
    broken = {"code": CODE, "type": "handed_off", "at": at(1).isoformat(), "officer": "X",
              "desk": 1, "data": {"step": 3}}
    s = C.fold(stored(open_event(), broken), SOP)
    assert s.status is Status.BERJALAN and s.holder_role == "admin"
    (problem,) = s.problems
    assert (problem.field, problem.seq, problem.code) == ("data.to_role", 1, CODE)
    assert problem.event_id is None  # an old event without an id: named by its number
    assert "no. 1" in problem.text() and "data.to_role" in problem.text()
