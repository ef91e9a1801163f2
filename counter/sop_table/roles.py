"""Roles of an imported table: ids, and who is the applicant and who works at the counter.

The rules (also in docs/sop-format.md, "Impor tabel"); the editor can correct them:

1. Applicant (pemohon): a role whose name holds an applicant word — pemohon, pelaku
   usaha, UMKM, UKM, IKM, masyarakat, mitra, calon, peserta, pengunjung, tamu, wajib
   pajak, pengguna layanan, or begins with "Koperasi" — and no officer word (petugas,
   staf, kepala, tim, bidang, admin, pendamping, tenaga, sub koordinator, panitia,
   pengelola, narasumber, dinas, kementerian, bank, operator).
2. Counter (loket): a non-applicant role whose name holds a counter word — loket,
   front office, petugas, admin, staf, operator, resepsionis, customer service,
   pelayanan, fungsional umum. When no name does and the SOP has an applicant, the
   role that first takes the file from the applicant (the first non-applicant
   pelaksana in step order).
3. Ids are the names in lower case with hyphens ("Kepala UPT" → "kepala-upt").
"""

from __future__ import annotations

import re

_APPLICANT = re.compile(
    r"\b(pemohon|pelaku usaha|umkm|ukm|ikm|masyarakat|mitra|calon|peserta|pengunjung|tamu|"
    r"wajib pajak|pengguna layanan|usaha mikro)\b|^koperasi\b"
)
_OFFICER = re.compile(
    r"\b(petugas|staf|staff|kepala|kadis|kabid|kasubid|kasi|tim|bidang|admin|pendamping|"
    r"tenaga|koordinator|panitia|pengelola|narasumber|dinas|kementerian|kementrian|bank|"
    r"operator|sekretaris|verifikator|konsultan|pejabat)\b"
)
_COUNTER = re.compile(
    r"\b(loket|front ?office|petugas|admin|staf|staff|operator|resepsionis|"
    r"customer service|pelayanan|fungsional umum|konsultan|cs)\b"
)


def role_id(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "pelaksana"
    if len(base) > 40:
        base = base[:41].rsplit("-", 1)[0]
    rid, n = base, 2
    while rid in taken:
        rid, n = f"{base}-{n}", n + 1
    return rid


def is_applicant_name(name: str) -> bool:
    n = name.lower()
    return bool(_APPLICANT.search(n)) and not _OFFICER.search(n)


def counter_roles(names: list[str], applicants: set[str],
                  step_roles: list[list[str]]) -> set[str]:
    """Counter roles among `names` by rule 2 (names, then the first hand-over)."""
    by_name = {n for n in names if n not in applicants and _COUNTER.search(n.lower())}
    if by_name or not applicants:
        return by_name  # a back-office SOP (no applicant) has a counter only by name
    for roles in step_roles:
        for r in roles:
            if r not in applicants:
                return {r}
    return set()
