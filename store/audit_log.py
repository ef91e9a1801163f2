"""The office audit log on disk: one JSON line per office act, a file per month.

Appending a line (O_APPEND, fsync) is the whole write: a crash leaves the lines
before it intact. Each line carries the hash chaining it to the line before
(counter.audit.chain), so the appends of two processes (the app and a CLI command)
take turns under a lock file. Owner-only: it names officers and accounts.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from filelock import FileLock, Timeout

from counter.atomic import OWNER_ONLY, OWNER_ONLY_DIR, fsync_dir, replace_file
from counter.audit.chain import (
    ChainWalk,
    LineBreak,
    against_ledger,
    chained_lines,
    last_hash,
    sealed,
)
from counter.audit.records import AuditRecordError, OfficeRecord
from counter.errors import LoketError
from counter.texts import accounts as T


@dataclass
class AuditCheck:
    files: int = 0
    lines: int = 0
    legacy: int = 0  # lines from before the chain
    breaks: list[LineBreak] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file, error)

    @property
    def ok(self) -> bool:
        return not self.breaks and not self.unreadable


HEADS_NAME = "kepala.json"  # the head ledger: each month file's chained count and last hash


class AuditLog:
    """`data_dir/audit/YYYY-MM.jsonl`; `records()` reads the months asked for.

    `kepala.json` beside them records, after each append, each month file's count of
    chained lines and last hash, so lines cut off the end of a file (which leaves a
    chain that still verifies) are found, like the day files' `rantai.json`."""

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
            with FileLock(str(self.folder / ".lock"), timeout=10, mode=OWNER_ONLY):
                for path, rs in sorted(by_file.items()):
                    before = self._chained(path)
                    prev = before[-1][1] if before else self._head(path)
                    lines, head = sealed(prev, (r.to_json() for r in rs))
                    data = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines)
                    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, OWNER_ONLY)
                    try:
                        os.write(fd, data.encode("utf-8"))
                        os.fsync(fd)
                    finally:
                        os.close(fd)
                    self._note(path, before, len(lines), head)
        except Timeout:
            raise LoketError(T.AUDIT_NOT_WRITTEN.format(error=T.AUDIT_BUSY),
                             path=self.folder) from None
        except OSError as err:
            raise LoketError(T.AUDIT_NOT_WRITTEN.format(error=err.strerror or err),
                             path=self.folder) from None

    def _head(self, path: Path) -> str:
        """The hash the next line of `path` follows: its own last one, else the last
        one of the month files before it ("" before the first chained line)."""
        for month in reversed([p for p in self.months() if p.name <= path.name]):
            try:
                found = last_hash(month.read_text(encoding="utf-8").splitlines())
            except (OSError, UnicodeDecodeError):
                continue
            if found is not None:
                return found
        return ""

    def heads(self) -> dict[str, tuple[int, str]] | None:
        """Each month file's (chained lines, last hash) as last recorded; {} without a
        ledger, None when it cannot be read."""
        try:
            raw = json.loads((self.folder / HEADS_NAME).read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return None
        files = raw.get("files") if isinstance(raw, dict) else None
        if not isinstance(files, dict):
            return None
        return {str(name): (entry[0], entry[1]) for name, entry in files.items()
                if isinstance(entry, list) and len(entry) == 2
                and isinstance(entry[0], int) and isinstance(entry[1], str)}

    def _chained(self, path: Path) -> list[tuple[int, str]]:
        """The chained lines of a month file before an append ([]: none, or unreadable)."""
        try:
            return chained_lines(path.read_text(encoding="utf-8").splitlines())
        except (OSError, UnicodeDecodeError):
            return []

    def _note(self, path: Path, before: list[tuple[int, str]], added: int,
              head: str) -> None:
        """After an append (under the lock): the file's new head into the ledger. Not
        flushed: a ledger lost to a power cut lags behind the files, which the check
        accepts; written after the file, it never runs ahead of it."""
        heads = self.heads() or {}
        old = heads.get(path.name)
        if old is not None and against_ledger(str(path), before, 0, old):
            return  # a file cut short keeps its old head: the next append hides nothing
        heads[path.name] = (len(before) + added, head)
        body = {"v": 1, "files": {n: list(v) for n, v in sorted(heads.items())}}
        with contextlib.suppress(OSError):  # the line is written; a lagging ledger is weaker
            replace_file(self.folder / HEADS_NAME,
                         json.dumps(body, indent=0).encode() + b"\n",
                         mode=OWNER_ONLY, durable=False)

    def check(self) -> AuditCheck:
        """Walk every month file's chain in order (`loket periksa`, the start check)."""
        walk = ChainWalk()
        result = AuditCheck()
        heads = self.heads()
        if heads is None:
            result.unreadable.append((str(self.folder / HEADS_NAME), T.AUDIT_HEADS_DAMAGED))
            heads = {}
        ends: list[LineBreak] = []
        seen: set[str] = set()
        for path in self.months():
            seen.add(path.name)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as err:
                result.unreadable.append((str(path), str(err)))
                continue
            walk.walk(str(path), lines)
            result.files += 1
            if path.name in heads:
                end = against_ledger(str(path), chained_lines(lines), len(lines),
                                     heads[path.name])
                if end is not None:
                    ends.append(end)
        for name in sorted(set(heads) - seen):
            gone = against_ledger(str(self.folder / name), None, 0, heads[name])
            if gone is not None:
                ends.append(gone)
        result.lines, result.legacy = walk.lines, walk.legacy
        result.breaks = walk.breaks + ends
        return result

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
