"""The SOP model: identity, pelaksana, steps with their mutu baku and branches.

Frozen dataclasses read from TOML by `counter.sop_fields`/`sop_checks`/`sop_read`
and served by `counter.sop_catalog`; `counter.sop` re-exports every public name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from counter.sop_label import abbreviate
from counter.waktu import Waktu

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
    # What narrow columns show (dashboard, log at 80 columns): "Tagihan 1", not "Penagihan…".
    nama_singkat: str = ""

    @property
    def label(self) -> str:
        """The short name an officer recognizes: nama_singkat, else an abbreviation."""
        return self.nama_singkat or abbreviate(self.nama)

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
