"""Which cases a purge takes, which cases are one person's, and what is held about them.

Pure: it reads folded cases (`CaseView`s, through their state and events) and
answers in plain data; the CLI words it and the store acts on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from counter.case import DATA_CORRECTED, DATA_REDACTED
from counter.chain.hashing import PERSONAL_FIELDS, held

if TYPE_CHECKING:
    from counter.desk import CaseView

Event = Mapping[str, Any]


def holds_personal(events: Iterable[Event]) -> bool:
    """Does any stored event of a case still hold a NIK, phone or address?"""
    return any(held(e) for e in events)


def is_redacted(events: Iterable[Event]) -> bool:
    return any(e.get("type") == DATA_REDACTED for e in events)


def due_for_purge(views: Iterable[CaseView], before: date) -> list[CaseView]:
    """Cases closed before ``before`` whose events still hold personal data."""
    due = []
    for view in views:
        state = view.state
        if not state.status.closed or state.closed_at is None:
            continue
        if state.closed_at.date() < before and holds_personal(state.events):
            due.append(view)
    return due


def niks_of(events: Iterable[Event]) -> set[str]:
    """Every NIK a case's events hold (the opening's, and any corrected one)."""
    found = set()
    for e in events:
        data = e.get("data") or {}
        if e.get("type") == "opened":
            nik = (data.get("visitor") or {}).get("nik")
        elif e.get("type") == DATA_CORRECTED and data.get("field") == "nik":
            nik = data.get("value")
        else:
            continue
        if isinstance(nik, str) and nik:
            found.add(nik)
    return found


def cases_of_person(views: Iterable[CaseView], nik: str) -> list[CaseView]:
    """Exactly the cases that hold this NIK; nobody else's."""
    return [v for v in views if nik in niks_of(v.state.events)]


def corrections(events: Iterable[Event]) -> list[dict[str, str]]:
    return [{"kolom": str((e.get("data") or {}).get("field", "")),
             "nilai": str((e.get("data") or {}).get("value", "")),
             "alasan": str((e.get("data") or {}).get("reason", "")),
             "waktu": str(e.get("at", "")), "petugas": str(e.get("officer", ""))}
            for e in events if e.get("type") == DATA_CORRECTED]


def person_record(views: Iterable[CaseView], nik: str, *, instansi: str, retensi: str,
                  now: datetime) -> dict[str, Any]:
    """Everything the office holds about the person with this NIK, for the visitor to take
    (UU 27/2022: the right to see one's data): per case, the data, its purpose and the
    corrections made, and how long it is kept."""
    from counter.texts import privacy as T

    cases = []
    for view in views:
        state = view.state
        v = state.visitor
        cases.append({
            "kode": view.code_human,
            "layanan": view.sop.nama if view.sop else state.sop_id,
            "dibuka": state.opened_at.isoformat(),
            "ditutup": state.closed_at.isoformat() if state.closed_at else None,
            "status": view.status_text,
            "data": {"nama": v.nama, "nik": v.nik, "telepon": v.telepon,
                     "nama_usaha": v.nama_usaha, "alamat": v.alamat},
            "koreksi": corrections(state.events),
            "data_pribadi_dihapus": is_redacted(state.events),
        })
    return {
        "jenis": T.RECORD_KIND, "instansi": instansi, "dibuat": now.isoformat(),
        "nik": nik, "tujuan": T.PURPOSE, "retensi": retensi,
        "yang_dihapus_saat_retensi_habis": list(PERSONAL_FIELDS),
        "kasus": cases,
    }
