"""Writing an SOP as the table an office keeps in Excel (loket sop ekspor).

The table is the one the importer reads: identity lines ("Nama SOP: …") above the
SOP AP header, one row per step, and a row under a decision step for each branch
("jika tidak lengkap, dikembalikan ke langkah 2"). So an office can print or edit
its catalog in Excel and import it again without losing steps, roles, waktu or branches.
"""

from __future__ import annotations

from pathlib import Path

from counter.sop import Sop
from counter.texts import sop_table as T

PELAKSANA_LAYOUT = "pelaksana"  # a Pelaksana column holding role names
ROLES_LAYOUT = "kolom"  # one column per role, with marks
LAYOUTS = (PELAKSANA_LAYOUT, ROLES_LAYOUT)
FORMATS = ("xlsx", "tsv")


def _join(items: tuple[str, ...] | list[str]) -> str:
    return "; ".join(items)


def identity_rows(sop: Sop) -> list[list[str]]:
    L = T.LABELS
    rows = [
        [L["id"] + ":", sop.id], [L["nama"] + ":", sop.nama], [L["nomor"] + ":", sop.nomor],
        [L["instansi"] + ":", sop.instansi], [L["unit"] + ":", sop.unit],
    ]
    for key in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh",
                "peringatan", "pencatatan", "biaya", "produk_layanan", "jangka_waktu",
                "pengaduan"):
        rows.append([L[key] + ":", getattr(sop, key)])
    for key in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan",
                "persyaratan"):
        rows.append([L[key] + ":", _join(getattr(sop, key))])
    rows += [
        [L["layanan_loket"] + ":", T.YES if sop.layanan_loket else T.NO],
        [L["pelaksana"] + ":", _join([p.nama for p in sop.pelaksana])],
        [L["loket"] + ":", _join([p.nama for p in sop.pelaksana if p.loket])],
        [L["pemohon"] + ":", _join([p.nama for p in sop.pelaksana if p.pemohon])],
        [L["langkah_hilang"] + ":", ", ".join(map(str, sop.langkah_hilang))],
    ]
    if sop.nomor_dilewati:
        rows.append([L["nomor_dilewati"] + ":", ", ".join(map(str, sop.nomor_dilewati))])
    return rows


def table_rows(sop: Sop, layout: str = PELAKSANA_LAYOUT) -> list[list[str]]:
    """Identity lines, a blank row, the header (two rows for role columns), the steps."""
    rows = [*identity_rows(sop), []]
    no, keg, _pel, kel, waktu, output, ket = T.COLUMNS
    roles = [p.id for p in sop.pelaksana]
    if layout == ROLES_LAYOUT:
        names = [p.nama for p in sop.pelaksana]
        rows.append([no, keg, T.GROUP_PELAKSANA, *[""] * (len(names) - 1), T.GROUP_MUTU_BAKU,
                     "", "", ket])
        rows.append(["", "", *names, kel, waktu, output, ""])
    else:
        rows.append(list(T.COLUMNS))
    for st in sop.steps:
        mb = st.mutu_baku
        if layout == ROLES_LAYOUT:
            marks = [T.MAIN_MARK if r == st.pelaksana[0] else
                     T.SUPPORT_MARK if r in st.pelaksana else "" for r in roles]
        else:
            marks = [_join([sop.role_name(r) for r in st.pelaksana])]
        keterangan = st.keterangan
        if st.pemohon_sendiri:  # read back by the importer (counter.sop_table.importer)
            keterangan = f"{keterangan} {T.APPLICANT_ALONE_MARK}".strip()
        rows.append([str(st.no), st.kegiatan, *marks, _join(mb.kelengkapan), mb.waktu.raw,
                     mb.output, keterangan])
        blank = [""] * (len(marks) + 4)
        for k in st.kembali:
            target = (T.STEP_TARGET.format(no=k.ke_langkah) if k.ke_langkah is not None
                      else sop.role_name(k.ke_pelaksana))
            rows.append(["", T.RETURN_ROW.format(syarat=k.syarat or T.NO, target=target),
                         *blank])
        for j in st.lanjut:
            rows.append(["", T.FORWARD_ROW.format(syarat=j.syarat or T.YES, target=j.ke_langkah),
                         *blank])
    return rows


def write_tsv(rows: list[list[str]], path: Path) -> None:
    """Tab-separated, as Excel pastes it; tabs and line breaks inside cells become spaces
    and '; ' so every step stays on one line."""
    lines = ["\t".join(c.replace("\t", " ").replace("\n", "; ") for c in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_xlsx(rows: list[list[str]], path: Path, sheet_title: str, layout: str,
               role_count: int) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title[:31] or "SOP"
    for r in rows:
        ws.append(r)
    header = next(i for i, r in enumerate(rows, start=1) if r and r[0] == T.COLUMNS[0])
    bold = Font(bold=True)
    for cell in ws[header]:
        cell.font = bold
    if layout == ROLES_LAYOUT:
        for cell in ws[header + 1]:
            cell.font = bold
        if role_count > 1:
            ws.merge_cells(start_row=header, start_column=3, end_row=header,
                           end_column=2 + role_count)
        ws.merge_cells(start_row=header, start_column=3 + role_count, end_row=header,
                       end_column=5 + role_count)
    ws.column_dimensions["B"].width = 60
    for row in ws.iter_rows(min_row=header):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(path)


def export_sop(sop: Sop, path: str | Path, fmt: str = "xlsx",
               layout: str = PELAKSANA_LAYOUT) -> Path:
    p = Path(path)
    rows = table_rows(sop, layout)
    if fmt == "tsv":
        write_tsv(rows, p)
    else:
        write_xlsx(rows, p, sop.id, layout, len(sop.pelaksana))
    return p
