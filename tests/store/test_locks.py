"""The day lock between desks: a held day is waited for, a stuck one is refused with a
message, and a desk that dies never leaves its day locked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from counter.texts import store as texts
from store.errors import StoreError
from store.locks import Lock


def _holder(lock_file: Path) -> subprocess.Popen[str]:
    """Another desk's process holding the lock until told to let go (or killed)."""
    proc = subprocess.Popen(
        [sys.executable, "-c",
         "import sys\n"
         "from pathlib import Path\n"
         "from store.locks import Lock\n"
         f"lock = Lock(Path({str(lock_file)!r}), Path('hari'))\n"
         "lock.__enter__()\n"
         "print('ready', flush=True)\n"
         "sys.stdin.readline()\n"
         "lock.release()\n"
         "print('released', flush=True)\n"
         "sys.stdin.readline()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def test_a_day_held_too_long_by_another_desk_is_refused_with_a_message(tmp_path: Path) -> None:
    lock_file = tmp_path / "2026-11-25.lock"
    day_file = tmp_path / "2026-11-25.json"
    holder = _holder(lock_file)
    try:
        lock = Lock(lock_file, day_file, timeout=1)
        with pytest.raises(StoreError) as info, lock:
            pass
        assert info.value.message == texts.LOCK_TIMEOUT.format(seconds=1)
        assert info.value.path == str(day_file)
        assert not lock.try_acquire()
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        with lock:  # let go: this desk goes ahead
            pass
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_desk_killed_while_holding_its_day_leaves_it_free(tmp_path: Path) -> None:
    lock_file = tmp_path / "2026-11-25.lock"
    holder = _holder(lock_file)
    lock = Lock(lock_file, tmp_path / "2026-11-25.json", timeout=5)
    assert not lock.try_acquire()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    assert lock.try_acquire()
    lock.release()


def test_threads_of_one_app_take_the_day_in_turn(tmp_path: Path) -> None:
    """The app writes from worker threads too; one shared lock object serves them all,
    and the holder using it again inside (nested) does not wait for itself."""
    lock = Lock(tmp_path / "hari.lock", tmp_path / "hari.json", timeout=5)
    other: list[bool] = []

    def try_from_another_thread() -> None:
        taken = lock.try_acquire()
        other.append(taken)
        if taken:
            lock.release()

    with lock:
        with lock:  # nested in the same thread
            pass
        worker = threading.Thread(target=try_from_another_thread)
        worker.start()
        worker.join()
    assert other == [False]  # held here, even after the nested use ended
    worker = threading.Thread(target=try_from_another_thread)
    worker.start()
    worker.join()
    assert other == [False, True]
