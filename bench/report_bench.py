"""Benchmarks of the service-log reports (issues 6 and 15); prints figures, asserts nothing.

    .venv/bin/python bench/report_bench.py [--keep DIR] [--runs 5] [--skip-day]
                                           [--skip-month] [--skip-year]

1. A day with about 300 cases (in memory): folding + measuring them, the summary
   figures and the table rows.
2. A month (about 6,000 cases, 20 working days) in a real store on disk:
   `loket laporan --dari … --sampai … --format xlsx` in a fresh process per run:
   the first run after the summaries and day pages were removed (it makes them:
   "cold"), then `--runs` runs answered from them ("warm"); median wall time in
   `main()` (imports inside it included), peak RSS; then the stages, timed in this
   process. Targets (issue 15): <= 1 s, <= 150 MB. The warm runs three ways: with no
   file of the open cases' folds (removed before each run: every open case folded,
   and the report keeps them), with the file the last report kept, and with the one
   the office's app keeps at every dashboard read (counter/open_snapshot.py).
3. A year (about 80,000 cases): the month's history copied to 12 four-week periods
   before it (weekdays kept; new codes, ids and prev links; a copied case still open
   is closed two hours after its last event, so only the last month holds open files),
   the year's report as above. Target: <= 8 s, memory flat in the number of cases.

The histories are made once and kept between runs with `--keep DIR` (a month takes
minutes to play through the desk service). Say how loaded the machine was: the load
average is printed before and after.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counter import demo  # noqa: E402
from counter.config import default_profile  # noqa: E402
from counter.desk import Desk  # noqa: E402
from counter.report import case_row, day_summary, step_rows  # noqa: E402
from counter.sop import load_catalog  # noqa: E402

LAST_DAY = date(2026, 11, 27)  # a Friday
COPIES = 12  # four-week copies of the month before it: 13 periods, ~13 x 6,100 cases


def best_of(n: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


# ------------------------------------------------------------------ a day in memory


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
    fold = best_of(3, lambda: desk.views_on(result.last))
    print(f"  fold + measure (log screen data) {fold * 1000:8.1f} ms")
    summ = best_of(5, lambda: day_summary(views, result.last, with_rows=False))
    print(f"  summary figures                   {summ * 1000:8.1f} ms   (target < 100 ms)")
    full = best_of(5, lambda: day_summary(views, result.last))
    print(f"  summary + case and step rows      {full * 1000:8.1f} ms")
    rows = best_of(5, lambda: [case_row(v) for v in views])
    print(f"  case table rows                   {rows * 1000:8.1f} ms")
    srows = best_of(5, lambda: [r for v in views for r in step_rows(v)])
    print(f"  step table rows                   {srows * 1000:8.1f} ms")


# ------------------------------------------------------------------ histories on disk


def _env(base: Path) -> dict[str, str]:
    """The report's process environment: its own folders, and bytecode written and read
    as on an installed machine (a CI image may set PYTHONDONTWRITEBYTECODE, which makes
    every run compile every module again: ~0.4 s that no office pays)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "LOKET_CONFIG_DIR": f"{base}/cfg", "LOKET_DATA_DIR": f"{base}/data",
            "LOKET_CACHE_DIR": f"{base}/cache"}


def _context(base: Path) -> Any:
    os.environ.update(_env(base))
    from counter.config import resolve_paths
    from screens.cli.context import Context

    return Context(paths=resolve_paths(demo=True), demo=True)


def make_month(base: Path, per_day: float, days: int) -> tuple[date, date]:
    """The month's history in `base` (made once; kept when `base` is kept)."""
    marker = base / "month.done"
    if marker.exists():
        first, last = marker.read_text().split()
        return date.fromisoformat(first), date.fromisoformat(last)
    from screens.cli.demo import fill_demo_store

    ctx = _context(base)
    until = demo.end_of_day(LAST_DAY, ctx.profile)
    t = time.perf_counter()
    result = fill_demo_store(ctx, days=days, per_day=per_day, seed=7, until=until)
    print(f"  (month made through the desk service in {time.perf_counter() - t:.0f} s)")
    marker.write_text(f"{result.first} {result.last}")
    return result.first, result.last


