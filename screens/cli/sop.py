"""`loket sop daftar|lihat|periksa` (aliases list|show|check): the SOP catalog in a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from counter.errors import LoketError, SopError
from counter.sop import (
    DRAF,
    Sop,
    counter_standard,
    format_totals,
    load_catalog,
    load_sop,
    problems,
)
from counter.sop_lookup import find_sop
from counter.texts import cli as T
from screens.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sop", help=T.HELP_SOP, description=T.HELP_SOP)
    verbs = p.add_subparsers(dest="verb", required=True)
    ls = verbs.add_parser("daftar", aliases=["list"], help=T.HELP_SOP_LIST)
    ls.add_argument("--json", action="store_true", help=T.HELP_JSON)
    ls.set_defaults(func=cmd_list)
    show = verbs.add_parser("lihat", aliases=["show"], help=T.HELP_SOP_SHOW)
    show.add_argument("id", help=T.HELP_SOP_ID)
    show.add_argument("--json", action="store_true", help=T.HELP_JSON)
    show.set_defaults(func=cmd_show)
    check = verbs.add_parser("periksa", aliases=["check"], help=T.HELP_SOP_CHECK)
    check.add_argument("paths", nargs="*", help=T.HELP_PATHS)
    check.set_defaults(func=cmd_check)
    from screens.cli.sop_impor import register_verbs  # impor / ekspor of office tables

    register_verbs(verbs)
    from screens.cli.sop_evaluasi import register_evaluasi  # monitoring and evaluation

    register_evaluasi(verbs)


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 160, highlight=False)


def status_text(sop: Sop) -> str:
    return T.STATUS_DRAF if sop.status == DRAF else sop.status


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    sops = ctx.catalog.all()
    if args.json:
        print(json.dumps([_summary(s) for s in sops], ensure_ascii=False, indent=2))
        return 0
    table = Table(box=None, pad_edge=False)
    for col in (T.COL_ID, T.COL_NOMOR, T.COL_NAMA, T.COL_INSTANSI, T.COL_STEPS, T.COL_STATUS,
                T.COL_LOKET):
        table.add_column(col, overflow="fold")
    for s in sops:
        table.add_row(s.id, s.nomor or T.EMPTY, s.nama, s.instansi, str(len(s.steps)),
                      status_text(s), format_totals(counter_standard(s)))
    console = _console()
    console.print(table)
    for err in ctx.catalog.errors:
        for one in problems(err):
            console.print(T.ERROR_PREFIX + str(one), style="red", markup=False)
    for warning in ctx.catalog.warnings:
        console.print(T.WARNING_PREFIX + str(warning), style="yellow", markup=False)
    return 0


def _summary(s: Sop) -> dict[str, Any]:
    return {
        "id": s.id, "nomor": s.nomor, "nama": s.nama, "nama_singkat": s.label,
        "instansi": s.instansi,
        "langkah": len(s.steps), "status": s.status, "layanan_loket": s.layanan_loket,
        "waktu_loket": counter_standard(s),
    }


def sop_as_dict(s: Sop) -> dict[str, Any]:
    """Everything an SOP holds, with each step's parsed waktu, for other programs."""
    return {
        **_summary(s),
        "unit": s.unit,
        "tanggal_pembuatan": s.tanggal_pembuatan,
        "tanggal_revisi": s.tanggal_revisi,
        "tanggal_efektif": s.tanggal_efektif,
        "disahkan_oleh": s.disahkan_oleh,
        "dasar_hukum": list(s.dasar_hukum),
        "kualifikasi_pelaksana": list(s.kualifikasi_pelaksana),
        "keterkaitan": list(s.keterkaitan),
        "peralatan": list(s.peralatan),
        "peringatan": s.peringatan,
        "pencatatan": s.pencatatan,
        "catatan": list(s.catatan),
        "langkah_hilang": list(s.langkah_hilang),
        "sumber": {"dokumen": s.source.dokumen, "lokasi": s.source.lokasi},
        # Standar Pelayanan and version (additions for office-authored SOPs)
        "persyaratan": list(s.persyaratan), "biaya": s.biaya,
        "produk_layanan": s.produk_layanan, "jangka_waktu": s.jangka_waktu,
        "pengaduan": s.pengaduan, "versi": s.versi, "tanggal_versi": s.tanggal_versi,
        "pelaksana": [
            {"id": p.id, "nama": p.nama, "loket": p.loket, "pemohon": p.pemohon}
            for p in s.pelaksana
        ],
        "langkah": [
            {
                "no": st.no,
                "kegiatan": st.kegiatan,
                "pelaksana": list(st.pelaksana),
                "pelaksana_disimpulkan": st.pelaksana_disimpulkan,
                "kelengkapan": list(st.mutu_baku.kelengkapan),
                "waktu": st.mutu_baku.waktu.as_dict(),
                "output": st.mutu_baku.output,
                "keterangan": st.keterangan,
                "kembali": [
                    {"syarat": k.syarat, "ke_langkah": k.ke_langkah,
                     "ke_pelaksana": k.ke_pelaksana}
                    for k in st.kembali
                ],
                "lanjut": [{"syarat": j.syarat, "ke_langkah": j.ke_langkah} for j in st.lanjut],
            }
            for st in s.steps
        ],
    }


