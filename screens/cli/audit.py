"""`loket audit`: who did which sensitive act, for an auditor (a supervisor signs in).

    loket audit --petugas "Siti Aminah" --dari 2026-11-01 --sampai 2026-11-30

Lists NIK reveals, cancellations, reopenings, conflicts resolved, personal data
purged or corrected, settings and account changes and failed sign-ins; NIK masked.
Without --dari/--sampai: the last 30 days.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta

from counter.audit.gather import sensitive_events
from counter.audit.listing import AuditRow, audit_rows
from counter.dates import format_datetime_short
from counter.report import ReportError, parse_date
from counter.texts import cli as T_CLI
from counter.texts import cli_audit as T
from screens.cli.context import Context
from screens.cli.signin import require_officer

DEFAULT_DAYS = 30


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help=T.HELP, description=T.HELP)
    p.add_argument("--petugas", help=T.HELP_PETUGAS)
    p.add_argument("--dari", help=T.HELP_DARI)
    p.add_argument("--sampai", help=T.HELP_SAMPAI)
    p.set_defaults(func=cmd_audit)


def _day(text: str, today: date, option: str) -> date:
    try:
        return parse_date(text, today)
    except ReportError as err:
        raise ReportError(err.message, field=option) from None


def cmd_audit(args: argparse.Namespace, ctx: Context) -> int:
    today = datetime.now(ctx.profile.tz).date()
    last = _day(args.sampai, today, "--sampai") if args.sampai else today
    first = _day(args.dari, today, "--dari") if args.dari else last - timedelta(
        days=DEFAULT_DAYS - 1)
    if last < first:
        raise ReportError(T.RANGE_BACKWARDS, field="--sampai")
    require_officer(ctx, supervisor=True)
    days = [d for d in (_file_day(p.stem) for p in ctx.store.day_files())
            if d is not None and d <= last]
    events, errors = sensitive_events(ctx.store, days)
    for err in errors:
        print(T_CLI.WARNING_PREFIX + str(err), file=sys.stderr)
    from store.audit_log import AuditLog

    records = AuditLog(ctx.paths.data_dir).records(first, last)
    rows = audit_rows(events, records, petugas=args.petugas or "", start=first, end=last)
    print(T.TITLE.format(first=first.isoformat(), last=last.isoformat())
          + (T.TITLE_WHO.format(petugas=args.petugas) if args.petugas else ""))
    if not rows:
        print(T.NONE)
        return 0
    for row in rows:
        print(format_row(row))
    print(T.COUNT.format(count=len(rows)))
    return 0


def format_row(row: AuditRow) -> str:
    where = T.DESK.format(desk=row.desk) if row.desk else ""
    parts = [format_datetime_short(row.at), row.officer, where, row.act, row.code, row.detail]
    return " · ".join(p for p in parts if p)


def _file_day(stem: str) -> date | None:
    try:
        return date.fromisoformat(stem)
    except ValueError:
        return None