def make_year(month: Path, base: Path, month_first: date, month_last: date) -> tuple[date, date]:
    """The year: the month's events copied to the 12 four-week periods before it."""
    marker = base / "year.done"
    first = month_first - timedelta(days=28 * COPIES)
    if marker.exists():
        return first, month_last
    from counter.case.schema import new_id
    from counter.codes import make_code, parse_code
    from counter.report import days_in

    if (month / "cfg").is_dir():  # the office profile, when the month has one
        shutil.copytree(month / "cfg", base / "cfg", dirs_exist_ok=True)
    ctx = _context(base)
    source = _context(month).store
    store = ctx.store
    t = time.perf_counter()
    total = 0
    for copy in range(COPIES, -1, -1):
        shift = timedelta(days=28 * copy)
        batch: list[dict[str, Any]] = []
        ids: dict[str, str] = {}
        for day in days_in(month_first, month_last):
            for code, events in source.events_on(day).items():
                parts = parse_code(code)
                new_code = code if not copy else make_code(parts.day - shift, parts.desk,
                                                           parts.seq)
                for e in events:
                    at = datetime.fromisoformat(e["at"]) - shift
                    moved = {**e, "code": new_code, "at": at.isoformat()}
                    if copy:
                        moved["id"] = ids[e["id"]] = new_id(at)
                        if "prev" in e:
                            moved["prev"] = ids.get(e["prev"], e["prev"])
                    batch.append(moved)
                if copy and not any(e["type"] == "closed" for e in events):
                    # a case of an earlier month is long closed by now: an office's open
                    # files are the recent ones (the dashboard's year has ~500 open)
                    last = batch[-1]
                    at = datetime.fromisoformat(last["at"]) + timedelta(hours=2)
                    batch.append({"code": new_code, "seq": len(events), "id": new_id(at),
                                  "type": "closed", "at": at.isoformat(),
                                  "officer": last["officer"], "desk": last["desk"],
                                  "prev": last["id"],
                                  "data": {"outcome": "selesai", "reason": ""}})
        total += store.import_events(batch)
    print(f"  (year copied from the month: {total:,} events in {time.perf_counter() - t:.0f} s)")
    marker.write_text("ok")
    return first, month_last


# ------------------------------------------------------------------ the report


def run_report(base: Path, first: date, last: date, out: Path) -> tuple[float, float, float]:
    """`loket laporan --format xlsx` in a fresh process: (wall s in main(), peak RSS MB,
    CPU s of the whole process, imports included)."""
    code = (
        "import resource, sys, time;"
        "t = time.perf_counter();"
        "from screens.cli import main;"
        f"rc = main(['--demo', 'laporan', '--dari', '{first}', '--sampai',"
        f" '{last}', '--format', 'xlsx', '-o', '{out}']);"
        "wall = time.perf_counter() - t;"
        "ru = resource.getrusage(resource.RUSAGE_SELF);"
        "rc_ = resource.getrusage(resource.RUSAGE_CHILDREN);"  # forked folding copies
        "cpu = ru.ru_utime + ru.ru_stime + rc_.ru_utime + rc_.ru_stime;"
        # the peak of this process's own memory (VmHWM): ru_maxrss would also count the
        # bench's memory at the fork that started this process (Linux keeps it)
        "hwm = [int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('VmHWM')];"
        "print(f'RESULT {rc} {wall:.3f} {hwm[0] if hwm else ru.ru_maxrss} {cpu:.3f}',"
        " file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(base),
                          capture_output=True, text=True, check=False)
    line = [x for x in proc.stderr.splitlines() if x.startswith("RESULT")]
    if not line or line[0].split()[1] != "0":
        print(proc.stdout, proc.stderr)
        raise SystemExit("the report command failed")
    _, _, wall, rss_kb, cpu = line[0].split()
    return float(wall), int(rss_kb) / 1024, float(cpu)