def _find(ctx: Context, text: str) -> Sop:
    """By id, number or a unique start, like F2's search."""
    return find_sop(ctx.catalog, text)


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    s = _find(ctx, args.id)
    if args.json:
        print(json.dumps(sop_as_dict(s), ensure_ascii=False, indent=2))
        return 0
    console = _console()
    ident = Table(box=None, show_header=False, pad_edge=False)
    ident.add_column(style="bold")
    ident.add_column(overflow="fold")
    L = T.IDENTITY_LABELS
    for key in ("nomor", "nama", "instansi", "unit", "tanggal_pembuatan", "tanggal_revisi",
                "tanggal_efektif", "disahkan_oleh", "peringatan", "pencatatan"):
        ident.add_row(L[key], getattr(s, key) or T.EMPTY)
    ident.add_row(L["status"], status_text(s))
    for key in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "catatan"):
        ident.add_row(L[key], "\n".join(getattr(s, key)) or T.EMPTY)
    ident.add_row(L["pelaksana"], ", ".join(p.nama for p in s.pelaksana))
    ident.add_row(L["sumber"], f"{s.source.dokumen} {s.source.lokasi}".strip())
    console.print(ident)
    if not s.usable:
        console.print(T.INCOMPLETE_NOTE, style="yellow")
    if s.langkah_hilang:
        console.print(T.MISSING_STEPS.format(numbers=", ".join(map(str, s.langkah_hilang))))
    steps = Table(show_lines=True)
    for col in (T.COL_NO, T.COL_KEGIATAN, T.COL_PELAKSANA, T.COL_KELENGKAPAN, T.COL_WAKTU,
                T.COL_OUTPUT):
        steps.add_column(col, overflow="fold")
    for st in s.steps:
        kegiatan = st.kegiatan
        for k in st.kembali:
            target = (T.STEP_WORD.format(no=k.ke_langkah) if k.ke_langkah is not None
                      else s.role_name(k.ke_pelaksana))
            kegiatan += "\n↩ " + T.RETURN_TO.format(target=target)
        who = ", ".join(s.role_name(r) for r in st.pelaksana)
        if st.pelaksana_disimpulkan:
            who += " " + T.INFERRED
        steps.add_row(str(st.no), kegiatan, who, "\n".join(st.mutu_baku.kelengkapan) or T.EMPTY,
                      st.mutu_baku.waktu.label(), st.mutu_baku.output or T.EMPTY)
    console.print(steps)
    return 0


def _files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(p.glob("*.toml"))
            if not found:
                raise LoketError(T.NO_FILES.format(path=p))
            files.extend(found)
        else:
            files.append(p)
    return files


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    """Every problem of every file, then one line of totals; exit 1 when any is wrong."""
    errors: list[SopError] = []  # one per failed file (with all its problems inside)
    warnings: list[SopError] = []
    if args.paths:
        files = _files(args.paths)
        count = len(files)
        for f in files:
            try:
                load_sop(f)
            except SopError as err:
                errors.append(err)
    else:
        try:
            catalog = load_catalog([ctx.paths.sop_dir])
        except SopError as err:
            errors.append(err)
            count = 1
        else:
            errors.extend(catalog.errors)
            warnings.extend(catalog.warnings)
            count = len(catalog) + len(catalog.errors)
    for failed in errors:
        for one in problems(failed):
            print(str(one), file=sys.stderr)
    for warning in warnings:
        print(T.WARNING_PREFIX + str(warning), file=sys.stderr)
    if errors:
        total = sum(len(problems(e)) for e in errors)
        print(T.CHECK_FAILED.format(failed=len(errors), count=count, problems=total),
              file=sys.stderr)
        return 1
    print(T.CHECK_OK.format(count=count))
    return 0
