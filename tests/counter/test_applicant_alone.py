"""A step the applicant does alone, away from the counter: its time is the applicant's."""

from __future__ import annotations

from datetime import datetime, timedelta

from counter.case import Status
from counter.config import default_profile
from counter.desk import Desk
from counter.sop import Catalog, parse_sop
from counter.sop_write import dump_sop, sop_to_data
from store import open_store
from tests.counter.test_case_jump import SOP


def make_desk(tmp_path, now):
    sop = parse_sop(SOP.replace('kegiatan = "Melengkapi berkas"',
                                'kegiatan = "Melengkapi berkas"\npemohon_sendiri = true'),
                    "uji.toml")
    profile = default_profile()
    return sop, Desk(open_store(tmp_path, profile.tz), Catalog(sops={sop.id: sop}), profile,
                     officer="Siti", now=lambda: now[0])


def test_the_flag_is_read_and_written_back(tmp_path) -> None:
    sop, _ = make_desk(tmp_path, [datetime(2026, 11, 25, 9, tzinfo=default_profile().tz)])
    assert sop.step(3).pemohon_sendiri and not sop.step(2).pemohon_sendiri
    again = parse_sop(dump_sop(sop_to_data(sop)), "x.toml")
    assert again.step(3).pemohon_sendiri


def test_applicant_step_waits_for_the_applicant_and_its_time_is_not_the_offices(
        tmp_path) -> None:
    now = [datetime(2026, 11, 25, 9, tzinfo=default_profile().tz)]
    _, desk = make_desk(tmp_path, now)
    code = desk.open_case("uji-lompat", {"nama": "Ani"}).code
    desk.complete_step(code)
    view = desk.complete_step(code)  # step 2 done: step 3 is the applicant's own
    assert view.state.current_step == 3
    assert view.state.status is Status.MENUNGGU_PEMOHON
    assert "Melengkapi berkas" in view.state.waiting_note
    now[0] += timedelta(days=5)  # the applicant takes a week; the office is not late
    view = desk.resume(code)
    timing = view.current_timing()
    assert timing is not None and timing.paused_s > 0 and timing.level.value == "dalam"
    view = desk.complete_step(code)
    assert view.state.current_step == 4 and view.state.status is Status.BERJALAN
