"""Benchmarks of the daily service log (issue 6); prints figures, asserts nothing.

    .venv/bin/python bench/report_bench.py [--per-day 300] [--days 20]

1. A day with about 300 cases: folding + measuring them (what the log screen
   loads), the summary (target < 0.1 s) and the case table rows.
2. A month (about 6,000 cases, 20 working days) in a real store on disk:
   `loket laporan --dari … --sampai … --format xlsx` in a subprocess, wall
   time (target < 3 s) and peak RSS (target < 300 MB).

The history comes from the demo generator (counter.demo), the same one the
tests and `loket demo` use.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counter import demo  # noqa: E402
from counter.config import default_profile, resolve_paths  # noqa: E402
from counter.desk import Desk  # noqa: E402
from counter.report import case_row, day_summary, step_rows  # noqa: E402
from counter.sop import load_catalog  # noqa: E402

LAST_DAY = date(2026, 11, 27)  # a Friday


def best_of(n: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bench_day(per_day: float) -> None:
    profile, catalog = default_profile(), load_catalog()
    repo = demo.MemoryRepo()
    until = demo.end_of_day(LAST_DAY, profile)
    t = time.perf_counter()
    result = demo.generate(repo, catalog, profile, days=1, until=until, seed=6,
                           settings=demo.DemoSettings(per_day=per_day))
    gen = time.perf_counter() - t
    desk = Desk(repo, catalog, profile, now=lambda: until)
    views = desk.views_on(result.last)
    steps = sum(len(v.timing.steps) for v in views)
    print(f"day: {len(views)} cases, {steps} step runs (generated in {gen:.2f} s)")
    load = best_of(3, lambda: desk.views_on(result.last))
    print(f"  fold + measure (log screen data) {load * 1000:8.1f} ms")
    summ = best_of(5, lambda: day_summary(views, result.last, with_rows=False))
    print(f"  summary figures                   {summ * 1000:8.1f} ms   (target < 100 ms)")
    full = best_of(5, lambda: day_summary(views, result.last))
    print(f"  summary + case and step rows      {full * 1000:8.1f} ms")
    rows = best_of(5, lambda: [case_row(v) for v in views])
    print(f"  case table rows                   {rows * 1000:8.1f} ms")
    srows = best_of(5, lambda: [r for v in views for r in step_rows(v)])
    print(f"  step table rows                   {srows * 1000:8.1f} ms")


def bench_month(per_day: float, days: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "LOKET_CONFIG_DIR": f"{tmp}/cfg", "LOKET_DATA_DIR": f"{tmp}/data"}
        os.environ.update(env)
        from screens.cli.context import Context
        from screens.cli.demo import fill_demo_store

        ctx = Context(paths=resolve_paths(demo=True), demo=True)
        until = demo.end_of_day(LAST_DAY, ctx.profile)
        t = time.perf_counter()
        result = fill_demo_store(ctx, days=days, per_day=per_day, seed=7, until=until)
        gen = time.perf_counter() - t
        size = sum(p.stat().st_size for p in ctx.paths.store_dir.rglob("*.json"))
        print(f"month: {result.cases} cases over {len(result.days)} working days "
              f"({result.first} .. {result.last}); store {size / 1e6:.1f} MB, "
              f"generated and written in {gen:.1f} s")
        out = Path(tmp) / "bulan.xlsx"
        code = (
            "import resource, sys, time;"
            "t = time.perf_counter();"
            "from screens.cli import main;"
            f"rc = main(['--demo', 'laporan', '--dari', '{result.first}', '--sampai',"
            f" '{result.last}', '--format', 'xlsx', '-o', '{out}']);"
            "wall = time.perf_counter() - t;"
            "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
            "print(f'RESULT {rc} {wall:.3f} {rss}', file=sys.stderr)"
        )
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=False)
        total = time.perf_counter() - t
        line = [x for x in proc.stderr.splitlines() if x.startswith("RESULT")]
        if not line:
            print(proc.stdout, proc.stderr)
            raise SystemExit("the report command failed")
        _, rc, wall, rss_kb = line[0].split()
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  loket laporan --format xlsx: exit {rc}, {float(wall):.2f} s in main(), "
              f"{total:.2f} s with interpreter start   (target < 3 s)")
        print(f"  peak RSS {int(rss_kb) / 1024:.0f} MB (child max {peak:.0f} MB)"
              f"   (target < 300 MB); xlsx {out.stat().st_size / 1e6:.1f} MB")
        breakdown(ctx, result.first, result.last, Path(tmp) / "lagi.xlsx")


def breakdown(ctx: Any, first: date, last: date, out: Path) -> None:
    """Where the month's report spends its time, stage by stage (fresh store object)."""
    from counter import case as C
    from counter import export
    from counter.clock import measure_case
    from counter.report import days_in, load_waiting, range_summary
    from store import open_store

    store = open_store(ctx.paths.store_dir, ctx.profile.tz)
    desk = Desk(store, ctx.catalog, ctx.profile)
    t = time.perf_counter()
    raw = [store.events_on(d) for d in days_in(first, last)]
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    states = [(C.fold(evs, desk.sop_of(evs[0]["data"]["sop_id"])), evs) for g in raw
              for evs in g.values()]
    t_fold = time.perf_counter() - t
    now = desk.now()
    t = time.perf_counter()
    for state, _ in states:
        sop = desk.sop_of(state.sop_id)
        if sop is None:
            continue
        measure_case(state, sop, desk.calendar, now, ctx.profile.nearing)
    t_measure = time.perf_counter() - t
    views = [desk.fold(evs) for _, evs in states]
    del raw, states
    t = time.perf_counter()
    summary = range_summary(views, first, last, waiting=load_waiting(desk, views))
    t_summary = time.perf_counter() - t
    del views
    t = time.perf_counter()
    export.write_xlsx(summary, out)
    t_xlsx = time.perf_counter() - t
    print(f"  stages: store read {t_read:.2f} s, fold {t_fold:.2f} s, measure {t_measure:.2f} s, "
          f"summary + rows {t_summary:.2f} s, xlsx {t_xlsx:.2f} s "
          f"({len(summary.cases)} cases, {len(summary.steps)} step runs)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-day", type=float, default=300.0)
    ap.add_argument("--days", type=int, default=20)
    ap.add_argument("--skip-month", action="store_true")
    args = ap.parse_args()
    bench_day(args.per_day)
    if not args.skip_month:
        bench_month(args.per_day, args.days)


if __name__ == "__main__":
    main()
