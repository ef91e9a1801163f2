"""How long SOP authoring takes: importing a table, the export→import round trip of the
whole bundled catalog, and opening the SOP editor on the longest SOP (28 steps).

An office imports one table at a time and opens the editor by hand, so each figure
should stay well under a second on an office PC.

Run: .venv/bin/python bench/sop_authoring_bench.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter.sop import load_catalog
from counter.sop_table.export import export_sop
from counter.sop_table.importer import import_table

FIX = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sop_tables"
LONGEST = "kbr-2-peningkatan-pelayanan-plut"


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def bench_import() -> None:
    for name in sorted(p.name for p in FIX.iterdir()):
        print(f"impor {name:24} {timed(lambda n=name: import_table(FIX / n)) * 1000:7.1f} ms")


def bench_round_trip() -> None:
    catalog = load_catalog()
    folder = Path(tempfile.mkdtemp())

    def all_sops() -> None:
        for sop in catalog.all():
            if sop.steps:
                for fmt in ("tsv", "xlsx"):
                    import_table(export_sop(sop, folder / f"{sop.id}.{fmt}", fmt))

    n = sum(2 for s in catalog.all() if s.steps)
    print(f"ekspor+impor {n} tabel (katalog bawaan) {timed(all_sops, 1):.2f} s")


def bench_editor() -> None:
    from textual.app import App

    from screens.sop_editor import SopEditorScreen

    sop = load_catalog().get(LONGEST)

    class Host(App[None]):
        class paths:  # the editor reads app.paths only when saving
            sop_dir = Path(tempfile.mkdtemp())

    async def open_once() -> float:
        app = Host()
        async with app.run_test(size=(100, 30)) as pilot:
            start = time.perf_counter()
            await app.push_screen(SopEditorScreen(sop))
            await pilot.pause()
            return time.perf_counter() - start

    runs = [asyncio.run(open_once()) for _ in range(3)]
    print(f"buka editor SOP {len(sop.steps)} langkah   {statistics.median(runs) * 1000:7.0f} ms")


if __name__ == "__main__":
    bench_import()
    bench_round_trip()
    bench_editor()
