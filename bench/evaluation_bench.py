"""How long the SOP evaluation of a quarter takes (F3 -> F6, `loket sop evaluasi`).

A quarter of demo history (`--hari` working days, `--per-hari` walk-ins) is generated
in memory through the desk service, then Konsultasi Bisnis is evaluated for the
period and the period before (as the screen does). Prints the generation time, the
evaluation time, the cases and runs read, and the time of the pure core alone.

Run: .venv/bin/python bench/evaluation_bench.py [--hari 62] [--per-hari 30]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter import demo
from counter.config import default_profile
from counter.desk import Desk
from counter.evaluation import evaluate
from counter.evaluation.load import load_evaluation, samples_between
from counter.sop import load_catalog

SOP = "pct-07-konsultasi-bisnis"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hari", type=int, default=62)
    ap.add_argument("--per-hari", type=float, default=30.0)
    args = ap.parse_args()
    catalog, profile = load_catalog(), demo.demo_profile(default_profile())
    repo = demo.MemoryRepo()
    until = demo.end_of_day(date(2026, 11, 30), profile)
    t0 = time.perf_counter()
    result = demo.generate(repo, catalog, profile, days=args.hari, until=until,
                           settings=demo.DemoSettings(per_day=args.per_hari))
    t1 = time.perf_counter()
    desk = Desk(repo, catalog, profile, now=lambda: until)
    sop = catalog.get(SOP)
    loaded = load_evaluation(desk, sop, result.first, result.last)
    t2 = time.perf_counter()
    samples, _, _ = samples_between(desk, SOP, result.first, result.last)
    t3 = time.perf_counter()
    evaluate(sop, samples, result.first, result.last)
    t4 = time.perf_counter()
    ev = loaded.evaluation
    print(f"history: {result.cases} cases in {len(result.days)} working days, "
          f"generated in {t1 - t0:.1f} s")
    print(f"evaluation of {SOP}: {ev.cases} cases, {ev.runs} step runs; "
          f"load + evaluate (period and the one before) {t2 - t1:.2f} s")
    print(f"read the period's runs {t3 - t2:.2f} s; pure core (figures, verdicts) "
          f"{(t4 - t3) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
