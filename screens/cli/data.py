"""`loket data hapus` and `loket data pemohon`: the visitor's personal data over its life.

- `hapus [--sebelum D] [--coba]`: NIK, phone and address of cases closed before D
  (default: today minus the profile's retention) are removed from the store, one
  atomic write per case (a `data_redacted` event and the removal together); their
  printed PDFs and visitor exports, old report exports and stale temp files go too.
- `pemohon --nik NIK [--koreksi kolom=nilai …] [--interaktif] [--ekspor BERKAS]`:
  exactly the cases holding that NIK, what is held, corrections recorded as
  `data_corrected` events, and a copy (.json or .pdf) the visitor can take.

Both are supervisor acts: the supervisor signs in with their PIN on the terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from counter.atomic import OWNER_ONLY, ensure_private_folder, write_file
from counter.errors import CaseError, LoketError, VisitorError
from counter.privacy.lifecycle import cases_of_person, due_for_purge, is_redacted, person_record
from counter.privacy.retention import DEFAULT, parse_retention
from counter.report import parse_date
from counter.texts import privacy as T
from counter.visitor import validate_nik
from screens.cli.context import Context
from screens.cli.signin import require_officer

if TYPE_CHECKING:
    from counter.desk import CaseView, Desk


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data", help=T.HELP_DATA, description=T.HELP_DATA)
    acts_sub = p.add_subparsers(dest="data_command", required=True)
    h = acts_sub.add_parser("hapus", help=T.HELP_HAPUS, description=T.HELP_HAPUS)
    h.add_argument("--sebelum", help=T.HELP_SEBELUM)
    h.add_argument("--coba", action="store_true", help=T.HELP_COBA)
    h.set_defaults(func=cmd_hapus)
    q = acts_sub.add_parser("pemohon", help=T.HELP_PEMOHON, description=T.HELP_PEMOHON)
    q.add_argument("--nik", required=True, help=T.HELP_NIK)
    q.add_argument("--koreksi", action="append", default=[], metavar="KOLOM=NILAI",
                   help=T.HELP_KOREKSI)
    q.add_argument("--alasan", default="", help=T.HELP_ALASAN)
    q.add_argument("--interaktif", action="store_true", help=T.HELP_INTERAKTIF)
    q.add_argument("--ekspor", metavar="BERKAS", help=T.HELP_EKSPOR)
    q.set_defaults(func=cmd_pemohon)


# ---------------------------------------------------------------- who acts


def _supervisor_desk(ctx: Context) -> Desk:
    """Both commands are a supervisor's acts: the supervisor signs in with their PIN on
    this terminal (`require_officer`), and the desk records every change in their name."""
    require_officer(ctx, supervisor=True)
    return ctx.desk


def _retention_label(ctx: Context) -> str:
    return ctx.profile.retensi or DEFAULT


# ---------------------------------------------------------------- hapus


def _closed_before(desk: Desk, day_files: Iterable[Path], before: date) -> list[CaseView]:
    views: list[CaseView] = []
    for path in day_files:
        day = date.fromisoformat(path.stem)
        if day < before:
            views.extend(desk.cases_on(day).views)
    return [v for v in views if v.state.status.closed and v.state.closed_at is not None
            and v.state.closed_at.date() < before]


def cmd_hapus(args: argparse.Namespace, ctx: Context) -> int:
    from store.privacy_files import aged_files, files_of_cases, remove

    today = datetime.now(ctx.profile.tz).date()
    if args.sebelum:
        try:
            before = parse_date(args.sebelum, today)
        except LoketError as err:
            raise LoketError(err.message, field="--sebelum") from None
    else:
        before = parse_retention(_retention_label(ctx)).cutoff(today)
    desk = _supervisor_desk(ctx)
    closed = _closed_before(desk, ctx.store.day_files(), before)
    due = due_for_purge(closed, before)
    if due:
        print(T.PURGE_LIST.format(count=len(due), before=before.isoformat()))
        for view in due:
            closed_at = view.state.closed_at
            print(T.PURGE_LINE.format(code=view.code_human,
                                      closed=closed_at.date().isoformat() if closed_at else ""))
    else:
        print(T.PURGE_NONE.format(before=before.isoformat()))
    if args.coba:
        print(T.PURGE_DRY)
        return 0
    for view in due:
        desk.redact_personal(view.code, before)
    # Files of every purged case (also those purged by an earlier run cut off before its
    # files went), old report exports, leftover temp files.
    due_codes = {v.code for v in due}
    purged = [v.code for v in closed if v.code in due_codes or is_redacted(v.state.events)]
    files = files_of_cases(ctx.paths.data_dir, ctx.paths.pdf_dir, purged)
    files += aged_files(ctx.paths.data_dir, ctx.paths.report_dir, before)
    removed = remove(files)
    for path in removed:
        print(T.PURGE_FILE.format(path=path))
    print(T.PURGE_DONE.format(count=len(due), officer=desk.officer, files=len(removed)))
    return 0


# ---------------------------------------------------------------- pemohon


def _person_cases(ctx: Context, desk: Desk, nik: str) -> list[CaseView]:
    from store.privacy_files import days_mentioning

    views: list[CaseView] = []
    for day in days_mentioning(ctx.store.day_files(), nik):
        views.extend(desk.cases_on(day).views)
    return cases_of_person(views, nik)


def _corrections(args: argparse.Namespace) -> list[tuple[str, str]]:
    from counter.case import CORRECTABLE

    out = []
    for text in args.koreksi:
        field, sep, value = text.partition("=")
        field = field.strip()
        if not sep or field not in CORRECTABLE:
            raise LoketError(T.BAD_KOREKSI.format(text=text), field="--koreksi")
        out.append((field, value.strip()))
    return out


def _ask(views: list[CaseView]) -> list[tuple[str, str]]:
    from counter.case import CORRECTABLE

    if not sys.stdin.isatty():
        raise LoketError(T.NO_TERMINAL, field="--interaktif")
    latest = views[-1].state.visitor
    out = []
    for field in CORRECTABLE:
        answer = input(T.ASK_FIELD.format(label=T.LABELS[field], value=getattr(latest, field)))
        if answer.strip():
            out.append((field, answer.strip()))
    return out


def _show(nik: str, views: list[CaseView]) -> None:
    print(T.PERSON_HEAD.format(nik=nik, count=len(views)))
    for view in views:
        v = view.state.visitor
        print(T.PERSON_CASE.format(code=view.code_human,
                                   layanan=view.sop.nama if view.sop else view.state.sop_id,
                                   status=view.status_text))
        for field, label in T.LABELS.items():
            value = getattr(v, field)
            if value:
                print(T.PERSON_FIELD.format(label=label, value=value))
        if is_redacted(view.state.events):
            print(T.PERSON_PURGED)


def _export(ctx: Context, target: str | None, record: dict, codes: list[str],
            now: datetime) -> Path:
    if target is None:
        from store.privacy_files import VISITOR_DIR

        folder = ctx.paths.data_dir / VISITOR_DIR
        ensure_private_folder(folder, ctx.paths.data_dir, LoketError)
        path = folder / f"pemohon-{now:%Y%m%d-%H%M%S}-{'-'.join(codes)}.json"
    else:
        path = Path(target)
    suffix = path.suffix.lower()
    if suffix == ".json":
        payload = json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    elif suffix == ".pdf":
        from counter.privacy.record_pdf import render_record

        payload = render_record(record)
    else:
        raise LoketError(T.EXPORT_FORMAT.format(name=path.name), field="--ekspor")
    write_file(path, payload, mode=OWNER_ONLY, error=LoketError)
    return path


def cmd_pemohon(args: argparse.Namespace, ctx: Context) -> int:
    try:
        nik = validate_nik(args.nik)
    except VisitorError as err:
        raise LoketError(err.message, field="--nik") from None
    desk = _supervisor_desk(ctx)
    views = _person_cases(ctx, desk, nik)
    if not views:
        print(T.PERSON_NONE.format(nik=nik))
        return 1
    wanted = _corrections(args) + (_ask(views) if args.interaktif else [])
    for field, value in wanted:
        done = 0
        for view in views:
            try:
                desk.correct_personal(view.code, field, value, args.alasan)
                done += 1
            except CaseError as err:
                if err.field != field:  # a bad value: the visitor form's message
                    raise
        print(T.PERSON_CORRECTED.format(field=T.LABELS[field], count=done, officer=desk.officer))
    if wanted:
        views = _person_cases(ctx, desk, nik) or views
    _show(nik, views)
    if args.ekspor is not None or wanted:
        now = desk.now()
        record = person_record(views, nik, instansi=ctx.profile.instansi,
                               retensi=_retention_label(ctx), now=now)
        path = _export(ctx, args.ekspor, record, [v.code for v in views], now)
        print(T.PERSON_EXPORTED.format(path=path))
    return 0
