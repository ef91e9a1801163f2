"""Choosing the service in F2: by the SOP's own number ("7" is 07) or by words."""

from __future__ import annotations

from counter.sop import Sop
from counter.texts import ui as T


def sop_number(sop: Sop) -> int | None:
    """The SOP's own number (07 of "07/SOP/DIKUPERIND/2023"), as officers call it."""
    digits = ""
    for char in sop.nomor.strip():
        if not char.isdigit():
            break
        digits += char
    return int(digits) if digits else None


def pick_sops(sops: list[Sop], text: str, search: list[Sop]) -> list[Sop]:
    """Typed digits name an SOP by its number first ("7" is 07, not 17 or 27); the
    word search follows. Usable and counter services come first."""
    text = text.strip()
    by_number = [s for s in sops if text.isdigit() and sop_number(s) == int(text)]
    rest = [s for s in search if s not in by_number]
    rest.sort(key=lambda s: (not s.usable, not s.layanan_loket, s.id))
    by_number.sort(key=lambda s: (not s.usable, not s.layanan_loket, s.id))
    return by_number + rest


def named_by_number(sops: list[Sop], text: str) -> Sop | None:
    """The SOP that typed digits can only mean ("7" or "07"; not "1", which may still
    become 10–19), so the form moves on without Enter."""
    text = text.strip()
    if not text.isdigit():
        return None
    numbers = {n for n in (sop_number(s) for s in sops) if n is not None}
    could_be = {n for n in numbers if str(n).startswith(text) or f"{n:02d}".startswith(text)}
    if could_be != {int(text)}:
        return None
    return next(s for s in sops if sop_number(s) == int(text))


def draft_reason(sop: Sop) -> str:
    """Why a catalog entry cannot be served yet, in the officer's words."""
    return T.NEW_DRAFT_STATUS if sop.status != "berlaku" else T.NEW_DRAFT_NO_STEPS
