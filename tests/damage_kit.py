"""Ways a day file gets damaged in an office (a cut copy, a bad sector, a hand edit)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BREAK: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[:500],  # `head -c 500` of the file
    "zero-length": lambda raw: b"",  # `head -c 500 f > f` empties the file first
    "garbage": lambda raw: b"\x00\xff\xfe sampah \x01" * 40,
    "wrong-shape": lambda raw: b'{"events": {"1": {"code": 7, "seq": "nol"}}}\n',
    "json-list": lambda raw: b"[1, 2, 3]\n",
}


def damage(path: Path, how: str) -> bytes:
    """Damage ``path`` the way named; returns the good bytes to restore it with."""
    good = path.read_bytes()
    path.write_bytes(BREAK[how](good))
    return good


def day_prefix(code: str) -> str:
    return code[:6]


def backup(source: Path, target: Path) -> Path:
    """A copy of a store (or a data folder) as a backup tool makes it, without locks."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".locks"))
    return target


@contextmanager
def read_only_copy(source: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of ``source`` made truly read-only: a read-only bind mount as root (chmod
    does not stop root), `chmod -R a-w` otherwise. Skips only when neither can be done."""
    copy = backup(source, tmp_path / "usb")
    if os.geteuid() != 0:
        for path in [copy, *copy.rglob("*")]:
            path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)
        try:
            yield copy
        finally:
            for path in [copy, *copy.rglob("*")]:
                path.chmod(stat.S_IMODE(path.stat().st_mode) | 0o200)
        return
    mount = tmp_path / "media-backup"
    mount.mkdir()
    done = subprocess.run(["mount", "--bind", str(copy), str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"running as root without mount rights ({done.stderr.strip()!r}): "
                    "a read-only copy cannot be made; the forced read-only path is "
                    "tested in test_read_only_path_reads_without_locks_and_writes_nothing")
    try:
        ro = subprocess.run(["mount", "-o", "remount,ro,bind", str(mount)],
                            capture_output=True)
        assert ro.returncode == 0, ro.stderr
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)
