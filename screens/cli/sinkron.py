"""`loket sinkron [--sekali]`: this desk's link to the office server.

Without `--sekali` it keeps syncing (a desk without the app open, or a server-side
helper) until Ctrl+C; with it, one cycle now and the state. The DSN is shown with
its password masked.
"""

from __future__ import annotations

import argparse
import threading
from datetime import tzinfo
from typing import TYPE_CHECKING

from counter.texts import cli as TC
from counter.texts import sync as T
from screens.cli.context import Context

if TYPE_CHECKING:
    from counter.sync.engine import CycleResult, Syncer
    from counter.sync.port import SyncState


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sinkron", help=TC.HELP_SINKRON, description=TC.HELP_SINKRON)
    p.add_argument("--sekali", action="store_true", help=TC.HELP_SINKRON_SEKALI)
    p.add_argument("--status", action="store_true", help=TC.HELP_SINKRON_STATUS)
    p.set_defaults(func=cmd_sinkron)


def status_line(state: SyncState, tz: tzinfo) -> str:
    """The header's words for the link."""
    from screens.widgets.sync_status import status_text

    return status_text(state, tz)


def cmd_sinkron(args: argparse.Namespace, ctx: Context) -> int:
    from counter.sync.dsn import mask_dsn
    from counter.sync.port import SyncError
    from store.sync.desk import syncer_for

    syncer = syncer_for(ctx.profile, ctx.store)
    if syncer is None:
        raise SyncError(T.NOT_CONFIGURED)
    if args.status:
        try:
            syncer.state.unsent = syncer.replica.unpushed_count()
        finally:
            _print_state(ctx, syncer, mask_dsn(ctx.profile.pusat.effective_dsn))
        return 0
    if args.sekali:
        try:
            result = syncer.sync_once()
        finally:
            _print_state(ctx, syncer, mask_dsn(ctx.profile.pusat.effective_dsn))
        print(T.SYNC_DONE.format(pushed=result.pushed, pulled=result.pulled))
        if result.skm_pushed or result.skm_pulled:
            print(T.SYNC_SKM_DONE.format(pushed=result.skm_pushed, pulled=result.skm_pulled))
        return 0
    print(T.SYNC_STARTED, flush=True)
    stop = threading.Event()

    def report(state: SyncState, result: CycleResult | None) -> None:
        if result is None or result.pushed or result.pulled or result.skm_pulled:
            line = status_line(state, ctx.profile.tz)
            extra = (f" (+{result.pushed} terkirim, +{result.pulled} diterima)"
                     if result else f" ({state.error})")
            print(line + extra, flush=True)

    try:
        syncer.run(stop, report)
    except KeyboardInterrupt:
        stop.set()
    return 0


def _print_state(ctx: Context, syncer: Syncer, where: str) -> None:
    state = syncer.snapshot()
    print(T.SYNC_STATE.format(where=where, office=syncer.desk.office, desk=syncer.desk.desk,
                              status=status_line(state, ctx.profile.tz) or "-",
                              unsent=state.unsent, cursor=state.cursor))
    if state.error:
        print(state.error)
