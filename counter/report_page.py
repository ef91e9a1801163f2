"""A day's report page: its closed cases summed and written out once, for long reports.

A month's or a year's report adds up and writes out every closed case of the
period; closed cases never change. The page keeps, per day, what the report needs
of them: the figures summed (`SummaryAcc.part`), each case's sheet rows as XML
templates (`counter.export.xlsx_cells`) and their order, plus the events of the
day's open cases (folded live: their clocks run). A report then merges a part and
copies bytes per day, and folds only the open cases.

A page is a cache beside the per-case summaries, exact like them: it is used only
for the very day file it was made from (`key`), under the very stamps (fold and
wording version, SOP version, calendar) of every SOP its cases were timed against,
and this module's own version; otherwise the day is read through its shelf
(`counter.summary.rows_on`) and the page made again. A page that cannot be read is
no page.

Layout (bytes): MAGIC, the header's length, the header (JSON), the templates.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from counter.export.columns import CASE_COLUMNS, STEP_COLUMNS
from counter.export.xlsx_cells import kinds_of, template
from counter.report_acc import SummaryAcc, checked_part
from counter.summary.stamp import Stamper

if TYPE_CHECKING:
    from counter.desk import Desk
    from counter.summary.reader import DayRows

MAGIC = b"LOKET-HALAMAN\n"
# Bump when the templates or the part change form (the columns' getters, the cells).
PAGE_VERSION = 1
_COLUMNS = repr([(c.header, c.kind) for c in (*CASE_COLUMNS, *STEP_COLUMNS)])
_CASE_KINDS = kinds_of(CASE_COLUMNS)
_STEP_KINDS = kinds_of(STEP_COLUMNS)


@dataclass(frozen=True)
class ClosedCase:
    """A closed case on a page: where it sorts and where its templates are."""

    at: float  # opened_at as POSIX time (rows sort by (opened_at, code))
    code: str
    case_len: int
    steps_len: int
    step_count: int


@dataclass(frozen=True)
class ReportPage:
    key: object
    stamps: Mapping[str, str]  # "sop_id|versi" -> the stamp its summaries carried
    closed: tuple[ClosedCase, ...]
    part: Mapping[str, Any]
    requests: Mapping[str, str]
    open_events: Mapping[str, list[dict[str, Any]]]
    templates: bytes


def _sop_key(sop_id: str, versi: int | None) -> str:
    return f"{sop_id}|{'' if versi is None else versi}"


def _stamp_of(desk: Desk, stamper: Stamper, sop_key: str) -> str:
    sop_id, _, versi = sop_key.rpartition("|")
    return stamper.stamp(desk.sop_of(sop_id, int(versi) if versi else None))


def make_page(desk: Desk, stamper: Stamper, day: DayRows) -> ReportPage | None:
    """The page of a day just read (None when there is no day file to tie it to)."""
    if day.key is None:
        return None
    acc = SummaryAcc()
    rows = sorted((item for item in day.rows if item[0].code in day.closed_sops),
                  key=lambda item: (item[0].opened_at, item[0].code))
    closed: list[ClosedCase] = []
    pieces: list[bytes] = []
    for row, steps in rows:
        acc.add(row, steps)
        case = template(_CASE_KINDS, row).encode("utf-8")
        runs = "".join(template(_STEP_KINDS, s) for s in steps).encode("utf-8")
        pieces += (case, runs)
        closed.append(ClosedCase(row.opened_at.timestamp(), row.code, len(case), len(runs),
                                 len(steps)))
    stamps = {_sop_key(*sop): "" for sop in day.closed_sops.values()}
    stamps = {k: _stamp_of(desk, stamper, k) for k in stamps}
    return ReportPage(key=day.key, stamps=stamps, closed=tuple(closed), part=acc.part(),
                      requests={c: r for c, r in day.requests.items() if c in day.closed_sops},
                      open_events=dict(day.open_events), templates=b"".join(pieces))


def page_bytes(page: ReportPage) -> bytes:
    header = {
        "v": PAGE_VERSION, "cols": _COLUMNS, "key": page.key, "stamps": dict(page.stamps),
        "closed": [[c.at, c.code, c.case_len, c.steps_len, c.step_count]
                   for c in page.closed],
        "part": page.part, "req": dict(page.requests), "open": dict(page.open_events),
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return MAGIC + b"%d\n" % len(head) + head + page.templates


def read_page(raw: bytes) -> ReportPage | None:
    """A page as it was written by this version; None for anything else."""
    try:
        if not raw.startswith(MAGIC):
            return None
        at = len(MAGIC)
        end = raw.index(b"\n", at)
        size = int(raw[at:end])
        header = json.loads(raw[end + 1:end + 1 + size])
        templates = raw[end + 1 + size:]
        assert isinstance(header, dict) and header.get("v") == PAGE_VERSION
        assert header.get("cols") == _COLUMNS
        stamps, part = header["stamps"], checked_part(header["part"])
        assert part is not None and isinstance(stamps, dict)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in stamps.items())
        closed = tuple(_closed(c) for c in header["closed"])
        assert sum(c.case_len + c.steps_len for c in closed) == len(templates)
        requests, opened = header["req"], header["open"]
        assert isinstance(requests, dict) and all(
            isinstance(v, str) for v in requests.values())
        assert isinstance(opened, dict) and all(
            isinstance(evs, list) and evs and all(isinstance(e, dict) for e in evs)
            for evs in opened.values())
    except (AssertionError, KeyError, TypeError, ValueError):
        return None
    return ReportPage(header["key"], stamps, closed, part, requests, opened, templates)


def _closed(raw: object) -> ClosedCase:
    assert isinstance(raw, list) and len(raw) == 5
    at, code, *sizes = raw
    assert type(at) in (int, float) and isinstance(code, str)
    assert all(type(n) is int and n >= 0 for n in sizes)
    return ClosedCase(float(at), code, *sizes)


def page_fits(page: ReportPage, key: object, desk: Desk, stamper: Stamper) -> bool:
    """Made from this very day file under the stamps every summary would carry now?"""
    return key is not None and page.key == key and all(
        _stamp_of(desk, stamper, k) == stamp for k, stamp in page.stamps.items())
