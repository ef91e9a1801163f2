"""What one printed document says, as plain data: filled from a case (`from_case`) or
by a test, then laid out by `documents`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class Letterhead:
    """The office's kop surat, from the Profile."""

    instansi: str
    unit: str = ""
    alamat: str = ""
    telepon: str = ""
    logo: Path | None = None


@dataclass(frozen=True)
class HandOff:
    """What a serah terima slip says about the hand-off it travels with.

    `documents` are what actually travels: the sending step's output and the file's
    documents received so far."""

    step_no: int
    kegiatan: str
    from_role: str
    to_role: str
    from_officer: str = ""
    to_name: str = ""
    handed_at: datetime | None = None
    documents: tuple[str, ...] = ()
    output: str = ""
    due_at: datetime | None = None
    waktu: str = ""  # the receiving step's mutu baku as text, e.g. "1 hari kerja"


@dataclass(frozen=True)
class Return:
    """What a lembar pengembalian says: the file went back from one step to another.

    Steps are the SOP's own numbers. `reason` is what the officer typed (what to fix);
    `rule` the SOP's condition for this return ("tidak" branch), when it names one."""

    from_step: int
    from_kegiatan: str
    to_step: int
    to_kegiatan: str
    to_role: str
    reason: str
    rule: str = ""
    returned_at: datetime | None = None
    officer: str = ""
    to_applicant: bool = False


@dataclass(frozen=True)
class Reprint:
    """A copy printed again: when and by whom (printed as "SALINAN — dicetak ulang …")."""

    at: datetime
    officer: str


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on one document; filled from the case state and the Profile.

    `visitor_nik` and `visitor_telepon` are given in full and masked by the layout,
    so no caller can forget it. `estimate_text` is e.g. "5 hari kerja". `missing` is
    what the applicant must still bring, `note` the officer's note to the applicant and
    `requested_at` when this berkas kurang was asked. `closed_at`/`closed_label` turn
    "Perkiraan selesai" into what happened ("Selesai: …"). `demo` marks practice paper.
    """

    letterhead: Letterhead
    code: str
    opened_at: datetime
    visitor_nama: str
    sop_nama: str
    sop_nomor: str
    officer: str
    visitor_nik: str = ""
    visitor_telepon: str = ""
    nama_usaha: str = ""
    desk: int | None = None
    received: tuple[str, ...] = ()
    estimated_completion: datetime | None = None
    estimate_text: str = ""
    handoff: HandOff | None = None
    returned: Return | None = None
    missing: tuple[str, ...] = ()
    note: str = ""
    requested_at: datetime | None = None
    closed_at: datetime | None = None
    closed_label: str = ""
    printed_at: datetime | None = None
    copy_label: str = ""  # e.g. "arsip kantor" on the office's second copy
    reprint: Reprint | None = None
    demo: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    # Standar Pelayanan published on the tanda terima (the SOP's biaya, produk, jangka)
    biaya: str = ""
    produk_layanan: str = ""
    jangka_waktu: str = ""
    # UU 27/2022: what is kept, why, how long, whom to ask (tanda terima only)
    privacy: str = ""
