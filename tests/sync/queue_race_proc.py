"""One desk pressing "berikutnya" as fast as it can, as its own process, for the
race test (tests/sync/test_queue_race.py):

    python -m tests.sync.queue_race_proc DSN DATA_DIR DESK GO_FILE

Waits until GO_FILE exists (so both desks start together), then calls next until
nobody waits, printing each label it called and how long the call took (ms), one a
line (bench/queue_server_bench.py reads the times).
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from counter.queue.rules import QueueError
from counter.queue.service import QueueDesk
from counter.queue.settings import Group, QueueSettings
from store.queue_store import QueueStore
from store.sync.queue_server import QueueServer, SyncedQueueStore

WIB = ZoneInfo("Asia/Jakarta")
SETTINGS = QueueSettings(groups=(Group("A", "Konsultasi"),))


def main(argv: list[str]) -> int:
    dsn, data_dir, desk_no, go = argv
    repo = SyncedQueueStore(QueueStore(Path(data_dir)), QueueServer(dsn, "dinas"))
    desk = QueueDesk(repo, SETTINGS, int(desk_no), lambda: datetime.now(WIB))
    repo.sync(datetime.now(WIB).date())  # connected before the start
    while not Path(go).exists():
        time.sleep(0.001)
    while True:
        started = time.perf_counter()
        try:
            ticket = desk.call_next()
        except QueueError:
            break
        print(ticket.label, f"{(time.perf_counter() - started) * 1000:.1f}", flush=True)
    repo.server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
