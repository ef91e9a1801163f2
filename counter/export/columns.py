"""The report tables' columns, defined once for CSV and XLSX (and read by the tests).

An admin pastes these tables into the office's own spreadsheets, so a column's
header, how its value is read from a row and its kind (text, int, datetime,
minutes) live here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter.report import minutes
from counter.texts import report as T


@dataclass(frozen=True)
class Column:
    header: str
    get: Callable[[Any], Any]
    kind: str = "text"  # text | int | datetime | minutes
    width: float = 14.0



def yes_no(flag: bool) -> str:
    return T.YES if flag else T.NO


CASE_COLUMNS: tuple[Column, ...] = (
    Column(T.COL_CODE, lambda r: r.code_human, width=17),
    Column(T.COL_OPENED, lambda r: r.opened_at, "datetime", 17),
    Column(T.COL_VISITOR, lambda r: r.visitor, width=24),
    Column(T.COL_NIK, lambda r: r.nik_masked, width=18),
    Column(T.COL_SOP_ID, lambda r: r.sop_id, width=22),
    Column(T.COL_SERVICE, lambda r: r.service, width=34),
    Column(T.COL_OFFICER, lambda r: r.officer, width=18),
    Column(T.COL_DESK, lambda r: r.desk, "int", 7),
    Column(T.COL_STATUS, lambda r: r.status_label, width=26),
    Column(T.COL_HOLDER, lambda r: r.holder, width=26),
    Column(T.COL_ELAPSED_MIN, lambda r: r.elapsed_s, "minutes", 12),
    Column(T.COL_PAUSED_MIN, lambda r: r.paused_s, "minutes", 12),
    Column(T.COL_LIMIT_MIN, lambda r: r.limit_s, "minutes", 12),
    Column(T.COL_OVER, lambda r: yes_no(r.over), width=8),
    Column(T.COL_CLOSED, lambda r: r.closed_at, "datetime", 17),
)

STEP_COLUMNS: tuple[Column, ...] = (
    Column(T.COL_CODE, lambda r: r.code_human, width=17),
    Column(T.COL_SOP_ID, lambda r: r.sop_id, width=22),
    Column(T.COL_SERVICE, lambda r: r.service, width=30),
    Column(T.COL_STEP, lambda r: r.step, "int", 8),
    Column(T.COL_KEGIATAN, lambda r: r.kegiatan, width=40),
    Column(T.COL_PELAKSANA, lambda r: r.pelaksana, width=20),
    Column(T.COL_OFFICER, lambda r: r.officer, width=18),
    Column(T.COL_START, lambda r: r.started_at, "datetime", 17),
    Column(T.COL_END, lambda r: r.ended_at, "datetime", 17),
    Column(T.COL_ELAPSED_MIN, lambda r: r.elapsed_s, "minutes", 12),
    Column(T.COL_PAUSED_MIN, lambda r: r.paused_s, "minutes", 12),
    Column(T.COL_MUTU_BAKU, lambda r: r.mutu_baku, width=16),
    Column(T.COL_LIMIT_MIN, lambda r: r.limit_s, "minutes", 12),
    Column(T.COL_JUDGE, lambda r: r.judgement, width=12),
    Column(T.COL_RESULT, lambda r: r.outcome, width=13),
    Column(T.COL_REASON, lambda r: r.reason, width=30),
    Column(T.COL_RETURN_REASON, lambda r: r.return_reason, width=30),
)



def cell_text(col: Column, row: Any) -> str:
    value = col.get(row)
    if value is None:
        return ""
    if col.kind == "datetime":
        return str(value.isoformat(timespec="seconds"))
    if col.kind == "minutes":
        return f"{minutes(value):.1f}"
    return str(value)


# Spreadsheet cells (openpyxl's and the fast writer's alike): control characters break
# XLSX, and Excel has no time zones, so times are office time without the zone.
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def local_naive(value: datetime) -> datetime:
    """Office time without the zone: Excel cannot store a zone, and the office reads its own."""
    return value.replace(tzinfo=None, microsecond=0) if value.tzinfo else value
