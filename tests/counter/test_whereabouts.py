"""Where is the file: the log's rows, its waiting lines and the case detail agree."""

from __future__ import annotations

from datetime import datetime, timedelta

from counter.config import default_profile
from counter.desk import Desk
from counter.report import waiting_lines
from counter.sop import load_catalog
from counter.whereabouts import whereabouts
from screens.widgets.case_story import header_rows
from store import open_store

WIB = default_profile().tz
START = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)


def make_desk(tmp_path, now):
    profile = default_profile()
    return Desk(open_store(tmp_path / "store", profile.tz), load_catalog(), profile,
                officer="Siti Aminah", now=lambda: now[0])


def test_a_wait_for_the_applicant_is_dated_from_the_berkas_kurang(tmp_path):
    now = [START]
    desk = make_desk(tmp_path, now)
    code = desk.open_case("pct-07-konsultasi-bisnis", {"nama": "Rina"},
                          received=["Form konsultasi bisnis"]).code
    now[0] = START + timedelta(minutes=40)
    desk.complete_step(code)
    now[0] = START + timedelta(hours=2)
    view = desk.wait_applicant(code, [], "bawa proposal")

    where = whereabouts(view.state, view.sop)
    assert where is not None and where.holder == "Pemohon" and where.role is None
    assert where.since == START + timedelta(hours=2)
    [line] = waiting_lines([view])
    assert (line.holder, line.oldest_since) == ("Pemohon", where.since)
    detail = dict(header_rows(view))
    holder_rows = [v for k, v in detail.items() if v.startswith("Pemohon")]
    assert holder_rows and "11.00" in holder_rows[0]


def test_a_handed_off_file_is_with_the_official_since_the_hand_off(tmp_path):
    now = [START]
    desk = make_desk(tmp_path, now)
    code = desk.open_case("pct-07-konsultasi-bisnis", {"nama": "Rina"},
                          received=["Form konsultasi bisnis"]).code
    for minutes in (10, 20, 30, 45):
        now[0] = START + timedelta(minutes=minutes)
        view = desk.complete_step(code, to_name="Pak Koor")
    where = whereabouts(view.state, view.sop)
    assert where is not None
    assert where.holder == "Koor (Pak Koor)" and where.since == START + timedelta(minutes=45)
    [line] = waiting_lines([view])
    assert line.holder == where.holder
