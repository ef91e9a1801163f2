"""`loket laporan --pusat`: one server, several offices, each reported from the record."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from store.sync.server import PgServer
from tests.sync.helpers import demo_history

ROOT = Path(__file__).resolve().parents[2]


def loket(*args: str, env_dsn: str) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "LOKET_PUSAT_DSN": env_dsn, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "screens.cli", *args], capture_output=True,
                          text=True, env=env, timeout=120, cwd=ROOT)


def test_each_office_is_reported_from_the_server(pg_dsn: str):
    server = PgServer(pg_dsn)
    server.prepare()
    pacitan = demo_history(days=1, seed=1)
    ngawi = demo_history(days=1, seed=2)
    server.push("pacitan", 1, pacitan)
    server.push("ngawi", 1, ngawi)
    res = loket("laporan", "--pusat", "--tanggal", "2026-11-25", env_dsn=pg_dsn)
    assert res.returncode == 0, res.stderr
    assert "=== Kantor: ngawi ===" in res.stdout and "=== Kantor: pacitan ===" in res.stdout
    for office, events in (("pacitan", pacitan), ("ngawi", ngawi)):
        section = res.stdout.split(f"=== Kantor: {office} ===")[1].split("=== Kantor")[0]
        opened = {e["code"] for e in events}
        assert re.search(rf"Kasus dibuka\s+{len(opened)}\s", section), section[:200]
    only = loket("laporan", "--kantor", "ngawi", "--tanggal", "2026-11-25", env_dsn=pg_dsn)
    assert only.returncode == 0, only.stderr
    # only ngawi's section (the word "pacitan" itself may stand in an SOP step's text)
    assert "=== Kantor: ngawi ===" in only.stdout and "=== Kantor:" not in only.stdout.replace(
        "=== Kantor: ngawi ===", "")
    ngawi_opened = len({e["code"] for e in ngawi})
    assert re.search(rf"Kasus dibuka\s+{ngawi_opened}\s", only.stdout)
    none = loket("laporan", "--kantor", "tidakada", env_dsn=pg_dsn)
    assert none.returncode == 1 and "tidak ada kantor" in none.stderr
