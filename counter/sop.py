"""The SOP model and the loading and checking of SOP files (TOML).

An SOP file is written and read by office admins with a text editor, so every
problem is reported in Indonesian with the file, the line and the field, and a
broken office file never stops the bundled catalog from loading.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from counter.errors import SopError, WaktuError
from counter.texts import sop as T
from counter.waktu import Waktu, parse_waktu

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


# ---------------------------------------------------------------- locating lines


@dataclass
class _Lines:
    """Finds the line of a field in the raw TOML text, for messages an admin can act on."""

    text: str
    _lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self._lines = self.text.splitlines()

    def _block_start(self, table: str | None, index: int) -> tuple[int, int]:
        """Line range (0-based, end exclusive) of the index-th [[table]] (or the top)."""
        if table is None:
            end = next(
                (i for i, ln in enumerate(self._lines) if ln.strip().startswith("[")),
                len(self._lines),
            )
            return 0, end
        header = f"[[{table}]]"
        seen = -1
        for i, ln in enumerate(self._lines):
            if ln.strip() == header:
                seen += 1
                if seen == index:
                    end = next(
                        (
                            j
                            for j in range(i + 1, len(self._lines))
                            if self._lines[j].strip().startswith("[[")
                            and self._lines[j].strip() in (header, "[[pelaksana]]", "[[langkah]]")
                        ),
                        len(self._lines),
                    )
                    return i, end
        return 0, 0

    def find(self, table: str | None, index: int, key: str | None) -> int | None:
        start, end = self._block_start(table, index)
        if start == end == 0 and table is not None:
            return None
        if key is None:
            return start + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for i in range(start, end):
            if pattern.match(self._lines[i]):
                return i + 1
        return start + 1 if table is not None else None


# ---------------------------------------------------------------- loading


class _Reader:
    """Reads one parsed TOML document into a Sop, collecting the first error with its place."""

    def __init__(self, data: dict[str, Any], text: str, path: str) -> None:
        self.data = data
        self.lines = _Lines(text)
        self.path = path

    def fail(
        self, message: str, field_name: str, table: str | None = None, index: int = 0,
        key: str | None = None, label: str | None = None,
    ) -> SopError:
        line = self.lines.find(table, index, key)
        return SopError(message, path=self.path, line=line, field=label or field_name)

    def text(self, src: dict[str, Any], key: str, *, required: bool = False,
             table: str | None = None, index: int = 0, label: str | None = None) -> str:
        value = src.get(key, "")
        name = label or key
        if not isinstance(value, str):
            raise self.fail(T.WRONG_TYPE.format(field=key, expected="teks"), name, table, index,
                            key, name)
        if required and not value.strip():
            raise self.fail(T.MISSING.format(field=key), name, table, index, key, name)
        return value

    def texts(self, src: dict[str, Any], key: str, *, table: str | None = None,
              index: int = 0, label: str | None = None) -> tuple[str, ...]:
        value = src.get(key, [])
        if isinstance(value, str):
            value = [value] if value.strip() else []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(T.WRONG_TYPE.format(field=key, expected="daftar teks"),
                            label or key, table, index, key, label)
        return tuple(value)

    def flag(self, src: dict[str, Any], key: str, table: str | None = None, index: int = 0,
             label: str | None = None) -> bool:
        value = src.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(T.WRONG_TYPE.format(field=key, expected="true atau false"),
                            label or key, table, index, key, label)
        return value

    def read(self) -> Sop:
        d = self.data
        sop_id = self.text(d, "id", required=True)
        if not _ID.match(sop_id):
            raise self.fail(T.BAD_ID.format(value=sop_id), "id", key="id")
        status = self.text(d, "status", required=True)
        if status not in (BERLAKU, DRAF):
            raise self.fail(T.BAD_STATUS.format(value=status), "status", key="status")
        roles = self.read_roles(status)
        steps = self.read_steps({r.id for r in roles}, status)
        hilang = d.get("langkah_hilang", [])
        if not isinstance(hilang, list) or not all(isinstance(n, int) for n in hilang):
            raise self.fail(T.WRONG_TYPE.format(field="langkah_hilang",
                                                expected="daftar nomor"),
                            "langkah_hilang", key="langkah_hilang")
        self.check_numbering(steps, set(hilang) | set(self.read_dilewati()))
        self.check_targets(steps, {r.id for r in roles})
        self.check_forward(steps)
        sumber = d.get("sumber")
        if not isinstance(sumber, dict):
            raise SopError(T.MISSING.format(field="sumber"), path=self.path, field="sumber")
        return Sop(
            id=sop_id,
            nama=self.text(d, "nama", required=True),
            status=status,
            instansi=self.text(d, "instansi", required=True),
            source=Source(
                dokumen=self.text(sumber, "dokumen", required=True, label="sumber.dokumen"),
                lokasi=self.text(sumber, "lokasi", label="sumber.lokasi"),
                catatan=self.text(sumber, "catatan", label="sumber.catatan"),
            ),
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
            **self.read_standar(),
        )

    def read_roles(self, status: str) -> tuple[Pelaksana, ...]:
        """Roles are required to serve; a draft may hold only the SOP's identity."""
        raw = self.data.get("pelaksana", [])
        if status == DRAF and raw == [] and not self.data.get("langkah"):
            return ()
        if not isinstance(raw, list) or not raw:
            raise self.fail(T.MISSING.format(field="pelaksana"), "pelaksana")
        roles: list[Pelaksana] = []
        for i, r in enumerate(raw):
            label = f"pelaksana[{i + 1}]"
            role_id = self.text(r, "id", required=True, table="pelaksana", index=i,
                                label=f"{label}.id")
            if any(p.id == role_id for p in roles):
                raise self.fail(T.DUP_ROLE.format(value=role_id), label, "pelaksana", i, "id",
                                f"{label}.id")
            roles.append(Pelaksana(
                id=role_id,
                nama=self.text(r, "nama", required=True, table="pelaksana", index=i,
                               label=f"{label}.nama"),
                loket=self.flag(r, "loket", "pelaksana", i, f"{label}.loket"),
                pemohon=self.flag(r, "pemohon", "pelaksana", i, f"{label}.pemohon"),
            ))
        return tuple(roles)

    def read_steps(self, role_ids: set[str], status: str) -> tuple[Step, ...]:
        raw = self.data.get("langkah", [])
        if not isinstance(raw, list):
            raise self.fail(T.WRONG_TYPE.format(field="langkah", expected="daftar [[langkah]]"),
                            "langkah")
        if status == BERLAKU and not raw:
            raise SopError(T.NO_STEPS, path=self.path, field="langkah")
        return tuple(self.read_step(s, i, role_ids) for i, s in enumerate(raw))

    def read_step(self, s: dict[str, Any], i: int, role_ids: set[str]) -> Step:
        no = s.get("no")
        where = T.STEP_FIELD.format(no=no if isinstance(no, int) else i + 1)
        if not isinstance(no, int):
            raise self.fail(T.MISSING.format(field="no"), where, "langkah", i, "no", f"{where}.no")
        pelaksana = self.texts(s, "pelaksana", table="langkah", index=i,
                               label=f"{where}.pelaksana")
        if not pelaksana:
            raise self.fail(T.MISSING.format(field="pelaksana"), where, "langkah", i,
                            "pelaksana", f"{where}.pelaksana")
        for role in pelaksana:
            if role not in role_ids:
                raise self.fail(
                    T.UNKNOWN_ROLE.format(value=role, known=", ".join(sorted(role_ids))),
                    where, "langkah", i, "pelaksana", f"{where}.pelaksana")
        if "waktu" not in s:
            raise self.fail(T.MISSING.format(field="waktu"), where, "langkah", i, None,
                            f"{where}.waktu")
        raw_waktu = self.text(s, "waktu", table="langkah", index=i, label=f"{where}.waktu")
        try:
            waktu = parse_waktu(raw_waktu)
        except WaktuError as err:
            raise self.fail(err.message, where, "langkah", i, "waktu", f"{where}.waktu") from None
        kembali = []
        for k in s.get("kembali", []):
            ke_langkah = k.get("ke_langkah")
            ke_pelaksana = k.get("ke_pelaksana")
            if ke_langkah is None and not ke_pelaksana:
                raise self.fail(T.NO_TARGET, where, "langkah", i, "kembali", f"{where}.kembali")
            kembali.append(Kembali(syarat=str(k.get("syarat", "")), ke_langkah=ke_langkah,
                                   ke_pelaksana=ke_pelaksana))
        lanjut = self.read_lanjut(s, i, where)
        return Step(
            lanjut=lanjut,
            pemohon_sendiri=self.flag(s, "pemohon_sendiri", "langkah", i,
                                      f"{where}.pemohon_sendiri"),
            no=no,
            kegiatan=self.text(s, "kegiatan", required=True, table="langkah", index=i,
                               label=f"{where}.kegiatan"),
            pelaksana=pelaksana,
            mutu_baku=MutuBaku(
                kelengkapan=self.texts(s, "kelengkapan", table="langkah", index=i,
                                       label=f"{where}.kelengkapan"),
                waktu=waktu,
                output=self.text(s, "output", table="langkah", index=i, label=f"{where}.output"),
            ),
            keterangan=self.text(s, "keterangan", table="langkah", index=i,
                                 label=f"{where}.keterangan"),
            kembali=tuple(kembali),
            pelaksana_disimpulkan=self.flag(s, "pelaksana_disimpulkan", "langkah", i,
                                            f"{where}.pelaksana_disimpulkan"),
        )

    # ------------------------------------------------ additions: Standar Pelayanan,
    # versions and forward jumps (kept apart from the original reader above)

    def read_standar(self) -> dict[str, Any]:
        d = self.data
        versi = d.get("versi", 1)
        if not isinstance(versi, int) or isinstance(versi, bool) or versi < 1:
            raise self.fail(T.WRONG_TYPE.format(field="versi", expected="nomor 1 atau lebih"),
                            "versi", key="versi")
        return {
            "persyaratan": self.texts(d, "persyaratan"),
            "biaya": self.text(d, "biaya").strip() or DEFAULT_BIAYA,
            "produk_layanan": self.text(d, "produk_layanan"),
            "jangka_waktu": self.text(d, "jangka_waktu"),
            "pengaduan": self.text(d, "pengaduan"),
            "versi": versi,
            "tanggal_versi": self.text(d, "tanggal_versi"),
            "nomor_dilewati": self.read_dilewati(),
        }

    def read_dilewati(self) -> tuple[int, ...]:
        raw = self.data.get("nomor_dilewati", [])
        if not isinstance(raw, list) or not all(
                isinstance(n, int) and not isinstance(n, bool) for n in raw):
            raise self.fail(T.WRONG_TYPE.format(field="nomor_dilewati", expected="daftar nomor"),
                            "nomor_dilewati", key="nomor_dilewati")
        return tuple(raw)

    def read_lanjut(self, s: dict[str, Any], i: int, where: str) -> tuple[Lanjut, ...]:
        raw = s.get("lanjut", [])
        if not isinstance(raw, list):
            raise self.fail(T.WRONG_TYPE.format(field="lanjut",
                                                expected="daftar [[langkah.lanjut]]"),
                            where, "langkah", i, "lanjut", f"{where}.lanjut")
        out = []
        for k in raw:
            target = k.get("ke_langkah") if isinstance(k, dict) else None
            if not isinstance(target, int) or isinstance(target, bool):
                raise self.fail(T.LANJUT_NO_TARGET, where, "langkah", i, "lanjut",
                                f"{where}.lanjut.ke_langkah")
            out.append(Lanjut(syarat=str(k.get("syarat", "")), ke_langkah=target))
        return tuple(out)

    def check_forward(self, steps: tuple[Step, ...]) -> None:
        numbers = {s.no for s in steps}
        for i, step in enumerate(steps):
            where = T.STEP_FIELD.format(no=step.no)
            for j in step.lanjut:
                if j.ke_langkah not in numbers or j.ke_langkah <= step.no:
                    raise self.fail(T.LANJUT_BAD_TARGET.format(value=j.ke_langkah, no=step.no),
                                    where, "langkah", i, "ke_langkah",
                                    f"{where}.lanjut.ke_langkah")

    def check_numbering(self, steps: tuple[Step, ...], hilang: set[int]) -> None:
        """Duplicates and order first (the likelier typo), then undeclared gaps."""
        seen: set[int] = set()
        for i, step in enumerate(steps):
            where = T.STEP_FIELD.format(no=step.no)
            if step.no in seen:
                raise self.fail(T.STEP_DUP.format(no=step.no), where, "langkah", i, "no",
                                f"{where}.no")
            if i and step.no < steps[i - 1].no:
                raise self.fail(T.STEP_ORDER.format(no=step.no, prev=steps[i - 1].no), where,
                                "langkah", i, "no", f"{where}.no")
            seen.add(step.no)
        for i in range(1, len(steps)):
            prev, no = steps[i - 1].no, steps[i].no
            missing = [n for n in range(prev + 1, no) if n not in hilang]
            if missing:
                where = T.STEP_FIELD.format(no=no)
                raise self.fail(
                    T.STEP_GAP.format(prev=prev, no=no, missing=", ".join(map(str, missing))),
                    where, "langkah", i, "no", f"{where}.no")

    def check_targets(self, steps: tuple[Step, ...], role_ids: set[str]) -> None:
        numbers = {s.no for s in steps}
        for i, step in enumerate(steps):
            where = T.STEP_FIELD.format(no=step.no)
            for k in step.kembali:
                if k.ke_langkah is not None and k.ke_langkah not in numbers:
                    raise self.fail(T.UNKNOWN_STEP_TARGET.format(value=k.ke_langkah), where,
                                    "langkah", i, "ke_langkah", f"{where}.kembali.ke_langkah")
                if k.ke_pelaksana and k.ke_pelaksana not in role_ids:
                    raise self.fail(T.UNKNOWN_ROLE_TARGET.format(value=k.ke_pelaksana), where,
                                    "langkah", i, "ke_pelaksana",
                                    f"{where}.kembali.ke_pelaksana")


def parse_sop(text: str, path: str) -> Sop:
    """Parse and check the text of one SOP file; `path` is only used in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        detail = str(err)
        m = re.search(r"line (\d+)", detail)
        raise SopError(T.TOML_SYNTAX.format(detail=detail), path=path,
                       line=int(m.group(1)) if m else None) from None
    return _Reader(data, text, path).read()


def load_sop(path: str | Path) -> Sop:
    """Load and check one SOP file from disk."""
    p = Path(path)
    try:
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
            sops[sop.id] = sop
    from counter.sop_versions import load_versions  # kept versions of office SOPs

    versions: dict[str, dict[int, Sop]] = {}
    for folder in extra_dirs:
        found, broken = load_versions(Path(folder))
        errors.extend(broken)
        for sop_id, by_number in found.items():
            versions.setdefault(sop_id, {}).update(by_number)
    return Catalog(sops=sops, errors=errors, versions=versions)


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
