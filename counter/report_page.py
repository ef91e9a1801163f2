"""A day's report page: its closed cases summed and written out once, for long reports.

A month's or a year's report adds up and writes out every closed case of the
period; closed cases never change. The page keeps, per day, what the report needs
of them: the figures summed (`SummaryAcc.part`) and their sheet rows
(`counter.export.xlsx_cells`) already compressed, in runs between the day's open
cases (`layout`), plus the open cases' events (folded live: their clocks run). A
report then merges a part and splices compressed bytes per day, and folds only the
open cases, putting their rows where they sort.

A page is a cache beside the per-case summaries, exact like them: it is used only
for the very day file it was made from (`key`), under the very stamps (fold and
wording version, SOP version, calendar) of every SOP its cases were timed against,
and this module's own version; otherwise the day is read through its shelf
(`counter.summary.rows_on`) and the page made again. A page that cannot be read is
no page.

Layout (bytes): MAGIC, the header's length, the header (JSON), the compressed runs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from counter.export.columns import CASE_COLUMNS, STEP_COLUMNS
from counter.export.xlsx_cells import kinds_of, template
from counter.export.zip_raw import Piece, compress_piece
from counter.report_acc import SummaryAcc, checked_part
from counter.summary.stamp import Stamper

if TYPE_CHECKING:
    from counter.desk import Desk
    from counter.summary.reader import DayRows

MAGIC = b"LOKET-HALAMAN\n"
# Bump when the templates or the part change form (the columns' getters, the cells).
PAGE_VERSION = 2  # 2: rows compressed in runs between open cases
_COLUMNS = repr([(c.header, c.kind) for c in (*CASE_COLUMNS, *STEP_COLUMNS)])
_CASE_KINDS = kinds_of(CASE_COLUMNS)
_STEP_KINDS = kinds_of(STEP_COLUMNS)


@dataclass(frozen=True)
class Run:
    """Closed cases in a row (no open case between them): their rows, compressed."""

    case_count: int
    step_count: int
    cases: Piece
    steps: Piece


@dataclass(frozen=True)
class ReportPage:
    key: object
    stamps: Mapping[str, str]  # "sop_id|versi" -> the stamp its summaries carried
    # the day's cases in report order: an open case's code, or a run of closed cases
    layout: tuple[str | Run, ...]
    part: Mapping[str, Any]
    requests: Mapping[str, str]
    open_events: Mapping[str, list[dict[str, Any]]]


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
    layout: list[str | Run] = []
    cases: list[str] = []
    steps: list[str] = []
    counts = [0, 0]

    def end_run() -> None:
        if cases:
            layout.append(Run(counts[0], counts[1], compress_piece("".join(cases).encode()),
                              compress_piece("".join(steps).encode())))
            cases.clear()
            steps.clear()
            counts[:] = [0, 0]

    for row, runs in sorted(day.rows, key=lambda item: (item[0].opened_at, item[0].code)):
        if row.code not in day.closed_sops:
            end_run()
            layout.append(row.code)
            continue
        acc.add(row, runs)
        cases.append(template(_CASE_KINDS, row))
        steps.extend(template(_STEP_KINDS, s) for s in runs)
        counts[0] += 1
        counts[1] += len(runs)
    end_run()
    stamps = {k: _stamp_of(desk, stamper, k)
              for k in {_sop_key(*sop) for sop in day.closed_sops.values()}}
    return ReportPage(key=day.key, stamps=stamps, layout=tuple(layout), part=acc.part(),
                      requests={c: r for c, r in day.requests.items() if c in day.closed_sops},
                      open_events=dict(day.open_events))


def page_bytes(page: ReportPage) -> bytes:
    layout: list[Any] = []
    blobs: list[bytes] = []
    for item in page.layout:
        if isinstance(item, str):
            layout.append(item)
            continue
        layout.append([item.case_count, item.step_count, *_piece_head(item.cases),
                       *_piece_head(item.steps)])
        blobs += (item.cases.packed, item.steps.packed)
    header = {
        "v": PAGE_VERSION, "cols": _COLUMNS, "key": page.key, "stamps": dict(page.stamps),
        "layout": layout, "part": page.part, "req": dict(page.requests),
        "open": dict(page.open_events),
    }
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"".join((MAGIC, b"%d\n" % len(head), head, *blobs))


def _piece_head(piece: Piece) -> tuple[int, int, int]:
    return piece.crc, piece.size, len(piece.packed)


def read_page(raw: bytes) -> ReportPage | None:
    """A page as it was written by this version; None for anything else."""
    try:
        if not raw.startswith(MAGIC):
            return None
        at = len(MAGIC)
        end = raw.index(b"\n", at)
        size = int(raw[at:end])
        header = json.loads(raw[end + 1:end + 1 + size])
        blob = memoryview(raw)[end + 1 + size:]
        assert isinstance(header, dict) and header.get("v") == PAGE_VERSION
        assert header.get("cols") == _COLUMNS
        stamps, part = header["stamps"], checked_part(header["part"])
        assert part is not None and isinstance(stamps, dict)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in stamps.items())
        requests, opened = header["req"], header["open"]
        assert isinstance(requests, dict) and all(
            isinstance(v, str) for v in requests.values())
        assert isinstance(opened, dict) and all(
            isinstance(evs, list) and evs and all(isinstance(e, dict) for e in evs)
            for evs in opened.values())
        layout: list[str | Run] = []
        at = 0
        for item in header["layout"]:
            if isinstance(item, str):
                assert item in opened
                layout.append(item)
                continue
            assert isinstance(item, list) and len(item) == 8
            assert all(type(n) is int and n >= 0 for n in item)
            cases = Piece(bytes(blob[at:at + item[4]]), item[2], item[3])
            at += item[4]
            steps = Piece(bytes(blob[at:at + item[7]]), item[5], item[6])
            at += item[7]
            layout.append(Run(item[0], item[1], cases, steps))
        assert at == len(blob) and len(opened) == sum(isinstance(x, str) for x in layout)
    except (AssertionError, KeyError, TypeError, ValueError):
        return None
    return ReportPage(header["key"], stamps, tuple(layout), part, requests, opened)


def page_fits(page: ReportPage, key: object, desk: Desk, stamper: Stamper) -> bool:
    """Made from this very day file under the stamps every summary would carry now?"""
    return key is not None and page.key == key and all(
        _stamp_of(desk, stamper, k) == stamp for k, stamp in page.stamps.items())
