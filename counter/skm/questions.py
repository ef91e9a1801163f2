"""The SKM questionnaire as data: the regulation's nine unsur (fixed: the index is
computed from them) plus the respondent profile and any questions an office adds.

The bundled file keeps the model questionnaire's wording; an office file may only
add `[[tambahan]]` questions or change the profile choices, never an unsur, so an
index computed anywhere means the same thing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from counter.errors import LoketError
from counter.texts import skm as T

UNSUR_CODES = tuple(f"U{i}" for i in range(1, 10))


class SkmError(LoketError):
    """A questionnaire, a response or an import row that cannot be used."""


@dataclass(frozen=True)
class Question:
    """One question answered by picking one of `pilihan` (scored 1..len)."""

    kode: str
    nama: str
    pertanyaan: str
    pilihan: tuple[str, ...]


@dataclass(frozen=True)
class Questionnaire:
    unsur: tuple[Question, ...]
    profil: tuple[Question, ...]
    tambahan: tuple[Question, ...] = ()

    def unsur_by_code(self, kode: str) -> Question:
        for q in self.unsur:
            if q.kode == kode:
                return q
        raise KeyError(kode)

    def profile_by_code(self, kode: str) -> Question:
        for q in self.profil:
            if q.kode == kode:
                return q
        raise KeyError(kode)


def _question(raw: Any, where: str, path: str, *, four: bool, name_key: str) -> Question:
    if not isinstance(raw, dict):
        raise SkmError(T.NOT_A_TABLE, path=path, field=where)
    kode = str(raw.get("kode", "")).strip()
    if not kode:
        raise SkmError(T.NO_FIELD, path=path, field=f"{where}.kode")
    pilihan = raw.get("pilihan")
    if not isinstance(pilihan, list) or not all(isinstance(p, str) and p.strip()
                                                for p in pilihan) or not pilihan:
        raise SkmError(T.CHOICES_LIST, path=path, field=f"{where}.pilihan")
    if four and len(pilihan) != 4:
        raise SkmError(T.FOUR_CHOICES, path=path, field=f"{where}.pilihan")
    nama = str(raw.get(name_key, "")).strip()
    if not nama:
        raise SkmError(T.NO_FIELD, path=path, field=f"{where}.{name_key}")
    return Question(kode=kode, nama=nama, pertanyaan=str(raw.get("pertanyaan", nama)).strip(),
                    pilihan=tuple(p.strip() for p in pilihan))


def _read(text: str, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise SkmError(T.BAD_TOML.format(detail=err), path=path) from None


def _list(data: dict[str, Any], key: str, path: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise SkmError(T.NOT_A_TABLE, path=path, field=key)
    return value


def parse_questionnaire(text: str, path: str, base: Questionnaire | None = None
                        ) -> Questionnaire:
    """The bundled questionnaire (`base` None) or an office file layered on `base`."""
    data = _read(text, path)
    unsur = tuple(_question(r, f"unsur[{i + 1}]", path, four=True, name_key="nama")
                  for i, r in enumerate(_list(data, "unsur", path)))
    profil = tuple(_question(r, f"profil[{i + 1}]", path, four=False, name_key="label")
                   for i, r in enumerate(_list(data, "profil", path)))
    tambahan = tuple(_question(r, f"tambahan[{i + 1}]", path, four=True, name_key="nama")
                     for i, r in enumerate(_list(data, "tambahan", path)))
    if base is None:
        if tuple(q.kode for q in unsur) != UNSUR_CODES:
            raise SkmError(T.NINE_UNSUR, path=path, field="unsur")
    else:
        for q in unsur:
            if q.kode in UNSUR_CODES and q != base.unsur_by_code(q.kode):
                raise SkmError(T.UNSUR_FIXED.format(kode=q.kode), path=path, field="unsur")
        unsur = base.unsur
        profil = profil or base.profil
        tambahan = base.tambahan + tambahan
    seen: set[str] = set()
    for q in (*unsur, *profil, *tambahan):
        if q.kode in seen:
            raise SkmError(T.DUPLICATE_KEY.format(kode=q.kode), path=path, field=q.kode)
        seen.add(q.kode)
    return Questionnaire(unsur=unsur, profil=profil, tambahan=tambahan)


def bundled_questionnaire() -> Questionnaire:
    text = (resources.files("counter.skm") / "kuesioner.toml").read_text(encoding="utf-8")
    return parse_questionnaire(text, "counter/skm/kuesioner.toml")


def load_questionnaire(office_file: Path | None = None) -> Questionnaire:
    """The regulation's questionnaire, plus the office's additions when the file exists."""
    base = bundled_questionnaire()
    if office_file is None or not office_file.exists():
        return base
    try:
        text = office_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SkmError(T.BAD_TOML.format(detail=err), path=office_file) from None
    return parse_questionnaire(text, str(office_file), base)
