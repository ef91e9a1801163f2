"""How long appending one event takes as the history grows: 1,000 / 10,000 / 100,000 cases.

The counter appends an event at every click; TinyDB's stock storage rewrites the
whole database each time, so its cost grows with history. The store keeps one
file per day, so an append should cost the same with seven years of history as
on the first day. Target: median < 15 ms, and the largest/smallest ratio of the
medians <= 1.5.

History is generated as a fixture and written straight into day files (40
cases a day, 8 events each, all closed except the last 30, which sit in the
open-case index: the number of open cases depends on the office's workload,
not on its age). Today's file starts with 20 cases in every store. The stores
are then measured in interleaved rounds (so drift on the machine hits each
alike): each round opens 10 new cases through the real API (next_code, then
opened, step events, hand-off, closed) and times every `append`.

A further section appends 250 cases into one empty day (what the cost does grow
with: the size of that day). Issue 15's target: the median append with 250 cases in
the day file <= 5 ms wall, fsyncs included.

The last section times whole counter actions through `Desk` (read the case, plan,
write, fold the result) with 40 and with 300 cases already in the day: opening a
case (code and events), opening with documents missing, completing a step, and
completing with a hand-off; and it counts the day-file writes of each action.
Target: one day-file write per action, median <= 5 ms at 300 cases a day (issue 15).

Both are run ``--runs`` times (default 5) on fresh stores and reported as the median
of the runs' medians, wall and CPU (this process's user + system time) side by side,
with the disk's floor (the same bytes replaced atomically, nothing else) and the load
average before and after: on a shared machine the fsyncs vary tenfold.

Run: env -u PYTHONDONTWRITEBYTECODE .venv/bin/python bench/store_bench.py
     [--sizes 1000,10000,100000] [--keep DIR] [--busy-only | --actions-only] [--runs 5]
(the timings are taken in-process after the imports, so bytecode only shortens the run)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter.codes import make_code
from store import open_store
from store.day import serialize

WIB = ZoneInfo("Asia/Jakarta")
TODAY = date(2026, 11, 25)
CASES_PER_DAY = 40
OPEN_LEFT = 30
TODAY_PREFILL = 20
ROUNDS = 3
CASES_PER_ROUND = 10


def case_events(code: str, day: date, n: int, *, close: bool) -> list[dict]:
    """The events of one ordinary case (shape as counter.case builds them)."""
    start = datetime.combine(day, dtime(8, 0), WIB) + timedelta(minutes=7 * (n % 60))
    desk = int(code[6:8])

    def ev(minutes: int, type_: str, data: dict) -> dict:
        at = (start + timedelta(minutes=minutes)).isoformat()
        return {"code": code, "type": type_, "at": at, "officer": "Siti Aminah",
                "desk": desk, "data": data}

    visitor = {"nama": f"Pemohon {n}", "nik": "3501041708900003", "telepon": "081234567890",
               "nama_usaha": f"UD Sumber Rejeki {n}", "alamat": "Jl. Ahmad Yani No. 12, Pacitan"}
    events = [
        ev(0, "opened", {"sop_id": "pacitan-koperasi-01", "visitor": visitor}),
        ev(1, "step_started", {"step": 1}),
        ev(3, "kelengkapan_checked", {"step": 1, "received": ["KTP", "NIB", "Surat permohonan"],
                                      "missing": []}),
        ev(9, "step_completed", {"step": 1, "output": "berkas diterima lengkap"}),
        ev(10, "handed_off", {"step": 2, "from_role": "petugas_loket", "to_role": "kabid",
                              "to_name": "Drs. Bambang Sutrisno"}),
        ev(45, "received", {"step": 2, "role": "kabid"}),
        ev(80, "step_completed", {"step": 2, "output": "disetujui"}),
    ]
    if close:
        events.append(ev(81, "closed", {"outcome": "selesai", "reason": ""}))
    return events


def write_day(store_dir: Path, day: date, cases: int, first_n: int, open_from: int) -> list[str]:
    """Bulk-write one day file (benchmark fixture); returns the codes left open."""
    events: dict[str, dict] = {}
    codes: dict[str, dict] = {}
    still_open = []
    for i in range(cases):
        desk, seq = 1 + i % 2, 1 + i // 2
        code = make_code(day, desk, seq)
        codes[str(len(codes) + 1)] = {"desk": desk, "seq": seq, "code": code}
        close = first_n + i < open_from
        if not close:
            still_open.append(code)
        for seq_no, event in enumerate(case_events(code, day, first_n + i, close=close)):
            events[str(len(events) + 1)] = {"code": code, "seq": seq_no, **event}
    path = store_dir / f"{day.year:04d}" / f"{day.isoformat()}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(serialize({"codes": codes, "events": events}))
    return still_open


def build_history(store_dir: Path, total_cases: int) -> None:
    days = -(-total_cases // CASES_PER_DAY)
    open_codes: list[str] = []
    written = 0
    for k in range(days, 0, -1):
        n = min(CASES_PER_DAY, total_cases - written)
        open_codes += write_day(store_dir, TODAY - timedelta(days=k), n, written,
                                total_cases - OPEN_LEFT)
        written += n
    open_codes += write_day(store_dir, TODAY, TODAY_PREFILL, 0, 0)
    index = {"open": sorted(open_codes), "pending": []}
    (store_dir / "open.json").write_text(json.dumps(index, indent=0))


def measure_round(store_dir: Path, round_no: int, append_ms: list[float],
                  code_ms: list[float]) -> None:
    store = open_store(store_dir, WIB)
    for i in range(CASES_PER_ROUND):
        t = time.perf_counter()
        code = store.next_code(TODAY, 1 + i % 2)
        code_ms.append((time.perf_counter() - t) * 1000)
        for event in case_events(code, TODAY, 100 + round_no * CASES_PER_ROUND + i, close=True):
            t = time.perf_counter()
            store.append(event)
            append_ms.append((time.perf_counter() - t) * 1000)


TARGET_MS = 5.0  # issue 15: an append / one-write action on a very busy day


def busy_day(store_dir: Path, *, quiet: bool = False) -> dict[str, float]:
    """What does cost grow with: the size of the day. Appends late on a very busy day.

    Returns the figures of the last 200 appends up to case 250 (wall and CPU medians)
    and the disk's floor for that day file."""
    store = open_store(store_dir, WIB)
    if not quiet:
        print()
        print("one busy day (cost follows the size of the day, not the history):")
    done = 0
    wall: list[float] = []
    cpu: list[float] = []
    for upto in (50, 150, 250):
        wall, cpu = [], []
        while done < upto:
            code = store.next_code(TODAY, 1 + done % 3)
            for event in case_events(code, TODAY, done, close=True):
                t, c = time.perf_counter(), time.process_time()
                store.append(event)
                wall.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            done += 1
        size_kb = store.path_for(TODAY).stat().st_size / 1000
        if not quiet:
            print(f"  last 200 appends up to case {upto:>3} of the day: median "
                  f"{statistics.median(wall[-200:]):5.2f} ms, CPU "
                  f"{statistics.median(cpu[-200:]):5.2f} ms (day file then {size_kb:,.0f} kB)")
    floor = _bare_write(store.path_for(TODAY))
    return {"wall": statistics.median(wall[-200:]), "cpu": statistics.median(cpu[-200:]),
            "floor": statistics.median(floor), "kb": size_kb}


