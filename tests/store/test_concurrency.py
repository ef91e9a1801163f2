"""Several desks writing to one shared store at once: nothing lost, nothing doubled."""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter
from pathlib import Path

from counter.codes import parse_code
from store import open_store
from tests.store.helpers import DAY, WIB, note, opened

WORKERS = 4
EVENTS_EACH = 250
OWN_CASES = 10
EXTRA_CODES = 40


def _worker(store_dir: str, shared: str, n: int, start, out: str) -> None:
    store = open_store(Path(store_dir), WIB)
    start.wait()
    codes, events = [], []
    for i in range(OWN_CASES):
        code = store.next_code(DAY, 1)
        codes.append(code)
        events.append(store.append(opened(code, f"pemohon {n}-{i}")))
    for i in range(EVENTS_EACH - OWN_CASES):
        target = shared if i % 2 else codes[i % OWN_CASES]
        events.append(store.append(note(target, f"{n}:{i}")))
        if i % 6 == 0:
            codes.append(store.next_code(DAY, 1 + i % 3))
    Path(out).write_text(json.dumps({"codes": codes, "events": events}))


def test_four_processes_lose_nothing_and_never_share_a_code(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    store = open_store(store_dir, WIB)
    shared = store.next_code(DAY, 1)
    store.append(opened(shared, "kasus bersama"))

    ctx = multiprocessing.get_context("fork")
    start = ctx.Event()
    outs = [tmp_path / f"worker{n}.json" for n in range(WORKERS)]
    procs = [
        ctx.Process(target=_worker, args=(str(store_dir), shared, n, start, str(outs[n])))
        for n in range(WORKERS)
    ]
    for proc in procs:
        proc.start()
    start.set()
    for proc in procs:
        proc.join(timeout=120)
        assert proc.exitcode == 0

    results = [json.loads(out.read_text()) for out in outs]
    handed = [shared] + [code for r in results for code in r["codes"]]
    assert len(handed) == 1 + WORKERS * (OWN_CASES + EXTRA_CODES)
    assert len(set(handed)) == len(handed), "a code was handed out twice"
    for desk in (1, 2, 3):
        seqs = sorted(parse_code(c).seq for c in handed if parse_code(c).desk == desk)
        assert seqs == list(range(1, len(seqs) + 1))  # no gaps either

    fresh = open_store(store_dir, WIB)
    stored = fresh.events_on(DAY)
    acked = [e for r in results for e in r["events"]]
    assert len(acked) == WORKERS * EVENTS_EACH
    for event in acked:
        assert stored[event["code"]][event["seq"]] == event
    assert sum(len(events) for events in stored.values()) == WORKERS * EVENTS_EACH + 1
    for code, events in stored.items():
        assert [e["seq"] for e in events] == list(range(len(events))), code
    shared_notes = Counter(e["data"]["text"].split(":")[0] for e in stored[shared][1:])
    assert shared_notes == {str(n): (EVENTS_EACH - OWN_CASES) // 2 for n in range(WORKERS)}
    assert len(fresh.open_codes()) == 1 + WORKERS * OWN_CASES


def test_threads_of_one_app_share_a_store_safely(tmp_path: Path) -> None:
    """The app records print results from worker threads while the screen appends."""
    from concurrent.futures import ThreadPoolExecutor

    store = open_store(tmp_path / "store", WIB)
    shared = store.next_code(DAY, 1)
    store.append(opened(shared))

    def work(n: int) -> list[str]:
        codes = []
        for i in range(40):
            store.append(note(shared, f"{n}:{i}"))
            if i % 8 == 0:
                codes.append(store.next_code(DAY, 1))
        return codes

    with ThreadPoolExecutor(4) as pool:
        handed = [c for codes in pool.map(work, range(4)) for c in codes]
    assert len(set(handed)) == len(handed) == 20
    seqs = [e["seq"] for e in open_store(tmp_path / "store", WIB).events(shared)]
    assert seqs == list(range(161))
