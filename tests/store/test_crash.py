"""Killing a writer at any moment loses nothing that was acknowledged.

A forked child (already has every module imported, so no Python start-up per
kill) opens cases and appends events, writing one line to a pipe after each
call returns. The parent kills it with SIGKILL after a random delay, then opens
the store afresh and checks it: it opens cleanly, every acknowledged event is
there, seqs have no gaps or duplicates, no code was handed out twice, and the
open-case index agrees with the events. SIGKILL tests process death, not power
loss; the fsyncs in `store.files` are what cover the latter.
"""

from __future__ import annotations

import os
import random
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest

from store import open_store
from tests.store.helpers import DAY, WIB, closed, note, opened

KILLS_PER_RUN = 70
RUNS = 3  # 210 kills in the suite
MAX_DELAY_S = 0.04
KILLS_PER_DAY = 15  # keeps each day file small so kills stay fast


def _writer(store_dir: Path, day_offset: int, seed: int, out: int) -> None:
    """Body of the forked child: write forever, acknowledge each returned call."""
    try:
        rng = random.Random(seed)
        store = open_store(store_dir, WIB)
        day = DAY + timedelta(days=day_offset)
        while True:
            desk = rng.choice((1, 2))
            code = store.next_code(day, desk)
            os.write(out, f"C {code}\n".encode())
            stored = store.append(opened(code))
            os.write(out, f"E {code} {stored['seq']} opened\n".encode())
            for i in range(rng.randint(1, 5)):
                stored = store.append(note(code, f"catatan {i}"))
                os.write(out, f"E {code} {stored['seq']} note\n".encode())
            if rng.random() < 0.5:
                stored = store.append(closed(code))
                os.write(out, f"E {code} {stored['seq']} closed\n".encode())
    except BaseException as exc:
        os.write(out, f"X {exc!r}\n".encode())
    finally:
        os._exit(0)


def _run_and_kill(store_dir: Path, day_offset: int, seed: int, delay: float) -> list[str]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_end)
        _writer(store_dir, day_offset, seed, write_end)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    return b"".join(chunks).decode().splitlines()


def _check(store_dir: Path, handed: list[str], acked: dict[tuple[str, int], str]) -> None:
    store = open_store(store_dir, WIB)  # fresh: nothing cached from before the kill
    assert store.damaged() == []
    assert len(handed) == len(set(handed)), "a code was handed out twice"
    stored: dict[str, list[dict]] = {}
    for path in store.day_files():
        day = path.stem
        stored.update(store.events_on(DAY.fromisoformat(day)))
    for (code, seq), type_ in acked.items():
        events = stored.get(code, [])
        assert seq < len(events) and events[seq]["type"] == type_, (code, seq)
    for code, events in stored.items():
        assert [e["seq"] for e in events] == list(range(len(events))), code
        assert code in handed or not acked, code
    expected_open = {
        code for code, events in stored.items()
        if events[0]["type"] == "opened" and events[-1]["type"] != "closed"
    }
    assert set(store.open_codes()) == expected_open


@pytest.mark.parametrize("run", range(RUNS))
def test_sigkill_at_random_moments_loses_nothing(tmp_path: Path, run: int) -> None:
    rng = random.Random(1000 + run)
    store_dir = tmp_path / "store"
    handed: list[str] = []
    acked: dict[tuple[str, int], str] = {}
    mid_write = 0
    for kill in range(KILLS_PER_RUN):
        lines = _run_and_kill(
            store_dir, kill // KILLS_PER_DAY, rng.randrange(1 << 30), rng.uniform(0, MAX_DELAY_S)
        )
        errors = [line for line in lines if line.startswith("X ")]
        assert not errors, errors
        for line in lines:
            kind, code, *rest = line.split()
            if kind == "C":
                handed.append(code)
            else:
                acked[(code, int(rest[0]))] = rest[1]
        leftovers = [p for p in store_dir.rglob("*.tmp")]
        mid_write += bool(leftovers)
        for leftover in leftovers:  # no writer is alive now; count each kill on its own
            leftover.unlink()
        _check(store_dir, handed, acked)
    # The kills must really land while files are being written, or this proves little.
    assert len(acked) > KILLS_PER_RUN
    assert mid_write > 0
