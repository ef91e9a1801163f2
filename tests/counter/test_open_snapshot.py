"""The open cases' folds kept on disk for the next process (`counter.open_snapshot`): a new
desk takes them only for exactly the same events, SOP, calendar and code, and then shows
exactly what folding and measuring afresh shows; anything else is folded again."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from counter import clock, clock_kept
from counter import open_snapshot as snapshot_module
from counter.case import fold_cache
from counter.case.fold import fold
from counter.case.state import CaseState
from counter.clock import StepTiming
from counter.config import CalendarSettings
from counter.desk import Desk
from counter.frozen_codec import CodecError, codec, decode, encode
from counter.open_snapshot import OpenSnapshot
from counter.sop import Sop
from store import open_store
from tests.counter.demo_history import LAST, demo_history, desk_at_end
from tests.sessions import petugas


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Ten days of demo history (open files among them), made once for the module."""
    base = tmp_path_factory.mktemp("snapshot")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LOKET_CONFIG_DIR", str(base / "config"))
        mp.setenv("LOKET_DATA_DIR", str(base / "data"))
        demo_history(days=10, per_day=14, seed=21)
    yield base


@pytest.fixture
def office(history: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("LOKET_CONFIG_DIR", str(history / "config"))
    monkeypatch.setenv("LOKET_DATA_DIR", str(history / "data"))
    from counter.config import resolve_paths
    from screens.cli.context import Context

    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    store = open_store(ctx.paths.store_dir, ctx.profile.tz)
    store.shelves.open_snapshot_path.unlink(missing_ok=True)
    forget_memory()
    return ctx


def forget_memory() -> None:
    """What a new process would not have: the folds and clock plans kept in memory."""
    fold_cache.forget_all()
    clock_kept.forget_all()
    snapshot_module._ENCODED.clear()


def fresh_desk(ctx: Any, **changes: Any) -> Desk:
    profile = ctx.profile.with_changes(**changes) if changes else ctx.profile
    return desk_at_end(ctx, open_store(ctx.paths.store_dir, profile.tz), profile)


def kept_file(desk: Desk, raw: bytes | None) -> OpenSnapshot:
    return OpenSnapshot(raw, desk.calendar, desk.profile.nearing)


def first_look(ctx: Any) -> tuple[Desk, list[Any]]:
    """A desk's first look at the open cases, which keeps them for the next process."""
    desk = fresh_desk(ctx)
    views = desk.open_cases().views
    desk.keep_open_snapshot(views)
    assert desk.repo.open_snapshot()  # type: ignore[attr-defined]
    return desk, views


class Folds:
    """Counts the folds made from events (and can forbid them)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, forbidden: bool = False) -> None:
        self.codes: list[str] = []

        def counted(events: Any, sop: Any, day: Any = None) -> CaseState:
            assert not forbidden, "folded although the kept fold fits"
            state = fold(events, sop, day)
            self.codes.append(state.code)
            return state

        monkeypatch.setattr(fold_cache, "fold", counted)


def no_plans_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forbid measuring a finished run or an allowance: the kept plan must supply both."""
    def forbidden(*_: Any) -> Any:
        raise AssertionError("measured although the kept plan fits")

    monkeypatch.setattr(clock, "_measure_ended", forbidden)
    monkeypatch.setattr(clock, "_allowance", forbidden)


def test_every_state_of_the_history_is_kept_exactly(office: Any) -> None:
    desk = fresh_desk(office)
    states = [v for day in range(10) for v in desk.views_on(LAST - timedelta(days=day))]
    assert len(states) > 100 and any(not v.state.closed for v in states)
    for view in states:
        plain = encode(view.state, ("events",))
        again = decode(CaseState, plain, {"events": view.state.events})
        assert again == view.state
        for _run, timing in view.timing.steps:
            assert decode(StepTiming, encode(timing)) == timing


def test_the_codec_refuses_what_it_cannot_carry() -> None:
    @dataclasses.dataclass(frozen=True)
    class Loose:
        anything: Any

    @dataclasses.dataclass
    class Mutable:
        name: str

    with pytest.raises(CodecError):
        codec(Loose)
    with pytest.raises(CodecError):
        codec(Mutable)
    with pytest.raises(ValueError):
        decode(StepTiming, (1.0, 2.0))  # not all of its values


def test_a_new_desk_takes_every_open_case_from_the_file(
        office: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _, before = first_look(office)
    assert len(before) > 10
    forget_memory()
    Folds(monkeypatch, forbidden=True)
    no_plans_measured(monkeypatch)
    later = fresh_desk(office)
    after = later.open_cases().views
    assert [v.code for v in after] == [v.code for v in before]
    for old, new in zip(before, after, strict=True):
        assert new.state == old.state and new.timing == old.timing
        assert new.state.events == old.state.events  # the events just read, as stored
    # the clock moves on: the kept plans measure as afresh
    moved = later.now() + timedelta(hours=3, minutes=7)
    monkeypatch.undo()
    fresh = Desk(later.repo, later.catalog, later.profile, officer=petugas(),
                 now=lambda: moved)
    forget_memory()
    expected = {v.code: fresh.measure(fold(v.state.events, v.sop), v.sop).timing for v in after}
    later._now = lambda: moved
    for view in after:
        assert later.measure(view.state, view.sop).timing == expected[view.code]


def test_a_case_that_moved_is_folded_again(office: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    desk, before = first_look(office)
    moved = before[0].code
    desk.note(moved, "pemohon menelepon")
    forget_memory()
    folds = Folds(monkeypatch)
    after = fresh_desk(office).open_cases().views
    assert folds.codes == [moved]
    changed = next(v for v in after if v.code == moved)
    assert changed.state == fold(desk.repo.events(moved), changed.sop)
    assert len(changed.state.notes) == len(before[0].state.notes) + 1


def test_another_sop_or_code_is_never_taken(office: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    desk, before = first_look(office)
    kept = kept_file(desk, desk.repo.open_snapshot())  # type: ignore[attr-defined]
    view = before[0]
    assert view.sop is not None
    events = desk.repo.events(view.code)
    assert kept.state(events, view.sop) == view.state
    edited: Sop = dataclasses.replace(view.sop, nama=view.sop.nama + " (revisi)")
    assert kept.state(events, edited) is None  # one field of the SOP differs
    assert kept.state(events[:-1], view.sop) is None  # other events
    monkeypatch.setattr(snapshot_module, "code_digest", lambda: "another-loket")
    assert len(kept_file(desk, desk.repo.open_snapshot())) == 0  # type: ignore[attr-defined]


def test_a_changed_calendar_measures_again_from_the_kept_folds(
        office: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    first_look(office)
    forget_memory()
    Folds(monkeypatch, forbidden=True)  # the folds do not depend on the calendar
    holiday = LAST - timedelta(days=2)  # the office learns it was closed that day
    changed = fresh_desk(office, calendar=CalendarSettings(closed_days=(holiday,)))
    before = fresh_desk(office)
    after = changed.open_cases().views
    monkeypatch.undo()
    forget_memory()
    differs = False
    for view in after:
        expected = changed.measure(fold(view.state.events, view.sop), view.sop).timing
        assert view.timing == expected
        differs |= expected != before.measure(view.state, view.sop).timing
    assert differs  # the holiday did change some open case's working time


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty"])
def test_a_damaged_file_is_set_aside(office: Any, monkeypatch: pytest.MonkeyPatch,
                                     damage: str) -> None:
    desk, before = first_look(office)
    path = desk.repo.shelves.open_snapshot_path  # type: ignore[attr-defined]
    raw = path.read_bytes()
    path.write_bytes({"truncated": raw[: len(raw) // 2],
                      "flipped": raw[:-40] + bytes([raw[-40] ^ 1]) + raw[-39:],
                      "garbage": b"\x00\xff" * 500, "empty": b""}[damage])
    forget_memory()
    folds = Folds(monkeypatch)
    after = fresh_desk(office).open_cases().views
    assert sorted(folds.codes) == sorted(v.code for v in before)  # all folded afresh
    assert [v.state for v in after] == [v.state for v in before]


def test_a_read_only_copy_keeps_nothing(office: Any) -> None:
    store = open_store(office.paths.store_dir, office.profile.tz, read_only=True)
    desk = Desk(store, office.catalog, office.profile, officer=petugas())
    desk.keep_open_snapshot(desk.open_cases().views)
    assert store.open_snapshot() is None


def test_the_rebuild_removes_the_file(office: Any) -> None:
    desk, _ = first_look(office)
    assert desk.repo.shelves.forget_all() >= 1  # type: ignore[attr-defined]
    assert desk.repo.open_snapshot() is None  # type: ignore[attr-defined]


def test_a_writer_killed_while_keeping_the_file_leaves_a_whole_one(office: Any) -> None:
    """The file is replaced whole (a temp file renamed over it): a desk killed at any
    moment of a write leaves the last whole file, never half of one."""
    import os
    import random
    import signal
    import time

    desk, views = first_look(office)
    store = desk.repo
    whole, half = (snapshot_module.bytes_of(snapshot_module.entries_of(
        ((v.state, v.sop) for v in some), desk.calendar, desk.profile.nearing))
        for some in (views, views[::2]))
    sizes = {len(kept_file(desk, whole)), len(kept_file(desk, half))}
    assert len(sizes) == 2
    rng = random.Random(15)
    for _ in range(25):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child writes until it is killed
            os.close(read_end)
            os.write(write_end, b"R")
            while True:
                for raw in (whole, half):
                    store.keep_open_snapshot(raw)  # type: ignore[attr-defined]
        os.close(write_end)
        assert os.read(read_end, 1) == b"R"
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)
        assert len(kept_file(desk, store.open_snapshot())) in sizes  # type: ignore[attr-defined]
