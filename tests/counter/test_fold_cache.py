"""The folds of open cases kept in memory are exactly the folds of their events: reused
only for the very same events under the very same SOP, never for a case that moved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from counter import demo
from counter.case import fold_cache
from counter.case.fold import fold
from counter.config import default_profile, resolve_paths
from counter.desk import Desk
from screens.cli.context import Context
from screens.cli.demo import fill_demo_store
from store import open_store
from tests.sessions import petugas

LAST = date(2026, 11, 25)


def test_an_open_case_is_folded_once_and_again_when_it_moves(
        loket_dirs: tuple[Path, Path]) -> None:
    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    until = demo.end_of_day(LAST, default_profile())
    fill_demo_store(ctx, days=3, per_day=10, seed=3, until=until)
    store = open_store(ctx.paths.store_dir, ctx.profile.tz)
    desk = Desk(store, ctx.catalog, ctx.profile, officer=petugas(), now=lambda: until)
    fold_cache.forget_all()
    codes = store.open_codes()
    assert codes  # the history leaves files open
    found = store.events_of(codes)
    for code in codes:
        events = found[code]
        sop = desk.sop_of(events[0]["data"]["sop_id"], events[0]["data"].get("sop_versi"))
        first = fold_cache.fold_cached(events, sop)
        assert first == fold(events, sop)  # the very fold of the events
        again = fold_cache.fold_cached(store.events_of([code])[code], sop)
        assert again is first  # the same events read again: reused, not folded
    # a new event: the case is folded again and shows it
    code = codes[0]
    before = desk.views_of([code])[0]
    desk.note(code, "pemohon menelepon")
    after = desk.views_of([code])[0]
    assert after.state is not before.state
    assert len(after.state.events) == len(before.state.events) + 1
    assert after.state == fold(store.events(code), after.sop)


def test_a_closed_case_is_not_kept(loket_dirs: tuple[Path, Path]) -> None:
    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    until = demo.end_of_day(LAST, default_profile())
    fill_demo_store(ctx, days=2, per_day=8, seed=4, until=until)
    store = open_store(ctx.paths.store_dir, ctx.profile.tz)
    desk = Desk(store, ctx.catalog, ctx.profile, officer=petugas(), now=lambda: until)
    fold_cache.forget_all()
    views = desk.views_on(LAST)
    closed = [v.state for v in views if v.state.closed]
    still_open = [v.state for v in views if not v.state.closed]
    assert closed and still_open
    kept = fold_cache.kept_states()
    assert all(any(k is s for k in kept) for s in still_open)
    assert not any(k is s for k in kept for s in closed)  # memory: open files only
