"""A long period's report streamed from the days' report pages (`counter.report_page`).

Per day: a page that still fits gives the closed cases' figures (merged) and their
rows, compressed, in runs (handed to the sink as they are); the day's open cases are
folded and measured now and put between the runs where they sort, so the rows come
out in the same order, with the same figures, as `counter.report.load_summary` gives. A
day without a fitting page is read through its shelf and its page made on the way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from counter.damage import UnreadableDay
from counter.errors import LoketError
from counter.report import CaseRows, Summary, wait_item
from counter.report_acc import SummaryAcc
from counter.report_dates import check_range, days_in
from counter.report_open import OpenCase, Share, can_fork, fold_open, made_from, open_case
from counter.report_page import ReportPage, make_page, page_bytes, page_fits, read_page
from counter.summary.reader import stamper_of

# The share of the period's open cases this process folds itself (the earlier days):
# it also reads and writes out every day, so the forked copy takes the larger part.
OWN_SHARE = 0.4

if TYPE_CHECKING:
    from counter.desk import CaseView, Desk
    from counter.export.zip_raw import Piece
    from counter.summary.port import PageShelf, SummaryShelf
    from counter.summary.reader import DayRows
    from counter.summary.stamp import Stamper


class RenderedSink(Protocol):
    """Where the rows go: an open case's as sheet XML, a page's closed cases as compressed
    runs (`add`: rows as rows, for a sink fed by `counter.report.load_summary` too)."""

    def add(self, item: CaseRows) -> None: ...

    def add_compressed(self, cases: Piece, case_count: int, steps: Piece,
                       step_count: int) -> None: ...

    def add_xml(self, case: str, steps: str, step_count: int) -> None: ...


def pages_kept(repo: object) -> bool:
    from counter.summary.port import PageShelf, SummaryShelf

    return isinstance(repo, SummaryShelf) and isinstance(repo, PageShelf)


def stream_summary(desk: Desk, first: date, last: date, sink: RenderedSink) -> Summary:
    """The period's summary, its rows streamed into `sink` (the repo keeps pages)."""
    from counter.codes import parse_code

    check_range(first, last)
    repo = desk.repo
    assert pages_kept(repo)
    stamper = stamper_of(desk)
    acc = SummaryAcc()
    damaged: list[UnreadableDay] = []
    open_now = repo.open_codes()
    with desk.kept_folds():  # before the copy is forked: it takes the kept folds along
        share = _share_out(desk, sorted(c for c in open_now if first <= parse_code(c).day <= last))
        seen: dict[str, OpenCase] = {}
        try:
            for day in days_in(first, last):
                opens = _day(desk, repo, day, stamper, share, acc, sink, damaged)
                seen.update(opens)
        finally:
            if share is not None:
                share.close()
        before = desk.folds_made
        others = desk.open_cases_besides(seen, open_now)
        if desk.folds_made > before or any(case.fresh for case in seen.values()):
            _keep_folds(desk, seen, others.views, open_now)
    listed = set(open_now)  # as `desk.open_cases`: the files the open-case index lists
    waits = [case.wait for code, case in seen.items() if code in listed and case.wait]
    waits += [w for v in others.views if (w := wait_item(v)) is not None]
    return acc.finish(first, last, wait_items=waits,
                      unreadable=[*damaged, *others.unreadable])


def _keep_folds(desk: Desk, seen: Mapping[str, OpenCase], others: Sequence[CaseView],
                open_now: Sequence[str]) -> None:
    """Keep the open cases' folds for the next report or dashboard, when some had to be
    made (`counter.open_snapshot`): those folded here and by the forked copy."""
    from counter.open_snapshot import entry_for

    entries = {code: case.kept for code, case in seen.items() if case.kept is not None}
    for view in others:
        entry = entry_for(view.state, view.sop, desk.calendar, desk.profile.nearing)
        if entry is not None:
            entries[view.code] = entry
    desk.keep_folds_of(entries, open_now)


