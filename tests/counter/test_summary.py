"""Per-case summaries: always the rows a fresh fold gives, made again when anything they
depend on changes (a new event, a corrected holiday), rebuilt when missing or damaged.

The history is the demo generator's, written through the desk into a real store on
disk (the autouse fixture points it at a temp folder). The expected rows are always
computed by folding and measuring the case's events afresh, never by the summaries.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from counter import demo
from counter import report as R
from counter.case import fold_cache
from counter.config import CalendarSettings, Profile
from counter.desk import Desk
from counter.report_rows import case_row, step_rows
from counter.summary import SummaryShelf, rows_on
from screens.cli.context import Context
from store import open_store
from store.store import Store
from tests.counter.demo_history import demo_history, desk_at_end


@pytest.fixture
def history(loket_dirs: tuple[Path, Path]) -> tuple[Context, demo.DemoResult]:
    return demo_history(days=4, per_day=10, seed=5)


def _desk(ctx: Context, store: Store | None = None, profile: Profile | None = None) -> Desk:
    return desk_at_end(ctx, store, profile)


def _fresh(desk: Desk, day: date) -> dict[str, tuple[Any, ...]]:
    """Every case of the day folded and measured from its events, as rows (no fold kept in
    memory is reused: `counter.case.fold_cache` forgets them first)."""
    fold_cache.forget_all()
    return {code: (case_row(v), tuple(step_rows(v)))
            for code, v in ((v.code, v) for v in desk.views_on(day))}


def _shelf(desk: Desk) -> SummaryShelf:
    """The store behind the desk, as the summaries' shelf (the store keeps them)."""
    assert isinstance(desk.repo, SummaryShelf)
    return desk.repo


def _shelved(desk: Desk, day: date) -> dict[str, tuple[Any, ...]]:
    got = rows_on(desk, _shelf(desk), day)
    return {row.code: (row, tuple(steps)) for row, steps in got.rows}


def _days(result: demo.DemoResult) -> list[date]:
    return R.days_in(result.first, result.last)


def test_every_summary_equals_a_fresh_fold(history: tuple[Context, demo.DemoResult]) -> None:
    ctx, result = history
    desk = _desk(ctx)
    closed = 0
    for day in _days(result):
        expected = _fresh(desk, day)
        first = _shelved(desk, day)  # makes the summaries (from the events)
        again = rows_on(desk, _shelf(desk), day)  # answered from them alone
        assert first == expected
        assert {r.code: (r, tuple(s)) for r, s in again.rows} == expected
        if expected:
            assert again.from_shelf
        closed += sum(1 for row, _ in expected.values() if row.status in R.CLOSED)
        # only the open cases are folded again once the summaries are made
        assert again.refolded == sum(1 for row, _ in expected.values()
                                     if row.status not in R.CLOSED)
    assert closed >= 5  # the history has closed cases to summarise


def test_a_new_event_makes_the_case_summary_again(
        history: tuple[Context, demo.DemoResult]) -> None:
    ctx, result = history
    desk = _desk(ctx)
    day = result.first
    _shelved(desk, day)
    code = next(c for c, (row, _) in _fresh(desk, day).items() if row.status in R.CLOSED)
    desk.note(code, "catatan sesudah ditutup")  # a note after closing: a new last event
    expected = _fresh(desk, day)
    still_open = sum(1 for row, _ in expected.values() if row.status not in R.CLOSED)
    got = rows_on(desk, _shelf(desk), day)
    # the day file changed: the shelf is checked case by case, and exactly the case with
    # a new event is summarised again (besides the open ones, always folded live)
    assert not got.from_shelf and got.refolded == still_open + 1
    assert {r.code: (r, tuple(s)) for r, s in got.rows} == expected


def test_a_corrected_holiday_re_measures_history(
        history: tuple[Context, demo.DemoResult]) -> None:
    ctx, result = history
    desk = _desk(ctx)
    for day in _days(result):
        _shelved(desk, day)
    # The office learns that the first day of the history was a holiday after all.
    closed_day = result.first
    profile = ctx.profile.with_changes(calendar=CalendarSettings(closed_days=(closed_day,)))
    changed = _desk(ctx, profile=profile)
    differs = False
    for day in _days(result):
        expected = _fresh(changed, day)
        assert _shelved(changed, day) == expected
        differs |= expected != _fresh(desk, day)
    assert differs  # the holiday did change some case's working time
    # and back: the office undoes the correction; the first figures return
    for day in _days(result):
        assert _shelved(desk, day) == _fresh(desk, day)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "wrong-shape", "wrong-type",
                                    "missing"])
