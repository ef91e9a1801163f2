"""Turning an office's SOP table into an SOP (as TOML data), with a report of every row
that could not be read as it stands.

Nothing the supervisor pasted is dropped without a line in the report naming the
file, the row, the column and why; the SOP made is always `draf`, to be checked,
completed in the editor and marked `berlaku` by a supervisor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counter.errors import SopError, WaktuError
from counter.sop import DRAF, Sop, parse_sop
from counter.sop_table import branches as B
from counter.sop_table.grid import Grid, TableError, read_grid
from counter.sop_table.header import (
    KEGIATAN,
    KELENGKAPAN,
    KETERANGAN,
    NO,
    OUTPUT,
    PELAKSANA,
    WAKTU,
    Header,
    find_header,
    norm,
)
from counter.sop_table.roles import counter_roles, is_applicant_name, role_id
from counter.sop_write import dump_sop
from counter.texts import sop_table as T
from counter.waktu import parse_waktu

_DECISION_MARKS = re.compile(r"^(ya|tidak|ya\s*/?\s*tidak|tidak\s*/?\s*ya|y|t)$", re.I)
_SUPPORT_MARK = re.compile(r"^\(?\+\)?$")
_TERMINATORS = ("mulai", "selesai", "start", "end", "akhir", "finish")
_LIST_SPLIT = re.compile(r"\s*(?:;|\n|\s(?=\d+\.\s)|(?:^|\s)[-•·▪]\s)\s*")
_ROLE_SPLIT = re.compile(r"\s*(?:;|\n|\s\+\s|→|->)\s*")


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str
    why: str


@dataclass
class ImportResult:
    path: str
    data: dict[str, Any]
    problems: list[Problem]
    layout: str

    def toml(self) -> str:
        return dump_sop(self.data, header=T.CATATAN_IMPOR.format(
            name=Path(self.path).name, layout=self.layout))

    def sop(self) -> Sop:
        return parse_sop(self.toml(), self.path)

    def report_lines(self) -> list[str]:
        lines = []
        for p in self.problems:
            place = [T.REPORT_ROW.format(row=p.row)] if p.row else []
            place += [T.REPORT_COLUMN.format(column=p.column)] if p.column else []
            lines.append(": ".join([self.path, ", ".join(place), p.why] if place
                                   else [self.path, p.why]))
        return lines


@dataclass
class _Step:
    no: int
    row: int
    kegiatan: str
    roles: list[str]
    kelengkapan: list[str]
    waktu: str
    output: str
    keterangan: str
    inferred: bool = False
    pemohon_sendiri: bool = False
    decisions: list[tuple[int, B.Branch]] = field(default_factory=list)  # (row, branch)
    marks_tidak: list[str] = field(default_factory=list)  # roles with a "tidak" marker


def applicant_alone(keterangan: str) -> tuple[str, bool]:
    """The keterangan without Loket's own mark, and whether the applicant does the step
    alone (the mark, or words such as "dikerjakan pemohon sendiri")."""
    if T.APPLICANT_ALONE_MARK.lower() in keterangan.lower():
        at = keterangan.lower().index(T.APPLICANT_ALONE_MARK.lower())
        rest = keterangan[:at] + keterangan[at + len(T.APPLICANT_ALONE_MARK):]
        return re.sub(r"\s+", " ", rest).strip(), True
    return keterangan, bool(re.search(T.APPLICANT_ALONE_WORDS, keterangan, re.IGNORECASE))


def import_table(path: str | Path, overrides: dict[str, Any] | None = None) -> ImportResult:
    """Read the table at `path`; `overrides` are identity fields from the command line."""
    grid = read_grid(path)
    header = find_header(grid)
    if header is None:
        raise TableError(T.NO_HEADER, path=grid.path)
    return _Importer(grid, header, overrides or {}).run()


def _items(text: str) -> list[str]:
    parts = [re.sub(r"^(?:\d+[.)]|[-•·▪])\s*", "", p).strip() for p in _LIST_SPLIT.split(text)]
    return [p for p in parts if p and p not in ("-", "–", "—")]


class _Importer:
    def __init__(self, grid: Grid, header: Header, overrides: dict[str, Any]) -> None:
        self.grid, self.header, self.overrides = grid, header, overrides
        self.problems: list[Problem] = []
        self.role_names: list[str] = [n for _, n in header.roles]
        self.identity: dict[str, Any] = {}

    def note(self, index: int | None, column: str, why: str) -> None:
        row = self.grid.row_numbers[index] if index is not None else None
        self.problems.append(Problem(row, column, why))

    def col_name(self, kind: str) -> str:
        col = self.header.columns.get(kind)
        return self.header.names.get(col, kind) if col is not None else kind

    def cell(self, index: int, kind: str) -> str:
        col = self.header.columns.get(kind)
        return self.grid.cell(index, col) if col is not None else ""

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

    def canonical_role(self, name: str) -> str:
        name = re.sub(r"\s+", " ", name)
        for known in self.role_names:
            if known.lower() == name.lower():
                return known
        self.role_names.append(name)
        return name

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

    # ------------------------------------------------------------ the SOP data

    def build(self, steps: list[_Step]) -> dict[str, Any]:
        ident = {**self.identity, **{k: v for k, v in self.overrides.items() if v}}
        order = _items(ident.get("pelaksana", "")) if ident.get("pelaksana") else []
        names = [*[self.canonical_role(n) for n in order],
                 *[n for n in self.role_names if n.lower() not in {o.lower() for o in order}]]
        names = [n for n in names if any(n in s.roles for s in steps) or n in order
                 or n in dict(self.header.roles).values()]
        ids: dict[str, str] = {}
        for n in names:
            ids[n] = role_id(n, set(ids.values()))
        if "pemohon" in ident:
            applicants = {self.canonical_role(n) for n in _items(ident["pemohon"])}
        else:
            applicants = {n for n in names if is_applicant_name(n)}
        if "loket" in ident:
            counter = {self.canonical_role(n) for n in _items(ident["loket"])}
        else:
            counter = counter_roles(names, applicants, [s.roles for s in steps])
        numbers = [s.no for s in steps]
        hilang = sorted({n for n in range(numbers[0], numbers[-1] + 1)} - set(numbers)) \
            if len(numbers) > 1 else []
        skipped = [int(n) for n in re.findall(r"\d+", ident.get("nomor_dilewati", ""))]
        hilang = [n for n in hilang if n not in skipped]
        if "langkah_hilang" not in ident and hilang:
            self.note(None, self.col_name(NO),
                      T.NUMBER_GAP.format(numbers=", ".join(map(str, hilang))))
        langkah = [self.step_data(s, steps, ids) for s in steps]
        nama = ident.get("nama") or ""
        if not nama:
            nama = Path(self.grid.path).stem.replace("_", " ").replace("-", " ").strip()
            self.note(None, "", T.NO_NAME)
        sop_id = ident.get("id") or role_id(ident.get("nomor_id", "") or nama, set())
        data: dict[str, Any] = {
            "id": sop_id, "nomor": ident.get("nomor", ""), "nama": nama, "status": DRAF,
            "layanan_loket": _yes(ident["layanan_loket"]) if "layanan_loket" in ident
            else bool(applicants),
            "instansi": ident.get("instansi") or "-", "unit": ident.get("unit", ""),
        }
        for key in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh",
                    "peringatan", "pencatatan", "biaya", "produk_layanan", "jangka_waktu",
                    "pengaduan"):
            if ident.get(key):
                data[key] = ident[key]
        for key in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan",
                    "persyaratan"):
            if ident.get(key):
                data[key] = _items(ident[key])
        data["langkah_hilang"] = [int(n) for n in re.findall(r"\d+", ident["langkah_hilang"])] \
            if "langkah_hilang" in ident else hilang
        if skipped:
            data["nomor_dilewati"] = skipped
        first, last = self.grid.row_numbers[steps[0].row], self.grid.row_numbers[steps[-1].row]
        data["catatan"] = [T.CATATAN_IMPOR.format(name=Path(self.grid.path).name,
                                                  layout=T.LAYOUT_ROLES if self.header.roles
                                                  else T.LAYOUT_PELAKSANA)]
        data["sumber"] = {"dokumen": Path(self.grid.path).name, "lokasi": f"baris {first}-{last}"}
        data["pelaksana"] = [
            {"id": ids[n], "nama": n, **({"loket": True} if n in counter else {}),
             **({"pemohon": True} if n in applicants else {})}
            for n in names
        ]
        data["langkah"] = langkah
        return data

    def step_data(self, s: _Step, steps: list[_Step], ids: dict[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {"no": s.no, "kegiatan": s.kegiatan,
                               "pelaksana": [ids[r] for r in s.roles]}
        if s.inferred:
            out["pelaksana_disimpulkan"] = True
        out.update({"kelengkapan": s.kelengkapan, "waktu": s.waktu, "output": s.output,
                    "keterangan": s.keterangan})
        if s.pemohon_sendiri:
            out["pemohon_sendiri"] = True
        decisions = s.decisions or [(s.row, b) for b in B.read_branches(s.kegiatan)
                                    + B.read_branches(s.keterangan)]
        kembali, lanjut = [], []
        numbers = {x.no for x in steps}
        for row, b in decisions:
            if b.forward:
                if b.ke_langkah not in numbers or b.ke_langkah <= s.no:
                    self.note(row, self.col_name(KEGIATAN),
                              T.BRANCH_FORWARD_BACK.format(target=b.ke_langkah))
                    continue
                lanjut.append({"syarat": b.syarat, "ke_langkah": b.ke_langkah})
                continue
            target = self.return_target(b, s, steps, ids)
            if target is None:
                self.note(row, self.col_name(KEGIATAN),
                          T.BRANCH_UNREAD.format(target=b.role_text or b.ke_langkah))
                continue
            kembali.append({"syarat": b.syarat, **target})
        if not s.decisions and not kembali:
            for name in s.marks_tidak:  # a "tidak" marker in a role's column
                target = self.return_target(B.Branch("tidak", False, role_text=name),
                                            s, steps, ids)
                if target:
                    kembali.append({"syarat": "tidak", **target})
        if kembali:
            out["kembali"] = kembali
        if lanjut:
            out["lanjut"] = lanjut
        return out

    def return_target(self, b: B.Branch, s: _Step, steps: list[_Step],
                      ids: dict[str, str]) -> dict[str, Any] | None:
        if b.ke_langkah is not None:
            if b.ke_langkah in {x.no for x in steps}:
                return {"ke_langkah": b.ke_langkah}
            return None
        role = B.match_role(b.role_text, list(ids))
        if role is None:
            return None
        earlier = [x for x in steps if x.no < s.no and x.roles and x.roles[0] == role]
        if earlier:
            return {"ke_langkah": earlier[-1].no}
        return {"ke_pelaksana": ids[role]}


def _yes(text: str) -> bool:
    return norm(text) in ("ya", "yes", "true", "1", "y")
