"""Time from launching the counter app to the dashboard's first frame; prints figures.

    .venv/bin/python bench/startup_bench.py [--days 245] [--runs 5] [--fresh]

Fills a demo store with a year of history (about 245 working days at 30 walk-ins a
day, made by the demo generator through the desk service; cached in
/tmp/loket-startup-bench between runs), then launches a new Python process per
run that imports the app, opens the store and catalog, builds `LoketApp` the way
`loket app --petugas …` does, and reports when the dashboard has drawn its first
frame with its tables filled. Target (issue 4): under 1 s. Also prints the
app's own share: the dashboard's store reads (`open_views`, today's cases).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CACHE = Path(os.environ.get("LOKET_STARTUP_BENCH_DIR", "/tmp/loket-startup-bench"))
UNTIL = datetime(2026, 11, 25, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
OFFICER = "Petugas Bench"


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


def child(base: Path, launched: float) -> None:
    """One launch: imports and all, until the dashboard's first frame."""
    t_import = time.time()
    from counter.config import load_profile, resolve_paths
    from counter.sop import load_catalog
    from screens.app import LoketApp
    from screens.home import HomeScreen
    from store import open_store

    t_built = time.time()
    paths = resolve_paths(base / "config", base / "data", demo=True)
    profile = load_profile(paths)
    assert profile is not None
    store = open_store(paths.store_dir, profile.tz)
    app = LoketApp(paths, profile, load_catalog([paths.sop_dir]), store,
                   now=lambda: UNTIL, officer=OFFICER)
    marks: dict[str, float] = {}
    display = app._display

    def first_frame(screen, renderable) -> None:
        # the compositor hands each frame to _display (headless: not written out)
        if renderable is not None and isinstance(screen, HomeScreen):
            marks.setdefault("frame", time.time())
        display(screen, renderable)

    setattr(app, "_display", first_frame)  # noqa: B010 (watching the compositor's frames)

    async def auto(pilot) -> None:
        while "frame" not in marks:  # the dashboard's first frame: keys work from here
            await asyncio.sleep(0.005)
        home = cast(HomeScreen, app.screen)
        while not home.loaded:  # the open cases arrive from a thread
            await asyncio.sleep(0.005)
        marks["filled"] = time.time()  # rows are in the tables; drawn on the next refresh
        marks["cpu_filled"] = time.process_time()  # every thread, since the launch
        await app.workers.wait_for_complete()  # the history's damage check
        marks["rows"] = len(home.views)
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
        app.exit()

    app.run(headless=True, size=(100, 30), auto_pilot=auto)
    print(json.dumps({
        "total": marks["frame"] - launched,
        "python": t_import - launched,
        "imports": t_built - t_import,
        "app": marks["frame"] - t_built,
        "filled": marks["filled"] - launched,
        "cpu_filled": marks["cpu_filled"],
        "cpu_open_views": marks["cpu_open_views"],
        "rows": marks["rows"],
        "open_views": marks["open_views"],
        "today": marks["today"],
        "tick": marks["tick"],
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=245)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child), args.launched)
        return
    # the holiday and SOP caches (counter/national_holidays.py, sop_memo.py): never the user's
    os.environ.setdefault("LOKET_CACHE_DIR", str(CACHE / "cache"))
    print("load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    base = prepare(args.days, args.fresh)
    results = []
    for _ in range(args.runs):
        launched = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(base), "--launched", str(launched)],
            capture_output=True, text=True, check=True, env={**os.environ, "TERM": "xterm"},
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    def med(key: str) -> float:
        return statistics.median(r[key] for r in results)

    print(f"launch → dashboard first frame: median {med('total'):.3f} s "
          f"(min {min(r['total'] for r in results):.3f}, runs {len(results)}; target < 1 s)")
    print(f"  tables filled (open cases read in a thread): median {med('filled'):.3f} s; "
          f"CPU of the process until then {med('cpu_filled'):.3f} s (imports included)")
    print(f"  python start {med('python'):.3f} s · imports {med('imports'):.3f} s · "
          f"app to first frame {med('app'):.3f} s")
    print(f"  open cases on the dashboard: {results[0]['rows']}; open_views "
          f"{med('open_views') * 1000:.1f} ms (CPU {med('cpu_open_views') * 1000:.1f} ms, "
          f"a reload) · today's cases {med('today') * 1000:.1f} ms · "
          f"one dashboard tick {med('tick') * 1000:.2f} ms")


if __name__ == "__main__":
    main()