def _day(desk: Desk, repo: object, day: date, stamper: Stamper, share: Share | None,
         acc: SummaryAcc, sink: RenderedSink,
         damaged: list[UnreadableDay]) -> dict[str, OpenCase]:
    """One day of the report: its page's figures merged and its rows written out; the
    day's open cases (folded now) returned, for the files-waiting lines."""
    key, page = _fitting_page(desk, repo, day, stamper)  # type: ignore[arg-type]
    if key is None:  # no day file: nothing was opened that day
        return {}
    if page is None:
        try:
            page, opens = _read_day(desk, repo, day, stamper)  # type: ignore[arg-type]
        except LoketError as err:
            if err.path is None:
                raise
            damaged.extend(desk.cases_on(day).unreadable)  # named as every reader does
            return {}
    else:
        opens = {code: _ready_or_fold(desk, share, code, events)
                 for code, events in page.open_events.items()}
    acc.merge(page.part)
    _emit(page, opens, acc, sink)
    return opens


def _share_out(desk: Desk, codes: list[str]) -> Share | None:
    """The later open cases of the period (code order is day order) handed to a forked
    copy to fold, while this process reads the days in order and folds the earlier ones
    itself on the way: the two meet about when this process reaches the copy's days. The
    day loop checks each against the events its page holds (`made_from`)."""
    if not can_fork(len(codes)):
        return None
    later = codes[int(len(codes) * OWN_SHARE):]
    return Share(desk, later, lambda: desk.repo.events_of(later))


def _ready_or_fold(desk: Desk, share: Share | None, code: str,
                   events: list[dict[str, Any]]) -> OpenCase:
    if share is not None and code in share.codes:
        known = share.result().get(code)
        if known is not None and known.made_from == made_from(events):
            return known
    return fold_open(desk, {code: events})[code]


def _fitting_page(desk: Desk, repo: PageShelf, day: date,
                  stamper: Stamper) -> tuple[object, ReportPage | None]:
    """(the day file's identity now, the day's page if it still fits)."""
    key, raw = repo.page_on(day)
    page = read_page(raw) if raw is not None else None
    if page is None or not page_fits(page, key, desk, stamper):
        return key, None
    return key, page


def _read_day(desk: Desk, repo: SummaryShelf, day: date,
              stamper: Stamper) -> tuple[ReportPage, dict[str, OpenCase]]:
    """The day through its shelf (summaries made or refreshed), and its page kept."""
    from counter.summary import rows_on

    rows = rows_on(desk, repo, day)
    page = keep_page(desk, repo, day, rows, stamper)  # type: ignore[arg-type]
    if page is None:  # no day file (nothing opened that day): an empty page
        page = ReportPage(None, {}, (), SummaryAcc().part(), {}, {})
    # a day read through its shelf: its open cases' entries kept (as folded afresh)
    return page, {v.code: open_case(v, rows.open_events.get(v.code, ()), desk, True)
                  for v in rows.open_views}


def keep_page(desk: Desk, repo: PageShelf, day: date, rows: DayRows,
              stamper: Stamper | None = None) -> ReportPage | None:
    """The page of a day just read through its shelf, kept for the next report."""
    from counter.summary.reader import stamper_of

    page = make_page(desk, stamper or stamper_of(desk), rows)
    if page is not None:
        repo.put_page(day, page_bytes(page))
    return page


def _emit(page: ReportPage, opens: Mapping[str, OpenCase], acc: SummaryAcc,
          sink: RenderedSink) -> None:
    """The day's rows in order: the page's runs of closed cases, the open ones between."""
    for item in page.layout:
        if isinstance(item, str):
            case = opens[item]
            acc.add(*case.figures)
            sink.add_xml(case.case_xml, case.steps_xml, len(case.figures[1]))
        else:
            sink.add_compressed(item.cases, item.case_count, item.steps, item.step_count)
