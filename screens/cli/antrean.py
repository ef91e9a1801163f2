"""`loket antrean`: the walk-in queue from the command line.

    loket antrean                    today's queue and its waiting times
    loket antrean --tanggal 2026-11-27
    loket antrean ambil A            a ticket for group A (a kiosk script, a ticket button)
    loket antrean ambil A --cetak    … and print it on the profile's printer
    loket antrean layar --port 8766  the lobby display for the waiting room's TV
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from counter import report as Rp
from counter.texts import queue as T
from screens.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("antrean", help=T.HELP_ANTREAN, description=T.HELP_ANTREAN)
    p.add_argument("--tanggal", help="hari (bawaan: hari ini)")
    p.set_defaults(func=cmd_show)
    verbs = p.add_subparsers(dest="verb")
    take = verbs.add_parser("ambil", help=T.HELP_AMBIL, description=T.HELP_AMBIL)
    take.add_argument("grup")
    take.add_argument("--cetak", action="store_true", help=T.HELP_CETAK)
    take.set_defaults(func=cmd_take)
    web = verbs.add_parser("layar", help=T.HELP_LAYAR, description=T.HELP_LAYAR)
    web.add_argument("--host", default="0.0.0.0")
    web.add_argument("--port", type=int, default=8766)
    web.add_argument("--kios", action="store_true", help=T.HELP_KIOS)
    web.set_defaults(func=cmd_display)


def cmd_take(args: argparse.Namespace, ctx: Context) -> int:
    from screens.queue_service import print_ticket, queue_desk

    taken = queue_desk(ctx.paths, ctx.profile, desk=0).take(args.grup)
    issued = print_ticket(ctx.paths, ctx.profile.with_changes(
        printer=ctx.profile.printer if args.cetak else None), taken)
    print(T.CLI_TAKEN.format(label=taken.label, group=taken.group_name, ahead=taken.ahead,
                             pdf=issued.pdf))
    if args.cetak:
        print(T.CLI_PRINTED.format(printer=ctx.profile.printer) if issued.printed
              else issued.error)
        return 0 if issued.printed else 1
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from rich.console import Console
    from rich.table import Table

    from counter.queue import rules as R
    from counter.queue.review import minutes
    from screens.queue_service import queue_settings, queue_store

    now = datetime.now(ctx.profile.tz)
    day = Rp.parse_date(args.tanggal, now.date()) if args.tanggal else now.date()
    console = Console(highlight=False)
    _pull_office(console, ctx, day, day)
    queue = R.fold(queue_store(ctx.paths).read(day))
    for problem in queue.problems:
        console.print(f"Peringatan: antrean {day}: {problem}")
    if not queue.tickets:
        print(T.CLI_NONE)
        return 0
    settings = queue_settings(ctx.paths)
    names = {g.kode: g.nama for g in settings.groups}
    table = Table(title=f"{T.REVIEW_TITLE} {day.isoformat()}", title_justify="left")
    for col in T.COLUMNS:
        table.add_column(col)
    for t in sorted(queue.tickets.values(), key=lambda t: (t.taken_at, t.label)):
        table.add_row(t.label, names.get(t.group, t.group), t.taken_at.strftime("%H.%M"),
                      T.STATUS[t.status] + (f" · {t.code}" if t.code else ""),
                      str(t.desk or ""), minutes(t.wait_seconds))
    console.print(table)
    print_review(console, ctx, day, day, pull=False)
    return 0


def _pull_office(console: Any, ctx: Context, first: date, last: date) -> None:
    """With an office server: the other desks' tickets and calls first; cut off, a
    warning that the figures are this PC's alone."""
    from screens.queue_service import pull_office_queue

    why = pull_office_queue(ctx.paths, ctx.profile, first, last)
    if why:
        console.print(T.CLI_OFFLINE.format(error=why), markup=False)


def print_review(console: Any, ctx: Context, first: date, last: date, *,
                 heading: bool = False, pull: bool = True) -> None:
    """The queue's figures of first..last as tables (`loket antrean`, `loket laporan`);
    `pull`: with an office server, fetch the other desks' facts first."""
    from rich.table import Table

    from counter.queue.review import review_tables
    from screens.queue_service import review_of

    if pull:
        _pull_office(console, ctx, first, last)
    review = review_of(ctx.paths, ctx.profile, ctx.store, first, last,
                       now=datetime.now(ctx.profile.tz))
    if heading:
        console.print(f"\n{T.REVIEW_TITLE}", style="bold underline")
        if review.empty:
            console.print(T.REVIEW_NONE)
            return
    for title, header, rows in review_tables(review):
        if not rows:
            continue
        sub = Table(title=title, title_justify="left")
        for col in header:
            sub.add_column(col)
        for row in rows:
            sub.add_row(*row)
        console.print(sub)


def cmd_display(args: argparse.Namespace, ctx: Context) -> int:
    from screens.queue_service import queue_desk, queue_repo, queue_settings
    from screens.web.lobby_server import LobbyBoard, LobbyServer

    profile = ctx.profile
    take = queue_desk(ctx.paths, profile, desk=0).take if args.kios else None
    board = LobbyBoard(queue_repo(ctx.paths, profile), queue_settings(ctx.paths),
                       lambda: datetime.now(profile.tz).date(), title=profile.unit,
                       zone=profile.tz.key, take=take)
    server = LobbyServer(board, args.host, args.port)
    print(T.DISPLAY_SERVING.format(host=args.host, port=server.port), flush=True)
    try:
        server.httpd.serve_forever()
    finally:
        server.httpd.server_close()
    return 0
