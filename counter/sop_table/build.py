"""From the rows read to the SOP data: roles and their ids, identity, steps, branches.

The base of the table importer (`importer._Importer`): where a row or a branch
cannot be turned into the SOP as it stands, a problem names the row and column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from counter.sop import DRAF
from counter.sop_table import branches as B
from counter.sop_table.grid import Grid
from counter.sop_table.header import (
    KEGIATAN,
    NO,
    Header,
)
from counter.sop_table.roles import counter_roles, is_applicant_name, role_id
from counter.sop_table.steps import Problem, _items, _Step, _yes
from counter.texts import sop_table as T


class _Base:
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


    def canonical_role(self, name: str) -> str:
        name = re.sub(r"\s+", " ", name)
        for known in self.role_names:
            if known.lower() == name.lower():
                return known
        self.role_names.append(name)
        return name


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

