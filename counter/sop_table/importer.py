"""Turning an office's SOP table into an SOP (as TOML data), with a report of every row
that could not be read as it stands.

Nothing the supervisor pasted is dropped without a line in the report naming the
file, the row, the column and why; the SOP made is always `draf`, to be checked,
completed in the editor and marked `berlaku` by a supervisor.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from counter.errors import SopError, WaktuError
from counter.sop_table import branches as B
from counter.sop_table.build import _Base
from counter.sop_table.grid import TableError, read_grid
from counter.sop_table.header import (
    KEGIATAN,
    KELENGKAPAN,
    KETERANGAN,
    NO,
    OUTPUT,
    PELAKSANA,
    WAKTU,
    find_header,
    norm,
)
from counter.sop_table.steps import (
    _DECISION_MARKS,
    _ROLE_SPLIT,
    _SUPPORT_MARK,
    _TERMINATORS,
    ImportResult,
    Problem,
    _items,
    _Step,
    applicant_alone,
)
from counter.texts import sop_table as T
from counter.waktu import parse_waktu

__all__ = ["ImportResult", "Problem", "applicant_alone", "import_table"]


def import_table(path: str | Path, overrides: dict[str, Any] | None = None) -> ImportResult:
    """Read the table at `path`; `overrides` are identity fields from the command line."""
    grid = read_grid(path)
    header = find_header(grid)
    if header is None:
        raise TableError(T.NO_HEADER, path=grid.path)
    return _Importer(grid, header, overrides or {}).run()


class _Importer(_Base):
    # ------------------------------------------------------------ the whole table

    def run(self) -> ImportResult:
        self.read_identity()
        if not self.header.roles and PELAKSANA not in self.header.columns:
            raise TableError(T.NO_ROLE_COLUMN, path=self.grid.path,
                             line=self.grid.row_numbers[self.header.first_row])
        if WAKTU not in self.header.columns:
            self.note(self.header.first_row, "", T.NO_WAKTU_COLUMN)
        self.report_merges()
        steps = self.read_rows()
        if not steps:
            raise TableError(T.NO_STEPS, path=self.grid.path,
                             line=self.grid.row_numbers[self.header.first_row])
        data = self.build(steps)
        result = ImportResult(self.grid.path, data, self.problems,
                              T.LAYOUT_ROLES if self.header.roles else T.LAYOUT_PELAKSANA)
        try:
            result.sop()
        except SopError as err:  # a bug of ours, said plainly rather than a broken file
            raise TableError(T.WRITE_INVALID.format(detail=err), path=self.grid.path) from None
        return result

    # ------------------------------------------------------------ identity lines

    def read_identity(self) -> None:
        labels = {norm(v): k for k, v in T.LABELS.items()}
        labels.update({"judul sop": "nama", "nama": "nama", "nomor": "nomor", "no sop": "nomor",
                       "unit kerja": "unit", "satuan kerja": "instansi", "biaya": "biaya",
                       "tarif": "biaya", "biaya tarif": "biaya", "produk": "produk_layanan",
                       "jangka waktu": "jangka_waktu", "waktu penyelesaian": "jangka_waktu",
                       "pengaduan": "pengaduan", "peralatan": "peralatan",
                       "peralatan perlengkapan": "peralatan", "pencatatan": "pencatatan",
                       "disahkan": "disahkan_oleh", "tgl efektif": "tanggal_efektif",
                       "pelaksana": "pelaksana"})
        for i in range(self.header.first_row):
            cells = [c for c in self.grid.rows[i] if c]
            for n, c in enumerate(cells):
                label, colon, value = c.partition(":")
                key = labels.get(norm(label))
                if key is None:
                    continue  # titles ("SOP Konsultasi Bisnis"), letterheads: not identity
                if not (colon and value.strip()):
                    following = cells[n + 1] if n + 1 < len(cells) else ""
                    f_label, f_colon, _ = following.partition(":")
                    is_label = labels.get(norm(f_label)) and (f_colon or not colon)
                    value = "" if is_label else following
                self.identity.setdefault(key, value.strip())

    # ------------------------------------------------------------ merged cells

    def report_merges(self) -> None:
        index_of = {n: i for i, n in enumerate(self.grid.row_numbers)}
        data_start = self.grid.row_numbers[self.header.data_row] \
            if self.header.data_row < len(self.grid.rows) else 10**9
        for m in self.grid.merges:
            if m.last_row < data_start:
                continue  # header group cells ("Pelaksana", "Mutu Baku")
            first = index_of.get(m.row)
            if first is None:
                continue
            value = self.grid.cell(first, m.col - 1)
            name = self.header.names.get(m.col - 1, "") or str(m.col)
            cells = f"baris {m.row}-{m.last_row}" if m.last_row > m.row else f"baris {m.row}"
            if m.last_col > m.col:
                self.note(first, name, T.MERGED_ACROSS.format(cells=cells))
            if m.last_row > m.row:
                self.note(first, name, T.MERGED.format(cells=cells, value=value))
                for r in range(m.row + 1, m.last_row + 1):
                    idx = index_of.get(r)
                    if idx is None:
                        continue
                    row = self.grid.rows[idx]
                    while len(row) < m.col:
                        row.append("")
                    if not row[m.col - 1]:
                        row[m.col - 1] = value

    # ------------------------------------------------------------ rows

    def read_rows(self) -> list[_Step]:
        steps: list[_Step] = []
        used: set[int] = set()
        for i in range(self.header.data_row, len(self.grid.rows)):
            row = self.grid.rows[i]
            if not any(row):
                continue
            raw_no = self.cell(i, NO)
            kegiatan = re.sub(r"\s+", " ", self.cell(i, KEGIATAN)).strip()
            m = re.fullmatch(r"\(?(\d+)[.)]?", raw_no.strip()) if raw_no else None
            no = int(m.group(1)) if m else None
            if no is None:
                text = " ".join(c for c in row if c)
                if B.is_decision_text(text) and not self.cell(i, WAKTU):
                    if not steps:
                        self.note(i, self.col_name(KEGIATAN), T.BRANCH_ORPHAN)
                    else:
                        steps[-1].decisions += [(i, b) for b in B.read_branches(text)]
                    continue
                if norm(kegiatan or text) in _TERMINATORS:
                    self.note(i, self.col_name(KEGIATAN),
                              T.TERMINATOR.format(text=kegiatan or text))
                    continue
                if kegiatan and steps and not self.cell(i, WAKTU) and not self.roles_of(i, None):
                    steps[-1].kegiatan += " " + kegiatan
                    self.note(i, self.col_name(KEGIATAN), T.CONTINUATION.format(no=steps[-1].no))
                    continue
                if not kegiatan:
                    continue
                no = (steps[-1].no + 1) if steps else 1
                self.note(i, self.col_name(NO), T.NUMBER_MISSING.format(no=no))
            if not kegiatan:
                self.note(i, self.col_name(KEGIATAN), T.NO_KEGIATAN.format(no=no))
                used.add(no)
                continue
            if no in used or (steps and no < steps[-1].no):
                new = max([*used, *(s.no for s in steps)]) + 1
                self.note(i, self.col_name(NO), T.NUMBER_DUP.format(no=no, new=new))
                no = new
            used.add(no)
            step = self.read_step(i, no, kegiatan, steps)
            if step is not None:
                steps.append(step)
        return steps

    def roles_of(self, i: int, step: _Step | None) -> list[str]:
        """Role names acting in row i (marks or the Pelaksana cell), main first."""
        if not self.header.roles:
            cell = self.cell(i, PELAKSANA)
            names = [n.strip(" .") for n in _ROLE_SPLIT.split(cell) if n.strip(" .-")]
            out = []
            for n in names:
                canon = self.canonical_role(n)
                if canon not in out:
                    out.append(canon)
            return out
        main: list[str] = []
        support: list[str] = []
        for col, name in self.header.roles:
            mark = self.grid.cell(i, col).strip()
            if not mark:
                continue
            if _DECISION_MARKS.match(mark):
                if step is not None and "tidak" in mark.lower():
                    step.marks_tidak.append(name)
                continue
            (support if _SUPPORT_MARK.match(mark) else main).append(name)
        if len(main) > 1 and step is not None:
            role_col = self.header.names.get(self.header.roles[0][0], "")
            self.note(i, role_col, T.TWO_MARKS.format(roles=", ".join(main), main=main[0]))
        return main + support

    def read_step(self, i: int, no: int, kegiatan: str, steps: list[_Step]) -> _Step | None:
        step = _Step(no=no, row=i, kegiatan=kegiatan, roles=[],
                     kelengkapan=_items(self.cell(i, KELENGKAPAN)),
                     waktu=self.cell(i, WAKTU).replace("\n", " "),
                     output=self.cell(i, OUTPUT).replace("\n", "; "),
                     keterangan=self.cell(i, KETERANGAN).replace("\n", " "))
        step.keterangan, step.pemohon_sendiri = applicant_alone(step.keterangan)
        step.roles = self.roles_of(i, step)
        if not step.roles:
            guess = B.match_role(kegiatan, self.role_names) or (
                steps[-1].roles[0] if steps else (self.role_names[0] if self.role_names else None))
            if guess is None:
                self.note(i, self.col_name(PELAKSANA), T.NO_ROLE_AT_ALL)
                return None
            step.roles, step.inferred = [guess], True
            message = T.NO_MARK if self.header.roles else T.NO_ROLE
            self.note(i, self.col_name(PELAKSANA), message.format(role=guess))
        try:
            parse_waktu(step.waktu)
        except WaktuError:
            self.note(i, self.col_name(WAKTU), T.BAD_WAKTU.format(text=step.waktu))
            step.keterangan = (step.keterangan + f" (waktu di tabel: {step.waktu})").strip()
            step.waktu = ""
        return step
