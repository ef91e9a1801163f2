"""What every Loket process pays before it does anything; prints figures, asserts nothing.

    .venv/bin/python bench/cli_start_bench.py [--runs 7] [--source DIR]

Each figure is the median of `--runs` fresh processes (after one warm-up run that is
not counted), wall time and CPU time (user + system, from the child's rusage):

- `python -c pass`: the interpreter alone, the floor under everything else;
- importing the CLI and building its parser (`screens.cli.build_parser()`);
- a ready desk: the command context, its store, catalog and office profile, and a
  `Desk` whose calendar has answered for a day (holidays loaded);
- `loket --demo laporan --help`, `loket --help`, and a one-day report of a small demo
  store (text and XLSX), whole processes as a user starts them.

Run it with bytecode allowed (`env -u PYTHONDONTWRITEBYTECODE`): a real install has
its .pyc files, and without them every process compiles every module (+0.3-0.5 s).
The children do; the warm-up run writes the bytecode. `--source DIR` runs the children
on another checkout of the project (e.g. `git archive <commit> | tar -x -C DIR`) for a
before/after comparison with the same data. Everything lives under
/tmp/loket-cli-start-bench (LOKET_CONFIG_DIR, LOKET_DATA_DIR and LOKET_CACHE_DIR point
there): never the user's folders. The machine is shared: the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = Path(os.environ.get("LOKET_CLI_BENCH_DIR", "/tmp/loket-cli-start-bench"))
DAY = "2026-11-27"

READY_DESK = """
import time
t0 = time.perf_counter()
from datetime import date
from screens.cli.context import Context
from counter.config import resolve_paths
from counter.desk import Desk
t1 = time.perf_counter()
ctx = Context(paths=resolve_paths(demo=True), demo=True)
ctx.profile
t2 = time.perf_counter()
ctx.catalog
t3 = time.perf_counter()
ctx.store
t4 = time.perf_counter()
desk = ctx.desk
desk.calendar.is_working_day(date(2026, 11, 27))
t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0)
"""
STAGES = ("imports", "profile", "catalog", "store", "Desk + calendar")

IMPORT_CLI = """
import time
t0 = time.perf_counter()
from screens.cli import build_parser
build_parser()
print(time.perf_counter() - t0)
"""


def environment(source: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(LOKET_CONFIG_DIR=str(BASE / "config"), LOKET_DATA_DIR=str(BASE / "data"),
               LOKET_CACHE_DIR=str(BASE / "cache"), PYTHONPATH=str(source), TERM="dumb",
               COLUMNS="100")
    return env


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall, CPU) seconds of one child process, and its last line of output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=BASE)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{argv} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stdout.strip().splitlines()
    return wall, cpu, lines[-1] if lines else ""


def measure(name: str, argv: list[str], env: dict[str, str], runs: int,
            timed: bool = False, stages: tuple[str, ...] = ()) -> None:
    """Median wall and CPU of `runs` processes; `timed`: the child prints its own
    in-process seconds (those of `stages`, then the total) on its last line."""
    run(argv, env)  # warm-up: bytecode written, caches filled
    walls, cpus, inside = [], [], []
    for _ in range(runs):
        wall, cpu, last = run(argv, env)
        walls.append(wall)
        cpus.append(cpu)
        inside.append([float(x) for x in last.split()] if timed else [])
    line = (f"{name:<48} wall {statistics.median(walls) * 1000:5.0f} ms "
            f"(min {min(walls) * 1000:4.0f})  CPU {statistics.median(cpus) * 1000:5.0f} ms")
    if timed:
        line += f"  in-process {statistics.median(x[-1] for x in inside) * 1000:4.0f} ms"
    print(line, flush=True)
    if stages:
        print("    " + " · ".join(f"{stage} {statistics.median(x[i] for x in inside) * 1000:.0f}"
                                  for i, stage in enumerate(stages)) + " ms", flush=True)


def prepare(env: dict[str, str]) -> None:
    """A small demo store (5 working days, ~170 cases), made once and kept."""
    marker = BASE / "demo-5.done"
    if marker.exists():
        return
    BASE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "screens.cli", "--demo", "demo", "--hari", "5",
                           "--sampai", DAY], env=env, capture_output=True, text=True, cwd=BASE)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    marker.write_text("ok")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--source", type=Path, default=ROOT,
                        help="checkout whose code the children run (default: this one)")
    args = parser.parse_args()
    env = environment(args.source.resolve())
    prepare(environment(ROOT))
    py = sys.executable
    loket = [py, "-m", "screens.cli"]
    print(f"code: {args.source.resolve()}  runs: {args.runs}  load average "
          + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    measure("python -c pass", [py, "-c", "pass"], env, args.runs)
    measure("import CLI + build_parser()", [py, "-c", IMPORT_CLI], env, args.runs, True)
    measure("ready Desk (context, store, catalog, calendar)", [py, "-c", READY_DESK], env,
            args.runs, True, STAGES)
    measure("loket --help", [*loket, "--help"], env, args.runs)
    measure("loket --demo laporan --help", [*loket, "--demo", "laporan", "--help"], env,
            args.runs)
    measure(f"loket --demo laporan --tanggal {DAY} (teks)",
            [*loket, "--demo", "laporan", "--tanggal", DAY], env, args.runs)
    measure("  the same, --format xlsx -o …",
            [*loket, "--demo", "laporan", "--tanggal", DAY, "--format", "xlsx", "-o",
             str(BASE / "hari.xlsx")], env, args.runs)
    print("load average after " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
