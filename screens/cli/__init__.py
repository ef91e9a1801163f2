"""The `loket` command: the app by default, and sub-commands for the catalog,
cases, printing, reports and demo data.

Sub-command modules register themselves in `COMMANDS`; each must not import
Textual at module level so that `loket sop daftar` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from counter.config import resolve_paths
from counter.errors import LoketError
from counter.texts import cli as T
from screens.cli.context import Context

# Modules under screens/cli/ that define `register(subparsers)`.
COMMANDS = ("app", "sop", "kasus", "cetak", "laporan", "demo", "pusat", "sinkron", "skm",
            "periksa", "data", "audit", "antrean")


def _speak_indonesian() -> None:
    """argparse looks its words up through gettext's `_`; answer with our texts so
    usage lines and argument errors read in Bahasa Indonesia like the rest."""
    argparse._ = lambda msgid: T.ARGPARSE.get(msgid, msgid)  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    _speak_indonesian()
    parser = argparse.ArgumentParser(prog="loket", description=T.DESCRIPTION)
    parser.add_argument("--config-dir", help=T.HELP_CONFIG_DIR)
    parser.add_argument("--data-dir", help=T.HELP_DATA_DIR)
    parser.add_argument("--demo", action="store_true", help=T.HELP_DEMO)
    sub = parser.add_subparsers(dest="command")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"screens.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"screens.cli.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    for command in sub.choices.values():
        # `loket kasus --demo` as well as `loket --demo kasus`; SUPPRESS keeps the
        # global flag's value when the command's own is not given.
        if not any("--demo" in a.option_strings for a in command._actions):
            command.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                                 help=T.HELP_DEMO)
        # `loket kasus KODE --data-dir /media/backup` too (a backup read on the spot)
        for option, text in (("--config-dir", T.HELP_CONFIG_DIR),
                             ("--data-dir", T.HELP_DATA_DIR)):
            if not any(option in a.option_strings for a in command._actions):
                command.add_argument(option, default=argparse.SUPPRESS, help=text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = resolve_paths(args.config_dir, args.data_dir, demo=args.demo)
    ctx = Context(paths=paths, demo=args.demo)
    if args.command is None:
        from screens.cli.app import run_app

        func = run_app
    else:
        func = args.func
    try:
        return int(func(args, ctx) or 0)
    except LoketError as err:
        print(T.ERROR_PREFIX + str(err), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(T.INTERRUPTED, file=sys.stderr)
        return 130
    finally:
        ctx.say_notices()


if __name__ == "__main__":
    sys.exit(main())
