"""`loket sop evaluasi ID [--dari D --sampai D] [--format teks|pdf|xlsx] [-o FILE]
[--terima N]`: monitoring and evaluation of one SOP from the store.

The store holds this desk's events and, with the office sync, the other desks'
too: the evaluation is then office-wide. Without a period it covers the last
three months (91 days) up to today. `--terima N` accepts step N's proposed mutu
baku as a new version of the SOP in the office `sop/` folder.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta
from pathlib import Path

from counter import report as R
from counter.dates import format_date
from counter.evaluation.load import file_name, load_evaluation
from counter.sop_lookup import find_sop
from counter.texts import cli as C
from counter.texts import evaluation as T
from counter.texts import report as TR
from screens.cli.context import Context, note_skipped_sops
from screens.cli.signin import require_officer

FORMATS = ("teks", "pdf", "xlsx")
DEFAULT_DAYS = 91


def register_evaluasi(verbs: argparse._SubParsersAction) -> None:
    ev = verbs.add_parser("evaluasi", help=T.HELP_EVALUASI, description=T.HELP_EVALUASI)
    ev.add_argument("id", help=C.HELP_SOP_ID)
    ev.add_argument("--dari", metavar="TANGGAL", help=TR.HELP_DARI)
    ev.add_argument("--sampai", metavar="TANGGAL", help=TR.HELP_SAMPAI)
    ev.add_argument("--format", default="teks", metavar="FORMAT", help=T.HELP_FORMAT)
    ev.add_argument("-o", "--output", metavar="BERKAS", help=T.HELP_OUTPUT)
    ev.add_argument("--terima", metavar="N[,N]", help=T.HELP_TERIMA)
    ev.set_defaults(func=cmd_evaluasi)


def evaluation_period(dari: str | None, sampai: str | None, today: date) -> tuple[date, date]:
    last = R.parse_date(sampai, today) if sampai else today
    first = R.parse_date(dari, today) if dari else last - timedelta(days=DEFAULT_DAYS - 1)
    R.check_range(first, last)
    return first, last


def cmd_evaluasi(args: argparse.Namespace, ctx: Context) -> int:
    from counter.evaluation.pdf import write_pdf
    from counter.evaluation.text import render_text
    from counter.evaluation.xlsx import write_xlsx
    from counter.export import write

    fmt = (args.format or "teks").strip().lower()
    if fmt not in FORMATS:
        raise R.ReportError(TR.UNKNOWN_FORMAT.format(value=args.format,
                                                     choices=", ".join(FORMATS)),
                            field="--format")
    note_skipped_sops(ctx)
    sop = find_sop(ctx.catalog, args.id)
    today = datetime.now(ctx.profile.tz).date()
    try:
        first, last = evaluation_period(args.dari, args.sampai, today)
    except R.ReportError as err:
        raise R.ReportError(err.message, field=err.field or "--dari") from None
    loaded = load_evaluation(ctx.desk, sop, first, last)
    ev = loaded.evaluation
    for item in loaded.unreadable:
        print(f"{format_date(item.day)}: {item.path}: {item.message}")
    if args.terima is not None:
        from counter.evaluation.accept import accept_proposal, parse_steps

        wanted = parse_steps(args.terima)
        # a new SOP version is a supervisor's act: they sign in with their PIN here
        supervisor = require_officer(ctx, supervisor=True)
        kept = [s.versi for s in ctx.catalog.versions_of(sop.id)]
        saved = accept_proposal(ev, wanted, ctx.paths.sop_dir, today, supervisor.nama, kept)
        for no in wanted:
            step = ev.step(no)
            print(T.ACCEPTED.format(step=no, old=step.waktu, new=step.verdict.proposal,
                                    versi=saved.versi))
        return 0
    out = Path(args.output).expanduser() if args.output else None
    if fmt == "teks" and out is None:
        print(render_text(ev), end="")
        return 0
    if out is None:
        ctx.paths.report_dir.mkdir(parents=True, exist_ok=True)
        out = ctx.paths.report_dir / file_name(sop.id, first, last, fmt)
    if fmt == "pdf":
        written = write_pdf(ev, ctx.profile, out)
    elif fmt == "xlsx":
        written = write_xlsx(ev, out)
    else:
        written = write(out, render_text(ev).encode("utf-8"))
    print(T.WRITTEN.format(path=written))
    return 0
