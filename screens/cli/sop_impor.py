"""`loket sop impor FILE` and `loket sop ekspor ID`: an office's own SOP tables in and out."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from counter.errors import LoketError
from counter.sop_lookup import find_sop
from counter.sop_table.export import FORMATS, LAYOUTS, PELAKSANA_LAYOUT, export_sop
from counter.sop_table.importer import import_table
from counter.texts import cli as C
from counter.texts import sop_table as T
from screens.cli.context import Context


def register_verbs(verbs: argparse._SubParsersAction) -> None:
    imp = verbs.add_parser("impor", help=T.HELP_IMPOR, description=T.HELP_IMPOR)
    imp.add_argument("file", help=T.HELP_FILE)
    imp.add_argument("--id", help=T.HELP_ID)
    imp.add_argument("-o", "--output", help=T.HELP_OUT)
    imp.add_argument("--nama", help=T.HELP_NAMA)
    imp.add_argument("--nomor", help=T.HELP_NOMOR)
    imp.add_argument("--instansi", help=T.HELP_INSTANSI)
    imp.add_argument("--unit", help=T.HELP_UNIT)
    imp.add_argument("--timpa", action="store_true", help=T.HELP_TIMPA)
    imp.set_defaults(func=cmd_impor)
    exp = verbs.add_parser("ekspor", help=T.HELP_EKSPOR, description=T.HELP_EKSPOR)
    exp.add_argument("id", help=C.HELP_SOP_ID)
    exp.add_argument("--format", default="xlsx", help=T.HELP_FORMAT)
    exp.add_argument("--tata", default=PELAKSANA_LAYOUT, choices=LAYOUTS, help=T.HELP_TATA)
    exp.add_argument("-o", "--output", help=T.HELP_EKSPOR_OUT)
    exp.set_defaults(func=cmd_ekspor)


def cmd_impor(args: argparse.Namespace, ctx: Context) -> int:
    if args.id and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", args.id):
        raise LoketError(T.HELP_ID, field="--id")
    overrides = {"id": args.id, "nama": args.nama, "nomor": args.nomor,
                 "instansi": args.instansi, "unit": args.unit}
    result = import_table(args.file, overrides)
    if result.data.get("instansi") in ("", "-") and ctx.profile.instansi:
        result.data["instansi"] = ctx.profile.instansi  # the office's own name
    folder = Path(args.output) if args.output else ctx.paths.sop_dir
    target = folder / f"{result.data['id']}.toml"
    if target.exists() and not args.timpa:
        raise LoketError(T.EXISTS.format(path=target))
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(result.toml(), encoding="utf-8")
    d = result.data
    print(T.IMPORTED.format(nama=d["nama"], id=d["id"], steps=len(d["langkah"]),
                            roles=len(d["pelaksana"]), path=target))
    roles = []
    for p in d["pelaksana"]:
        tags = [t for t, on in ((T.ROLE_LOKET, p.get("loket")), (T.ROLE_PEMOHON,
                p.get("pemohon"))) if on]
        roles.append(p["nama"] + (f" ({', '.join(tags)})" if tags else ""))
    print(T.IMPORTED_ROLES.format(roles="; ".join(roles)))
    lines = result.report_lines()
    print(T.PROBLEMS.format(count=len(lines)) if lines else T.NO_PROBLEMS)
    for line in lines:
        print("  " + line)
    print(T.NEXT_STEPS.format(path=target))
    return 0


def cmd_ekspor(args: argparse.Namespace, ctx: Context) -> int:
    if args.format not in FORMATS:
        raise LoketError(T.BAD_FORMAT.format(value=args.format), field="--format")
    sop = find_sop(ctx.catalog, args.id)  # by id, nomor or a unique start, like sop lihat
    out = Path(args.output) if args.output else Path(f"{sop.id}.{args.format}")
    try:
        export_sop(sop, out, args.format, args.tata)
    except OSError as err:
        raise LoketError(str(err.strerror or err), path=out) from None
    print(T.EXPORTED.format(id=sop.id, path=out))
    return 0
