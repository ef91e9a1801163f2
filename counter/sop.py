"""The SOP model and the loading and checking of SOP files (TOML).

An SOP file is written and read by office admins with a text editor, so every
problem is reported in Indonesian with the file, the line and the field, and a
broken office file never stops the bundled catalog from loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeGuard

from counter.errors import LoketError, SopError, WaktuError
from counter.texts import sop as T
from counter.toml_read import TomlDoc, read_toml
from counter.waktu import Kind, Waktu, parse_waktu

BERLAKU = "berlaku"
DRAF = "draf"
DEFAULT_BIAYA = "Tidak dipungut biaya"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Pelaksana:
    """A role (jabatan) in the SOP's pelaksana columns; steps are assigned to roles."""

    id: str
    nama: str
    loket: bool = False  # works at the counter
    pemohon: bool = False  # the applicant: time spent is the applicant's own


@dataclass(frozen=True)
class Kembali:
    """The "tidak" branch of a decision step: where the file goes back to."""

    syarat: str
    ke_langkah: int | None = None
    ke_pelaksana: str | None = None


@dataclass(frozen=True)
class Lanjut:
    """The forward branch of a decision ("jika lengkap, langsung ke langkah 4")."""

    syarat: str
    ke_langkah: int


@dataclass(frozen=True)
class MutuBaku:
    kelengkapan: tuple[str, ...]
    waktu: Waktu
    output: str


@dataclass(frozen=True)
class Step:
    no: int
    kegiatan: str
    pelaksana: tuple[str, ...]
    mutu_baku: MutuBaku
    keterangan: str = ""
    kembali: tuple[Kembali, ...] = ()
    pelaksana_disimpulkan: bool = False
    lanjut: tuple[Lanjut, ...] = ()  # forward jumps (added for imported tables)
    # Done by the applicant alone, away from the counter: the file is with the applicant
    # and the time is theirs (the case waits for the applicant, as with berkas kurang).
    pemohon_sendiri: bool = False

    @property
    def role(self) -> str:
        """The main pelaksana: who holds the file during this step."""
        return self.pelaksana[0]

    @property
    def is_decision(self) -> bool:
        return bool(self.kembali)


@dataclass(frozen=True)
class Source:
    dokumen: str
    lokasi: str = ""
    catatan: str = ""


@dataclass(frozen=True)
class Sop:
    id: str
    nama: str
    status: str
    instansi: str
    source: Source
    nomor: str = ""
    layanan_loket: bool = False
    unit: str = ""
    tanggal_pembuatan: str = ""
    tanggal_revisi: str = ""
    tanggal_efektif: str = ""
    disahkan_oleh: str = ""
    dasar_hukum: tuple[str, ...] = ()
    kualifikasi_pelaksana: tuple[str, ...] = ()
    keterkaitan: tuple[str, ...] = ()
    peralatan: tuple[str, ...] = ()
    peringatan: str = ""
    pencatatan: str = ""
    catatan: tuple[str, ...] = ()
    pelaksana: tuple[Pelaksana, ...] = ()
    steps: tuple[Step, ...] = ()
    langkah_hilang: tuple[int, ...] = ()
    path: str = ""
    # Standar Pelayanan (PermenPANRB 15/2014): what a service charter publishes.
    persyaratan: tuple[str, ...] = ()
    biaya: str = DEFAULT_BIAYA
    produk_layanan: str = ""
    jangka_waktu: str = ""
    pengaduan: str = ""
    # Versions: each saved change of an office SOP is a new number (counter/sop_versions.py).
    versi: int = 1
    tanggal_versi: str = ""
    # Numbers the document skips with no step lost (rows 1-3, 5-8), unlike langkah_hilang.
    nomor_dilewati: tuple[int, ...] = ()

    @property
    def usable(self) -> bool:
        """Only a complete SOP can guide a case; drafts are shown, not served."""
        return self.status == BERLAKU and bool(self.steps)

    @property
    def first_step(self) -> Step:
        return self.steps[0]

    @property
    def counter_roles(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.pelaksana if p.loket)

    # Lookups by number and id: folding a month of cases asks these ~10^5 times.
    @cached_property
    def _steps_by_no(self) -> dict[int, Step]:
        return {s.no: s for s in self.steps}

    @cached_property
    def _roles_by_id(self) -> dict[str, Pelaksana]:
        return {p.id: p for p in self.pelaksana}

    def step(self, no: int) -> Step:
        return self._steps_by_no[no]

    def find_step(self, no: int | None) -> Step | None:
        return self._steps_by_no.get(no) if no is not None else None

    def next_step(self, no: int) -> Step | None:
        for s in self.steps:
            if s.no > no:
                return s
        return None

    def role(self, role_id: str) -> Pelaksana:
        return self._roles_by_id[role_id]

    def find_role(self, role_id: str | None) -> Pelaksana | None:
        return self._roles_by_id.get(role_id) if role_id is not None else None

    def role_name(self, role_id: str | None) -> str:
        if role_id is None:
            return ""
        try:
            return self.role(role_id).nama
        except KeyError:
            return role_id


