"""How fast the Log harian screen is ready with a busy day; prints figures, asserts nothing.

    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/daily_log_bench.py [--pushes 6]

Generates one day of about 300 cases with the demo generator (a Friday up to 16.00,
the supervisor's review: 309 cases, about 200 still open), imported into a real store
on disk (a temp folder), then presses F4 as the app does: the kept `DailyLogScreen`
gets `fresh_visit` and is pushed again (`--new-each` builds a new one per push, the app
before). The desk's clock moves on a minute before each press, so the open cases'
timers (and their cells) change as they do for an officer. Measured per press:

- ready: from the press until the table holds every case and the summary is drawn
  (the target from issue 15: 150 ms);
- on screen: until the first frame drawn after that (what the officer sees);

with the stages (the data, `report.load_summary` in its worker thread; the table
and summary filled, `loaded` on the UI thread) and the CPU of the process (every
thread) beside the wall time. The first press makes the day's per-case summaries
(counter.summary); later presses find them kept. With `--memory` the day stays in
the in-memory repository (every case folded each time). Run with bytecode
(`env -u PYTHONDONTWRITEBYTECODE`): a real install has it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.app import App  # noqa: E402
from textual.widgets import DataTable  # noqa: E402

from counter import demo  # noqa: E402
from counter.config import default_profile  # noqa: E402
from counter.desk import Desk  # noqa: E402
from counter.sop import load_catalog  # noqa: E402
from screens.app_memory import collect_less, freeze_settled  # noqa: E402
from screens.daily_log import DailyLogScreen  # noqa: E402

LAST_DAY = date(2026, 11, 27)  # a Friday
REVIEW_AT = dt_time(16, 0)  # the supervisor's review, half an hour before closing


class Host(App[None]):
    """A headless app noting when each frame of a screen is drawn (not written out)."""

    frames: list[tuple[float, float]]  # (when, the process's CPU then)

    def _display(self, screen: Any, renderable: Any) -> None:
        if renderable is not None:
            self.frames.append((time.perf_counter(), time.process_time()))
        super()._display(screen, renderable)


class Clock:
    """The desk's clock: moved on a minute before each F4, so the open cases' timers run."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


STAGES: dict[str, list[float]] = {"data": [], "table": [], "filled_at": [], "cpu_at": []}


