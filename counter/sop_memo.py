"""SOPs checked by an earlier process, kept so the next one need not check them again.

Every Loket process loads the catalog: 28 bundled SOPs and the office's files,
each parsed and checked in full (~80 ms, a large share of a short command). The
result depends only on a file's text and name and on Loket's own code, so a file
that passed is kept, pickled, in the cache folder (`counter.config.cache_dir`)
under the digest of its name and text, in a file named after the digest of the
`counter` package's sources (their names, sizes and modification times): any
change to the text or to the checking code checks the file again, exactly as
before. A file with problems is never kept (its errors are found afresh), and a
missing, damaged or unwritable cache costs only the time. The pickle is read
only from the user's own cache folder, written there private (0600).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from counter.sop_model import Sop
from counter.sop_read import parse_sop

_KEEP = 400  # entries kept: the bundled SOPs, the office's and their versions, with room
_PREFIX = "sop-diperiksa-"
_STALE_S = 30 * 24 * 3600


def code_digest() -> str:
    """The identity of the code that parses and checks: every source of `counter`."""
    if _CODE:
        return _CODE[0]
    root = Path(__file__).resolve().parent
    found: list[str] = []
    stack = [str(root)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for e in entries:
                if e.is_dir(follow_symlinks=False) and e.name != "__pycache__":
                    stack.append(e.path)
                elif e.name.endswith((".py", ".toml")):
                    st = e.stat()
                    found.append(f"{os.path.relpath(e.path, root)} {st.st_size} "
                                 f"{st.st_mtime_ns}")
    found.append(sys.version)  # tomllib and pickle come with Python
    digest = hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest()[:20]
    _CODE.append(digest)
    return digest


_CODE: list[str] = []


class SopMemo:
    """parse_sop(text, name) answered from the kept results when the same text and
    name passed before under the same code; a fresh object every time."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._entries: dict[bytes, bytes] | None = None  # key -> pickled Sop
        self._new = False
        self._lock = threading.Lock()

    @property
    def path(self) -> Path | None:
        return None if self.folder is None else self.folder / f"{_PREFIX}{code_digest()}.pickle"

    def parse(self, text: str, name: str) -> Sop:
        key = hashlib.sha256(f"{name}\0{text}".encode()).digest()
        with self._lock:
            entries = self._read()
            kept = entries.pop(key, None)
            if kept is not None:
                entries[key] = kept  # most recently used last
                sop = pickle.loads(kept)
                if isinstance(sop, Sop):
                    return sop
        sop = parse_sop(text, name)  # raises SopErrors: nothing is kept
        with self._lock:
            self._read()[key] = pickle.dumps(sop, protocol=pickle.HIGHEST_PROTOCOL)
            self._new = True
        return sop

    def _read(self) -> dict[bytes, bytes]:
        if self._entries is None:
            self._entries = _load(self.path)
        return self._entries

    def save(self) -> None:
        """Write the kept results when this process checked something new."""
        path = self.path
        with self._lock:
            if not self._new or path is None or self._entries is None:
                return
            self._new = False
            recent = dict(list(self._entries.items())[-_KEEP:])
            payload = pickle.dumps(recent, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(payload)
                os.replace(temp, path)
            except BaseException:
                os.unlink(temp)
                raise
            _forget_stale(path)
        except OSError:
            pass  # a read-only or full cache folder: checked again next time


def _forget_stale(path: Path) -> None:
    """Remove other code's results not written for a month: an upgraded install leaves
    its old file behind, while two installs sharing the folder keep both (at worst a
    file removed early is checked and written again)."""
    cutoff = time.time() - _STALE_S
    for other in path.parent.glob(f"{_PREFIX}*.pickle"):
        if other != path and other.stat().st_mtime < cutoff:
            other.unlink(missing_ok=True)


def _load(path: Path | None) -> dict[bytes, bytes]:
    if path is None:
        return {}
    try:
        data: Any = pickle.loads(path.read_bytes())
    except Exception:  # none yet, or damaged: only a slower start
        return {}
    if not isinstance(data, dict) or not all(
            isinstance(k, bytes) and isinstance(v, bytes) for k, v in data.items()):
        return {}
    return data


_SHARED: dict[Path, SopMemo] = {}


def shared() -> SopMemo:
    """One memo per process and cache folder."""
    from counter.config import cache_dir

    folder = cache_dir()
    memo = _SHARED.get(folder)
    if memo is None:
        memo = _SHARED[folder] = SopMemo(folder)
    return memo
