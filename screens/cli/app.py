"""`loket` / `loket app`: open the counter app.

Textual is imported only here, inside `run_app`, so the other sub-commands
start fast.
"""

from __future__ import annotations

import argparse
from typing import Any

from counter.config import default_profile
from counter.texts import ui as T
from screens.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("app", help=T.HELP_APP, description=T.HELP_APP)
    p.add_argument("--petugas", help=T.HELP_OFFICER)
    p.add_argument("--loket", type=int, help=T.HELP_DESK)
    p.set_defaults(func=run_app)


def run_app(args: Any, ctx: Context) -> int:
    """Build the app from the paths (first run: no profile yet) and run it."""
    from screens.app import LoketApp
    from store import open_store

    profile = ctx.saved_profile  # None: first run, the app starts with the setup
    if profile is not None:  # a [tombol] typo is named (file, line) before the app opens
        from screens.keymap import check_keymap

        check_keymap(profile, ctx.paths.config_file)
    tz = (profile or default_profile()).tz
    store = open_store(ctx.paths.store_dir, tz)
    # `--petugas` only picks the name on the sign-in screen: the PIN is still asked. The
    # demo office (no real people, no PINs) starts signed in as its supervisor.
    officer: Any = None
    if ctx.demo and profile is not None:
        from counter.accounts.roles import PETUGAS, SUPERVISOR
        from counter.accounts.signin import Session

        officer = Session(getattr(args, "petugas", None) or profile.officers[-1].nama,
                          roles=(PETUGAS, SUPERVISOR))
    app = LoketApp(ctx.paths, profile, ctx.catalog, store, officer=officer,
                   desk_no=getattr(args, "loket", None))
    app.officer_hint = getattr(args, "petugas", None) or ""
    app.run()
    return 0
