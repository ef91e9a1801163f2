"""How long one tanda terima takes to build (render to PDF bytes); target < 20 ms median.

Run: .venv/bin/python bench/receipt_bench.py [rounds]
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

from counter.codes import make_code
from counter.receipt import KINDS, PAPERS, HandOff, Letterhead, ReceiptData, render

TARGET_MS = 20.0


def sample() -> ReceiptData:
    tz = ZoneInfo("Asia/Jakarta")
    return ReceiptData(
        letterhead=Letterhead(
            "Dinas Koperasi dan Usaha Mikro Kabupaten Malang",
            "PLUT KUMKM",
            "Jl. Panji No. 158, Kepanjen, Kabupaten Malang 65163",
            "(0341) 393000",
        ),
        code=make_code(date(2026, 11, 25), 1, 7),
        opened_at=datetime(2026, 11, 25, 9, 5, tzinfo=tz),
        visitor_nama="Siti Nur'aini Ç Ğ Kusumawardhani",
        sop_nama="Penerbitan Nomor Induk Berusaha (NIB) bagi Usaha Mikro melalui OSS RBA",
        sop_nomor="065/123/35.07.115/2026",
        officer="Dewi Ayu Lestari",
        visitor_nik="3501234567890002",
        visitor_telepon="+6281234567890",
        nama_usaha="UD Sumber Rejeki",
        desk=1,
        received=("Fotokopi KTP", "Surat pernyataan bermeterai", "Pasfoto 3x4"),
        estimated_completion=datetime(2026, 12, 2, 9, 5, tzinfo=tz),
        estimate_text="5 hari kerja",
        handoff=HandOff(
            3,
            "Verifikasi dan paraf",
            "Petugas Loket",
            "Kepala Bidang",
            documents=("Formulir",),
            due_at=datetime(2026, 11, 26, 9, 5, tzinfo=tz),
        ),
        missing=("NPWP pribadi",),
    )


def timed(kind: str, paper: str, rounds: int) -> list[float]:
    data = sample()
    render(kind, data, paper)  # fonts registered, caches warm: as in a running app
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        render(kind, data, paper)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    start = time.perf_counter()
    render("tanda-terima", sample(), "80mm")
    print(f"first render (font registration, cold): {(time.perf_counter() - start) * 1000:.1f} ms")
    headline = 0.0
    for kind in KINDS:
        for paper in PAPERS:
            ms = timed(kind, paper, rounds)
            med = statistics.median(ms)
            p95 = sorted(ms)[int(len(ms) * 0.95) - 1]
            if (kind, paper) == ("tanda-terima", "80mm"):
                headline = med
            print(f"{kind:14s} {paper:5s} median {med:6.2f} ms  p95 {p95:6.2f} ms  ({rounds} runs)")
    verdict = "OK" if headline < TARGET_MS else "TOO SLOW"
    print(f"tanda terima 80mm median {headline:.2f} ms (target < {TARGET_MS:.0f} ms): {verdict}")
    return 0 if headline < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
