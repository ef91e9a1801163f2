"""What the table importer reads into: the report's problems, the result, a step row.

Kept apart from the reading (`importer.py`) and the building of the SOP data
(`build.py`) so each stays small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counter.sop import Sop, parse_sop
from counter.sop_table import branches as B
from counter.sop_table.header import (
    norm,
)
from counter.sop_write import dump_sop
from counter.texts import sop_table as T

_DECISION_MARKS = re.compile(r"^(ya|tidak|ya\s*/?\s*tidak|tidak\s*/?\s*ya|y|t)$", re.I)
_SUPPORT_MARK = re.compile(r"^\(?\+\)?$")
_TERMINATORS = ("mulai", "selesai", "start", "end", "akhir", "finish")
_LIST_SPLIT = re.compile(r"\s*(?:;|\n|\s(?=\d+\.\s)|(?:^|\s)[-•·▪]\s)\s*")
_ROLE_SPLIT = re.compile(r"\s*(?:;|\n|\s\+\s|→|->)\s*")


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str
    why: str


@dataclass
class ImportResult:
    path: str
    data: dict[str, Any]
    problems: list[Problem]
    layout: str

    def toml(self) -> str:
        return dump_sop(self.data, header=T.CATATAN_IMPOR.format(
            name=Path(self.path).name, layout=self.layout))

    def sop(self) -> Sop:
        return parse_sop(self.toml(), self.path)

    def report_lines(self) -> list[str]:
        lines = []
        for p in self.problems:
            place = [T.REPORT_ROW.format(row=p.row)] if p.row else []
            place += [T.REPORT_COLUMN.format(column=p.column)] if p.column else []
            lines.append(": ".join([self.path, ", ".join(place), p.why] if place
                                   else [self.path, p.why]))
        return lines


@dataclass
class _Step:
    no: int
    row: int
    kegiatan: str
    roles: list[str]
    kelengkapan: list[str]
    waktu: str
    output: str
    keterangan: str
    inferred: bool = False
    pemohon_sendiri: bool = False
    decisions: list[tuple[int, B.Branch]] = field(default_factory=list)  # (row, branch)
    marks_tidak: list[str] = field(default_factory=list)  # roles with a "tidak" marker


def applicant_alone(keterangan: str) -> tuple[str, bool]:
    """The keterangan without Loket's own mark, and whether the applicant does the step
    alone (the mark, or words such as "dikerjakan pemohon sendiri")."""
    if T.APPLICANT_ALONE_MARK.lower() in keterangan.lower():
        at = keterangan.lower().index(T.APPLICANT_ALONE_MARK.lower())
        rest = keterangan[:at] + keterangan[at + len(T.APPLICANT_ALONE_MARK):]
        return re.sub(r"\s+", " ", rest).strip(), True
    return keterangan, bool(re.search(T.APPLICANT_ALONE_WORDS, keterangan, re.IGNORECASE))


def _items(text: str) -> list[str]:
    parts = [re.sub(r"^(?:\d+[.)]|[-•·▪])\s*", "", p).strip() for p in _LIST_SPLIT.split(text)]
    return [p for p in parts if p and p not in ("-", "–", "—")]


def _yes(text: str) -> bool:
    return norm(text) in ("ya", "yes", "true", "1", "y")
