"""Export timings of a month's report, format by format; prints figures, asserts nothing.

    .venv/bin/python bench/export_bench.py [--per-day 300] [--days 20] [--cache FILE]

The month's Summary (about 6,000 cases and 40,000 step runs, from the demo
generator in memory) is built once and pickled to --cache, so the same figures
can be timed against another checkout of the code (run this script with that
checkout first on PYTHONPATH). Each export is written through the code's own
path (the atomic writer, fsync included): XLSX (fast writer), CSV (two files),
the PDF report (capped at PDF_MAX_CASES rows) and the text report.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

LAST_DAY = date(2026, 11, 27)


def build(per_day: float, days: int) -> Any:
    from counter import demo
    from counter.config import default_profile
    from counter.desk import Desk
    from counter.report import load_waiting, range_summary
    from counter.sop import load_catalog

    profile, catalog = default_profile(), load_catalog()
    repo = demo.MemoryRepo()
    until = demo.end_of_day(LAST_DAY, profile)
    result = demo.generate(repo, catalog, profile, days=days, until=until, seed=7,
                           settings=demo.DemoSettings(per_day=per_day))
    desk = Desk(repo, catalog, profile, now=lambda: until)
    views = [v for d in result.days for v in desk.views_on(d)]
    return range_summary(views, result.first, result.last, waiting=load_waiting(desk, views))


def best_of(n: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-day", type=float, default=300.0)
    ap.add_argument("--days", type=int, default=20)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "loket-month.pkl")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if args.cache.exists():
        summary = pickle.loads(args.cache.read_bytes())
    else:
        t = time.perf_counter()
        summary = build(args.per_day, args.days)
        args.cache.write_bytes(pickle.dumps(summary))
        print(f"month built in {time.perf_counter() - t:.1f} s (cached in {args.cache})")

    from counter import export
    from counter.config import default_profile

    try:
        from screens.cli.report_text import render_text
    except ImportError:  # an older checkout: the text report was in counter.export
        render_text = export.render_text  # type: ignore[attr-defined]

    profile = default_profile()
    print(f"{len(summary.cases)} cases, {len(summary.steps)} step runs "
          f"({summary.first} .. {summary.last}); code from {Path(export.__file__).parent}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rows = [
            ("xlsx (fast writer)", lambda: export.write_xlsx(summary, out / "l.xlsx")),
            ("csv (cases + steps)", lambda: export.write_csv(summary, out / "l.csv")),
            ("pdf report", lambda: export.write_pdf(summary, profile, out / "l.pdf")),
            ("text report", lambda: render_text(summary)),
        ]
        for name, fn in rows:
            print(f"  {name:22s} {best_of(args.repeat, fn):7.2f} s")
        sizes = {p.name: p.stat().st_size for p in out.iterdir()}
        print("  sizes: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(sizes.items())))


if __name__ == "__main__":
    sys.path.insert(0, str(Path.cwd()))
    main()
