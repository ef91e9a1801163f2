"""Housekeeping when a store is opened: owner-only modes, stale temp files, read-only copies.

Day files hold full NIKs and phone numbers, so the store is kept readable by its
owner only (folders 0700, files 0600), also one written by an older version.
A temp file (``.2026-11-25.json.tmp``) is written only under its target's lock,
so one found while that lock is free belongs to a writer that died (a kill, a
power cut): it holds a whole copy of a day and is removed. One whose lock is held
belongs to a live process (another desk on the same store) and is left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from store.files import DIR_MODE, FILE_MODE, Lock

_YEAR_DIR = re.compile(r"^\d{4}$")
_DAY_TEMP = re.compile(r"^\.(\d{4}-\d{2}-\d{2})\.json\.tmp$")


def is_read_only(store_dir: Path) -> bool:
    """True when the store (or, before it exists, its nearest existing parent) cannot be
    written: a backup on a read-only disk, a copy without write permission."""
    probe = store_dir
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return not os.access(probe, os.W_OK | os.X_OK)


def tighten(store_dir: Path) -> None:
    """Owner-only modes on the store's folders and files (only those this user owns)."""
    me = os.geteuid() if hasattr(os, "geteuid") else None
    for root, dirs, files in os.walk(store_dir):
        _chmod(Path(root), DIR_MODE, me)
        for name in files:
            _chmod(Path(root) / name, FILE_MODE, me)
        dirs[:] = [d for d in dirs if not (Path(root) / d).is_symlink()]


def _chmod(path: Path, mode: int, me: int | None) -> None:
    with contextlib.suppress(OSError):
        st = path.lstat()
        if (me is None or st.st_uid == me) and (st.st_mode & 0o777) != mode:
            os.chmod(path, mode)


def remove_stale_temps(store_dir: Path, lock_for: Callable[[str], Lock],
                       index_lock: Callable[[], Lock], index_name: str) -> list[Path]:
    """Remove the temp files no live writer owns; returns those removed.

    ``lock_for(iso_day)`` is the lock of a day file, ``index_lock()`` that of the index.
    """
    candidates: list[tuple[Path, Lock]] = []
    index_temp = store_dir / f".{index_name}.tmp"
    if index_temp.exists():
        candidates.append((index_temp, index_lock()))
    with contextlib.suppress(OSError):
        for year in os.scandir(store_dir):
            if not (year.is_dir(follow_symlinks=False) and _YEAR_DIR.match(year.name)):
                continue
            for entry in os.scandir(year.path):
                match = _DAY_TEMP.match(entry.name)
                if match:
                    candidates.append((Path(entry.path), lock_for(match.group(1))))
    removed = []
    for temp, lock in candidates:
        if not lock.try_acquire():
            continue  # a live process is writing it right now
        try:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
                removed.append(temp)
        except OSError:
            pass
        finally:
            lock.release()
    return removed
