"""Report pages: a long report from the days' pages has exactly the figures and the rows
(in order) that folding every case afresh gives; a page is made again whenever what it
was made from changed (a new event, a corrected holiday) and never believed when damaged.

The history is the demo generator's in a real store on disk (temp folders); expected
rows are always computed from fresh folds (`counter.case.fold_cache` forgotten first).
"""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from counter import demo
from counter import report as R
from counter.case import fold_cache
from counter.config import CalendarSettings, Profile
from counter.desk import Desk
from counter.export.columns import CASE_COLUMNS, STEP_COLUMNS
from counter.export.xlsx_cells import kinds_of, template
from counter.export.zip_raw import Piece
from counter.report_acc import SummaryAcc, checked_part
from counter.report_page import read_page
from counter.report_paged import stream_summary
from counter.report_rows import case_row, step_rows
from screens.cli.context import Context
from store import open_store
from store.store import Store
from tests.counter.demo_history import demo_history, desk_at_end

CASE_KINDS, STEP_KINDS = kinds_of(CASE_COLUMNS), kinds_of(STEP_COLUMNS)


@pytest.fixture
def history(loket_dirs: tuple[Path, Path]) -> tuple[Context, demo.DemoResult]:
    return demo_history(days=4, per_day=12, seed=11)


def _desk(ctx: Context, store: Store | None = None, profile: Profile | None = None) -> Desk:
    return desk_at_end(ctx, store, profile)


class Rows:
    """A sink keeping the sheets' rows as XML, in the order they came (compressed runs
    opened up and checked against their CRC and length)."""

    def __init__(self) -> None:
        self.cases = ""
        self.steps = ""
        self.from_pages = 0

    def add(self, item: R.CaseRows) -> None:
        row, steps = item
        self.cases += template(CASE_KINDS, row)
        self.steps += "".join(template(STEP_KINDS, s) for s in steps)

    def add_xml(self, case: str, steps: str, step_count: int) -> None:
        self.cases += case
        self.steps += steps

    def add_compressed(self, cases: Piece, case_count: int, steps: Piece,
                       step_count: int) -> None:
        self.cases += _opened(cases)
        self.steps += _opened(steps)
        self.from_pages += case_count


def _opened(piece: Piece) -> str:
    data = zlib.decompressobj(-15).decompress(piece.packed)
    assert len(data) == piece.size and zlib.crc32(data) == piece.crc
    return data.decode()


def _fresh(desk: Desk, first: date, last: date) -> tuple[R.Summary, Rows]:
    """The period folded and measured from its events, as `loket laporan` summed it
    before pages: the summary and every case's rows in the report's order."""
    fold_cache.forget_all()
    views = [v for d in R.days_in(first, last) for v in desk.views_on(d)]
    summary = R.range_summary(views, first, last, waiting=desk.open_views())
    rows = Rows()
    for view in sorted(views, key=lambda v: (v.state.opened_at, v.code)):
        rows.add((case_row(view), step_rows(view)))
    return summary, rows


def _paged(desk: Desk, first: date, last: date) -> tuple[R.Summary, Rows]:
    rows = Rows()
    return stream_summary(desk, first, last, rows), rows


def _same(got: tuple[R.Summary, Rows], expected: tuple[R.Summary, Rows]) -> None:
    assert replace(got[0], cases=(), steps=()) == replace(expected[0], cases=(), steps=())
    assert got[1].cases == expected[1].cases
    assert got[1].steps == expected[1].steps


def test_a_report_from_pages_equals_one_from_fresh_folds(
        history: tuple[Context, demo.DemoResult], monkeypatch: pytest.MonkeyPatch) -> None:
    ctx, result = history
    desk = _desk(ctx)
    expected = _fresh(desk, result.first, result.last)
    cold = _paged(desk, result.first, result.last)  # makes every day's page
    _same(cold, expected)
    import counter.summary as S

    def no_shelf(*args: object, **kwargs: object) -> object:
        raise AssertionError("a day with a fitting page was read through its shelf")

    monkeypatch.setattr(S, "rows_on", no_shelf)
    warm = _paged(desk, result.first, result.last)
    _same(warm, expected)
    closed = sum(1 for d in R.days_in(result.first, result.last)
                 for v in desk.views_on(d) if v.state.status.value in R.CLOSED)
    assert warm[1].from_pages == closed >= 10  # every closed case came from its page
    assert closed < expected[0].opened  # and the open ones were folded live between them


def test_a_new_event_makes_the_days_page_again(
        history: tuple[Context, demo.DemoResult]) -> None:
    ctx, result = history
    desk = _desk(ctx)
    _paged(desk, result.first, result.last)
    day = result.first
    store = desk.repo
    assert isinstance(store, Store)
    before = store.page_on(day)[1]
    code = next(v.code for v in desk.views_on(day) if v.state.status.value in R.CLOSED)
    desk.note(code, "catatan sesudah ditutup")  # a new last event: the day file changed
    _same(_paged(desk, result.first, result.last), _fresh(desk, result.first, result.last))
    after = store.page_on(day)[1]
    assert after is not None and after != before
    page = read_page(after)
    assert page is not None and page.key == store.page_on(day)[0]