def test_a_damaged_or_missing_shelf_is_made_again(
        history: tuple[Context, demo.DemoResult], damage: str) -> None:
    ctx, result = history
    desk = _desk(ctx)
    day = result.last
    expected = _shelved(desk, day)
    store = desk.repo
    assert isinstance(store, Store)
    path = store.shelves.path_for(day)
    raw = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff not json")
    elif damage == "wrong-shape":
        doc = json.loads(raw)
        for entry in doc["cases"].values():
            if "summary" in entry:
                entry["summary"]["row"] = entry["summary"]["row"][:3]  # a row cut short
        path.write_text(json.dumps(doc))
    elif damage == "wrong-type":
        doc = json.loads(raw)
        for entry in doc["cases"].values():
            if "summary" in entry:
                row = entry["summary"]["row"]
                row[:] = ["abc" if isinstance(v, float) else v for v in row]  # text for time
        path.write_text(json.dumps(doc))
    else:
        path.unlink()
    got = rows_on(desk, store, day)
    assert {r.code: (r, tuple(s)) for r, s in got.rows} == expected == _fresh(desk, day)
    assert rows_on(desk, store, day).from_shelf  # and kept whole again


def test_a_summary_of_the_wrong_case_is_not_believed(
        history: tuple[Context, demo.DemoResult]) -> None:
    """A shelf edited by hand to give one case another's figures is refused."""
    ctx, result = history
    desk = _desk(ctx)
    day = result.first
    expected = _shelved(desk, day)
    store = desk.repo
    assert isinstance(store, Store)
    path = store.shelves.path_for(day)
    doc = json.loads(path.read_bytes())
    summaries = [c for c, e in doc["cases"].items() if "summary" in e]
    assert len(summaries) >= 2
    a, b = summaries[:2]
    doc["cases"][a]["summary"], doc["cases"][b]["summary"] = \
        doc["cases"][b]["summary"], doc["cases"][a]["summary"]
    path.write_text(json.dumps(doc))
    # The day file is unchanged, so the shelf is current: each summary must still fit
    # its own case (code, last event), or the day is read from its events.
    assert _shelved(desk, day) == expected


def test_report_from_summaries_equals_report_from_folds(
        history: tuple[Context, demo.DemoResult]) -> None:
    """`loket laporan`'s summary through the shelves is the one the folds give."""
    ctx, result = history
    desk = _desk(ctx)
    plain = R.range_summary(
        [v for d in _days(result) for v in desk.views_on(d)], result.first, result.last,
        waiting=desk.open_views())
    for _ in range(2):  # cold (summaries made) and warm (answered from them)
        shelved = R.load_summary(desk, result.first, result.last)
        assert replace(shelved, steps=()) == replace(plain, steps=())
        assert sorted(shelved.steps, key=lambda s: (s.code, s.started_at, s.step)) == \
            sorted(plain.steps, key=lambda s: (s.code, s.started_at, s.step))


def test_a_read_only_copy_is_reported_without_writing_shelves(
        history: tuple[Context, demo.DemoResult]) -> None:
    ctx, result = history
    store = open_store(ctx.paths.store_dir, ctx.profile.tz, read_only=True)
    desk = _desk(ctx, store=store)
    rows = rows_on(desk, store, result.first)
    assert {r.code: (r, tuple(s)) for r, s in rows.rows} == _fresh(desk, result.first)
    assert not store.shelves.path_for(result.first).exists()


def test_a_day_outside_the_history_has_no_rows(
        history: tuple[Context, demo.DemoResult]) -> None:
    ctx, result = history
    desk = _desk(ctx)
    assert rows_on(desk, _shelf(desk), result.first - timedelta(days=40)).rows == []


