"""The review names the requests served on the general SOP, grouped (issue 12, item 5)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from counter import demo
from counter.config import default_profile
from counter.desk import Desk
from counter.report import load_summary
from counter.sop import load_catalog
from counter.texts import evaluation as T
from counter.unserved import GENERAL_SOP, load_unserved, unserved_lines, unserved_requests

WIB = ZoneInfo("Asia/Jakarta")
DAY = datetime(2026, 11, 25, 9, tzinfo=WIB)


def test_walk_ins_on_the_general_sop_are_grouped_by_request() -> None:
    repo = demo.MemoryRepo()
    desk = Desk(repo, load_catalog(), default_profile(), officer="Siti Aminah",
                now=lambda: DAY)
    for i, request in enumerate(["Mengurus NIB", "mengurus  nib.", "Mengurus NIB", "PIRT",
                                 ""]):
        view = desk.open_case(GENERAL_SOP, {"nama": f"Pengunjung {i}"}, [], [])
        if request:
            desk.note(view.code, request)
    desk.open_case("pct-07-konsultasi-bisnis", {"nama": "Lain"}, ["Form konsultasi bisnis"], [])
    found = unserved_requests(desk.views_on(DAY.date()))
    assert [(r.keperluan, r.count) for r in found] == [
        ("Mengurus NIB", 3), (T.UNSERVED_UNKNOWN, 1), ("PIRT", 1)]
    summary = load_summary(desk, DAY.date(), DAY.date())
    lines = unserved_lines(load_unserved(desk, summary))
    assert lines[0] == T.UNSERVED_HEAD
    assert "Mengurus NIB: 3 pengunjung" in lines


def test_no_general_walk_ins_says_none() -> None:
    assert unserved_lines([]) == [T.UNSERVED_HEAD, T.UNSERVED_NONE]
