"""What the hash chain costs: sealing per write, checking per day, the app's start check.

Prints figures (no targets enforced here):
- seal: the write hook's own work per action on a day with 40 and with 300 cases
  (8 events each), measured around `counter.chain.seal.seal` alone;
- check: `loket periksa`'s work per day file (300 cases), and per 1,000 events;
- start: the app's check of the last 14 days (10 working days of 300 cases);
- bytes: the day file with and without its chain table.

Run: .venv/bin/python bench/chain_bench.py
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from counter.chain.hashing import EVENTS
from counter.chain.seal import seal
from counter.chain.verify import verify_day
from store.day import DayCache, serialize, write_day

DAY = date(2026, 11, 25)


def _event(case: int, seq: int, doc: int) -> dict:
    code = f"261125{1:02d}{case:03d}0"
    kind = "opened" if seq == 0 else "note"
    data = ({"sop_id": "pct-07", "visitor": {"nama": f"Pemohon {case}", "nik": "3201012501900011",
                                             "telepon": "+6281211112222", "alamat": "Jl. A 1",
                                             "nama_usaha": ""}}
            if kind == "opened" else {"text": "langkah selesai, berkas diteruskan"})
    return {"code": code, "seq": seq, "id": f"01KB2Z3Q5E{doc:016d}", "type": kind,
            "at": "2026-11-25T09:05:12.123456+07:00", "officer": "Siti Aminah", "desk": 1,
            "prev": f"01KB2Z3Q5E{doc - 1:016d}", "data": data}


def _day(cases: int) -> dict:
    data: dict = {EVENTS: {}}
    doc = 1
    events = {}
    for case in range(1, cases + 1):
        for seq in range(8):
            events[str(doc)] = _event(case, seq, doc)
            doc += 1
    data[EVENTS] = events
    seal({}, data, lambda: None)
    return data


def bench_seal(cases: int, rounds: int = 200) -> float:
    data = _day(cases)
    times = []
    for i in range(rounds):
        old = data[EVENTS]
        doc = len(old) + 1
        data = {**data, EVENTS: {**old, str(doc): _event(cases + 1 + i, 1, doc)}}
        t = time.perf_counter()
        seal(old, data, lambda: None)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def bench_check(cases: int) -> tuple[float, int]:
    data = json.loads(serialize(_day(cases)))
    times = []
    for _ in range(5):
        t = time.perf_counter()
        verify_day(DAY.isoformat(), data, hashes_of=lambda d: set())
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, len(data[EVENTS])


def bench_start(days: int = 10, cases: int = 300) -> float:
    from zoneinfo import ZoneInfo

    from store import open_store
    from store.chain import check_store

    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(tmp) / "store"
        cache = DayCache()
        for k in range(days):
            day = DAY - timedelta(days=k)
            path = store_dir / f"{day.year}" / f"{day.isoformat()}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            write_day(path, {EVENTS: _day(cases)[EVENTS]}, cache)
        store = open_store(store_dir, ZoneInfo("Asia/Jakarta"))
        t = time.perf_counter()
        result = check_store(store, DAY - timedelta(days=14), None)
        elapsed = time.perf_counter() - t
        assert result.ok, result.broken
    return elapsed * 1000


def main() -> None:
    for cases in (40, 300):
        print(f"seal per write, {cases:>3} cases in the day: {bench_seal(cases):6.2f} ms")
    ms, events = bench_check(300)
    print(f"check one day file of 300 cases ({events} events): {ms:6.1f} ms "
          f"({ms / events * 1000:.2f} ms per 1,000 events)")
    print(f"app start check, 10 days x 300 cases: {bench_start():6.0f} ms (in a worker)")
    data = _day(300)
    whole = len(serialize(data))
    bare = len(serialize({EVENTS: data[EVENTS]}))
    print(f"day file of 300 cases: {bare / 1024:.0f} kB without the chain, "
          f"{whole / 1024:.0f} kB with it (+{(whole - bare) / bare:.0%})")


if __name__ == "__main__":
    main()
