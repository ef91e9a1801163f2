"""`loket pusat siapkan DSN`: create or upgrade the office server's schema."""

from __future__ import annotations

import argparse

from counter.texts import cli as TC
from counter.texts import sync as T
from screens.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pusat", help=TC.HELP_PUSAT, description=TC.HELP_PUSAT)
    inner = p.add_subparsers(dest="pusat_command", required=True)
    prep = inner.add_parser("siapkan", help=TC.HELP_PUSAT_SIAPKAN,
                            description=TC.HELP_PUSAT_SIAPKAN)
    prep.add_argument("dsn", nargs="?", default="", help=TC.HELP_PUSAT_DSN)
    prep.set_defaults(func=cmd_siapkan)


def cmd_siapkan(args: argparse.Namespace, ctx: Context) -> int:
    from counter.sync.port import SyncError
    from store.sync.server import PgServer

    dsn = args.dsn or ctx.profile.pusat.effective_dsn
    if not dsn:
        raise SyncError(T.NOT_CONFIGURED)
    done = PgServer(dsn).prepare()
    if done.before == 0:
        what = T.SCHEMA_CREATED
    elif done.before < done.after:
        what = T.SCHEMA_UPGRADED.format(old=done.before)
    else:
        what = T.SCHEMA_SAME
    print(T.SCHEMA_READY.format(version=done.after, what=what))
    return 0