def bench_report(name: str, base: Path, first: date, last: date, runs: int,
                 wall_target: str, rss_target: str, cold: bool = True) -> None:
    ctx = _context(base)
    shelves = ctx.store.shelves.root
    cases = sum(len(ctx.store.codes_on(d)) for d in _days(first, last))
    print(f"{name}: {cases:,} cases, {first} .. {last}   [{load()}]")
    out = base / f"{name}.xlsx"
    if cold:
        shutil.rmtree(shelves, ignore_errors=True)
    wall, cold_rss, cold_cpu = run_report(base, first, last, out)
    first_run = ("cold (no summaries yet: every case folded, summaries made)" if cold
                 else "first run (summaries and pages as kept)")
    print(f"  {first_run}: {wall:.2f} s, CPU {cold_cpu:.2f} s, peak RSS {cold_rss:.0f} MB")
    kept_file = ctx.store.shelves.open_snapshot_path

    def without_kept_file() -> tuple[float, float, float]:
        kept_file.unlink(missing_ok=True)  # a report keeps its open cases' folds
        return run_report(base, first, last, out)

    results = [without_kept_file() for _ in range(runs)]
    _print_warm("warm (summaries kept), no open-case file", results, wall_target,
                rss_target, out)
    results = [run_report(base, first, last, out) for _ in range(runs)]
    _print_warm("warm, the open-case file the last report kept", results, wall_target,
                rss_target, out)
    # The office's app keeps its open cases' folds (counter/open_snapshot.py) at every
    # dashboard read: a report on the same store finds them.
    desk = _desk_now(ctx)
    desk.keep_open_snapshot(desk.open_cases().views)
    results = [run_report(base, first, last, out) for _ in range(runs)]
    _print_warm("warm, the app's open-case file kept too", results, wall_target, rss_target,
                out)
    stages(ctx, first, last, base / f"{name}-stages.xlsx")
    print(f"  [{load()}]")


def _print_warm(label: str, results: list[tuple[float, float, float]], wall_target: str,
                rss_target: str, out: Path) -> None:
    walls = sorted(w for w, _, _ in results)
    print(f"  {label}: median {statistics.median(walls):.2f} s in main() "
          f"(min {walls[0]:.2f}, max {walls[-1]:.2f}, {len(walls)} runs; target {wall_target});"
          f" CPU median {statistics.median(c for _, _, c in results):.2f} s "
          f"(the process, its threads and forked copies, imports included); "
          f"peak RSS median {statistics.median(r for _, r, _ in results):.0f} MB "
          f"(target {rss_target}); xlsx {out.stat().st_size / 1e6:.1f} MB")


def _desk_now(ctx: Any) -> Desk:
    return Desk(ctx.store, ctx.catalog, ctx.profile, officer="Penyelia Bench")


def _days(first: date, last: date) -> list[date]:
    from counter.report import days_in

    return days_in(first, last)


