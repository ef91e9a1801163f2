"""Two desks on two PCs calling next through the office's PostgreSQL as fast as they
can: every call takes the office's per-day advisory lock, pulls, plans and pushes
(store/sync/queue_server.py). Prints the time per call (p50/p95/max) and the calls
per second of the office, and checks no ticket was called twice.

Run: .venv/bin/python bench/queue_server_bench.py [--tickets 500]
Uses LOKET_TEST_PG_DSN's cluster when set, else starts a throw-away one
(scripts/ci-postgres), like the tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counter.queue.service import QueueDesk  # noqa: E402
from store.queue_store import QueueStore  # noqa: E402
from store.sync.queue_server import QueueServer, SyncedQueueStore  # noqa: E402
from store.sync.server import PgServer  # noqa: E402
from tests.pg import create_database, start_cluster  # noqa: E402
from tests.sync.queue_race_proc import SETTINGS, WIB  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pg_folder = tmp / "pg"  # the server runs as `postgres`: a folder it may enter
        pg_folder.mkdir()
        tmp.chmod(0o755)
        pg_folder.chmod(0o755)
        cluster = start_cluster(pg_folder)
        try:
            _, dsn = create_database(cluster)
            PgServer(dsn).prepare()
            kiosk_repo = SyncedQueueStore(QueueStore(tmp / "kios"), QueueServer(dsn, "dinas"))
            kiosk = QueueDesk(kiosk_repo, SETTINGS, 0, lambda: datetime.now(WIB))
            started = time.perf_counter()
            for _ in range(args.tickets):
                kiosk.take("A")
            take_s = time.perf_counter() - started
            kiosk_repo.server.close()
            go = tmp / "go"
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            procs = [subprocess.Popen(
                [sys.executable, "-m", "tests.sync.queue_race_proc", dsn, str(tmp / f"pc{n}"),
                 str(n), str(go)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
                for n in (1, 2)]
            time.sleep(3)
            started = time.perf_counter()
            go.touch()
            outs = [p.communicate(timeout=900)[0] for p in procs]
            wall = time.perf_counter() - started
        finally:
            if cluster.owned:
                cluster.stop()
    lines = [line.split() for out in outs for line in out.splitlines()]
    times = sorted(float(ms) for _, ms in lines)
    twice = [label for label, n in Counter(label for label, _ in lines).items() if n > 1]
    print(f"tickets taken: {args.tickets} in {take_s:.1f} s "
          f"({take_s / args.tickets * 1000:.1f} ms each, server lock included)")
    print(f"calls: {len(lines)} by 2 desks ({[len(o.splitlines()) for o in outs]}) "
          f"in {wall:.1f} s = {len(lines) / wall:.0f} calls/s")
    print(f"call time ms: p50 {statistics.median(times):.1f} · "
          f"p95 {times[int(0.95 * (len(times) - 1))]:.1f} · max {times[-1]:.1f}")
    print(f"tickets called twice: {len(twice)}")
    return 1 if twice or len(lines) != args.tickets else 0


if __name__ == "__main__":
    sys.exit(main())
