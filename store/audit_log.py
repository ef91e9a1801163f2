"""The office audit log on disk: one JSON line per office act, a file per month.

Appending a line (O_APPEND, fsync) is the whole write: a crash leaves the lines
before it intact, and two processes (the app and a CLI command) appending at once
never interleave within a line. Owner-only: it names officers and accounts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from counter.atomic import OWNER_ONLY, OWNER_ONLY_DIR, fsync_dir
from counter.audit.records import AuditRecordError, OfficeRecord
from counter.errors import LoketError
from counter.texts import accounts as T


class AuditLog:
    """`data_dir/audit/YYYY-MM.jsonl`; `records()` reads the months asked for."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / "audit"

    def _file(self, day: date) -> Path:
        return self.folder / f"{day.year:04d}-{day.month:02d}.jsonl"

    def append(self, records: Iterable[OfficeRecord]) -> None:
        records = list(records)
        if not records:
            return
        try:
            new_folder = not self.folder.exists()
            self.folder.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
            if new_folder:
                fsync_dir(self.folder.parent)
            by_file: dict[Path, list[OfficeRecord]] = {}
            for r in records:
                by_file.setdefault(self._file(r.at.date()), []).append(r)
            for path, rs in by_file.items():
                data = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in rs)
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, OWNER_ONLY)
                try:
                    os.write(fd, data.encode("utf-8"))
                    os.fsync(fd)
                finally:
                    os.close(fd)
        except OSError as err:
            raise LoketError(T.AUDIT_NOT_WRITTEN.format(error=err.strerror or err),
                             path=self.folder) from None

    def months(self) -> list[Path]:
        return sorted(self.folder.glob("*.jsonl")) if self.folder.is_dir() else []

    def records(self, start: date | None = None, end: date | None = None, *,
                strict: bool = True) -> list[OfficeRecord]:
        """The records of the months overlapping [start, end] (all without bounds), in
        file order. `strict`: a damaged line raises, naming file and line; otherwise it
        is skipped (the lockout check must not be blinded by one bad line)."""
        out: list[OfficeRecord] = []
        for path in self.months():
            month = path.stem
            if start is not None and month < f"{start.year:04d}-{start.month:02d}":
                continue
            if end is not None and month > f"{end.year:04d}-{end.month:02d}":
                continue
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as err:
                if strict:
                    raise LoketError(T.AUDIT_UNREADABLE.format(error=err), path=path) from None
                continue
            for no, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    out.append(OfficeRecord.from_json(json.loads(line)))
                except (ValueError, AuditRecordError) as err:
                    if strict:
                        message = err.message if isinstance(err, AuditRecordError) \
                            else T.AUDIT_BAD_RECORD.format(field="(JSON)")
                        raise LoketError(message, path=path, line=no) from None
        return out
