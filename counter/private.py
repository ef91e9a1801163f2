"""Owner-only folders and files for what Loket keeps beside the store (printed PDFs,
exported reports): they carry visitors' names and numbers, so 0700/0600 whatever the
umask says."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path, base: Path) -> Path:
    """Create ``path`` and the folders between ``base`` and it, each owner-only
    (``base`` itself, e.g. the data folder, is created if needed but left as it is)."""
    path, base = Path(path), Path(base)
    base.mkdir(parents=True, exist_ok=True)
    chain = [path, *path.parents]
    inside = chain[: chain.index(base)] if base in chain else [path]
    for folder in reversed(inside):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(DIR_MODE)
        os.chmod(folder, DIR_MODE)  # also one made earlier with a looser mode
    return path


def private_file(path: Path) -> Path:
    """Make a file just written owner-only."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, FILE_MODE)
    return path
