"""The one way Loket writes a file: whole or not at all.

Every file written for a user (reports, receipts and slips, `loket cetak -o`,
the office profile) and every store file goes through `replace_file`: the
content goes to a temporary file beside the target, is fsynced, renamed over
the target, and the folder is fsynced. A full disk, an I/O error or a power
cut therefore leaves the old file (or none), never half of one. `write_file`
adds what a user needs: the target folder must already exist (a typo in a
folder name is refused, not silently created) and a failure is an Indonesian
`LoketError` naming the file and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from counter.errors import LoketError
from counter.texts import files as T

SHARED = 0o644
OWNER_ONLY = 0o600  # personal data: names, NIK, phone numbers
OWNER_ONLY_DIR = 0o700  # folders of such files (printed PDFs, exported reports)

Payload = bytes | Callable[[BinaryIO], object]
Pieces = list[bytes | bytearray]  # a file's bytes in pieces, written as one (the store's day files)


class WriteError(LoketError):
    """A file that could not be written; the old one, if any, is untouched."""


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new entry in ``directory`` survive a power cut."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals renames itself
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_name(path: Path) -> str:
    # Short enough that a target with a long (but legal) name still gets a temp file.
    return f".{path.name[:80]}."


def _write_all(fd: int, pieces: Pieces) -> None:
    """Write ``pieces`` one after the other (a large file is not joined in memory first)."""
    for piece in pieces:
        view = memoryview(piece)
        while view:
            view = view[os.write(fd, view):]


def replace_file(path: Path, payload: Payload | Pieces, *, mode: int = SHARED,
                 temp: Path | None = None, durable: bool = True) -> None:
    """Replace ``path`` with ``payload`` (bytes, pieces of bytes written as one file, or a
    function writing to a binary file).

    ``temp`` fixes the temporary file's name (the store does, under its lock, so a
    file left by a killed process is reused); by default a fresh name is taken.
    Raises `OSError` after removing the temporary file; ``path`` is then untouched.
    """
    if temp is None:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=_temp_name(path), suffix=".tmp")
        tmp = Path(name)
    else:
        tmp = temp
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        try:
            os.fchmod(fd, mode)
            if isinstance(payload, bytes | bytearray | memoryview | list):
                _write_all(fd, payload if isinstance(payload, list) else [payload])
                if durable:
                    os.fsync(fd)
            else:
                with os.fdopen(fd, "wb", closefd=False) as fh:
                    payload(fh)
                    fh.flush()
                if durable:
                    os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if durable:
            fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def check_target(path: Path, error: type[LoketError] = WriteError) -> None:
    """Refuse, before any work, a target that is a folder, lies in a missing folder or
    cannot even be named (too long)."""
    try:
        if path.is_dir():
            raise error(T.WRITE_FAILED.format(reason=T.IS_A_FOLDER, kept=T.KEPT_NONE),
                        path=path)
        parent = path.parent
        if not parent.exists():
            raise error(T.NO_FOLDER.format(folder=parent), path=path)
        if not parent.is_dir():
            raise error(T.NOT_A_FOLDER.format(folder=parent), path=path)
    except OSError as exc:
        raise error(T.WRITE_FAILED.format(reason=reason(exc), kept=T.KEPT_NONE),
                    path=path) from None


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def reason(exc: OSError) -> str:
    """The operating system's refusal in words an officer can act on."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in T.REASONS:
        return T.REASONS[name]
    return T.UNKNOWN_REASON.format(detail=exc.strerror or exc)


def write_file(path: str | Path, payload: Payload, *, mode: int = SHARED,
               error: type[LoketError] = WriteError) -> Path:
    """Write ``payload`` at ``path`` for a user; a failure raises ``error`` (a
    `LoketError`) saying why and whether an old file was kept."""
    target = Path(path)
    check_target(target, error)
    existed = _exists(target)
    try:
        replace_file(target, payload, mode=mode)
    except OSError as exc:
        kept = T.KEPT_OLD if existed else T.KEPT_NONE
        raise error(T.WRITE_FAILED.format(reason=reason(exc), kept=kept), path=target) from None
    return target


def ensure_folder(folder: Path, error: type[LoketError] = WriteError) -> Path:
    """Create one of Loket's own folders (dated PDF folders, `laporan/`) durably."""
    if folder.is_dir():
        return folder
    ensure_folder(folder.parent, error)
    try:
        folder.mkdir()
    except FileExistsError:
        return folder
    except OSError as exc:
        raise error(T.WRITE_FAILED.format(reason=reason(exc), kept=T.KEPT_NONE),
                    path=folder) from None
    fsync_dir(folder.parent)
    return folder


def ensure_private_folder(folder: Path, base: Path,
                          error: type[LoketError] = WriteError) -> Path:
    """Create ``folder`` and the folders between ``base`` and it, each owner-only
    whatever the umask (also ones made earlier with a looser mode): printed PDFs and
    exported reports carry visitors' names and numbers. ``base`` itself (e.g. the data
    folder) is created if needed but left as it is."""
    folder, base = Path(folder), Path(base)
    chain = [folder, *folder.parents]
    inside = chain[: chain.index(base)] if base in chain else [folder]
    try:
        ensure_folder(base, error)
        for step in reversed(inside):
            made = False
            with contextlib.suppress(FileExistsError):
                step.mkdir(OWNER_ONLY_DIR)
                made = True
            os.chmod(step, OWNER_ONLY_DIR)
            if made:
                fsync_dir(step.parent)
    except OSError as exc:
        raise error(T.WRITE_FAILED.format(reason=reason(exc), kept=T.KEPT_NONE),
                    path=folder) from None
    return folder
