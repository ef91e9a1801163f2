"""An office of desks as separate processes on one real PostgreSQL, for the tests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counter.config import Paths, PusatSettings, default_profile, save_profile

ROOT = Path(__file__).resolve().parents[2]
OFFICE = "pacitan"


@dataclass
class DeskProc:
    number: int
    paths: Paths
    clock_offset: float = 0.0
    sync: subprocess.Popen[str] | None = field(default=None, repr=False)

    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(ROOT),
                "LOKET_CONFIG_DIR": str(self.paths.config_dir),
                "LOKET_DATA_DIR": str(self.paths.data_dir),
                "LOKET_TEST_CLOCK_OFFSET": str(self.clock_offset)}

    def act(self, *args: str) -> str:
        res = subprocess.run([sys.executable, "-m", "tests.sync.desk_proc",
                              str(self.paths.config_dir), str(self.paths.data_dir), *args],
                             capture_output=True, text=True, env=self.env(), cwd=ROOT,
                             timeout=120)
        assert res.returncode == 0, res.stderr
        return res.stdout

    def loket(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "screens.cli", *args], capture_output=True,
                              text=True, env=self.env(), cwd=ROOT, timeout=timeout)

    def start_sync(self) -> None:
        self.sync = subprocess.Popen([sys.executable, "-m", "screens.cli", "sinkron"],
                                     env=self.env(), cwd=ROOT, text=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def stop_sync(self) -> None:
        if self.sync is not None:
            self.sync.send_signal(signal.SIGINT)
            try:
                self.sync.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.sync.kill()
                self.sync.wait()
            self.sync = None

    def has_case(self, code: str) -> bool:
        """Read this desk's store from the test process (no process start-up)."""
        from store import open_store
        from tests.sync.helpers import WIB

        try:
            open_store(self.paths.store_dir, WIB).events(code)
        except Exception:
            return False
        return True

    def dump(self) -> dict[str, Any]:
        """Every case in this desk's store: its event ids and its fold (read in the test
        process: starting a process per look would make waiting slow)."""
        from datetime import date

        from tests.sync.desk_proc import fold_summary, make_desk

        desk = make_desk(str(self.paths.config_dir), str(self.paths.data_dir))
        out: dict[str, Any] = {}
        for path in desk.repo.day_files():  # type: ignore[attr-defined]
            for code, events in desk.repo.events_on(date.fromisoformat(path.stem)).items():
                out[code] = {"ids": sorted(e.get("id", "") for e in events),
                             "fold": fold_summary(desk, code)}
        return json.loads(json.dumps(out, sort_keys=True))


def make_office(base: Path, dsn: str, *specs: dict[str, Any]) -> list[DeskProc]:
    """Desks from specs like {"number": 1} or {"number": 5, "nama_meja": "Koor",
    "peran": ("Koor",), "clock_offset": -600}."""
    desks = []
    for spec in specs:
        number = spec["number"]
        paths = Paths(base / f"desk{number}" / "config", base / f"desk{number}" / "data")
        profile = default_profile().with_changes(desk=number, pusat=PusatSettings(
            dsn=dsn, kantor=OFFICE, nama_meja=spec.get("nama_meja", ""),
            peran=tuple(spec.get("peran", ()))))
        save_profile(paths, profile)
        desks.append(DeskProc(number, paths, float(spec.get("clock_offset", 0))))
    return desks


def wait_same(desks: list[DeskProc], timeout: float = 30,
              expect: Any = None) -> dict[str, Any]:
    """Until every desk's store holds the same cases, events and folds (and `expect`
    holds of them, if given); returns that common dump."""
    deadline = time.monotonic() + timeout
    dumps: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        dumps = [d.dump() for d in desks]
        if all(x == dumps[0] for x in dumps) and (expect is None or expect(dumps[0])):
            return dumps[0]
        time.sleep(0.3)
    raise AssertionError(f"desks did not converge: {json.dumps(dumps, indent=1)[:3000]}")
