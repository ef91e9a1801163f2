"""The SOP editor's working copy: plain texts as typed, turned into SOP data on save.

The editor keeps exactly what the supervisor typed (never a parsed form of it), so
a half-filled or wrong field is never lost; `to_data` reads the texts into the
TOML structure and lists every problem with its place ("langkah 3, pelaksana: …")
for the screen to show where the supervisor is working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from counter.errors import WaktuError
from counter.sop import DEFAULT_BIAYA, DRAF, Sop
from counter.sop_table import branches as B
from counter.sop_table.roles import role_id
from counter.texts import sop_editor as T
from counter.waktu import Kind, Waktu, parse_waktu

IDENTITY_FIELDS = ("id", "nomor", "nama", "nama_singkat", "instansi", "unit",
                   "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh",
                   "peringatan", "pencatatan", "biaya", "produk_layanan", "jangka_waktu",
                   "pengaduan")
LIST_FIELDS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan",
               "persyaratan")


@dataclass
class RoleForm:
    nama: str = ""
    loket: bool = False
    pemohon: bool = False
    id: str = ""


@dataclass
class StepForm:
    no: str = ""
    kegiatan: str = ""
    pelaksana: str = ""  # role names, separated by ';'
    kelengkapan: str = ""  # one item a line
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    cabang: str = ""  # "jika …, dikembalikan ke langkah N; jika …, langsung ke langkah M"
    disimpulkan: bool = False
    pemohon_sendiri: bool = False  # done by the applicant alone, away from the counter


@dataclass
class SopForm:
    identity: dict[str, str] = field(default_factory=dict)
    lists: dict[str, str] = field(default_factory=dict)  # one item a line
    status: str = DRAF
    layanan_loket: bool = False
    langkah_hilang: str = ""
    nomor_dilewati: str = ""
    roles: list[RoleForm] = field(default_factory=list)
    steps: list[StepForm] = field(default_factory=list)
    keep: dict[str, Any] = field(default_factory=dict)  # fields the editor does not show

    # ------------------------------------------------------------ editing

    def add_step(self) -> None:
        numbers = [int(s.no) for s in self.steps if s.no.strip().isdigit()]
        self.steps.append(StepForm(no=str(max(numbers, default=0) + 1)))

    def remove_step(self, index: int) -> None:
        if 0 <= index < len(self.steps):
            del self.steps[index]

    def move_step(self, index: int, delta: int) -> None:
        """Move a step up or down; the numbers stay in place (the document's numbering)."""
        other = index + delta
        if not (0 <= index < len(self.steps) and 0 <= other < len(self.steps)):
            return
        a, b = self.steps[index], self.steps[other]
        a.no, b.no = b.no, a.no
        self.steps[index], self.steps[other] = b, a

    def add_role(self) -> None:
        self.roles.append(RoleForm())

    def remove_role(self, index: int) -> None:
        if 0 <= index < len(self.roles):
            del self.roles[index]

    # ------------------------------------------------------------ to SOP data

    def to_data(self) -> tuple[dict[str, Any], list[str]]:
        """The TOML structure of the form, and every problem found on the way."""
        problems: list[str] = []
        data: dict[str, Any] = dict(self.keep)
        for key in IDENTITY_FIELDS:
            data[key] = self.identity.get(key, "").strip()
        data["biaya"] = data["biaya"] or DEFAULT_BIAYA
        if not data["nama_singkat"]:  # optional: an abbreviation stands in
            del data["nama_singkat"]
        for key in LIST_FIELDS:
            data[key] = _lines(self.lists.get(key, ""))
        data["status"], data["layanan_loket"] = self.status, self.layanan_loket
        data["langkah_hilang"] = [int(n) for n in re.findall(r"\d+", self.langkah_hilang)]
        skipped = [int(n) for n in re.findall(r"\d+", self.nomor_dilewati)]
        if skipped:
            data["nomor_dilewati"] = skipped
        data.setdefault("sumber", {"dokumen": T.SOURCE_EDITOR, "lokasi": ""})
        ids: dict[str, str] = {}
        roles = []
        for i, r in enumerate(self.roles, start=1):
            nama = r.nama.strip()
            if not nama:
                if r.loket or r.pemohon or r.id:
                    problems.append(T.ROLE_NO_NAME.format(n=i))
                continue
            rid = r.id or role_id(nama, set(ids.values()))
            ids[nama.lower()] = rid
            roles.append({"id": rid, "nama": nama, **({"loket": True} if r.loket else {}),
                          **({"pemohon": True} if r.pemohon else {})})
        data["pelaksana"] = roles
        steps = []
        numbers: list[int] = []
        for i, s in enumerate(self.steps, start=1):
            where = T.STEP_WHERE.format(no=s.no.strip() or f"#{i}")
            if not s.no.strip().isdigit():
                problems.append(T.STEP_NO.format(where=where, value=s.no))
                continue
            numbers.append(int(s.no))
        for s in self.steps:
            if not s.no.strip().isdigit():
                continue
            steps.append(self._step(s, ids, set(numbers), problems))
        data["langkah"] = steps
        return data, problems

    def _step(self, s: StepForm, ids: dict[str, str], numbers: set[int],
              problems: list[str]) -> dict[str, Any]:
        no = int(s.no)
        where = T.STEP_WHERE.format(no=no)
        pelaksana = []
        for name in [n.strip() for n in re.split(r"[;\n]", s.pelaksana) if n.strip()]:
            rid = ids.get(name.lower())
            if rid is None:
                problems.append(T.STEP_UNKNOWN_ROLE.format(where=where, value=name))
            elif rid not in pelaksana:
                pelaksana.append(rid)
        if not pelaksana:
            problems.append(T.STEP_NO_ROLE.format(where=where))
        if not s.kegiatan.strip():
            problems.append(T.STEP_NO_KEGIATAN.format(where=where))
        ok, reading = read_waktu(s.waktu)
        if not ok:
            problems.append(f"{where}, {T.WAKTU}: {reading}")
        out: dict[str, Any] = {"no": no, "kegiatan": s.kegiatan.strip(), "pelaksana": pelaksana}
        if s.disimpulkan:
            out["pelaksana_disimpulkan"] = True
        if s.pemohon_sendiri:
            out["pemohon_sendiri"] = True
        out.update({"kelengkapan": _lines(s.kelengkapan), "waktu": s.waktu.strip(),
                    "output": s.output.strip(), "keterangan": s.keterangan.strip()})
        kembali, lanjut, branch_problems = read_cabang(s.cabang, no, numbers, ids)
        problems += [f"{where}, {T.CABANG}: {p}" for p in branch_problems]
        if kembali:
            out["kembali"] = kembali
        if lanjut:
            out["lanjut"] = lanjut
        return out


def _lines(text: str) -> list[str]:
    return [ln.strip(" -•\t") for ln in text.splitlines() if ln.strip(" -•\t")]


def read_waktu(text: str) -> tuple[bool, str]:
    """(readable, how Loket reads it) for the reading shown beside the waktu field."""
    try:
        return True, describe_waktu(parse_waktu(text))
    except WaktuError as err:
        return False, err.message


def _amount(value: float | None) -> str:
    return f"{value:g}".replace(".", ",") if value is not None else ""


def describe_waktu(w: Waktu) -> str:
    if w.kind is Kind.TANPA or w.unit is None:
        return T.READ_NO_LIMIT
    unit = T.UNIT_READING[w.unit.value]
    if w.unit.value == "hari" and not w.hari_kerja:
        unit = T.HARI_KALENDER
    if w.kind is Kind.MAKSIMAL:
        return T.READ_MAX.format(high=_amount(w.high), unit=unit)
    if w.kind is Kind.RENTANG:
        return T.READ_RANGE.format(low=_amount(w.low), high=_amount(w.high), unit=unit)
    return T.READ_FIXED.format(high=_amount(w.high), unit=unit)


def read_cabang(text: str, no: int, numbers: set[int], ids: dict[str, str],
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    kembali: list[dict[str, Any]] = []
    lanjut: list[dict[str, Any]] = []
    problems: list[str] = []
    for part in [p.strip() for p in re.split(r"[;\n]", text) if p.strip()]:
        found = B.read_branches(part)
        if not found:
            problems.append(T.CABANG_UNREAD.format(text=part))
        for b in found:
            if b.forward:
                if b.ke_langkah not in numbers or (b.ke_langkah or 0) <= no:
                    problems.append(T.CABANG_FORWARD.format(target=b.ke_langkah))
                else:
                    lanjut.append({"syarat": b.syarat, "ke_langkah": b.ke_langkah})
            elif b.ke_langkah is not None:
                if b.ke_langkah not in numbers:
                    problems.append(T.CABANG_NO_STEP.format(target=b.ke_langkah))
                else:
                    kembali.append({"syarat": b.syarat, "ke_langkah": b.ke_langkah})
            else:
                role = B.match_role(b.role_text, list(ids))
                if role is None:
                    problems.append(T.CABANG_NO_ROLE.format(target=b.role_text))
                else:
                    kembali.append({"syarat": b.syarat, "ke_pelaksana": ids[role]})
    return kembali, lanjut, problems


def cabang_text(sop: Sop, step: Any) -> str:
    parts = []
    for k in step.kembali:
        target = (T.STEP_TARGET.format(no=k.ke_langkah) if k.ke_langkah is not None
                  else sop.role_name(k.ke_pelaksana))
        parts.append(T.RETURN_TEXT.format(syarat=k.syarat or T.NO, target=target))
    for j in step.lanjut:
        parts.append(T.FORWARD_TEXT.format(syarat=j.syarat or T.YES, target=j.ke_langkah))
    return "; ".join(parts)


def form_of(sop: Sop) -> SopForm:
    """The editor's texts for an SOP (bundled, office or imported)."""
    from counter.sop_write import sop_to_data

    data = sop_to_data(sop)
    keep = {k: v for k, v in data.items() if k in ("catatan", "sumber", "versi",
                                                    "tanggal_versi")}
    return SopForm(
        identity={k: str(data.get(k, "")) for k in IDENTITY_FIELDS},
        lists={k: "\n".join(data.get(k, [])) for k in LIST_FIELDS},
        status=sop.status, layanan_loket=sop.layanan_loket,
        langkah_hilang=", ".join(map(str, sop.langkah_hilang)),
        nomor_dilewati=", ".join(map(str, sop.nomor_dilewati)),
        roles=[RoleForm(p.nama, p.loket, p.pemohon, p.id) for p in sop.pelaksana],
        steps=[StepForm(no=str(st.no), kegiatan=st.kegiatan,
                        pelaksana="; ".join(sop.role_name(r) for r in st.pelaksana),
                        kelengkapan="\n".join(st.mutu_baku.kelengkapan),
                        waktu=st.mutu_baku.waktu.raw, output=st.mutu_baku.output,
                        keterangan=st.keterangan, cabang=cabang_text(sop, st),
                        disimpulkan=st.pelaksana_disimpulkan,
                        pemohon_sendiri=st.pemohon_sendiri)
               for st in sop.steps],
        keep=keep,
    )
