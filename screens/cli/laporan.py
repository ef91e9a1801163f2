"""`loket laporan`: the service log of a day or a range, as text, CSV, XLSX or PDF.

    loket laporan                                   today, as text
    loket laporan --tanggal kemarin --format pdf    yesterday's Laporan Harian Layanan
    loket laporan --dari 2026-11-01 --sampai "30 November 2026" --format xlsx -o nov.xlsx

Dates are ISO or Indonesian. Without `-o`, text goes to the terminal and files
are named after the period in the data folder's `laporan/` (where the log
screen's export puts them too), and the command says where.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from counter import export
from counter import report as R
from counter.bulk import no_cyclic_gc
from counter.texts import report as T
from screens.cli.context import Context, note_skipped_sops

if TYPE_CHECKING:  # the text report's rich is imported only when text is asked for
    from rich.console import Console


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("laporan", help=T.HELP_LAPORAN, description=T.HELP_LAPORAN)
    p.add_argument("--tanggal", help=T.HELP_TANGGAL)
    p.add_argument("--dari", help=T.HELP_DARI)
    p.add_argument("--sampai", help=T.HELP_SAMPAI)
    p.add_argument("--format", default="teks", help=T.HELP_FORMAT)
    p.add_argument("-o", "--output", help=T.HELP_OUTPUT)
    p.add_argument("--pusat", action="store_true", help=T.HELP_PUSAT)
    p.add_argument("--kantor", nargs="+", metavar="ID", help=T.HELP_KANTOR)
    p.set_defaults(func=cmd_laporan)


def period(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """(first, last) from --tanggal or --dari/--sampai; today by default."""
    if args.tanggal and (args.dari or args.sampai):
        raise R.ReportError(T.DATE_AND_RANGE, field="--tanggal")
    if args.dari or args.sampai:
        if not (args.dari and args.sampai):
            raise R.ReportError(T.RANGE_NEEDS_BOTH, field="--dari" if not args.dari
                                else "--sampai")
        first = _parse(args.dari, today, "--dari")
        last = _parse(args.sampai, today, "--sampai")
        R.check_range(first, last)
        return first, last
    day = _parse(args.tanggal, today, "--tanggal") if args.tanggal else today
    return day, day


def _parse(text: str, today: date, option: str) -> date:
    try:
        return R.parse_date(text, today)
    except R.ReportError as err:
        raise R.ReportError(err.message, field=option) from None


def build_summary(ctx: Context, first: date, last: date,
                  sink: Callable[[R.CaseRows], None] | None = None,
                  requests: dict[str, str] | None = None) -> R.Summary:
    """Fold and measure the period's cases through the desk service (closed cases from
    their per-case summaries), then summarise; `sink` streams the rows."""
    from counter.desk import Desk

    desk = Desk(ctx.store, ctx.catalog, ctx.profile)
    return R.load_summary(desk, first, last, sink=sink, requests=requests)


def stream_xlsx(ctx: Context, first: date, last: date, out: Path) -> tuple[R.Summary, Path]:
    """The XLSX report with its rows written and compressed as they are read (memory flat
    in the period); a store that keeps report pages answers its closed cases from them."""
    from counter.desk import Desk
    from counter.export.xlsx_stream import XlsxStream
    from counter.report_paged import pages_kept, stream_summary
    from screens.queue_service import with_queue

    stream = XlsxStream(out)
    try:
        desk = Desk(ctx.store, ctx.catalog, ctx.profile)
        if pages_kept(ctx.store):
            summary = stream_summary(desk, first, last, stream)
        else:
            summary = R.load_summary(desk, first, last, sink=stream.add)
        summary = with_queue(summary, ctx.paths, ctx.profile, ctx.store)  # the walk-in queue
    except BaseException:
        stream.abandon()
        raise
    return summary, stream.finish(summary)


def warn_unreadable(summary: R.Summary) -> None:
    """A damaged day is named on stderr too: a report written to a file says so inside,
    but the person at the terminal must see it now."""
    from counter.dates import format_day_date

    for item in summary.unreadable:
        print(T.UNREADABLE_WARNING.format(day=format_day_date(item.day), path=item.path),
              file=sys.stderr)


def cmd_laporan(args: argparse.Namespace, ctx: Context) -> int:
    fmt = (args.format or "teks").strip().lower()
    if fmt not in export.FORMATS:
        raise R.ReportError(T.UNKNOWN_FORMAT.format(value=args.format,
                                                    choices=", ".join(export.FORMATS)),
                            field="--format")
    today = datetime.now(ctx.profile.tz).date()
    first, last = period(args, today)
    note_skipped_sops(ctx)
    out = Path(args.output).expanduser() if args.output else None
    if out is not None:
        export.check_target(out)
    if args.pusat or args.kantor:
        return _report_offices(args, ctx, fmt, first, last, out)
    with no_cyclic_gc():
        if fmt == "xlsx":
            if out is None:
                ctx.paths.report_dir.mkdir(parents=True, exist_ok=True)
                out = ctx.paths.report_dir / export.default_name(first, last, fmt)
            summary, path = stream_xlsx(ctx, first, last, out)
            warn_unreadable(summary)
            print(T.WRITTEN.format(path=path))
            return 0
        requests: dict[str, str] = {}  # the walk-ins' requests, read with the rows
        summary = build_summary(ctx, first, last, requests=requests)
        warn_unreadable(summary)
        if fmt == "teks" and out is None:
            from rich.console import Console  # rich only for text: a file report skips it

            from screens.cli import report_text

            console = Console(width=None if sys.stdout.isatty() else report_text.WIDTH,
                              highlight=False)
            report_text.print_report(console, summary)
            _print_unserved(console, ctx, summary, requests)
            from screens.cli.antrean import print_review

            print_review(console, ctx, first, last, heading=True)  # the walk-in queue
            return 0
        if out is None:  # like the log screen's export: the data folder's laporan/
            ctx.paths.report_dir.mkdir(parents=True, exist_ok=True)
            out = ctx.paths.report_dir / export.default_name(first, last, fmt)
        if fmt == "teks":
            from screens.cli import report_text

            text = report_text.render_text(summary) + _unserved_text(ctx, summary, requests)
            text += _queue_text(ctx, first, last)
            written = [export.write(out, text.encode("utf-8"))]
        else:
            if fmt == "pdf":
                from screens.queue_service import with_queue

                summary = with_queue(summary, ctx.paths, ctx.profile, ctx.store)
            written = export.write_report(summary, ctx.profile, fmt, out)
    if fmt == "csv":
        print(T.WRITTEN_CSV.format(cases=written[0], steps=written[1]))
    else:
        print(T.WRITTEN.format(path=written[0]))
    return 0


def _queue_text(ctx: Context, first: date, last: date) -> str:
    """The walk-in queue's figures as the text file's last section."""
    import io

    from rich.console import Console

    from screens.cli import report_text
    from screens.cli.antrean import print_review

    buffer = io.StringIO()
    console = Console(width=report_text.WIDTH, file=buffer, highlight=False,
                      color_system=None)
    print_review(console, ctx, first, last, heading=True)
    return buffer.getvalue()


def _report_offices(args: argparse.Namespace, ctx: Context, fmt: str, first: date, last: date,
                    out: Path | None) -> int:
    """`--pusat [--kantor ID…]`: the same report for each office, from the server's record
    (a provincial office reading its regencies). One section, or one file, per office."""
    from rich.console import Console

    from counter.desk import Desk
    from counter.sync.port import SyncError
    from counter.texts import sync as TS
    from screens.cli import report_text
    from store.sync.office_report import office_repos
    from store.sync.server import PgServer

    dsn = ctx.profile.pusat.effective_dsn
    if not dsn:
        raise SyncError(TS.NOT_CONFIGURED)
    server = PgServer(dsn)
    try:
        repos = office_repos(server, args.kantor or None)
    finally:
        server.close()
    if not repos:
        raise R.ReportError(T.NO_OFFICES, field="--kantor")
    for office, repo in repos.items():
        with no_cyclic_gc():
            summary = R.load_summary(Desk(repo, ctx.catalog, ctx.profile), first, last)
        if fmt == "teks" and out is None:
            sys.stdout.write(T.OFFICE_HEADING.format(office=office))
            console = Console(width=None if sys.stdout.isatty() else report_text.WIDTH,
                              highlight=False)
            report_text.print_report(console, summary)
            continue
        base = out or Path(export.default_name(first, last, fmt))
        target = base.with_name(f"{base.stem}-{office}{base.suffix}")
        if fmt == "teks":
            written = [export.write(target,
                                    report_text.render_text(summary).encode("utf-8"))]
        else:
            written = export.write_report(summary, ctx.profile, fmt, target)
        print(T.WRITTEN.format(path=written[0]))
    return 0


def _unserved_text(ctx: Context, summary: R.Summary,
                   requests: dict[str, str] | None = None) -> str:
    """The walk-ins served on the general SOP, grouped by what they asked for (issue 12)."""
    from counter.unserved import load_unserved, unserved_lines

    head, *lines = unserved_lines(load_unserved(ctx.desk, summary, requests))
    return "\n" + head + "\n" + "\n".join(f"  {line}" for line in lines) + "\n"


def _print_unserved(console: Console, ctx: Context, summary: R.Summary,
                    requests: dict[str, str] | None = None) -> None:
    console.print(_unserved_text(ctx, summary, requests), markup=False, highlight=False)
