"""Where an export is written: through the one atomic writer, owner-only (the tables
name applicants), into a folder that must already exist."""

from __future__ import annotations

from pathlib import Path

from counter.atomic import OWNER_ONLY, Payload, write_file
from counter.atomic import check_target as _check
from counter.errors import LoketError


class ExportError(LoketError):
    """An export that could not be written (a folder that does not exist, a full disk)."""


def check_target(path: Path) -> None:
    """Refuse, before any work, a path in a missing folder or one that is a folder."""
    _check(Path(path), ExportError)


def write(path: Path, payload: Payload) -> Path:
    """The file whole or not at all; a failure is an `ExportError` saying why."""
    return write_file(path, payload, mode=OWNER_ONLY, error=ExportError)
