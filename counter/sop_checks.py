"""The SOP reader's branch and numbering checks: returns, forward jumps, Standar
Pelayanan fields, step numbers and their targets.
"""

from __future__ import annotations

from typing import Any

from counter.sop_fields import MAX_RETURNS, MAX_STEP_NO, _Fields, _is_int
from counter.sop_model import (
    DEFAULT_BIAYA,
    Kembali,
    Lanjut,
    Step,
)
from counter.texts import sop as T


class _Checks(_Fields):
    """Checks that look across steps (targets, numbering) and the later additions."""

    def read_returns(self, s: dict[str, Any], at: tuple[str, int],
                     where: str) -> tuple[Kembali, ...]:
        """The "tidak" branches: tables with a target step or role."""
        if "kembali" not in s:
            return ()
        label = f"{where}.kembali"
        kembali = []
        for j, k in self.tables(s["kembali"], "kembali", MAX_RETURNS, *at, label=label,
                                header="langkah.kembali"):
            here = (*at, "kembali", j)
            ke_langkah = k.get("ke_langkah")
            ke_pelaksana = k.get("ke_pelaksana")
            if ke_langkah is not None and not _is_int(ke_langkah):
                self.problem(T.WRONG_TYPE.format(field="ke_langkah", expected=T.EXPECT_NUMBER),
                             f"{label}.ke_langkah", *here, "ke_langkah")
                ke_langkah = None
            if ke_pelaksana is not None and not isinstance(ke_pelaksana, str):
                self.problem(T.WRONG_TYPE.format(field="ke_pelaksana", expected=T.EXPECT_TEXT),
                             f"{label}.ke_pelaksana", *here, "ke_pelaksana")
                ke_pelaksana = None
            if ke_langkah is None and not ke_pelaksana:
                if "ke_langkah" not in k and "ke_pelaksana" not in k:
                    self.problem(T.NO_TARGET, label, *here)
                continue
            syarat = self.text(k, "syarat", *here, label=f"{label}.syarat")
            kembali.append(Kembali(syarat=syarat, ke_langkah=ke_langkah,
                                   ke_pelaksana=ke_pelaksana or None))
        return tuple(kembali)

    # ------------------------------------------------ additions: Standar Pelayanan,
    # versions, skipped numbering and forward jumps (kept apart from the reader above)

    def read_standar(self) -> dict[str, Any]:
        d = self.data
        versi = d.get("versi", 1)
        if not _is_int(versi) or versi < 1:
            self.problem(T.WRONG_TYPE.format(field="versi", expected=T.EXPECT_NUMBER), "versi",
                         "versi")
            versi = 1
        skipped = d.get("nomor_dilewati", [])
        if not isinstance(skipped, list) or not all(_is_int(n) for n in skipped):
            self.problem(T.WRONG_TYPE.format(field="nomor_dilewati", expected=T.EXPECT_NUMBERS),
                         "nomor_dilewati", "nomor_dilewati")
            skipped = []
        return {
            "persyaratan": self.texts(d, "persyaratan"),
            "biaya": self.text(d, "biaya").strip() or DEFAULT_BIAYA,
            "produk_layanan": self.text(d, "produk_layanan"),
            "jangka_waktu": self.text(d, "jangka_waktu"),
            "pengaduan": self.text(d, "pengaduan"),
            "versi": versi,
            "tanggal_versi": self.text(d, "tanggal_versi"),
            "nomor_dilewati": tuple(n for n in skipped if 1 <= n <= MAX_STEP_NO),
        }

    def read_lanjut(self, s: dict[str, Any], at: tuple[str, int],
                    where: str) -> tuple[Lanjut, ...]:
        if "lanjut" not in s:
            return ()
        label = f"{where}.lanjut"
        out = []
        for j, k in self.tables(s["lanjut"], "lanjut", MAX_RETURNS, *at, label=label,
                                header="langkah.lanjut"):
            target = k.get("ke_langkah")
            if not _is_int(target):
                self.problem(T.LANJUT_NO_TARGET, f"{label}.ke_langkah", *at, "lanjut", j)
                continue
            out.append(Lanjut(syarat=self.text(k, "syarat", *at, "lanjut", j,
                                               label=f"{label}.syarat"), ke_langkah=target))
        return tuple(out)

    def check_forward(self, steps: tuple[Step, ...]) -> None:
        numbers = {s.no for s in steps}
        for step in steps:
            where = T.STEP_FIELD.format(no=step.no)
            i = self._index_of(step)
            for j, k in enumerate(step.lanjut):
                if k.ke_langkah not in numbers or k.ke_langkah <= step.no:
                    self.problem(T.LANJUT_BAD_TARGET.format(value=k.ke_langkah, no=step.no),
                                 f"{where}.lanjut.ke_langkah", "langkah", i, "lanjut", j,
                                 "ke_langkah")

    def check_numbering(self, steps: tuple[Step, ...], hilang: set[int], gaps: bool) -> None:
        """Duplicates and order, then (when `gaps`) undeclared gaps; every one is reported."""
        seen: set[int] = set()
        for i, step in enumerate(steps):
            where = T.STEP_FIELD.format(no=step.no)
            at = self._index_of(step)
            if step.no in seen:
                self.problem(T.STEP_DUP.format(no=step.no), f"{where}.no", "langkah", at, "no")
            elif i and step.no < steps[i - 1].no:
                self.problem(T.STEP_ORDER.format(no=step.no, prev=steps[i - 1].no),
                             f"{where}.no", "langkah", at, "no")
            seen.add(step.no)
        for i in range(1, len(steps) if gaps else 0):
            prev, no = steps[i - 1].no, steps[i].no
            # Both are within MAX_STEP_NO, so this range stays small.
            missing = [n for n in range(prev + 1, no) if n not in hilang]
            if missing:
                where = T.STEP_FIELD.format(no=no)
                self.problem(
                    T.STEP_GAP.format(prev=prev, no=no, missing=", ".join(map(str, missing))),
                    f"{where}.no", "langkah", self._index_of(steps[i]), "no")

    def _index_of(self, step: Step) -> int:
        """The step's position among the [[langkah]] tables (for its line)."""
        return self._index.get(id(step), 0)

    def check_targets(self, steps: tuple[Step, ...], role_ids: set[str] | None) -> None:
        numbers = {s.no for s in steps}
        for step in steps:
            where = T.STEP_FIELD.format(no=step.no)
            i = self._index_of(step)
            for j, k in enumerate(step.kembali):
                here = ("langkah", i, "kembali", j)
                if k.ke_langkah is not None and k.ke_langkah not in numbers:
                    self.problem(T.UNKNOWN_STEP_TARGET.format(value=k.ke_langkah),
                                 f"{where}.kembali.ke_langkah", *here, "ke_langkah")
                if k.ke_pelaksana and role_ids is not None and k.ke_pelaksana not in role_ids:
                    self.problem(T.UNKNOWN_ROLE_TARGET.format(value=k.ke_pelaksana),
                                 f"{where}.kembali.ke_pelaksana", *here, "ke_pelaksana")

