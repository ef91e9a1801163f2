"""Several desks, one office server: how fast a change travels, how fast a desk catches
up, and whether a busy office converges.

Four desks, each its own data and config folder and its own `loket sinkron`
process, sync through a PostgreSQL over loopback (a throw-away cluster started
with scripts/ci-postgres unless --dsn is given).

1. Propagation: desk 1 records a note (through `Desk`, as the app does); the
   time until that event is in desk 2's own store (its day file), p50 and p95.
   Target: p95 <= 1 s.
2. Catch-up: the server holds a busy office's history (--catchup-cases, ~2,000
   cases from the demo generator, every event with an id); a desk that was
   offline runs `loket sinkron --sekali` (--catchup-runs fresh desks, median wall
   and CPU seconds and the load average printed: on a shared machine the wall
   time follows the load). Target: <= 10 s.
3. Sustained load: each of the 4 desks acts once a second (open a walk-in or
   complete a step of one of its cases) for --duration seconds while all syncs
   run; then every desk's store must hold exactly the server's events, each
   once, and fold every case the same. Last line: `converged: yes|no`.

Run: .venv/bin/python bench/office_bench.py [--duration 300] [--samples 40]
     [--catchup-cases 2000] [--catchup-runs 3] [--dsn DSN]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counter.config import Paths, PusatSettings, default_profile, save_profile  # noqa: E402

OFFICE = "bench"
KONSULTASI = "pct-07-konsultasi-bisnis"


def start_cluster(folder: Path) -> str:
    res = subprocess.run([str(ROOT / "scripts" / "ci-postgres"), "start", str(folder)],
                         capture_output=True, text=True, check=True)
    return res.stdout.split("LOKET_TEST_PG_DSN='", 1)[1].split("'", 1)[0]


def make_desk(base: Path, number: int, dsn: str) -> Paths:
    paths = Paths(base / f"desk{number}" / "config", base / f"desk{number}" / "data")
    profile = default_profile().with_changes(
        desk=number, pusat=PusatSettings(dsn=dsn, kantor=OFFICE))
    save_profile(paths, profile)
    return paths


def env_for(paths: Paths) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "LOKET_CONFIG_DIR": str(paths.config_dir),
            "LOKET_DATA_DIR": str(paths.data_dir)}


def loket(paths: Paths, *args: str, **kw: Any) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "screens.cli", *args], env=env_for(paths),
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, **kw)


def desk_of(paths: Paths) -> Any:
    from counter.accounts.roles import PETUGAS
    from counter.accounts.signin import Session
    from counter.config import load_profile
    from counter.desk import Desk
    from counter.sop import load_catalog
    from store import open_store

    profile = load_profile(paths)
    assert profile is not None
    # every desk act is a signed-in officer's (as after the sign-in screen)
    officer = Session(profile.officers[0].nama, profile.officers[0].jabatan, (PETUGAS,))
    return Desk(open_store(paths.store_dir, profile.tz), load_catalog(), profile,
                officer=officer)


def ids_in(paths: Paths) -> list[str]:
    from counter.config import load_profile
    from store import open_store

    profile = load_profile(paths)
    assert profile is not None
    store = open_store(paths.store_dir, profile.tz)
    found: list[str] = []
    for path in store.day_files():
        for events in store.events_on(date.fromisoformat(path.stem)).values():
            found.extend(str(e.get("id")) for e in events)
    return found


def has_event(paths: Paths, code: str, event_id: str) -> bool:
    from counter.codes import parse_code
    from store.day import EVENTS, DayCache

    path = paths.store_dir / f"{parse_code(code).day:%Y}" / f"{parse_code(code).day}.json"
    try:
        data = DayCache(capacity=1).load(path) or {}
    except Exception:
        return False
    return any(e.get("id") == event_id for e in data.get(EVENTS, {}).values())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_propagation(a: Paths, b: Paths, samples: int) -> list[float]:
    desk = desk_of(a)
    code = desk.open_case(KONSULTASI, {"nama": "Bench"}).code
    deadline = time.monotonic() + 30
    while not ids_in(b) and time.monotonic() < deadline:
        time.sleep(0.05)
    took: list[float] = []
    for i in range(samples):
        before = {e["id"] for e in desk.repo.events(code)}
        start = time.monotonic()
        desk.note(code, f"catatan {i}")
        new = next(e["id"] for e in desk.repo.events(code) if e["id"] not in before)
        while not has_event(b, code, new):
            if time.monotonic() - start > 30:
                break
            time.sleep(0.005)
        took.append(time.monotonic() - start)
        time.sleep(0.2)
    return took


def cursor_of(paths: Paths) -> int:
    """How far a desk has pulled (its replica state file)."""
    try:
        return int(json.loads((paths.store_dir / "sync.json").read_bytes()).get("cursor", 0))
    except (OSError, ValueError):
        return 0


def bench_catchup(base: Path, dsn: str, cases: int, running: list[Paths],
                  runs: int = 3) -> tuple[int, int, list[float], list[float]]:
    import psycopg

    from counter.demo import DemoSettings, MemoryRepo, demo_profile, generate
    from counter.sop import load_catalog
    from store.sync.server import PgServer

    # A week (5 working days) of a busy office, made by the demo generator.
    repo = MemoryRepo()
    profile = demo_profile().with_changes(desk=9)
    generate(repo, load_catalog(), profile, days=5, until=datetime.now(profile.tz), seed=7,
             settings=DemoSettings(per_day=cases / 5))
    events: list[dict[str, Any]] = []
    for day in sorted(repo._days):
        for code in repo.codes_on(day):
            events.extend({k: v for k, v in e.items() if k != "seq"}
                          for e in repo.events(code))
    server = PgServer(dsn)
    server.push(OFFICE, 9, events)
    server.close()
    # The running desks import the week too; measure the offline desk after they are
    # done, not while five processes share two cores.
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT max(server_seq) FROM events").fetchone()
    last = int(row[0]) if row and row[0] else 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and any(cursor_of(p) < last for p in running):
        time.sleep(0.5)
    walls: list[float] = []
    cpus: list[float] = []
    for run in range(runs):  # each run a new offline desk (desk 8, 7, ...)
        fresh = make_desk(base, 8 - run, dsn)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        proc = loket(fresh, "sinkron", "--sekali")
        proc.wait()
        walls.append(time.monotonic() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    n_cases = len({e["code"] for e in events})
    return n_cases, len(events), walls, cpus


def desk_loop(config_dir: str, data_dir: str, seconds: float) -> None:
    """One desk acting once a second (a separate process)."""
    from counter.case import Status

    paths = Paths(Path(config_dir), Path(data_dir))
    desk = desk_of(paths)
    mine: list[str] = []
    end = time.monotonic() + seconds
    tick = time.monotonic()
    while time.monotonic() < end:
        running = [c for c in mine
                   if desk.view(c).state.status is Status.BERJALAN]
        if running and len(mine) % 3:
            desk.complete_step(running[0], output="ok")
        else:
            mine.append(desk.open_case(KONSULTASI, {"nama": "Beban"}).code)
        if len(mine) % 3 == 0 and running:
            desk.complete_step(running[-1], output="ok")
        tick += 1.0
        time.sleep(max(0.0, tick - time.monotonic()))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_desk":
        desk_loop(sys.argv[2], sys.argv[3], float(sys.argv[4]))
        return 0
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=float, default=300.0)
    ap.add_argument("--samples", type=int, default=40)
    ap.add_argument("--catchup-cases", type=int, default=2000)
    ap.add_argument("--catchup-runs", type=int, default=3)
    ap.add_argument("--dsn", default="")
    ap.add_argument("--keep", default="")
    args = ap.parse_args()

    base = Path(args.keep or tempfile.mkdtemp(prefix="loket-office-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    base.chmod(0o755)
    cluster = None
    dsn = args.dsn
    if not dsn:
        cluster = base / "pg"
        dsn = start_cluster(cluster)
    from store.sync.server import PgServer

    PgServer(dsn).prepare()
    desks = [make_desk(base, n, dsn) for n in (1, 2, 3, 4)]
    syncs = [loket(p, "sinkron") for p in desks]
    try:
        time.sleep(2)
        took = bench_propagation(desks[0], desks[1], args.samples)
        print(f"propagation desk 1 -> desk 2 store ({len(took)} actions): "
              f"p50 {statistics.median(took) * 1000:.0f} ms, "
              f"p95 {percentile(took, 0.95) * 1000:.0f} ms, max {max(took) * 1000:.0f} ms")

        n_cases, n_events, walls, cpus = bench_catchup(base, dsn, args.catchup_cases,
                                                        desks, args.catchup_runs)
        print(f"catch-up of an offline desk: {n_cases} cases, {n_events} events "
              f"in {statistics.median(walls):.1f} s (median of {len(walls)}: "
              f"{', '.join(f'{w:.1f}' for w in walls)} s; CPU "
              f"{statistics.median(cpus):.1f} s; load {os.getloadavg()[0]:.1f})")

        loops = [subprocess.Popen([sys.executable, __file__, "_desk", str(p.config_dir),
                                   str(p.data_dir), str(args.duration)], env=env_for(p),
                                  cwd=ROOT) for p in desks]
        for proc in loops:
            proc.wait()
        converged = False
        server_ids: list[str] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            server_ids = sorted(ev["id"] for _, ev in
                                PgServer(dsn).office_events([OFFICE]))
            stores = [sorted(ids_in(p)) for p in desks]
            if all(s == server_ids for s in stores):
                converged = True
                break
            time.sleep(1)
        dupes = len(server_ids) - len(set(server_ids))
        folds_same = converged and _same_folds(desks)
        print(f"sustained load: 4 desks x 1 action/s for {args.duration:.0f} s: "
              f"{len(server_ids)} events on the server, duplicates {dupes}, "
              f"identical folds {'yes' if folds_same else 'no'}")
        print(f"converged: {'yes' if converged and dupes == 0 and folds_same else 'no'}")
    finally:
        for sync_proc in syncs:
            sync_proc.terminate()
        for sync_proc in syncs:
            sync_proc.wait(timeout=10)
        if cluster is not None:
            subprocess.run([str(ROOT / "scripts" / "ci-postgres"), "stop", str(cluster)])
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


def _same_folds(desks: list[Paths]) -> bool:
    views = []
    for paths in desks:
        desk = desk_of(paths)
        folded = {}
        for path in desk.repo.day_files():
            for view in desk.views_on(date.fromisoformat(path.stem)):
                s = view.state
                folded[s.code] = (s.status.name, s.current_step, s.holder_role, len(s.runs))
        views.append(json.dumps(folded, sort_keys=True))
    return len(set(views)) == 1


if __name__ == "__main__":
    sys.exit(main())
