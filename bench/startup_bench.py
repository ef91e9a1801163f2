"""Time from launching the counter app to the dashboard's first frame; prints figures.

    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/startup_bench.py \
        [--days 245] [--runs 5] [--fresh] [--signin 2]

Fills a demo store with a year of history (about 245 working days at 30 walk-ins a
day, made by the demo generator through the desk service; cached in
/tmp/loket-startup-bench, or LOKET_STARTUP_BENCH_DIR, between runs), then launches a
new Python process per run that imports the app, opens the store and catalog, builds
`LoketApp` the way `loket app --petugas …` does, and reports when the dashboard has
drawn its first frame with its tables filled. Target (issue 4): under 1 s.

The dashboard's own share (issue 15: tables filled within 300 ms with 575 open cases),
apart from the process's imports: its first fill, from the dashboard's mount until its
tables hold the open cases, and a reload (every 30 s and after each act), each with its
stages: the store read in a thread (the open cases' events, their folds, their timers)
and the tables filled on the UI thread, with the CPU beside the wall time. Each run
after the first finds the open cases' folds the last one kept (counter/open_snapshot.py;
"folds taken from the file" says how many). By default the officer is given (as the
tests and the demo start); `--signin S` starts at the sign-in, as every office's
morning does, and signs in S seconds after the launch: the dashboard's read is made
meanwhile (screens/app_warm.py) and shown as the dashboard mounts. Run with bytecode
(`env -u PYTHONDONTWRITEBYTECODE`): a real install has it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CACHE = Path(os.environ.get("LOKET_STARTUP_BENCH_DIR", "/tmp/loket-startup-bench"))
UNTIL = datetime(2026, 11, 25, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
OFFICER = "Petugas Bench"
RELOADS = 5  # dashboard reloads timed per launch


def prepare(days: int, fresh: bool) -> Path:
    """The cached demo data dir holding `days` working days of history."""
    from counter.config import Officer, default_profile, resolve_paths, save_profile
    from screens.cli.context import Context
    from screens.cli.demo import fill_demo_store

    marker = CACHE / f"days-{days}.done"
    paths = resolve_paths(CACHE / "config", CACHE / "data", demo=True)
    if marker.exists() and not fresh:
        return CACHE
    CACHE.mkdir(parents=True, exist_ok=True)
    save_profile(paths, default_profile().with_changes(officers=(Officer(OFFICER),)))
    started = time.perf_counter()
    result = fill_demo_store(Context(paths=paths, demo=True), days=days, until=UNTIL)
    print(f"history: {result.cases} cases over {len(result.days)} working days "
          f"({result.first} .. {result.last}), made in {time.perf_counter() - started:.1f} s")
    marker.write_text("ok")
    return CACHE


class Stages:
    """Wall and CPU (thread) time of the dashboard's stages, per read (first fill, reloads):
    a wrapper around each stage's method, summed until the read is applied."""

    def __init__(self) -> None:
        self.now: dict[str, float] = {}
        self.reads: list[dict[str, float]] = []
        self.applied: list[float] = []  # when each read's `_apply` ended
        self.read_started: list[float] = []  # when each read began in its thread

    def add(self, label: str, wall: float, cpu: float) -> None:
        self.now[label] = self.now.get(label, 0.0) + wall
        self.now[f"cpu {label}"] = self.now.get(f"cpu {label}", 0.0) + cpu

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            t, c = time.perf_counter(), time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.add(label, time.perf_counter() - t, time.thread_time() - c)
                if label == "apply":
                    self.reads.append(self.now)
                    self.now = {}
                    self.applied.append(time.perf_counter())

        setattr(owner, name, timed)

    def wrap_read(self, home: Any) -> None:
        """The worker's read ends when it hands its result to the UI thread (`_apply`,
        which it waits for): timed in the worker, from `_read` to that hand-over."""
        read, hand_over = home._read, home._from_thread
        started: dict[int, tuple[float, float]] = {}

        def timed_read(*args: Any, **kwargs: Any) -> Any:
            started[threading.get_ident()] = (time.perf_counter(), time.thread_time())
            self.read_started.append(time.perf_counter())
            return read(*args, **kwargs)

        def timed_hand_over(self_: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
            t, c = started.pop(threading.get_ident(), (None, None))
            if t is not None and c is not None:
                self.add("read", time.perf_counter() - t, time.thread_time() - c)
            return hand_over(self_, fn, *args, **kwargs)

        home._read, home._from_thread = timed_read, timed_hand_over


def child(base: Path, launched: float, signin: float | None = None) -> None:
    """One launch: imports and all, until the dashboard's first frame."""
    t_import = time.time()
    from counter.config import load_profile, resolve_paths
    from counter.desk_read import DeskReader
    from counter.open_snapshot import OpenSnapshot
    from counter.sop import load_catalog
    from screens.app import LoketApp
    from screens.home import HomeScreen
    from store import open_store
    from store.store import Store

    t_built = time.time()
    stages = Stages()
    stages.wrap_read(HomeScreen)  # the worker thread: all of the store read
    stages.wrap(DeskReader, "open_cases", "open cases")
    stages.wrap(Store, "events_of", "store")  # the open cases' events (open-case files)
    stages.wrap(DeskReader, "measure", "measure")  # timers; fold = open cases - store - this
    # the folds and clock plans an earlier process kept (counter.open_snapshot): part of fold
    stages.wrap(OpenSnapshot, "__init__", "kept")
    stages.wrap(OpenSnapshot, "state", "kept")
    stages.wrap(OpenSnapshot, "plan", "kept")
    kept_used: list[int] = []
    taken = OpenSnapshot.state

    def counted(self_: Any, *args: Any) -> Any:
        state = taken(self_, *args)
        kept_used.append(state is not None)
        return state

    setattr(OpenSnapshot, "state", counted)  # noqa: B010
    stages.wrap(HomeScreen, "_show_read", "apply")  # the UI thread: tables filled
    mounted: list[float] = []
    on_mount = HomeScreen.on_mount

    def mount(self: Any) -> None:
        mounted.append(time.perf_counter())
        on_mount(self)

    setattr(HomeScreen, "on_mount", mount)  # noqa: B010
    paths = resolve_paths(base / "config", base / "data", demo=True)
    profile = load_profile(paths)
    assert profile is not None
    store = open_store(paths.store_dir, profile.tz)
    app = LoketApp(paths, profile, load_catalog([paths.sop_dir]), store,
                   now=lambda: UNTIL, officer=None if signin is not None else OFFICER)
    marks: dict[str, float] = {}
    frames: list[float] = []
    display = app._display

    def first_frame(screen, renderable) -> None:
        # the compositor hands each frame to _display (headless: not written out)
        if renderable is not None and isinstance(screen, HomeScreen):
            marks.setdefault("frame", time.time())
            frames.append(time.perf_counter())
        display(screen, renderable)

    setattr(app, "_display", first_frame)  # noqa: B010 (watching the compositor's frames)

    async def next_frame(after: float) -> float:
        while not frames or frames[-1] <= after:
            await asyncio.sleep(0.001)
        return frames[-1]

    async def auto(pilot) -> None:
        if signin is not None:  # the sign-in is on screen; the officer is done after `signin`
            await asyncio.sleep(max(0.0, signin - (time.time() - launched)))
            app.begin_day(OFFICER, profile.desk)  # what the sign-in does once the PIN is right
        while "frame" not in marks:  # the dashboard's first frame: keys work from here
            await asyncio.sleep(0.005)
        home = cast(HomeScreen, app.screen)
        while not home.loaded:  # the open cases arrive from a thread
            await asyncio.sleep(0.005)
        marks["filled"] = time.time()  # rows are in the tables; drawn on the next refresh
        marks["cpu_filled"] = time.process_time()  # every thread, since the launch
        marks["first_drawn"] = await next_frame(stages.applied[0]) - mounted[0]
        marks["first_fill"] = stages.applied[0] - mounted[0]
        # the dashboard's own first read (after the sign-in's, shown at once, if any)
        while not stages.read_started:
            await asyncio.sleep(0.001)
        marks["read_start"] = stages.read_started[0] - mounted[0]  # after the first frame
        while not [t for t in stages.applied if t > stages.read_started[0]]:
            await asyncio.sleep(0.001)
        marks["own_read"] = min(t for t in stages.applied if t > stages.read_started[0]) - \
            mounted[0]
        await app.workers.wait_for_complete()  # the history's damage check
        marks["rows"] = len(home.views)
        reloads = []
        for _ in range(RELOADS):  # a refresh, as every 30 s and after each act
            await pilot.pause()
            done = len(stages.applied)
            t, c = time.perf_counter(), time.process_time()
            home.reload()
            while len(stages.applied) == done:
                await asyncio.sleep(0.001)
            filled, cpu = stages.applied[-1] - t, time.process_time() - c
            reloads.append({"reload": filled, "cpu_reload": cpu,
                            "reload_drawn": await next_frame(stages.applied[-1]) - t})
        desk = app.desk
        assert desk is not None
        t, c = time.perf_counter(), time.process_time()
        desk.open_views()
        marks["open_views"] = time.perf_counter() - t
        marks["cpu_open_views"] = time.process_time() - c
        t = time.perf_counter()
        desk.views_on(UNTIL.date())
        marks["today"] = time.perf_counter() - t
        t = time.perf_counter()
        for _ in range(10):
            home.tick()
        marks["tick"] = (time.perf_counter() - t) / 10
        marks["stages_first"] = stages.reads[0]  # type: ignore[assignment]
        marks["kept"] = sum(kept_used)
        marks["stages_reload"] = {k: statistics.median(r[k] for r in stages.reads[1:])
                                  for k in stages.reads[1]}  # type: ignore[assignment]
        marks["reloads"] = {k: statistics.median(r[k] for r in reloads)
                            for k in reloads[0]}  # type: ignore[assignment]
        app.exit()

    app.run(headless=True, size=(100, 30), auto_pilot=auto)
    print(json.dumps({
        "total": marks["frame"] - launched,
        "python": t_import - launched,
        "imports": t_built - t_import,
        "app": marks["frame"] - t_built,
        "filled": marks["filled"] - launched,
        "cpu_filled": marks["cpu_filled"],
        "first_fill": marks["first_fill"],
        "first_drawn": marks["first_drawn"],
        "read_start": marks["read_start"],
        "own_read": marks["own_read"],
        "stages_first": marks["stages_first"],
        "stages_reload": marks["stages_reload"],
        **marks["reloads"],  # type: ignore[dict-item]
        "cpu_open_views": marks["cpu_open_views"],
        "rows": marks["rows"],
        "kept": marks["kept"],
        "open_views": marks["open_views"],
        "today": marks["today"],
        "tick": marks["tick"],
    }))


def stage_line(stages: dict[str, float]) -> str:
    """"read 120 ms (CPU 90): open cases 100 (store 20, fold 30, measure 50) · apply 40"."""
    def ms(key: str) -> str:
        return f"{stages.get(key, 0.0) * 1000:.0f}"

    def fold(cpu: str) -> str:
        rest = stages.get(f"{cpu}open cases", 0.0) - stages.get(f"{cpu}store", 0.0) - \
            stages.get(f"{cpu}measure", 0.0)
        return f"{rest * 1000:.0f}"

    return (f"read in a thread {ms('read')} ms (CPU {ms('cpu read')}): open cases "
            f"{ms('open cases')} (store {ms('store')}, fold {fold('')} [from the kept file "
            f"{ms('kept')}], measure "
            f"{ms('measure')}; CPU {ms('cpu open cases')}: {ms('cpu store')}, "
            f"{fold('cpu ')}, {ms('cpu measure')}) · tables filled on the UI thread "
            f"{ms('apply')} ms (CPU {ms('cpu apply')})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=245)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--signin", type=float, metavar="S",
                        help="start at the sign-in (as every morning) and sign in S seconds "
                             "after the launch; default: the officer is given (no sign-in)")
    args = parser.parse_args()
    if args.child:
        child(Path(args.child), args.launched, args.signin)
        return
    # the holiday and SOP caches (counter/national_holidays.py, sop_memo.py): never the user's
    os.environ.setdefault("LOKET_CACHE_DIR", str(CACHE / "cache"))
    print("load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    base = prepare(args.days, args.fresh)
    results = []
    for _ in range(args.runs):
        launched = time.time()
        signin = ["--signin", str(args.signin)] if args.signin is not None else []
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(base), "--launched", str(launched),
             *signin],
            capture_output=True, text=True, check=True, env={**os.environ, "TERM": "xterm"},
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    def med(key: str) -> float:
        return statistics.median(r[key] for r in results)

    if args.signin is not None:
        print(f"the app starts at the sign-in; the officer signs in {args.signin:.1f} s after "
              f"the launch (the open cases are read meanwhile: screens/app_warm.py)")
    print(f"launch → dashboard first frame: median {med('total'):.3f} s "
          f"(min {min(r['total'] for r in results):.3f}, runs {len(results)}; target < 1 s)")
    print(f"  tables filled (open cases read in a thread): median {med('filled'):.3f} s; "
          f"CPU of the process until then {med('cpu_filled'):.3f} s (imports included)")
    print(f"  python start {med('python'):.3f} s · imports {med('imports'):.3f} s · "
          f"app to first frame {med('app'):.3f} s")
    print(f"  open cases on the dashboard: {results[0]['rows']} (target: tables filled "
          f"<= 300 ms with 575)")
    print(f"  dashboard first fill (its mount → tables filled): median "
          f"{med('first_fill') * 1000:.0f} ms; drawn {med('first_drawn') * 1000:.0f} ms")
    if args.signin is not None:
        print(f"    (the read made during the sign-in, shown as the dashboard mounts; its own "
              f"read follows: tables filled again {med('own_read') * 1000:.0f} ms after "
              f"the mount)")
    print(f"    the dashboard's own read starts {med('read_start') * 1000:.0f} ms after the "
          f"mount (once the first frame is drawn: the keyboard works at once)")
    print(f"    {stage_line(median_stages(results, 'stages_first'))}")
    print(f"    folds taken from the file an earlier process kept: "
          f"{', '.join(str(r['kept']) for r in results)} (per run)")
    print(f"  dashboard reload (median of {RELOADS} per run): tables filled "
          f"{med('reload') * 1000:.0f} ms (CPU {med('cpu_reload') * 1000:.0f} ms), drawn "
          f"{med('reload_drawn') * 1000:.0f} ms")
    print(f"    {stage_line(median_stages(results, 'stages_reload'))}")
    print(f"  open_views {med('open_views') * 1000:.1f} ms (CPU "
          f"{med('cpu_open_views') * 1000:.1f} ms) · today's cases {med('today') * 1000:.1f} ms"
          f" · one dashboard tick {med('tick') * 1000:.2f} ms")
    print("load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


def median_stages(results: list[dict[str, Any]], key: str) -> dict[str, float]:
    keys = {k for r in results for k in r[key]}
    return {k: statistics.median(r[key].get(k, 0.0) for r in results) for k in keys}


if __name__ == "__main__":
    main()
