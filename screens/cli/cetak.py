"""`loket cetak KODE`: reprint a case's documents, or save them as a PDF file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counter.codes import normalize
from counter.paper_sizes import PAPERS
from counter.receipt.documents import KINDS
from counter.texts import cli as T
from screens.cli.context import Context
from screens.cli.signin import require_officer


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cetak", help=T.HELP_CETAK, description=T.HELP_CETAK)
    p.add_argument("kode", help=T.HELP_KODE)
    p.add_argument("--jenis", choices=KINDS, default="tanda-terima", help=T.HELP_JENIS)
    p.add_argument("--kertas", choices=PAPERS, help=T.HELP_KERTAS)
    p.add_argument("--printer", help=T.HELP_PRINTER)
    p.add_argument("-o", "--output", type=Path, help=T.HELP_OUTPUT)
    p.set_defaults(func=cmd_cetak)


def cmd_cetak(args: argparse.Namespace, ctx: Context) -> int:
    code = normalize(args.kode)
    ctx.store.events(code)  # an unknown code is a clear message before any work
    if args.output is not None:
        path = ctx.desk.export_document(code, args.jenis, args.output, args.kertas)
        print(T.SAVED_TO.format(path=path))
        return 0
    require_officer(ctx)  # a print is recorded in the name of the officer signed in
    _, issued = ctx.desk.issue(code, args.jenis, ctx.paths.pdf_dir, paper=args.kertas,
                               printer=args.printer)
    if issued.ok:
        print(issued.message())
        print(T.SAVED_TO.format(path=issued.pdf))
        return 0
    print(issued.message(), file=sys.stderr)
    return 1
