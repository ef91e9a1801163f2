"""Durable small-file primitives: atomic replace, JSON reading that reports damage, locks.

Every store file is replaced whole: the new content goes to a temporary file in
the same directory, is flushed and fsynced, then ``os.replace``d over the old
one and the directory is fsynced. A reader therefore sees either the old or the
new file, never a half-written one, and after a crash the last replace that
returned is on disk. The temporary name is fixed per target, so callers must
hold the target's lock while writing (which they do for the read-modify-write
anyway); a temporary file left by a killed process is simply overwritten.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter.atomic import Pieces, fsync_dir, replace_file
from counter.texts import store as texts
from store.errors import StoreError
from store.locks import Lock as Lock  # the lock every read-modify-write is done under

# Day files hold full NIKs and phone numbers: owner only, whatever the umask says.
DIR_MODE = 0o700
FILE_MODE = 0o600


def temp_path(path: Path) -> Path:
    """Where the next version of ``path`` is written before it replaces ``path``."""
    return path.with_name(f".{path.name}.tmp")


def ensure_dir(directory: Path) -> None:
    """Create ``directory`` (and parents) durably: the new entry is fsynced in its parent."""
    if directory.is_dir():
        return
    ensure_dir(directory.parent)
    try:
        directory.mkdir(DIR_MODE)
        os.chmod(directory, DIR_MODE)  # mkdir's mode is filtered by the umask
    except FileExistsError:
        return
    except OSError as exc:
        raise StoreError(
            texts.WRITE_FAILED.format(error=exc.strerror or exc), path=directory
        ) from exc
    fsync_dir(directory.parent)


def write_atomic(path: Path, payload: bytes | Pieces, *, durable: bool = True) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new file.

    The writing itself is the core's one atomic writer (`counter.atomic`); the store
    only adds its fixed temporary name and its own error. Raises `StoreError` naming
    ``path`` when the disk refuses (full, read-only); the old file is then untouched.
    ``durable=False`` skips the fsyncs, for derived files (caches) that are rebuilt
    when a power cut loses them.
    """
    try:
        replace_file(path, payload, mode=FILE_MODE, temp=temp_path(path), durable=durable)
    except OSError as exc:
        raise StoreError(texts.WRITE_FAILED.format(error=exc.strerror or exc), path=path) from exc


def damaged(path: Path, reason: str) -> StoreError:
    """The error for a file that exists but cannot be used; it is never overwritten."""
    return StoreError(texts.DAMAGED.format(reason=reason), path=path)


def parse_json(path: Path, raw: bytes) -> Any:
    """Decode a store file's bytes; any problem becomes a `StoreError` naming ``path``."""
    if not raw.strip():
        raise damaged(path, texts.REASON_EMPTY)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise damaged(path, texts.REASON_NOT_UTF8) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        reason = texts.REASON_NOT_JSON.format(line=exc.lineno, column=exc.colno)
        raise damaged(path, reason) from None


class FileCache:
    """Parsed contents of recently read store files, keyed by the file's identity.

    Appending to a day would otherwise re-parse the whole day file on every
    event. The key is taken with ``fstat`` on the very descriptor that is read,
    and every write replaces the file (new inode, larger size, new ctime), so a
    change by another process is always noticed. ``validate`` turns a parsed
    file into the form the caller keeps, or raises `StoreError`.
    """

    def __init__(self, validate: Callable[[Path, Any], Any], capacity: int = 16) -> None:
        self._validate = validate
        self._capacity = capacity
        self._entries: OrderedDict[Path, tuple[tuple[int, ...], Any]] = OrderedDict()
        # The app appends from worker threads too (print results); guard the dict.
        self._mutex = threading.Lock()

    @staticmethod
    def _key(st: os.stat_result) -> tuple[int, ...]:
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def load(self, path: Path) -> Any | None:
        """The validated content of ``path``, or None when it does not exist."""
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            self.forget(path)
            return None
        except OSError as exc:
            raise damaged(path, texts.REASON_IO.format(error=exc.strerror or exc)) from exc
        try:
            key = self._key(os.fstat(fd))
            with self._mutex:
                hit = self._entries.get(path)
                if hit is not None and hit[0] == key:
                    self._entries.move_to_end(path)
                    return hit[1]
            with os.fdopen(fd, "rb", closefd=False) as handle:
                raw = handle.read()
        except OSError as exc:
            raise damaged(path, texts.REASON_IO.format(error=exc.strerror or exc)) from exc
        finally:
            os.close(fd)
        value = self._validate(path, parse_json(path, raw))
        self._remember(path, key, value)
        return value

    def key_of(self, path: Path) -> tuple[int, ...] | None:
        """The identity of the file as last read or written here (None if not cached)."""
        with self._mutex:
            hit = self._entries.get(path)
        return hit[0] if hit is not None else None

    def current(self, path: Path) -> Any | None:
        """The cached content of ``path`` if it is still what is on disk, else the file
        parsed anew (None when absent): what a writer holding the lock is replacing."""
        try:
            key = self._key(os.stat(path))
        except FileNotFoundError:
            return None
        except OSError:
            key = None
        with self._mutex:
            hit = self._entries.get(path)
        if hit is not None and hit[0] == key:
            return hit[1]
        return self.load_fresh(path)

    def load_fresh(self, path: Path) -> Any | None:
        """Parse ``path`` anew without keeping it: the result aliases nothing, so bulk
        readers (reports over a month) need no defensive copy of every event."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise damaged(path, texts.REASON_IO.format(error=exc.strerror or exc)) from exc
        return self._validate(path, parse_json(path, raw))

    def stored(self, path: Path, value: Any) -> None:
        """Record what was just written to ``path`` (the caller still holds its lock)."""
        try:
            key = self._key(os.stat(path))
        except OSError:
            self.forget(path)
            return
        self._remember(path, key, value)

    def forget(self, path: Path) -> None:
        """Drop ``path``, e.g. after a failed write left the cached value uncertain."""
        with self._mutex:
            self._entries.pop(path, None)

    def _remember(self, path: Path, key: tuple[int, ...], value: Any) -> None:
        with self._mutex:
            self._entries[path] = (key, value)
            self._entries.move_to_end(path)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)


def copy_json(value: Any) -> Any:
    """A deep copy of JSON-shaped data, so callers never alias the cache."""
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value