def instrument() -> None:
    """Time the screen's two halves: the data (`report.load_summary`, in its worker
    thread) and the table and summary drawn from it (`loaded`, on the UI thread)."""
    import screens.daily_log as log
    from counter import report

    load_summary, loaded = report.load_summary, log.DailyLogScreen.loaded

    def timed_load(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return load_summary(*args, **kwargs)
        finally:
            STAGES["data"].append(time.perf_counter() - t)

    def timed_loaded(self: Any, *args: Any) -> Any:
        t = time.perf_counter()
        try:
            return loaded(self, *args)
        finally:
            STAGES["filled_at"].append(time.perf_counter())
            STAGES["cpu_at"].append(time.process_time())  # every thread of this process
            STAGES["table"].append(time.perf_counter() - t)

    report.load_summary = timed_load
    log.DailyLogScreen.loaded = timed_loaded  # type: ignore[method-assign,assignment]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def measure(desk: Desk, clock: Clock, day: date, expected: int, new_each: bool = False,
                  pushes: int = 6) -> None:
    app = Host()
    app.frames = []
    kept = DailyLogScreen(desk)  # as the app keeps it: built once, shown on each F4
    app.install_screen(kept, name="daily_log")
    async with app.run_test(size=(120, 40)) as pilot:
        # as LoketApp: fewer collections from its start, and what it holds once the
        # dashboard is filled (before any F4) frozen out of them (screens/app_memory.py)
        collect_less()
        freeze_settled()
        ready, drawn, cpu_ready, cpu_drawn = [], [], [], []
        for _ in range(pushes):  # the first makes the summaries; median of those after
            clock.at += timedelta(minutes=1)
            screen = DailyLogScreen(desk) if new_each else kept
            before = screen.summary
            t, c = time.perf_counter(), time.process_time()
            if screen is kept and before is not None:
                kept.fresh_visit()  # what the app's F4 does (screens/app.py action_daily_log)
            await app.push_screen(screen)
            table = screen.query_one("#log-table", DataTable)
            # waited for coarsely (a tight poll on the UI thread would slow the worker);
            # timed by `loaded` itself and by the frames
            while screen.summary is before or table.row_count < expected:
                await asyncio.sleep(0.01)
            filled_at = STAGES["filled_at"][-1]
            ready.append(filled_at - t)
            cpu_ready.append(STAGES["cpu_at"][-1] - c)
            while not any(f > filled_at for f, _ in app.frames[-3:]):
                await asyncio.sleep(0.01)
            frame, cpu = next(f for f in app.frames if f[0] > filled_at)
            drawn.append(frame - t)
            cpu_drawn.append(cpu - c)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        app.push_screen(screen := DailyLogScreen(desk, day=day))
        await screen.workers.wait_for_complete()
        await pilot.pause()
        warm = slice(1, pushes)
        data, table_s = median(STAGES["data"][warm]), median(STAGES["table"][warm])
        print(f"  F4 with {expected} cases, median of the {pushes - 1} presses after the first "
              f"(first: ready {ms(ready[0])}, CPU {ms(cpu_ready[0])}):")
        print(f"    ready (table filled, summary drawn): {ms(median(ready[warm]))} "
              f"(min {ms(min(ready[warm]))}, max {ms(max(ready[warm]))}; target 150 ms); "
              f"CPU {ms(median(cpu_ready[warm]))}")
        print(f"    on screen (next frame drawn):        {ms(median(drawn[warm]))} "
              f"(min {ms(min(drawn[warm]))}, max {ms(max(drawn[warm]))}); "
              f"CPU {ms(median(cpu_drawn[warm]))}")
        print(f"    stages: data (load_summary, worker) {ms(data)}, table + summary filled "
              f"{ms(table_s)}, the rest until ready (push, frames, thread hand-over) "
              f"{ms(median(ready[warm]) - data - table_s)}")
        # sorting and filtering rebuild the table synchronously; the next frame draws it
        t = time.perf_counter()
        screen.sort_by("time")
        print(f"  re-sort by working time (rebuild) {(time.perf_counter() - t) * 1000:8.1f} ms")
        await pilot.pause()
        t = time.perf_counter()
        screen.filters.only_over = True
        screen.refill()
        print(f"  filter: over time only (rebuild)  {(time.perf_counter() - t) * 1000:8.1f} ms")
        await pilot.pause()
        screen.span = "week"
        t = time.perf_counter()
        screen.load()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        rows = screen.query_one("#log-table", DataTable).row_count
        print(f"  week view ({len(screen.rows)} cases, {rows} shown)  "
              f"{(time.perf_counter() - t) * 1000:8.1f} ms")


def load() -> str:
    import os

    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-day", type=float, default=300)
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--pushes", type=int, default=6, help="F4 presses (the first warms)")
    parser.add_argument("--new-each", action="store_true",
                        help="build a new screen per push (the app before issue 15's kept one)")
    args = parser.parse_args()
    instrument()
    print(load())
    profile, catalog = default_profile(), load_catalog()
    repo = demo.MemoryRepo()
    until = datetime.combine(LAST_DAY, REVIEW_AT, tzinfo=profile.tz)
    result = demo.generate(repo, catalog, profile, days=1, until=until, seed=6,
                           settings=demo.DemoSettings(per_day=args.per_day))
    count = len(repo.codes_on(result.last))
    print(f"day {result.last}: {count} cases, {len(repo.open_codes())} open at "
          f"{REVIEW_AT:%H.%M} ({'in memory' if args.memory else 'in a store on disk'})")
    clock = Clock(until)
    if args.memory:
        asyncio.run(measure(Desk(repo, catalog, profile, now=clock), clock, result.last, count,
                            args.new_each, args.pushes))
        return
    import tempfile

    from store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp), profile.tz)
        store.import_events(e for evs in repo.events_on(result.last).values() for e in evs)
        asyncio.run(measure(Desk(store, catalog, profile, now=clock), clock, result.last,
                            count, args.new_each, args.pushes))
    print(load())


if __name__ == "__main__":
    main()