def stages(ctx: Any, first: date, last: date, out: Path) -> None:
    """Where a warm report spends its time, stage by stage, in this process (CPU seconds
    of the whole process, the compressing thread included, and wall seconds)."""
    from counter.export.xlsx_stream import XlsxStream
    from counter.report import wait_item
    from counter.report_acc import SummaryAcc
    from counter.report_open import Share, fold_open
    from counter.report_page import page_fits, read_page
    from counter.report_paged import OWN_SHARE
    from counter.summary.reader import stamper_of

    desk = Desk(ctx.store, ctx.catalog, ctx.profile)
    marks: list[tuple[str, float, float]] = []
    gc.disable()  # as `loket laporan` does (counter.bulk.no_cyclic_gc)
    try:
        def timed(label: str, fn: Callable[[], Any]) -> Any:
            c, w = time.process_time(), time.perf_counter()
            value = fn()
            marks.append((label, time.process_time() - c, time.perf_counter() - w))
            return value

        stamper = stamper_of(desk)
        store = ctx.store

        def read_pages() -> list[Any]:
            pages = []
            for d in _days(first, last):
                key, raw = store.page_on(d)
                if key is None:
                    continue
                page = read_page(raw) if raw is not None else None
                if page is None or not page_fits(page, key, desk, stamper):
                    raise SystemExit(f"no fitting page for {d}: run the report once first")
                pages.append(page)
            return pages

        pages = timed("read and check the day pages", read_pages)
        stream = XlsxStream(out)
        acc = SummaryAcc()

        def closed() -> int:
            n = 0
            for page in pages:
                acc.merge(page.part)
                for item in page.layout:
                    if not isinstance(item, str):
                        stream.add_compressed(item.cases, item.case_count, item.steps,
                                              item.step_count)
                        n += item.case_count
            return n

        n_closed = timed("closed: parts merged, runs spliced in", closed)
        events = {code: evs for page in pages for code, evs in page.open_events.items()}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        def fold_shared() -> dict[str, Any]:  # as `report_paged.stream_summary` shares out
            codes = sorted(events)
            split = int(len(codes) * OWN_SHARE)
            share = Share(desk, codes[split:], lambda: {c: events[c] for c in codes[split:]})
            done = fold_open(desk, {c: events[c] for c in codes[:split]})
            done.update(share.result())
            return done

        opens = timed("open: fold, measure, rows, XML (+ copy)", fold_shared)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        marks.append(("  the forked copies' CPU (not above)", after.ru_utime + after.ru_stime
                      - before.ru_utime - before.ru_stime, 0.0))

        def open_xml() -> None:
            for case in opens.values():
                acc.add(*case.figures)
                stream.add_xml(case.case_xml, case.steps_xml, len(case.figures[1]))

        timed("open: figures added, XML handed over", open_xml)
        others = timed("files waiting (open cases of other days)",
                       lambda: desk.open_cases_besides(opens))
        summary = acc.finish(first, last, wait_items=[
            *(c.wait for c in opens.values() if c.wait),
            *(w for v in others.views if (w := wait_item(v)) is not None)])
        timed("compression finished, workbook written", lambda: stream.finish(summary))
    finally:
        gc.enable()
    print(f"  stages ({n_closed:,} closed from pages, {len(opens):,} open folded):")
    for label, cpu, wall in marks:
        print(f"    {label:<40} cpu {cpu:6.2f} s   wall {wall:6.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-day", type=float, default=300.0)
    ap.add_argument("--days", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", help="make the histories here once and keep them")
    ap.add_argument("--skip-day", action="store_true")
    ap.add_argument("--skip-month", action="store_true")
    ap.add_argument("--skip-year", action="store_true")
    ap.add_argument("--skip-cold", action="store_true",
                    help="keep the summaries and pages a kept history has (no cold run)")
    args = ap.parse_args()
    print(load())
    if not args.skip_day:
        bench_day(args.per_day)
    if args.skip_month and args.skip_year:
        return
    keep = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="loket-report-"))
    try:
        month = keep / "month"
        month.mkdir(parents=True, exist_ok=True)
        first, last = make_month(month, args.per_day, args.days)
        if not args.skip_month:
            bench_report("month", month, first, last, args.runs, "<= 1 s", "<= 150 MB",
                         cold=not args.skip_cold)
        if not args.skip_year:
            year = keep / "year"
            year.mkdir(parents=True, exist_ok=True)
            y_first, y_last = make_year(month, year, first, last)
            bench_report("year", year, y_first, y_last, args.runs, "<= 8 s", "flat",
                         cold=not args.skip_cold)
    finally:
        if not args.keep:
            shutil.rmtree(keep, ignore_errors=True)


if __name__ == "__main__":
    main()