def test_a_corrected_holiday_re_measures_the_pages(
        history: tuple[Context, demo.DemoResult]) -> None:
    ctx, result = history
    desk = _desk(ctx)
    first, last = result.first, result.last
    _paged(desk, first, last)
    profile = ctx.profile.with_changes(calendar=CalendarSettings(closed_days=(first,)))
    changed = _desk(ctx, profile=profile)
    expected = _fresh(changed, first, last)
    assert expected[1].steps != _fresh(desk, first, last)[1].steps  # the holiday counts
    _same(_paged(changed, first, last), expected)
    _same(_paged(desk, first, last), _fresh(desk, first, last))  # and back again


@pytest.mark.parametrize("damage", ["truncated", "garbage", "part-type", "lengths"])
def test_a_damaged_page_is_not_believed(history: tuple[Context, demo.DemoResult],
                                        damage: str) -> None:
    ctx, result = history
    desk = _desk(ctx)
    _paged(desk, result.first, result.last)
    store = desk.repo
    assert isinstance(store, Store)
    path = store.shelves.page_path_for(result.first)
    raw = path.read_bytes()
    if damage == "truncated":
        raw = raw[: len(raw) // 2]
    elif damage == "garbage":
        raw = b"\x00\xff" * 40
    elif damage == "part-type":  # a figure turned into text by hand
        raw = raw.replace(b'"n":', b'"n":"', 1).replace(b',"m":', b'","m":', 1)
    else:  # a row's template cut: its length no longer adds up
        raw = raw[:-10]
    path.write_bytes(raw)
    assert read_page(raw) is None
    _same(_paged(desk, result.first, result.last), _fresh(desk, result.first, result.last))
    assert read_page(path.read_bytes()) is not None  # made again


def test_a_read_only_copy_is_reported_without_writing_pages(
        history: tuple[Context, demo.DemoResult]) -> None:
    ctx, result = history
    store = open_store(ctx.paths.store_dir, ctx.profile.tz, read_only=True)
    desk = _desk(ctx, store=store)
    _same(_paged(desk, result.first, result.last), _fresh(desk, result.first, result.last))
    assert not store.shelves.page_path_for(result.first).exists()


def test_figures_merged_from_parts_equal_figures_added_up(
        history: tuple[Context, demo.DemoResult]) -> None:
    """Any split of the cases into kept parts (through JSON) sums to the same figures."""
    import json

    ctx, result = history
    desk = _desk(ctx)
    items: list[Any] = [(case_row(v), step_rows(v))
                        for d in R.days_in(result.first, result.last) for v in desk.views_on(d)]
    whole = SummaryAcc()
    for item in items:
        whole.add(*item)
    merged = SummaryAcc()
    for start in range(0, len(items), 7):
        part = SummaryAcc()
        for item in items[start:start + 7]:
            part.add(*item)
        kept = checked_part(json.loads(json.dumps(part.part())))
        assert kept is not None
        merged.merge(kept)
    assert merged.finish(result.first, result.last) == whole.finish(result.first, result.last)
    assert whole.finish(result.first, result.last).over_steps  # overruns were merged too


def test_a_part_with_a_wrong_type_is_refused() -> None:
    good = SummaryAcc().part()
    assert checked_part(good) == good
    for key, bad in (("n", "3"), ("st", {"selesai": 1.5}), ("ar", [[9]]),
                     ("sv", [["sop", "Layanan", 1, 0, None, ["x"], [], []]]),
                     ("ov", [["sop", 2, "L", "K", None, [1.0], []]])):
        assert checked_part({**good, key: bad}) is None


def test_loket_laporan_from_pages_writes_the_same_workbook(
        history: tuple[Context, demo.DemoResult], tmp_path: Path) -> None:
    """The second report of a month is answered from its pages: the spreadsheet an admin
    opens holds the very same cells as the first one's (made from the events)."""
    from openpyxl import load_workbook

    from screens.cli import main

    ctx, result = history
    books = []
    for name in ("pertama.xlsx", "kedua.xlsx"):
        argv = ["--demo", "laporan", "--dari", str(result.first), "--sampai",
                str(result.last), "--format", "xlsx", "-o", str(tmp_path / name)]
        assert main(argv) == 0
        book = load_workbook(tmp_path / name)
        books.append({ws.title: [tuple(c.value for c in r) for r in ws.iter_rows()]
                      for ws in book.worksheets})
    assert isinstance(ctx.store, Store)
    assert ctx.store.page_on(result.last)[1] is not None  # the pages were kept
    first, second = books

    def alike(a: object, b: object) -> bool:  # a running step's minutes may tick on
        return a == b or (isinstance(a, float) and isinstance(b, float) and abs(a - b) <= 1)

    assert first.keys() == second.keys()
    for title in first:
        assert len(first[title]) == len(second[title]) > 1, title
        for r, s in zip(first[title], second[title], strict=True):
            assert len(r) == len(s) and all(alike(a, b) for a, b in zip(r, s, strict=True))


def test_the_rebuild_makes_every_days_page_again(
        history: tuple[Context, demo.DemoResult]) -> None:
    """`loket periksa --bangun-ulang` leaves the next long report nothing to fold but the
    open cases: every day with a day file has a fitting page again."""
    from counter.report_page import page_fits
    from counter.summary.reader import stamper_of
    from screens.cli.rebuild import rebuild_summaries

    ctx, result = history
    desk = _desk(ctx)
    store = desk.repo
    assert isinstance(store, Store)
    _paged(desk, result.first, result.last)
    stale = store.shelves.page_path_for(result.first)
    stale.write_bytes(b"rusak")
    done = rebuild_summaries(desk, store)
    assert done.days >= 4
    for day in R.days_in(result.first, result.last):
        key, raw = store.page_on(day)
        if key is None:
            continue
        page = read_page(raw) if raw is not None else None
        assert page is not None and page_fits(page, key, desk, stamper_of(desk)), day


@pytest.mark.parametrize("copy_fails", [False, True])
def test_open_cases_folded_by_forked_copies_give_the_same_report(
        history: tuple[Context, demo.DemoResult], monkeypatch: pytest.MonkeyPatch,
        copy_fails: bool) -> None:
    """A month's many open cases are shared out between forked copies of the process;
    the report is the one folding them here gives, even when a copy fails."""
    import os
    import pickle

    import counter.report_open as O

    ctx, result = history
    desk = _desk(ctx)
    expected = _fresh(desk, result.first, result.last)
    _paged(desk, result.first, result.last)  # the pages made
    monkeypatch.setattr(O, "PARALLEL_FROM", 1)
    monkeypatch.setattr(O, "MAX_THREADS", 99)  # whatever threads the test runner has
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted_fork)
    if copy_fails:
        def broken(*args: object, **kwargs: object) -> bytes:
            raise RuntimeError("the copy could not hand its cases over")

        monkeypatch.setattr(pickle, "dumps", broken)
    got = _paged(desk, result.first, result.last)
    monkeypatch.undo()
    assert forks  # the open cases were shared out
    _same(got, expected)


