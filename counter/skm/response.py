"""One anonymous survey response, and the rules that keep it anonymous.

A response carries the service, the desk and the DATE only: never the case code,
the visitor's name, NIK or phone, and not the time of day, so nobody can match a
score to the visitor who gave it. Its id is random (not a ULID: a ULID would carry
the minute). Numbers a visitor types into the free "saran" that look like a NIK
or a phone number are masked before the response exists.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counter.skm.questions import UNSUR_CODES, Questionnaire, SkmError
from counter.texts import skm as T

SOURCES = ("loket", "peramban", "impor")
# 16 digits (NIK) or a phone number (+62 / 62 / 0 then 8-13 digits), separators allowed.
_NIK_LIKE = re.compile(r"(?<!\d)(?:\d[\s.\-]?){15}\d(?!\d)")
_PHONE_LIKE = re.compile(r"(?<![\d+])(?:\+?62|0)[\s.\-]?8(?:[\s.\-]?\d){7,11}(?!\d)")


def mask_numbers(text: str) -> str:
    """Free text with NIK-like and phone-like numbers hidden (all but the last 2 digits)."""

    def hide(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return "•" * (len(digits) - 2) + digits[-2:]

    return _PHONE_LIKE.sub(hide, _NIK_LIKE.sub(hide, text))


@dataclass(frozen=True)
class Response:
    id: str
    tanggal: date
    layanan: str  # SOP id ("" when unknown: a paper survey without it)
    loket: int | None
    jawaban: Mapping[str, int | None]
    profil: Mapping[str, str] = field(default_factory=dict)
    tambahan: Mapping[str, int | None] = field(default_factory=dict)
    saran: str = ""
    sumber: str = "loket"

    @property
    def answered(self) -> int:
        return sum(1 for k in UNSUR_CODES if self.jawaban.get(k) is not None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "tanggal": self.tanggal.isoformat(), "layanan": self.layanan,
            "loket": self.loket, "jawaban": dict(self.jawaban), "profil": dict(self.profil),
            "tambahan": dict(self.tambahan), "saran": self.saran, "sumber": self.sumber,
        }


def _score(kode: str, value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise SkmError(T.BAD_SCORE.format(kode=kode), field=kode)
    text = str(value).strip()
    if text not in ("1", "2", "3", "4"):
        raise SkmError(T.BAD_SCORE.format(kode=kode), field=kode)
    return int(text)


def make_response(q: Questionnaire, *, tanggal: date, layanan: str, loket: int | None,
                  jawaban: Mapping[str, object], profil: Mapping[str, str] | None = None,
                  tambahan: Mapping[str, object] | None = None, saran: str = "",
                  sumber: str = "loket", id: str | None = None) -> Response:
    """A checked response; `SkmError` names the field that is wrong."""
    for kode in jawaban:
        if kode not in UNSUR_CODES:
            raise SkmError(T.UNKNOWN_UNSUR.format(kode=kode), field=kode)
    scores = {k: _score(k, jawaban.get(k)) for k in UNSUR_CODES}
    extra_codes = {t.kode for t in q.tambahan}
    extras = {k: _score(k, v) for k, v in (tambahan or {}).items() if k in extra_codes}
    clean_profile: dict[str, str] = {}
    for kode, value in (profil or {}).items():
        if not value:
            continue
        try:
            question = q.profile_by_code(kode)
        except KeyError:
            continue
        if value not in question.pilihan:
            raise SkmError(T.BAD_PROFILE.format(value=value, label=question.nama), field=kode)
        clean_profile[kode] = value
    if sumber not in SOURCES:
        sumber = "loket"
    return Response(id=id or secrets.token_hex(8), tanggal=tanggal, layanan=layanan,
                    loket=loket, jawaban=scores, profil=clean_profile, tambahan=extras,
                    saran=mask_numbers(saran.strip())[:1000], sumber=sumber)


def response_from_dict(q: Questionnaire, data: Mapping[str, Any]) -> Response:
    """A stored response read back (checked again: a hand-edited file is not trusted)."""
    return make_response(
        q, tanggal=date.fromisoformat(str(data["tanggal"])), layanan=str(data.get("layanan", "")),
        loket=data.get("loket") if isinstance(data.get("loket"), int) else None,
        jawaban=dict(data.get("jawaban") or {}), profil=dict(data.get("profil") or {}),
        tambahan=dict(data.get("tambahan") or {}), saran=str(data.get("saran", "")),
        sumber=str(data.get("sumber", "loket")), id=str(data.get("id") or "") or None)
