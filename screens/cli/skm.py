"""`loket skm`: the satisfaction survey's index report, paper-survey import, and the
survey page for a second screen facing the visitor.

    loket skm laporan                       this semester, as text
    loket skm laporan --periode triwulan --format pdf
    loket skm laporan --dari 2026-07-01 --sampai 2026-12-31 --layanan pct-07 --format xlsx
    loket skm impor survei-kertas.xlsx
    loket skm layar --port 8765             the survey in a browser (tablet at the counter)
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from counter import report as R
from counter.skm import export as X
from counter.skm.period import PERIODS, period_containing
from counter.texts import skm as T
from screens.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("skm", help=T.HELP_SKM, description=T.HELP_SKM)
    verbs = p.add_subparsers(dest="verb", required=True)
    lap = verbs.add_parser("laporan", help=T.HELP_SKM_LAPORAN, description=T.HELP_SKM_LAPORAN)
    lap.add_argument("--periode", choices=PERIODS, default="semester")
    lap.add_argument("--pada", help="tanggal di dalam periode (bawaan: hari ini)")
    lap.add_argument("--dari")
    lap.add_argument("--sampai")
    lap.add_argument("--layanan", help="id SOP (bawaan: semua layanan)")
    lap.add_argument("--format", default="teks", choices=X.FORMATS)
    lap.add_argument("-o", "--output")
    lap.set_defaults(func=cmd_laporan)
    imp = verbs.add_parser("impor", help=T.HELP_SKM_IMPOR, description=T.HELP_SKM_IMPOR)
    imp.add_argument("file")
    imp.set_defaults(func=cmd_impor)
    web = verbs.add_parser("layar", help=T.HELP_SKM_LAYAR, description=T.HELP_SKM_LAYAR)
    web.add_argument("--host", default="0.0.0.0")
    web.add_argument("--port", type=int, default=8765)
    web.add_argument("--layanan", default="", help="layanan yang dinilai (id SOP)")
    web.set_defaults(func=cmd_layar)


def _period(args: argparse.Namespace, today: date) -> tuple[date, date]:
    if args.dari or args.sampai:
        if not (args.dari and args.sampai):
            raise R.ReportError("--dari dan --sampai harus diisi keduanya",
                                field="--dari" if not args.dari else "--sampai")
        first, last = R.parse_date(args.dari, today), R.parse_date(args.sampai, today)
        R.check_range(first, last)
        return first, last
    pada = R.parse_date(args.pada, today) if args.pada else today
    return period_containing(pada, args.periode)


def cmd_laporan(args: argparse.Namespace, ctx: Context) -> int:
    from screens.skm_service import build_skm_report, write_output

    today = datetime.now(ctx.profile.tz).date()
    first, last = _period(args, today)
    report = build_skm_report(ctx.paths, ctx.profile, ctx.catalog, ctx.store, first, last,
                              layanan=args.layanan)
    layanan = ctx.catalog.get(args.layanan).nama if args.layanan and args.layanan in \
        ctx.catalog.sops else args.layanan
    fmt = args.format
    if fmt == "teks" and not args.output:
        from screens.cli.skm_text import print_report

        print_report(report, ctx.profile.unit, layanan)
        return 0
    if fmt == "teks":
        from screens.cli.skm_text import report_text

        payload = report_text(report, ctx.profile.unit, layanan).encode("utf-8")
    elif fmt == "csv":
        payload = X.csv_bytes(report, ctx.profile.unit, layanan)
    elif fmt == "xlsx":
        payload = X.xlsx_bytes(report, ctx.profile.unit, layanan)
    else:
        payload = X.pdf_bytes(report, ctx.profile.unit, ctx.profile.instansi, layanan=layanan,
                              printed_at=datetime.now(ctx.profile.tz))
    ext = "txt" if fmt == "teks" else fmt
    target = Path(args.output).expanduser() if args.output else \
        ctx.paths.data_dir / "laporan" / f"skm-{first.isoformat()}-{last.isoformat()}.{ext}"
    written = write_output(target, payload, create_parent=not args.output)
    print(T.REPORT_SAVED.format(path=written))
    return 0


def cmd_impor(args: argparse.Namespace, ctx: Context) -> int:
    from counter.skm.paper_import import import_table
    from screens.skm_service import survey_store

    store = survey_store(ctx.paths)
    result = import_table(Path(args.file).expanduser(), store.questionnaire)
    added = store.add(result.responses)
    print(T.IMPORT_DONE.format(n=added, path=args.file))
    if result.problems:
        print(T.IMPORT_SKIPPED.format(n=len(result.problems)), file=sys.stderr)
        for problem in result.problems:
            print("  " + problem, file=sys.stderr)
    return 0 if not result.problems else 1


def cmd_layar(args: argparse.Namespace, ctx: Context) -> int:
    from screens.web.survey_server import serve_forever

    serve_forever(ctx.paths, ctx.profile, ctx.catalog, host=args.host, port=args.port,
                  layanan=args.layanan)
    return 0
