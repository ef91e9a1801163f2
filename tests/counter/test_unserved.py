"""The review names the requests served on the general SOP, grouped (issue 12, item 5)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
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


def test_requests_kept_with_the_summaries_equal_a_fresh_read(tmp_path: Path) -> None:
    """The log gathers each walk-in's request with the period's rows (closed cases from
    their kept summaries, open ones live) instead of folding them again: the review it
    gives must be the one a fresh read gives, on the first read and from the shelf."""
    from store import open_store
    from tests.sessions import supervisor

    profile = default_profile()
    store = open_store(tmp_path, profile.tz)
    desk = Desk(store, load_catalog(), profile, officer=supervisor(), now=lambda: DAY)
    codes = []
    for i, request in enumerate(["Mengurus NIB", "PIRT", "Mengurus NIB", ""]):
        view = desk.open_case(GENERAL_SOP, {"nama": f"Pengunjung {i}"}, [], [])
        if request:
            desk.note(view.code, request)
        codes.append(view.code)
    desk.close(codes[0], "dibatalkan", "pergi")  # closed: answered from its summary
    desk.close(codes[3], "dibatalkan", "pergi")
    fresh = load_unserved(desk, load_summary(desk, DAY.date(), DAY.date()))
    assert [(r.keperluan, r.count) for r in fresh] == [
        ("Mengurus NIB", 2), (T.UNSERVED_UNKNOWN, 1), ("PIRT", 1)]
    for _ in range(2):  # the summaries made, then read back
        requests: dict[str, str] = {}
        summary = load_summary(desk, DAY.date(), DAY.date(), requests=requests)
        assert set(requests) == set(codes)
        assert load_unserved(desk, summary, requests) == fresh