def test_loket_periksa_bangun_ulang_rebuilds_every_day_and_says_how_long(
        history: tuple[Context, demo.DemoResult], capsys: pytest.CaptureFixture[str]) -> None:
    from counter.texts import summary as TS
    from screens.cli import main

    ctx, result = history
    store = open_store(ctx.paths.store_dir, ctx.profile.tz)
    shelf = store.shelves.path_for(result.first)
    assert main(["--demo", "periksa", "--bangun-ulang"]) == 0
    out = capsys.readouterr().out
    days = len(store.day_files())
    assert TS.REBUILT.split("{")[0] in out and f"{days} hari" in out and "detik" in out
    assert shelf.exists()
    desk = _desk(ctx)
    for day in _days(result):
        got = rows_on(desk, _shelf(desk), day)
        assert got.from_shelf or not got.rows
    # a damaged day is named and skipped; the others are rebuilt
    day_file = store.path_for(result.last)
    day_file.write_bytes(day_file.read_bytes()[:300])
    assert main(["--demo", "periksa", "--bangun-ulang"]) == 1
    out = capsys.readouterr().out
    assert str(day_file) in out and f"{days - 1} hari" in out
    assert shelf.exists()


def test_the_dashboard_reads_open_cases_from_their_small_files(
        history: tuple[Context, demo.DemoResult], monkeypatch: pytest.MonkeyPatch) -> None:
    """After one read, the open cases come from the days' open-case files (no day file is
    parsed), the same as from the day files; a day changed since is read again."""
    ctx, _result = history
    desk = _desk(ctx)
    store = desk.repo
    assert isinstance(store, Store)
    first = desk.open_cases()
    assert len(first.views) >= 5

    def no_day_file(day: date) -> None:
        raise AssertionError(f"the day file of {day} was parsed")

    with monkeypatch.context() as m:
        m.setattr(store, "events_on", no_day_file)
        again = desk.open_cases()
    assert [(v.code, v.state, v.timing) for v in again.views] == \
        [(v.code, v.state, v.timing) for v in first.views]
    # an action on an open case: its day is read again, and shows the change
    code = first.views[0].code
    desk.note(code, "ditanyakan lewat telepon")
    after = {v.code: v for v in desk.open_cases().views}
    assert after[code].state.notes[-1].text == "ditanyakan lewat telepon"
    # a damaged day is never answered from its open-case file
    day_file = store.path_for(first.views[0].state.opened_at.date())
    day_file.write_bytes(day_file.read_bytes()[:200])
    damaged = desk.open_cases()
    assert code not in {v.code for v in damaged.views}
    assert any(u.path == str(day_file) for u in damaged.unreadable)


def test_a_bad_time_is_refused_after_good_rows_of_the_same_types(
        history: tuple[Context, demo.DemoResult]) -> None:
    """Row types are checked once per shape of row; every row's times are still read."""
    from counter.summary.record import from_json

    ctx, result = history
    desk = _desk(ctx)
    _shelved(desk, result.last)
    store = desk.repo
    assert isinstance(store, Store)
    doc = json.loads(store.shelves.path_for(result.last).read_bytes())
    code, entry = next((c, e["summary"]) for c, e in doc["cases"].items() if "summary" in e)
    good = from_json(code, entry)
    assert good is not None and good.row.opened_at.tzinfo is not None
    at = entry["row"].index(good.row.opened_at.isoformat())
    for bad in ("bukan tanggal", good.row.opened_at.replace(tzinfo=None).isoformat(), 12.5):
        row = list(entry["row"])
        row[at] = bad
        assert from_json(code, {**entry, "row": row}) is None
    assert from_json(code, entry) == good


def test_a_shelf_changed_on_disk_is_read_again(
        history: tuple[Context, demo.DemoResult]) -> None:
    """A shelf is kept decoded in memory for the file it was read from (the log reads its
    day on every F4): a shelf replaced on disk is what the next read answers with."""
    from dataclasses import fields

    from counter.report_rows import CaseRow

    ctx, result = history
    desk = _desk(ctx)
    day = result.first
    _shelved(desk, day)
    store = desk.repo
    assert isinstance(store, Store)
    assert rows_on(desk, store, day).from_shelf  # read from the shelf, and kept
    path = store.shelves.path_for(day)
    doc = json.loads(path.read_bytes())
    code = next(c for c, e in doc["cases"].items() if "summary" in e)
    at = [f.name for f in fields(CaseRow)].index("visitor")
    doc["cases"][code]["summary"]["row"][at] = "Nama Lain"
    path.write_text(json.dumps(doc))
    got = rows_on(desk, store, day)
    assert got.from_shelf
    assert {row.code: row.visitor for row, _ in got.rows}[code] == "Nama Lain"