def _verdict(ms: float) -> str:
    return "met" if ms <= TARGET_MS else "NOT met"


def busy_runs(base: Path, runs: int) -> None:
    """The busy day `runs` times on fresh stores: the issue's figure, against its target."""
    print()
    print(f"appending on a very busy day, 250 cases in the day file (target <= {TARGET_MS:g} ms "
          f"median wall, fsyncs included); {runs} runs, each the median of 200 appends:")
    print(f"  load average before: {_load()}")
    found = []
    for run in range(runs):
        r = busy_day(base / f"busy-{run}", quiet=True)
        found.append(r)
        print(f"  run {run + 1}: wall {r['wall']:5.2f} ms  CPU {r['cpu']:5.2f} ms  "
              f"disk floor {r['floor']:5.2f} ms  (day file {r['kb']:,.0f} kB)")
        shutil.rmtree(base / f"busy-{run}", ignore_errors=True)
    wall = statistics.median(r["wall"] for r in found)
    print(f"  median of runs: wall {wall:5.2f} ms, CPU "
          f"{statistics.median(r['cpu'] for r in found):5.2f} ms, disk floor "
          f"{statistics.median(r['floor'] for r in found):5.2f} ms -> target {_verdict(wall)}")
    print(f"  load average after: {_load()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


class _WriteCounter:
    """Counts the store's file replacements by kind (day file or other)."""

    def __init__(self) -> None:
        import store.day as day_module

        self.day_writes = 0
        self._module = day_module
        # store.day's own reference to store.files.write_atomic is the one replaced
        self._real = getattr(day_module, "write_atomic")  # noqa: B009

        def counting(path: Path, payload: bytes, *args: Any, **kwargs: Any) -> None:
            self.day_writes += 1
            self._real(path, payload, *args, **kwargs)

        setattr(day_module, "write_atomic", counting)  # noqa: B010


ACTION_SOP = "pct-17-pengajuan-proposal"  # steps 1-2 at the counter, 3 a back office


_COUNTER: list[_WriteCounter] = []


def _write_counter() -> _WriteCounter:
    if not _COUNTER:  # the module's writer is wrapped once per process
        _COUNTER.append(_WriteCounter())
    return _COUNTER[0]


ActionFigures = dict[str, tuple[float, float, float, str]]  # name -> (wall, p90, CPU, writes)


def actions(store_dir: Path, *, quiet: bool = False) -> dict[int, ActionFigures]:
    """Whole counter actions through Desk at 40 and 300 cases in the day."""
    counter = _write_counter()
    if not quiet:
        print()
        print("whole actions through Desk (read, plan, write, fold), day-file writes per action:")
        print(f"{'cases in day':>12}  {'action':<32} {'median':>9} {'p90':>9}  {'writes':>6}  "
              f"{'CPU median':>10}")
        print(f"{'':>12}  (wall time includes the fsyncs of the file and its folder: on a "
              f"busy disk they dominate; CPU is this process's own work)")
    return {day_cases: _actions_on(store_dir, day, day_cases, counter, quiet=quiet)
            for day_cases, day in ((40, TODAY), (300, TODAY + timedelta(days=1)))}


def action_runs(base: Path, runs: int) -> None:
    """The actions `runs` times on fresh stores, against the 5 ms target at 300 cases."""
    print()
    print(f"one-write desk actions (target <= {TARGET_MS:g} ms median wall at 300 cases a day, "
          f"fsyncs included); {runs} runs, each the median of 15-30 actions:")
    print(f"  load average before: {_load()}")
    found: list[dict[int, ActionFigures]] = []
    for run in range(runs):
        found.append(actions(base / f"actions-{run}", quiet=True))
        shutil.rmtree(base / f"actions-{run}", ignore_errors=True)
    print(f"  {'cases in day':>12}  {'action':<32} {'wall':>8} {'CPU':>8}  {'writes':>6}  "
          f"{'runs (wall)':<40}")
    for day_cases in (40, 300):
        for name in found[0][day_cases]:
            walls = [f[day_cases][name][0] for f in found]
            cpus = [f[day_cases][name][2] for f in found]
            wall = statistics.median(walls)
            verdict = f"  target {_verdict(wall)}" if day_cases == 300 else ""
            print(f"  {day_cases:>12}  {name:<32} {wall:5.2f} ms {statistics.median(cpus):5.2f} "
                  f"ms  {found[0][day_cases][name][3]:>6}  "
                  f"{' '.join(f'{w:.1f}' for w in walls):<40}{verdict}")
    print(f"  load average after: {_load()}")


def _actions_on(store_dir: Path, day: date, day_cases: int, counter: _WriteCounter, *,
                quiet: bool = False) -> ActionFigures:
    from counter.config import default_profile
    from counter.desk import Desk
    from counter.sop import load_catalog

    clock = [datetime.combine(day, dtime(8, 0), WIB)]
    store = open_store(store_dir, WIB)
    desk = Desk(store, load_catalog(), default_profile(), officer="Siti Aminah",
                now=lambda: clock[0])
    codes: list[str] = []
    while len(codes) < day_cases - 30:  # the day so far (30 more are opened below)
        clock[0] += timedelta(seconds=20)
        codes.append(desk.open_case(ACTION_SOP, {"nama": f"Pemohon {len(codes)}"}).code)
    timings: dict[str, list[float]] = {}
    writes: dict[str, list[int]] = {}

    cpu: dict[str, list[float]] = {}

    def timed(name: str, fn, *args, **kwargs):
        before = counter.day_writes
        t, c = time.perf_counter(), time.process_time()
        result = fn(*args, **kwargs)
        timings.setdefault(name, []).append((time.perf_counter() - t) * 1000)
        cpu.setdefault(name, []).append((time.process_time() - c) * 1000)
        writes.setdefault(name, []).append(counter.day_writes - before)
        return result

    for i in range(30):
        clock[0] += timedelta(seconds=20)
        if i % 2:
            timed("open (code + events)", desk.open_case, ACTION_SOP, {"nama": f"Tamu {i}"})
        else:
            timed("open, documents missing", desk.open_case, ACTION_SOP,
                  {"nama": f"Tamu {i}"}, received=[], missing=["Proposal"],
                  note="besok")
    for code in codes[:30]:
        clock[0] += timedelta(seconds=20)
        view = timed("complete a step (next starts)", desk.complete_step, code)
        clock[0] += timedelta(seconds=20)
        if view.next.hand_off is not None:
            timed("complete + hand off", desk.complete_step, code, to_name="Pak Budi")
    figures: ActionFigures = {}
    for name, ms in timings.items():
        ms = sorted(ms)
        w = "/".join(map(str, sorted(set(writes[name]))))
        figures[name] = (statistics.median(ms), ms[int(len(ms) * 0.9)],
                         statistics.median(cpu[name]), w)
        if not quiet:
            print(f"{day_cases:>12}  {name:<32} {statistics.median(ms):6.2f} ms "
                  f"{ms[int(len(ms) * 0.9)]:6.2f} ms  {w:>6}  "
                  f"{statistics.median(cpu[name]):6.2f} ms")
    if not quiet:
        size_kb = store.path_for(day).stat().st_size / 1000
        floor = _bare_write(store.path_for(day))
        print(f"{'':>12}  (day file {size_kb:,.0f} kB; the same bytes written atomically with "
              f"both fsyncs and nothing else: median {statistics.median(floor):.2f} ms, p90 "
              f"{floor[int(len(floor) * 0.9)]:.2f} ms: the disk's floor for one action)")
    return figures


def _bare_write(day_file: Path, runs: int = 30) -> list[float]:
    """The disk's part of an action: the day file's bytes, replaced atomically (temp,
    fsync, rename, fsync of the folder) beside it, `runs` times."""
    from counter.atomic import replace_file

    payload = day_file.read_bytes()
    target = day_file.with_name("floor-probe.bin")
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        replace_file(target, payload)
        ms.append((time.perf_counter() - t) * 1000)
    target.unlink()
    return sorted(ms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--keep", type=Path, help="build the stores here and keep them")
    parser.add_argument("--actions-only", action="store_true",
                        help="only the whole-action latencies")
    parser.add_argument("--busy-only", action="store_true",
                        help="only the appends of one very busy day")
    parser.add_argument("--runs", type=int, default=5,
                        help="runs of the busy day and of the actions (the medians of each "
                             "are reported against the 5 ms target)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = args.keep or Path(tempfile.mkdtemp(prefix="loket-store-bench-"))
    if args.actions_only or args.busy_only:
        try:
            if args.busy_only:
                busy_runs(base, args.runs)
            else:
                action_runs(base, args.runs)
        finally:
            if args.keep is None:
                shutil.rmtree(base, ignore_errors=True)
        return
    try:
        dirs = {}
        for size in sizes:
            dirs[size] = base / f"store-{size}"
            t = time.perf_counter()
            build_history(dirs[size], size)
            files = sum(1 for _ in dirs[size].rglob("*.json"))
            mb = sum(p.stat().st_size for p in dirs[size].rglob("*.json")) / 1e6
            print(f"history {size:>7,} cases: {files:>5} files, {mb:7.1f} MB, "
                  f"generated in {time.perf_counter() - t:5.1f} s")
        appends: dict[int, list[float]] = {s: [] for s in sizes}
        codes: dict[int, list[float]] = {s: [] for s in sizes}
        for round_no in range(ROUNDS):
            for size in sizes:
                measure_round(dirs[size], round_no, appends[size], codes[size])
        print()
        print(f"{'history':>15}  {'appends':>7}  {'median':>9}  {'p90':>9}  {'max':>9}  "
              f"{'next_code median':>16}")
        medians = {}
        for size in sizes:
            ms = sorted(appends[size])
            medians[size] = statistics.median(ms)
            p90 = ms[int(len(ms) * 0.9)]
            print(f"{size:>9,} cases  {len(ms):>7}  {medians[size]:7.2f} ms  {p90:7.2f} ms  "
                  f"{ms[-1]:7.2f} ms  {statistics.median(codes[size]):13.2f} ms")
        ratio = medians[sizes[-1]] / medians[sizes[0]]
        print()
        print(f"ratio of medians {sizes[-1]:,} / {sizes[0]:,} cases: {ratio:.2f} "
              f"(target <= 1.5); worst median {max(medians.values()):.2f} ms (target < 15 ms)")
        busy_runs(base, args.runs)
        action_runs(base, args.runs)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