def test_a_copy_whose_cases_are_not_asked_for_is_stopped_and_reaped(
        history: tuple[Context, demo.DemoResult]) -> None:
    """A report that ends (or fails) before the forked copy's days leaves no process
    behind: the copy is stopped and reaped."""
    import os

    from counter.report_open import Share

    ctx, _ = history
    desk = _desk(ctx)
    store = desk.repo
    assert isinstance(store, Store)
    codes = store.open_codes()
    share = Share(desk, codes, lambda: store.events_of(codes))
    assert share.child is not None and codes
    pid = share.child[0]
    share.close()
    with pytest.raises(ChildProcessError):  # already reaped: no such child any more
        os.waitpid(pid, 0)
    share.close()  # and a second close does nothing


def test_a_report_keeps_its_open_cases_folds_for_the_next(
        history: tuple[Context, demo.DemoResult], monkeypatch: pytest.MonkeyPatch) -> None:
    """What a report folded (here and in its forked copy) is kept for the next process:
    the next report folds no open case again and gives the same rows."""
    import counter.report_open as O
    from counter import clock_kept
    from counter.open_snapshot import OpenSnapshot

    ctx, result = history
    desk = _desk(ctx)
    expected = _fresh(desk, result.first, result.last)
    monkeypatch.setattr(O, "PARALLEL_FROM", 1)
    monkeypatch.setattr(O, "MAX_THREADS", 99)  # a forked copy folds the later cases
    _paged(desk, result.first, result.last)
    store = desk.repo
    assert isinstance(store, Store)
    kept = OpenSnapshot(store.open_snapshot(), desk.calendar, desk.profile.nearing)
    open_codes = store.open_codes()
    assert open_codes and len(kept) == len(open_codes)
    assert all(kept.state(store.events(c), desk.sop_of(*_sop(store, c))) is not None
               for c in open_codes)
    fold_cache.forget_all()
    clock_kept.forget_all()

    def no_fold(*args: object, **kwargs: object) -> object:
        raise AssertionError("an open case folded again although its fold was kept")

    monkeypatch.setattr(fold_cache, "fold", no_fold)
    again = _paged(_desk(ctx), result.first, result.last)
    monkeypatch.undo()
    _same(again, expected)


def _sop(store: Store, code: str) -> tuple[str, int | None]:
    opened = store.events(code)[0]["data"]
    return opened["sop_id"], opened.get("sop_versi")