# ---------------------------------------------------------------- loading

# Limits that keep a mistyped file from exhausting memory (a step `no = 100000000`
# once built a list of every missing number); real SOPs have fewer than 30 steps.
MAX_STEP_NO = 999
MAX_STEPS = 200
MAX_ROLES = 50
MAX_RETURNS = 20
MAX_FILE_BYTES = 1_000_000


class SopErrors(SopError):
    """Every problem of one SOP file, so an admin can fix them all in one go.

    Behaves as its first problem (`path`, `line`, `field`, `message`); `str()` lists
    every one on its own line."""

    def __init__(self, errors: Iterable[SopError]) -> None:
        self.errors = tuple(errors)
        first = self.errors[0]
        super().__init__(first.message, path=first.path, line=first.line, field=first.field)

    def __str__(self) -> str:
        return "\n".join(LoketError.__str__(e) for e in self.errors)


def problems(err: SopError) -> tuple[SopError, ...]:
    """The single problems inside an error from the loader (one, or a file's many)."""
    return err.errors if isinstance(err, SopErrors) else (err,)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


class _Reader:
    """Reads one parsed TOML document into a Sop, collecting every problem with its place.

    Each reading function records what is wrong and goes on with a harmless value,
    so one pass finds all the problems of a file."""

    def __init__(self, doc: TomlDoc) -> None:
        self.doc = doc
        self.data = doc.data
        self.path = doc.path
        self.errors: list[SopError] = []
        self._index: dict[int, int] = {}  # id(step) -> its [[langkah]] index
        self._bad_numbers = False  # a step number or langkah_hilang could not be read

    def problem(self, message: str, label: str, *keys: str | int) -> None:
        self.errors.append(SopError(message, path=self.path, line=self.doc.line_of(*keys),
                                    field=label))

    def text(self, src: dict[str, Any], key: str, *where: str | int, required: bool = False,
             label: str | None = None) -> str:
        value = src.get(key, "")
        name = label or key
        if not isinstance(value, str):
            self.problem(T.WRONG_TYPE.format(field=key, expected=T.EXPECT_TEXT), name,
                         *where, key)
            return ""
        if required and not value.strip():
            self.problem(T.MISSING.format(field=key), name, *where, key)
        return value

    def texts(self, src: dict[str, Any], key: str, *where: str | int,
              label: str | None = None) -> tuple[str, ...]:
        value = src.get(key, [])
        if isinstance(value, str):
            value = [value] if value.strip() else []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(T.WRONG_TYPE.format(field=key, expected=T.EXPECT_TEXTS), label or key,
                         *where, key)
            return ()
        return tuple(value)

    def flag(self, src: dict[str, Any], key: str, *where: str | int,
             label: str | None = None) -> bool:
        value = src.get(key, False)
        if not isinstance(value, bool):
            self.problem(T.WRONG_TYPE.format(field=key, expected=T.EXPECT_FLAG), label or key,
                         *where, key)
            return False
        return value

    def tables(self, value: Any, key: str, limit: int, *where: str | int,
               label: str | None = None, header: str | None = None,
               ) -> list[tuple[int, dict[str, Any]]]:
        """(index, table) of a [[header]] list; anything else, and entries past `limit`,
        are problems."""
        name = label or key
        header = header or key
        if not isinstance(value, list):
            self.problem(T.WRONG_TYPE.format(field=key,
                                             expected=T.EXPECT_TABLES.format(key=header)),
                         name, *where, key)
            return []
        if len(value) > limit:
            self.problem(T.TOO_MANY.format(field=key, count=len(value), limit=limit), name,
                         *where, key, limit)
            value = value[:limit]
        out = []
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                out.append((i, entry))
            else:
                self.problem(T.NOT_A_TABLE.format(field=key, n=i + 1, header=header),
                             f"{name}[{i + 1}]", *where, key, i)
        return out

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


def parse_sop(text: str, path: str) -> Sop:
    """Parse and check the text of one SOP file; `path` is only used in messages.

    Raises `SopErrors` listing every problem of the file (a `SopError`)."""
    doc = read_toml(text, path, SopError)
    reader = _Reader(doc)
    sop = reader.read()
    if sop is None:
        raise SopErrors(reader.errors)
    return sop


