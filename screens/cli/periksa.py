"""`loket periksa [--dari D --sampai D] [--bangun-ulang]`: is every day file still as
Loket wrote it? (`--bangun-ulang`: then make every per-case summary again.)

Walks each day file's hash chain (see `counter.chain`) and names, per broken day,
the first broken link: the day file, the case and the event. Exit 1 when anything
is wrong, so a scheduled job or an auditor's script can act on it.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from counter.chain.accepted import acceptance_record, acceptances, accepted
from counter.chain.words import day_lines
from counter.dates import format_datetime_short
from counter.errors import LoketError
from counter.report import parse_date
from counter.texts import chain as T
from counter.texts import summary as TS
from screens.cli.context import Context
from store.audit_log import AuditLog


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("periksa", help=T.HELP_PERIKSA, description=T.HELP_PERIKSA)
    p.add_argument("--dari", help=T.HELP_DARI)
    p.add_argument("--sampai", help=T.HELP_SAMPAI)
    p.add_argument("--bangun-ulang", action="store_true", help=TS.HELP_REBUILD)
    p.add_argument("--terima", metavar="HARI", help=T.HELP_TERIMA)
    p.add_argument("--alasan", help=T.HELP_ALASAN)
    p.set_defaults(func=cmd_periksa)


def _date(text: str | None, today: date, option: str) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text, today)
    except LoketError as err:
        raise LoketError(err.message, field=option) from None


def cmd_periksa(args: argparse.Namespace, ctx: Context) -> int:
    if args.terima is not None:
        _accept(args, ctx)
    checked = max(_check(args, ctx), _check_audit(ctx))
    if not args.bangun_ulang:
        return checked
    from screens.cli.rebuild import rebuild_and_say

    return max(checked, rebuild_and_say(ctx))


def _accept(args: argparse.Namespace, ctx: Context) -> None:
    """`--terima HARI --alasan …`: a supervisor accepts the day's breaks as they are."""
    from screens.cli.signin import require_officer
    from store.chain import day_check

    reason = " ".join((args.alasan or "").split())
    if not reason:
        raise LoketError(T.ACCEPT_NEEDS_REASON, field="--alasan")
    now = datetime.now(ctx.profile.tz)
    day = _date(args.terima, now.date(), "--terima")
    assert day is not None
    session = require_officer(ctx, supervisor=True)
    check = day_check(ctx.store, day)
    if check is None or check.ok:
        print(T.ACCEPT_NOTHING.format(day=day.isoformat()))
        return
    AuditLog(ctx.paths.data_dir).append([acceptance_record(
        check, session.nama, ctx.profile.desk, now, reason)])
    print(T.ACCEPT_DONE.format(day=day.isoformat(), nama=session.nama, reason=reason))


def _check(args: argparse.Namespace, ctx: Context) -> int:
    from store.chain import check_store

    today = datetime.now(ctx.profile.tz).date()
    first = _date(args.dari, today, "--dari")
    last = _date(args.sampai, today, "--sampai")
    result = check_store(ctx.store, first, last)
    known = acceptances(AuditLog(ctx.paths.data_dir).records(strict=False))
    lines: list[str] = []
    notes: list[str] = []
    if result.ledger_damaged:
        lines.append(T.LEDGER_DAMAGED)
    for day, message in result.unreadable:
        lines.append(T.UNREADABLE.format(day=day, message=message))
    broken = []
    for check in result.broken:
        ok = accepted(check, known)
        if ok is None:
            broken.append(check)
        else:
            notes.append(T.ACCEPTED_LINE.format(day=check.day, nama=ok.officer,
                                                at=format_datetime_short(ok.at),
                                                reason=ok.reason))
    if notes:
        print("\n".join(notes))
    if broken:
        lines.append(T.SUMMARY_BAD.format(count=len(broken)))
        for check in broken:
            path = ctx.paths.store_dir / check.day[:4] / f"{check.day}.json"
            lines.extend(day_lines(check, str(path)))
    if lines:
        print("\n".join(lines))
        return 1
    if not result.days:
        print(T.NOTHING)
        return 0
    if notes:
        return 0
    legacy = ""
    if result.legacy:
        unchained = len(result.unchained_days)
        legacy = (T.SUMMARY_LEGACY.format(legacy=result.legacy, unchained=unchained)
                  if unchained else T.SUMMARY_LEGACY_ONLY.format(legacy=result.legacy))
    print(T.SUMMARY_OK.format(days=len(result.days), links=result.links, legacy=legacy))
    return 0


def audit_lines(ctx: Context) -> tuple[list[str], str]:
    """The office audit log's problems (first per file, then how many more), or its
    one-line summary when whole."""
    from counter.texts import chain as T
    from store.audit_log import AuditLog

    result = AuditLog(ctx.paths.data_dir).check()
    lines = [T.AUDIT_UNREADABLE.format(file=f, error=e) for f, e in result.unreadable]
    seen: set[str] = set()
    for brk in result.breaks:
        if brk.file not in seen:
            seen.add(brk.file)
            lines.append(T.AUDIT_BREAK.format(file=brk.file, line=brk.line,
                                              what=T.AUDIT_KINDS.get(brk.kind, brk.kind)))
    if len(result.breaks) > len(seen):
        lines.append(T.AUDIT_MORE.format(count=len(result.breaks) - len(seen)))
    legacy = T.AUDIT_LEGACY.format(legacy=result.legacy) if result.legacy else ""
    if not result.files:
        return lines, ""  # no office act recorded yet
    return lines, T.AUDIT_OK.format(lines=result.lines, files=result.files, legacy=legacy)


def _check_audit(ctx: Context) -> int:
    lines, summary = audit_lines(ctx)
    if lines or summary:
        print("\n".join(lines) if lines else summary)
    return 1 if lines else 0
