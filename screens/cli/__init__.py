"""The `loket` command: the app by default, and sub-commands for the catalog,
cases, printing, reports and demo data.

Each sub-command lives in its own module under screens/cli/ that defines
`register(subparsers)`. Building the parser imports none of them: a command's
module is imported when that command is chosen (or its help asked), so `loket
laporan` does not pay for the printing, evaluation or import code of the others
(bench/cli_start_bench.py). None may import Textual at module level.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from counter.texts import chain as T_CHAIN
from counter.texts import cli as T
from counter.texts import cli_audit as T_AUDIT
from counter.texts import privacy as T_DATA
from counter.texts import queue as T_QUEUE
from counter.texts import report as T_REPORT
from counter.texts import skm as T_SKM
from counter.texts import ui as T_UI
from counter.texts import ui_review as T_REVIEW

# Sub-command -> its help (also its description), listed by `loket --help` without
# importing the module; the module's `register` must say the same (checked on loading).
COMMANDS: dict[str, str] = {
    "app": T_UI.HELP_APP, "sop": T.HELP_SOP, "kasus": T_REVIEW.HELP_KASUS,
    "cetak": T.HELP_CETAK, "laporan": T_REPORT.HELP_LAPORAN, "demo": T_REPORT.HELP_DEMO_CMD,
    "pusat": T.HELP_PUSAT, "sinkron": T.HELP_SINKRON, "skm": T_SKM.HELP_SKM,
    "periksa": T_CHAIN.HELP_PERIKSA, "data": T_DATA.HELP_DATA, "audit": T_AUDIT.HELP,
    "antrean": T_QUEUE.HELP_ANTREAN,
}


def _speak_indonesian() -> None:
    """argparse looks its words up through gettext's `_`; answer with our texts so
    usage lines and argument errors read in Bahasa Indonesia like the rest."""
    argparse._ = lambda msgid: T.ARGPARSE.get(msgid, msgid)  # type: ignore[attr-defined]


class _CommandParser(argparse.ArgumentParser):
    """A sub-command's parser that gets its arguments from the command's module the
    first time it parses (argparse hands a chosen command's words to its parser's
    `parse_known_args`); parsers the module makes itself (its verbs) are plain."""

    def __init__(self, *args: Any, command: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._command = command

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self._command:
            command, self._command = self._command, ""
            module = importlib.import_module(f"screens.cli.{command}")
            module.register(_Only(command, self))
            _shared_options(self)
        return super().parse_known_args(args, namespace)


class _Only:
    """Stands in for the sub-parsers action in a module's `register`: its `add_parser`
    gives back the parser already listed under that command's name."""

    def __init__(self, command: str, parser: argparse.ArgumentParser) -> None:
        self.command, self.parser = command, parser

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if name != self.command or kwargs.get("help") != COMMANDS[name]:
            raise RuntimeError(f"screens.cli.{self.command} registers {name!r} with a help "
                               "text other than COMMANDS gives")
        self.parser.description = kwargs.get("description")
        return self.parser


def _shared_options(command: argparse.ArgumentParser) -> None:
    """`loket kasus --demo` as well as `loket --demo kasus`; SUPPRESS keeps the global
    flag's value when the command's own is not given."""
    if not any("--demo" in a.option_strings for a in command._actions):
        command.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                             help=T.HELP_DEMO)
    # `loket kasus KODE --data-dir /media/backup` too (a backup read on the spot)
    for option, text in (("--config-dir", T.HELP_CONFIG_DIR),
                         ("--data-dir", T.HELP_DATA_DIR)):
        if not any(option in a.option_strings for a in command._actions):
            command.add_argument(option, default=argparse.SUPPRESS, help=text)


def build_parser() -> argparse.ArgumentParser:
    _speak_indonesian()
    parser = argparse.ArgumentParser(prog="loket", description=T.DESCRIPTION)
    parser.add_argument("--config-dir", help=T.HELP_CONFIG_DIR)
    parser.add_argument("--data-dir", help=T.HELP_DATA_DIR)
    parser.add_argument("--demo", action="store_true", help=T.HELP_DEMO)
    sub = parser.add_subparsers(dest="command", parser_class=_CommandParser)
    for name, text in COMMANDS.items():
        sub.add_parser(name, help=text, command=name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from counter.config import resolve_paths
    from counter.errors import LoketError
    from screens.cli.context import Context

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
