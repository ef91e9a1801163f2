"""Loading and checking one SOP file (TOML) into the model.

An SOP file is written and read by office admins with a text editor, so every
problem is reported in Indonesian with the file, the line and the field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter.errors import SopError, WaktuError
from counter.sop_checks import _Checks
from counter.sop_fields import (
    MAX_FILE_BYTES,
    MAX_ROLES,
    MAX_STEP_NO,
    MAX_STEPS,
    SopErrors,
    _is_int,
)
from counter.sop_model import (
    _ID,
    BERLAKU,
    DRAF,
    MutuBaku,
    Pelaksana,
    Sop,
    Source,
    Step,
)
from counter.texts import sop as T
from counter.toml_read import read_toml
from counter.waktu import Kind, Waktu, parse_waktu


class _Reader(_Checks):
    """Reads one parsed TOML document into a Sop, collecting every problem with its place."""

    def read(self) -> Sop | None:
        d = self.data
        sop_id = self.text(d, "id", required=True)
        if sop_id and not _ID.match(sop_id):
            self.problem(T.BAD_ID.format(value=sop_id), "id", "id")
        status = self.text(d, "status", required=True)
        if status and status not in (BERLAKU, DRAF):
            self.problem(T.BAD_STATUS.format(value=status), "status", "status")
        before = len(self.errors)
        roles = self.read_roles(status)
        # Steps name roles; when the roles themselves are wrong, saying every step's
        # role is unknown would only bury the real problem.
        role_ids = {r.id for r in roles} if len(self.errors) == before else None
        steps = self.read_steps(role_ids, status)
        hilang = self.read_missing()
        # Gaps are judged only on a clean numbering, for the same reason.
        standar = self.read_standar()  # Standar Pelayanan, versi, nomor_dilewati
        self.check_numbering(steps, set(hilang) | set(standar["nomor_dilewati"]),
                             gaps=not self._bad_numbers)
        self.check_targets(steps, role_ids)
        self.check_forward(steps)
        source = self.read_source()
        sop = Sop(
            id=sop_id,
            nama=self.text(d, "nama", required=True),
            nama_singkat=self.text(d, "nama_singkat"),
            status=status,
            instansi=self.text(d, "instansi", required=True),
            source=source,
            nomor=self.text(d, "nomor"),
            layanan_loket=self.flag(d, "layanan_loket"),
            unit=self.text(d, "unit"),
            tanggal_pembuatan=self.text(d, "tanggal_pembuatan"),
            tanggal_revisi=self.text(d, "tanggal_revisi"),
            tanggal_efektif=self.text(d, "tanggal_efektif"),
            disahkan_oleh=self.text(d, "disahkan_oleh"),
            dasar_hukum=self.texts(d, "dasar_hukum"),
            kualifikasi_pelaksana=self.texts(d, "kualifikasi_pelaksana"),
            keterkaitan=self.texts(d, "keterkaitan"),
            peralatan=self.texts(d, "peralatan"),
            peringatan=self.text(d, "peringatan"),
            pencatatan=self.text(d, "pencatatan"),
            catatan=self.texts(d, "catatan"),
            pelaksana=roles,
            steps=steps,
            langkah_hilang=tuple(hilang),
            path=self.path,
            **standar,
        )
        return None if self.errors else sop

    def read_source(self) -> Source:
        sumber = self.data.get("sumber")
        if not isinstance(sumber, dict):
            wrong = T.WRONG_TYPE.format(field="sumber", expected=T.EXPECT_TABLE.format(
                key="sumber"))
            self.problem(T.MISSING.format(field="sumber") if sumber is None else wrong,
                         "sumber", "sumber")
            return Source(dokumen="")
        return Source(
            dokumen=self.text(sumber, "dokumen", "sumber", required=True, label="sumber.dokumen"),
            lokasi=self.text(sumber, "lokasi", "sumber", label="sumber.lokasi"),
            catatan=self.text(sumber, "catatan", "sumber", label="sumber.catatan"),
        )

    def read_missing(self) -> list[int]:
        hilang = self.data.get("langkah_hilang", [])
        if not isinstance(hilang, list) or not all(_is_int(n) for n in hilang):
            self._bad_numbers = True
            self.problem(T.WRONG_TYPE.format(field="langkah_hilang", expected=T.EXPECT_NUMBERS),
                         "langkah_hilang", "langkah_hilang")
            return []
        wrong = [n for n in hilang if not 1 <= n <= MAX_STEP_NO]
        if wrong:
            self._bad_numbers = True
            self.problem(T.STEP_NO_RANGE.format(no=wrong[0], limit=MAX_STEP_NO),
                         "langkah_hilang", "langkah_hilang")
            return [n for n in hilang if 1 <= n <= MAX_STEP_NO]
        return hilang

    def read_roles(self, status: str) -> tuple[Pelaksana, ...]:
        """Roles are required to serve; a draft may hold only the SOP's identity."""
        raw = self.data.get("pelaksana", [])
        if status == DRAF and raw == [] and not self.data.get("langkah"):
            return ()
        if raw == []:
            self.problem(T.MISSING.format(field="pelaksana"), "pelaksana", "pelaksana")
            return ()
        roles: list[Pelaksana] = []
        for i, r in self.tables(raw, "pelaksana", MAX_ROLES):
            label = f"pelaksana[{i + 1}]"
            role_id = self.text(r, "id", "pelaksana", i, required=True, label=f"{label}.id")
            if role_id and any(p.id == role_id for p in roles):
                self.problem(T.DUP_ROLE.format(value=role_id), f"{label}.id", "pelaksana", i,
                             "id")
            roles.append(Pelaksana(
                id=role_id,
                nama=self.text(r, "nama", "pelaksana", i, required=True, label=f"{label}.nama"),
                loket=self.flag(r, "loket", "pelaksana", i, label=f"{label}.loket"),
                pemohon=self.flag(r, "pemohon", "pelaksana", i, label=f"{label}.pemohon"),
            ))
        return tuple(roles)

    def read_steps(self, role_ids: set[str] | None, status: str) -> tuple[Step, ...]:
        raw = self.data.get("langkah", [])
        if status == BERLAKU and raw == []:
            self.problem(T.NO_STEPS, "langkah", "langkah")
            return ()
        steps = []
        for i, s in self.tables(raw, "langkah", MAX_STEPS):
            step = self.read_step(s, i, role_ids)
            if step is not None:
                steps.append(step)
        return tuple(steps)

    def read_step(self, s: dict[str, Any], i: int, role_ids: set[str] | None) -> Step | None:
        """The step, or None when its number is unusable (the rest is still checked)."""
        no: Any = s.get("no")
        step_no: int | None = no if _is_int(no) and 1 <= no <= MAX_STEP_NO else None
        good_no = step_no is not None
        where = T.STEP_FIELD.format(no=step_no if step_no is not None else i + 1)
        at = ("langkah", i)
        self._bad_numbers |= not good_no
        if "no" not in s:
            self.problem(T.MISSING.format(field="no"), f"{where}.no", *at, "no")
        elif not _is_int(no):
            self.problem(T.WRONG_TYPE.format(field="no", expected=T.EXPECT_NUMBER),
                         f"{where}.no", *at, "no")
        elif not good_no:
            self.problem(T.STEP_NO_RANGE.format(no=no, limit=MAX_STEP_NO), f"{where}.no",
                         *at, "no")
        before = len(self.errors)
        pelaksana = self.texts(s, "pelaksana", *at, label=f"{where}.pelaksana")
        if not pelaksana and len(self.errors) == before:  # absent or empty, not mistyped
            self.problem(T.MISSING.format(field="pelaksana"), f"{where}.pelaksana", *at,
                         "pelaksana")
        for role in pelaksana:
            if role_ids is not None and role not in role_ids:
                self.problem(
                    T.UNKNOWN_ROLE.format(value=role, known=", ".join(sorted(role_ids))),
                    f"{where}.pelaksana", *at, "pelaksana")
        waktu = Waktu(raw="", kind=Kind.TANPA)
        if "waktu" not in s:
            self.problem(T.MISSING.format(field="waktu"), f"{where}.waktu", *at, "waktu")
        else:
            raw_waktu = self.text(s, "waktu", *at, label=f"{where}.waktu")
            try:
                waktu = parse_waktu(raw_waktu)
            except WaktuError as err:
                self.problem(err.message, f"{where}.waktu", *at, "waktu")
        kembali = self.read_returns(s, at, where)
        step = Step(
            no=step_no if step_no is not None else 0,
            kegiatan=self.text(s, "kegiatan", *at, required=True, label=f"{where}.kegiatan"),
            pelaksana=pelaksana or ("",),
            mutu_baku=MutuBaku(
                kelengkapan=self.texts(s, "kelengkapan", *at, label=f"{where}.kelengkapan"),
                waktu=waktu,
                output=self.text(s, "output", *at, label=f"{where}.output"),
            ),
            keterangan=self.text(s, "keterangan", *at, label=f"{where}.keterangan"),
            kembali=kembali,
            pelaksana_disimpulkan=self.flag(s, "pelaksana_disimpulkan", *at,
                                            label=f"{where}.pelaksana_disimpulkan"),
            lanjut=self.read_lanjut(s, at, where),
            pemohon_sendiri=self.flag(s, "pemohon_sendiri", *at,
                                      label=f"{where}.pemohon_sendiri"),
        )
        if not good_no:
            return None
        self._index[id(step)] = i
        return step



def parse_sop(text: str, path: str) -> Sop:
    """Parse and check the text of one SOP file; `path` is only used in messages.

    Raises `SopErrors` listing every problem of the file (a `SopError`)."""
    doc = read_toml(text, path, SopError)
    reader = _Reader(doc)
    sop = reader.read()
    if sop is None:
        raise SopErrors(reader.errors)
    return sop


def load_sop(path: str | Path, parse: Callable[[str, str], Sop] = parse_sop) -> Sop:
    """Load and check one SOP file from disk (`parse`: `parse_sop` or a memo's)."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise SopError(T.TOO_BIG.format(limit=MAX_FILE_BYTES // 1000), path=p)
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SopError(T.NOT_FOUND, path=p) from None
    except (OSError, UnicodeDecodeError) as err:
        raise SopError(T.UNREADABLE_FILE.format(detail=err), path=p) from None
    return parse(text, str(p))

