"""Files that carry personal data outside the day files: printed PDFs (`cetak/`), the
visitor's own exports (`pemohon/`), report exports (`laporan/`), and temp files.

A purge of cases removes their PDFs and exports; report exports and leftover temp
files older than the cut-off follow the same retention. Also: the day files that
mention a NIK at all, found by their bytes, so finding one person's cases does not
parse years of files.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

VISITOR_DIR = "pemohon"


def _files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return (Path(root) / name for root, _dirs, names in os.walk(folder) for name in names)


def _older_than(path: Path, before: date) -> bool:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).date() < before
    except OSError:
        return False


def files_of_cases(data_dir: Path, pdf_dir: Path, codes: Iterable[str]) -> list[Path]:
    """Printed PDFs (named `<code>-<kind>-HHMMSS.pdf`) and visitor exports of the cases."""
    codes = set(codes)
    found = []
    for path in [*_files(pdf_dir), *_files(data_dir / VISITOR_DIR)]:
        if any(code in path.name for code in codes):
            found.append(path)
    return sorted(found)


def aged_files(data_dir: Path, report_dir: Path, before: date) -> list[Path]:
    """Report exports last written before ``before``, and temp files (`*.tmp`) left in
    the data folders by a write that was cut off, older than ``before`` or a day old."""
    found = [p for p in _files(report_dir) if _older_than(p, before)]
    today = date.today()
    for folder in (data_dir / "cetak", report_dir, data_dir / VISITOR_DIR):
        for path in _files(folder):
            if path.name.endswith(".tmp") and _older_than(path, min(before, today)):
                found.append(path)
    return sorted(set(found))


def remove(paths: Iterable[Path]) -> list[Path]:
    """Delete each file; those already gone or not removable are skipped (returned: done)."""
    done = []
    for path in paths:
        with contextlib.suppress(FileNotFoundError, PermissionError):
            path.unlink()
            done.append(path)
    return done


def days_mentioning(day_files: Iterable[Path], text: str) -> list[date]:
    """Days whose file holds ``text`` anywhere (a NIK), by a byte search."""
    needle = text.encode("utf-8")
    found = []
    for path in day_files:
        try:
            if needle in path.read_bytes():
                found.append(date.fromisoformat(path.stem))
        except (OSError, ValueError):
            continue
    return found
