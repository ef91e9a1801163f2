"""The demo generator: deterministic, lifelike, made through the desk, never in the real store."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from counter import demo
from counter.calendar import calendar_for
from counter.config import default_profile, resolve_paths
from counter.desk import Desk
from counter.errors import LoketError
from counter.sop import load_catalog

LAST = date(2026, 11, 27)  # Friday


@pytest.fixture(scope="module")
def history() -> tuple[demo.MemoryRepo, demo.DemoResult]:
    profile, catalog = default_profile(), load_catalog()
    repo = demo.MemoryRepo()
    result = demo.generate(repo, catalog, profile, days=4, until=demo.end_of_day(LAST, profile),
                           seed=5, settings=demo.DemoSettings(per_day=30))
    return repo, result


def test_same_seed_same_history(history: tuple[demo.MemoryRepo, demo.DemoResult]) -> None:
    repo, _ = history
    profile, catalog = default_profile(), load_catalog()
    again = demo.MemoryRepo()
    demo.generate(again, catalog, profile, days=4, until=demo.end_of_day(LAST, profile), seed=5,
                  settings=demo.DemoSettings(per_day=30))
    assert list(again.all_events()) == list(repo.all_events())
    other = demo.MemoryRepo()
    demo.generate(other, catalog, profile, days=4, until=demo.end_of_day(LAST, profile), seed=6,
                  settings=demo.DemoSettings(per_day=30))
    assert list(other.all_events()) != list(repo.all_events())


def test_history_covers_working_days_and_office_hours(
    history: tuple[demo.MemoryRepo, demo.DemoResult],
) -> None:
    repo, result = history
    cal = calendar_for(default_profile())
    assert len(result.days) == 4 and result.last == LAST
    assert all(cal.is_working_day(d) for d in result.days)
    for event in repo.all_events():
        at = datetime.fromisoformat(event["at"])
        assert at <= demo.end_of_day(LAST, default_profile())
        if event["type"] == "opened":
            assert cal.is_working_day(at.date())
            hours = cal.day_hours(at.date())
            assert hours is not None and hours.open <= at.time().replace(tzinfo=None) < hours.close


def test_history_has_the_situations_a_supervisor_reviews(
    history: tuple[demo.MemoryRepo, demo.DemoResult],
) -> None:
    repo, result = history
    types = Counter(e["type"] for e in repo.all_events())
    for kind in ("handed_off", "received", "over_reason", "waiting_applicant", "resumed",
                 "closed", "step_returned"):
        assert types[kind] > 0, kind
    outcomes = Counter(e["data"]["outcome"] for e in repo.all_events() if e["type"] == "closed")
    assert outcomes["selesai"] > 0
    catalog = load_catalog()
    sops = {e["data"]["sop_id"] for e in repo.all_events() if e["type"] == "opened"}
    front = {s.id for s in demo.front_desk_sops(catalog)}
    assert sops <= front and len(sops) >= min(3, len(front))
    # at the end of the last day some files are still open, some with officials
    profile = default_profile()
    desk = Desk(repo, catalog, profile, now=lambda: demo.end_of_day(LAST, profile))
    statuses = Counter(v.state.status.value for v in desk.open_views())
    assert statuses["menunggu_pemohon"] > 0
    assert statuses["menunggu_pelaksana"] + statuses["berjalan"] > 0
    assert result.cases == len(repo.open_codes()) + sum(outcomes.values())


def test_events_fold_cleanly(history: tuple[demo.MemoryRepo, demo.DemoResult]) -> None:
    """Made through the desk, the demo history holds no odd facts."""
    repo, result = history
    profile, catalog = default_profile(), load_catalog()
    desk = Desk(repo, catalog, profile, now=lambda: demo.end_of_day(LAST, profile))
    for day in result.days:
        for view in desk.views_on(day):
            assert view.state.anomalies == (), view.state.code


def test_fill_refuses_the_real_store(tmp_path: Path) -> None:
    from screens.cli.context import Context
    from screens.cli.demo import fill_demo_store

    real = Context(paths=resolve_paths(tmp_path / "cfg", tmp_path / "data"), demo=False)
    with pytest.raises(LoketError):
        fill_demo_store(real, days=1)
    assert not (tmp_path / "data" / "store").exists()


def test_loket_demo_writes_only_the_demo_store(loket_dirs: tuple[Path, Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from screens.cli import main

    _, data_dir = loket_dirs
    assert main(["demo", "--hari", "2", "--per-hari", "6", "--seed", "3"]) == 0
    assert "Penyimpanan demo diisi" in capsys.readouterr().out
    assert not (data_dir / "store").exists()  # the real store is untouched
    demo_store = data_dir / "demo" / "store"
    assert any(demo_store.rglob("*.json"))

    from store import open_store

    store = open_store(demo_store, default_profile().tz)
    opened = [c for f in store.day_files() for c in store.codes_on(date.fromisoformat(f.stem))]
    assert opened and set(store.open_codes()) <= set(opened)
    assert store.damaged() == []
    # running it again replaces the demo history instead of piling onto it
    assert main(["demo", "--hari", "2", "--per-hari", "6", "--seed", "3"]) == 0
    again = [c for f in store.day_files() for c in store.codes_on(date.fromisoformat(f.stem))]
    assert sorted(again) == sorted(opened)


def test_bad_day_count_is_refused() -> None:
    with pytest.raises(LoketError) as err:
        demo.generate(demo.MemoryRepo(), load_catalog(), default_profile(), days=0)
    assert "--hari" in str(err.value)


def test_history_before_opening_time_ends_on_the_previous_working_day() -> None:
    profile = default_profile()
    monday_early = datetime(2026, 11, 30, 6, 0, tzinfo=profile.tz)
    result = demo.generate(demo.MemoryRepo(), load_catalog(), profile, days=1,
                           until=monday_early, seed=1, settings=demo.DemoSettings(per_day=3))
    assert result.days == (date(2026, 11, 27),)  # Friday: the weekend and early Monday skipped
