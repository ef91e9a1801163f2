"""Two desks on one store: each desk's next write keeps the heads the other one noted
(the ledger is kept in memory between writes, and must notice the other desk's)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from store import open_store
from store.chain import check_store, read_ledger
from tests.chain.kit import load
from tests.store.helpers import DAY, WIB, note, opened

OTHER_DAY = date(2026, 11, 26)


def _other_desk(store_dir: Path) -> None:
    """Another process writes a case on this desk's day and one on the next day."""
    code = (
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from store import open_store\n"
        "from tests.store.helpers import WIB, opened\n"
        f"store = open_store(Path({str(store_dir)!r}), WIB)\n"
        "for day in (date(2026, 11, 25), date(2026, 11, 26)):\n"
        "    store.append(opened(store.next_code(day, 2), 'meja lain'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120,
                   env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


def _head(path: Path) -> tuple[int, str]:
    chain = load(path)["chain"]
    return len(chain), chain[max(chain, key=int)]["h"]


def test_each_desk_keeps_the_heads_the_other_noted(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store", WIB)
    code = store.next_code(DAY, 1)
    store.append(opened(code))
    store.append(note(code, "sebelum"))
    _other_desk(store.store_dir)
    store.append(note(code, "sesudah"))  # on top of the other desk's case, not beside it
    ledger = read_ledger(store.store_dir)
    assert ledger == {DAY.isoformat(): _head(store.path_for(DAY)),
                      OTHER_DAY.isoformat(): _head(store.path_for(OTHER_DAY))}
    assert _head(store.path_for(DAY))[0] == 4
    assert check_store(store).ok
