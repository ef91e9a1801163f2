"""A day's report rows from its shelf: summaries for closed cases, live folds for the rest.

When the shelf is current (the day file unchanged since it was made) and every
summary's stamp is today's, the day is answered from the shelf alone. Otherwise
the day file is read, each case whose summary no longer fits (a new event, a
changed SOP or calendar) is folded and measured again, and the shelf is replaced.
Either way the rows are exactly those a fresh fold would give (tests/counter/
test_summary.py holds every case of the demo history to that).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from counter.case.read import any_stored, last_event_id
from counter.report_rows import CaseRow, StepRow, case_row, step_rows
from counter.summary.port import ShelfEntry, SummaryShelf, events_entry
from counter.summary.record import CaseSummary, from_json, summarize, unserved_request
from counter.summary.stamp import Stamper, stamper_for

if TYPE_CHECKING:
    from counter.desk import CaseView, Desk

CaseRows = tuple[CaseRow, Sequence[StepRow]]


@dataclass
class DayRows:
    """Every case of one day as rows, in the order opened; the open ones also as views."""

    rows: list[CaseRows] = field(default_factory=list)
    open_views: list[CaseView] = field(default_factory=list)
    from_shelf: bool = False  # answered without reading the day file
    refolded: int = 0  # cases folded and measured (live, or to make a summary)
    # code -> what a walk-in on the general SOP asked for (`counter.unserved`)
    requests: dict[str, str] = field(default_factory=dict)
    # the day file's identity the rows were read from (None: no day file), and each
    # closed case's SOP (id, version): what a report page made from them depends on
    key: object = None
    closed_sops: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    open_events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add_request(self, code: str, sop_id: str, request: str) -> None:
        from counter.unserved import GENERAL_SOP  # (it imports the report, which imports us)

        if sop_id == GENERAL_SOP:
            self.requests[code] = request


def live_view(desk: Desk, events: Sequence[Mapping[str, Any]], sop_id: str,
              versi: int | None) -> CaseView:
    """`desk.fold(events)`: an open case unchanged since the last read is only measured
    again (its clock runs), not folded (`counter.case.fold_cache`)."""
    from dataclasses import replace

    from counter.sync.order import describe_fork, forks

    sop = desk.sop_of(sop_id, versi)
    code = events[0].get("code") if events else None
    if not any_stored(events) or not isinstance(code, str):
        return desk.fold([dict(e) for e in events])
    view = desk.measure(desk.folded(events, sop), sop)
    conflicts = tuple(describe_fork(f, desk.profile.tz, desk.desk_names)
                      for f in forks(events) if not f.resolved)
    return replace(view, conflicts=conflicts) if conflicts else view


def stamper_of(desk: Desk) -> Stamper:
    """The stamper of the desk's calendar and nearing threshold (kept while they are)."""
    return stamper_for(desk.calendar, desk.profile.nearing)


def rows_on(desk: Desk, shelf: SummaryShelf, day: date) -> DayRows:
    """The day's rows; `LoketError` (naming the file) when its day file cannot be read."""
    stamper = stamper_of(desk)
    kept = shelf.shelf_on(day)
    if kept.current:
        answered = _from_shelf(desk, stamper, kept.entries)
        if answered is not None:
            answered.key = kept.key
            return answered
    grouped = shelf.events_on(day)
    out = DayRows(key=kept.key)
    entries: dict[str, ShelfEntry] = {}
    for code, events in grouped.items():
        last, count = last_event_id(events), len(events)
        sop_id, versi = _sop_named(events)
        sop = desk.sop_of(sop_id, versi)
        stamp = stamper.stamp(sop)
        old = kept.entries.get(code)
        summary = from_json(code, old.get("summary")) if old is not None else None
        if summary is None or not summary.fits(last, count, stamp):
            view = live_view(desk, events, sop_id, versi)
            out.refolded += 1
            summary = summarize(view, last, count, stamp, versi)
            if summary is None:
                out.rows.append((case_row(view), step_rows(view)))
                out.open_views.append(view)
                out.add_request(code, view.state.sop_id, unserved_request(view))
                entries[code] = events_entry(events)
                out.open_events[code] = entries[code]["events"]
                continue
        out.rows.append((summary.row, summary.steps))
        out.add_request(code, summary.sop_id, summary.request)
        out.closed_sops[code] = (summary.sop_id, summary.sop_versi)
        entries[code] = {"summary": summary.to_json()}
    if kept.key is not None:
        shelf.put_shelf(day, kept.key, entries)
    return out


def _from_shelf(desk: Desk, stamper: Stamper,
                entries: Mapping[str, ShelfEntry]) -> DayRows | None:
    """The day from its current shelf; None when a summary is stale or unreadable."""
    out = DayRows(from_shelf=True)
    for code, entry in entries.items():
        raw_events = entry.get("events")
        if isinstance(raw_events, list) and raw_events:
            view = live_view(desk, raw_events, *_sop_named(raw_events))
            out.refolded += 1
            out.rows.append((case_row(view), step_rows(view)))
            out.open_views.append(view)
            out.add_request(code, view.state.sop_id, unserved_request(view))
            out.open_events[code] = raw_events
            continue
        summary = _read_summary(code, entry.get("summary"))
        if summary is None or not _stamp_ok(desk, stamper, summary):
            return None
        out.rows.append((summary.row, summary.steps))
        out.add_request(code, summary.sop_id, summary.request)
        out.closed_sops[code] = (summary.sop_id, summary.sop_versi)
    return out


_READ: dict[int, tuple[object, str, CaseSummary | None]] = {}
READ_KEPT = 8192  # summaries kept read: a busy week; a year's report does not grow it


def _read_summary(code: str, raw: object) -> CaseSummary | None:
    """`from_json(code, raw)`, once per stored summary object: a shelf kept decoded
    (store/summaries.py) hands the same objects on each read of its day, and a summary
    is immutable, so the log's next F4 does not read its closed cases again."""
    known = _READ.get(id(raw))
    if known is not None and known[0] is raw and known[1] == code:
        return known[2]
    summary = from_json(code, raw)
    if len(_READ) >= READ_KEPT:
        _READ.clear()
    _READ[id(raw)] = (raw, code, summary)
    return summary


def _stamp_ok(desk: Desk, stamper: Stamper, summary: CaseSummary) -> bool:
    return summary.stamp == stamper.stamp(desk.sop_of(summary.sop_id, summary.sop_versi))


def _sop_named(events: Sequence[Mapping[str, Any]]) -> tuple[str, int | None]:
    """The SOP (id, version) a case's opening names; ("", None) when unreadable."""
    data = events[0].get("data") if events else None
    if not isinstance(data, Mapping):
        return "", None
    sop_id, versi = data.get("sop_id"), data.get("sop_versi")
    return (sop_id if isinstance(sop_id, str) else "",
            versi if type(versi) is int else None)


def rows_through(desk: Desk, shelf: SummaryShelf, days: Sequence[date]) -> Iterator[DayRows]:
    """`rows_on` day after day (a generator: a year's report holds one day at a time)."""
    for day in days:
        yield rows_on(desk, shelf, day)
