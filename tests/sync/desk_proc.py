"""One desk as its own process, for the multi-desk tests and the bench.

    python -m tests.sync.desk_proc CONFIG_DIR DATA_DIR open [N]
    python -m tests.sync.desk_proc CONFIG_DIR DATA_DIR complete CODE [TIMES]
    python -m tests.sync.desk_proc CONFIG_DIR DATA_DIR scan CODE
    python -m tests.sync.desk_proc CONFIG_DIR DATA_DIR note CODE TEXT
    python -m tests.sync.desk_proc CONFIG_DIR DATA_DIR resolve CODE NOTE
    python -m tests.sync.desk_proc CONFIG_DIR DATA_DIR dump        (JSON: events and folds)

Acts through `counter.desk.Desk` on the desk's own store exactly as the app does.
`LOKET_TEST_CLOCK_OFFSET` (seconds) sets this desk's clock off, like a PC whose
clock is wrong. Codes opened are printed one per line.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timedelta
from typing import Any

from counter.config import Paths, load_profile
from counter.desk import Desk
from counter.sop import load_catalog
from store import open_store
from tests.sessions import petugas, supervisor

KONSULTASI = "pct-07-konsultasi-bisnis"
VISITOR = {"nama": "Wati Lestari", "telepon": "081234567890"}


def make_desk(config_dir: str, data_dir: str) -> Desk:
    from pathlib import Path

    paths = Paths(Path(config_dir), Path(data_dir))
    profile = load_profile(paths)
    assert profile is not None, "desk profile missing"
    offset = timedelta(seconds=float(os.environ.get("LOKET_TEST_CLOCK_OFFSET", "0")))
    store = open_store(paths.store_dir, profile.tz)
    return Desk(store, load_catalog(), profile, officer=petugas(profile.officers[0].nama),
                now=lambda: datetime.now(profile.tz) + offset)


def fold_summary(desk: Desk, code: str) -> dict[str, Any]:
    """What must be the same on every desk: the fold of the case."""
    view = desk.view(code)
    state = view.state
    return {"status": state.status.name, "step": state.current_step,
            "holder": state.holder_role, "runs": len(state.runs),
            "order": [e["id"] for e in state.events], "conflicts": list(view.conflicts)}


def main(argv: list[str]) -> int:
    config_dir, data_dir, command, *rest = argv
    desk = make_desk(config_dir, data_dir)
    if command == "open":
        for _ in range(int(rest[0]) if rest else 1):
            view = desk.open_case(KONSULTASI, VISITOR, received=["Form konsultasi bisnis"])
            print(view.code, flush=True)
    elif command == "complete":
        for _ in range(int(rest[1]) if len(rest) > 1 else 1):
            desk.complete_step(rest[0], output="selesai")
    elif command == "scan":
        print(json.dumps({"received": desk.scan(rest[0]).received}))
    elif command == "note":
        desk.note(rest[0], rest[1])
    elif command == "resolve":
        desk.acting_as(supervisor()).resolve_conflicts(rest[0], rest[1])
    elif command == "dump":
        store = desk.repo
        out: dict[str, Any] = {}
        for path in store.day_files():  # type: ignore[attr-defined]
            from datetime import date

            for code, events in store.events_on(date.fromisoformat(path.stem)).items():
                out[code] = {"ids": sorted(e.get("id", "") for e in events),
                             "fold": fold_summary(desk, code)}
        print(json.dumps(out, sort_keys=True))
    else:
        print(f"unknown command {command}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