def load_sop(path: str | Path) -> Sop:
    """Load and check one SOP file from disk."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise SopError(T.TOO_BIG.format(limit=MAX_FILE_BYTES // 1000), path=p)
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SopError(T.NOT_FOUND, path=p) from None
    except (OSError, UnicodeDecodeError) as err:
        raise SopError(T.UNREADABLE_FILE.format(detail=err), path=p) from None
    return parse_sop(text, str(p))


# ---------------------------------------------------------------- the catalog


@dataclass
class Catalog:
    """The SOPs an office can serve: bundled ones, overridden by the office's own files."""

    sops: dict[str, Sop]
    errors: list[SopError] = field(default_factory=list)
    warnings: list[SopError] = field(default_factory=list)  # e.g. two office files, one id
    # Earlier versions kept in the office folder (counter/sop_versions.py): id → versi → Sop
    versions: dict[str, dict[int, Sop]] = field(default_factory=dict)

    def get(self, sop_id: str) -> Sop:
        return self.sops[sop_id]

    def at_version(self, sop_id: str, versi: int | None) -> Sop:
        """The SOP as it was at `versi` (a case is timed against the version it began
        with); the current one when that version is the current or was never kept."""
        current = self.sops[sop_id]
        if versi is None or versi == current.versi:
            return current
        return self.versions.get(sop_id, {}).get(versi, current)

    def versions_of(self, sop_id: str) -> list[Sop]:
        """Every known version of an SOP, oldest first, the current one last."""
        kept = dict(self.versions.get(sop_id, {}))
        if sop_id in self.sops:
            kept[self.sops[sop_id].versi] = self.sops[sop_id]
        return [kept[v] for v in sorted(kept)]

    def all(self) -> list[Sop]:
        return sorted(self.sops.values(), key=_sort_key)

    def __iter__(self) -> Iterator[Sop]:
        return iter(self.all())

    def __len__(self) -> int:
        return len(self.sops)

    def search(self, text: str) -> list[Sop]:
        """Every SOP whose id, nomor or nama contains all the typed words."""
        words = text.lower().split()
        return [
            s for s in self.all()
            if all(w in f"{s.id} {s.nomor} {s.nama} {s.unit}".lower() for w in words)
        ]


def _sort_key(sop: Sop) -> tuple[int, str]:
    return (0 if sop.layanan_loket else 1, sop.id)


def bundled_sop_texts() -> Iterable[tuple[str, str]]:
    """(name, text) of every bundled SOP file, read through importlib.resources."""
    folder = resources.files("counter") / "sops"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            yield f"counter/sops/{entry.name}", entry.read_text(encoding="utf-8")


def load_catalog(extra_dirs: Iterable[str | Path] = ()) -> Catalog:
    """Bundled SOPs first, then each office folder overriding by id.

    A broken bundled file is a bug and raises; a broken office file is listed in
    `Catalog.errors` so the counter keeps working on the rest.
    """
    sops: dict[str, Sop] = {}
    origin: dict[str, str] = {}
    for name, text in bundled_sop_texts():
        sop = parse_sop(text, name)
        if sop.id in sops:
            raise SopError(T.DUP_ID.format(value=sop.id, other=origin[sop.id]), path=name,
                           field="id")
        sops[sop.id] = sop
        origin[sop.id] = name
    errors: list[SopError] = []
    warnings: list[SopError] = []
    office: dict[str, str] = {}  # id -> the office file that gave it
    for folder in extra_dirs:
        d = Path(folder)
        if not d.is_dir():
            continue
        for path in sorted(d.glob("*.toml")):
            try:
                sop = load_sop(path)
            except SopError as err:
                errors.append(err)
                continue
            if sop.id in office:
                warnings.append(SopError(T.DUP_OFFICE_ID.format(value=sop.id, other=office[sop.id]),
                                         path=path, field="id"))
            office[sop.id] = str(path)
            sops[sop.id] = sop
    from counter.sop_versions import load_versions  # kept versions of office SOPs

    versions: dict[str, dict[int, Sop]] = {}
    for folder in extra_dirs:
        found, broken = load_versions(Path(folder))
        errors.extend(broken)
        for sop_id, by_number in found.items():
            versions.setdefault(sop_id, {}).update(by_number)
    return Catalog(sops=sops, errors=errors, warnings=warnings, versions=versions)


def counter_standard(sop: Sop) -> dict[str, float]:
    """Standard time of the steps done at the counter, per unit (menit folds in jam).

    Officers ask "how long is this at my desk?"; days and calendar units stay apart
    because they cannot be added to minutes honestly.
    """
    counter = set(sop.counter_roles)
    totals: dict[str, float] = {}
    for step in sop.steps:
        w = step.mutu_baku.waktu
        if step.role not in counter or not w.limited or w.high is None or w.unit is None:
            continue
        unit, value = w.unit.value, w.high
        if unit == "jam":
            unit, value = "menit", value * 60
        totals[unit] = totals.get(unit, 0.0) + value
    return totals


def format_totals(totals: dict[str, float]) -> str:
    order = ("menit", "hari", "minggu", "bulan")
    parts = [f"{totals[u]:g} {u}" for u in order if u in totals]
    return " + ".join(parts) if parts else "-"
