"""Finding an SOP from what an officer types: its id, its number or a unique start.

`loket sop lihat 07`, `loket sop lihat pct-07` and `loket sop lihat konsultasi`
answer like F2's search does: one SOP, or a message listing the candidates.
"""

from __future__ import annotations

import re

from counter.errors import SopError
from counter.sop import Catalog, Sop
from counter.texts import sop as T

_LEADING_NUMBER = re.compile(r"^\s*0*(\d+)\s*/")  # "07/SOP/DIKUPERIND/2023" -> 7
_ID_NUMBER = re.compile(r"^[a-z]+-0*(\d+)(?:-|$)")  # "pct-07-konsultasi-bisnis" -> 7


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _number_of(sop: Sop) -> int | None:
    m = _LEADING_NUMBER.match(sop.nomor)
    return int(m.group(1)) if m else None


def _id_number(sop: Sop) -> int | None:
    m = _ID_NUMBER.match(sop.id)
    return int(m.group(1)) if m else None


def find_sop(catalog: Catalog, text: str) -> Sop:
    """The one SOP meant by ``text``: exact id, exact nomor, the SOP number ("07" is
    07/SOP/…, else the 07 in pct-07), a unique start of an id, or a unique F2 search.
    Raises `SopError` naming the candidates when ``text`` fits several or none."""
    wanted = text.strip().lower()
    sops = catalog.all()
    if not wanted:
        raise SopError(T.LOOKUP_NONE.format(value=text))
    for sop in sops:
        if sop.id == wanted:
            return sop
    exact = [s for s in sops if s.nomor and _squeeze(s.nomor) == _squeeze(wanted)]
    if len(exact) == 1:
        return exact[0]
    rounds: list[list[Sop]] = []
    if wanted.isdigit():
        n = int(wanted)
        rounds.append([s for s in sops if _number_of(s) == n])
        rounds.append([s for s in sops if _id_number(s) == n])
    rounds.append([s for s in sops if s.id.startswith(wanted)])
    rounds.append(catalog.search(text))
    for found in rounds:
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            ids = sorted(s.id for s in found)
            names = ", ".join(ids[:8]) + (", …" if len(ids) > 8 else "")
            raise SopError(T.LOOKUP_MANY.format(value=text, count=len(found), ids=names))
    raise SopError(T.LOOKUP_NONE.format(value=text))
