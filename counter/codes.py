"""Case codes: short, all-digit, self-checking numbers printed as a Code128 barcode.

A code is 12 digits ``YYMMDD DD NNN C``: the day the case was opened (so a scan
finds that day's store file without any index), the desk number (so two desks
never hand out the same code without talking to each other), the desk's
sequence number that day, and a Damm check digit. The Damm check digit catches
every single-digit error and every adjacent transposition, which is what a
tired officer typing a number off paper gets wrong. Twelve digits is an even
length, so Code128 set C packs it into six symbols that fit on 58 mm paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from counter.errors import CodeError
from counter.texts import codes as texts

LENGTH = 12
SEPARATORS = "- "
DEMO_DESK = 0
"""Desk 00 is reserved for demo cases (`loket --demo`, `loket demo`): real desks are
1–99, so a demo code can never be mistaken for, or collide with, a real one."""

# The order-10 weakly totally anti-symmetric quasigroup of H. Michael Damm (2004).
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


@dataclass(frozen=True)
class CodeParts:
    """What a case code says: the day it was opened, the desk, the desk's number that day."""

    day: date
    desk: int
    seq: int


def damm(digits: str) -> int:
    """Damm interim digit of ``digits``; appending it makes the whole string check to 0."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


def make_code(day: date, desk: int, seq: int) -> str:
    """The 12-digit code of a desk's ``seq``-th case on ``day``."""
    if not 2000 <= day.year <= 2099:
        raise CodeError(texts.BAD_DAY.format(day=day.isoformat()), field=texts.FIELD)
    if not 0 <= desk <= 99:
        raise CodeError(texts.BAD_DESK.format(desk=desk), field=texts.FIELD)
    if not 1 <= seq <= 999:
        raise CodeError(texts.BAD_SEQ.format(seq=seq), field=texts.FIELD)
    body = f"{day:%y%m%d}{desk:02d}{seq:03d}"
    return body + str(damm(body))


@lru_cache(maxsize=16384)  # the dashboard asks it of every open case on every read
def normalize(text: str) -> str:
    """The bare 12 digits of a code typed or scanned in any accepted form, checked."""
    cleaned = "".join(ch for ch in text.strip() if ch not in SEPARATORS)
    odd = "".join(dict.fromkeys(ch for ch in cleaned if not ("0" <= ch <= "9")))
    if odd:
        raise CodeError(texts.NOT_DIGITS.format(chars=odd), field=texts.FIELD)
    if len(cleaned) != LENGTH:
        raise CodeError(
            texts.WRONG_LENGTH.format(expected=LENGTH, got=len(cleaned)), field=texts.FIELD
        )
    if damm(cleaned) != 0:
        raise CodeError(texts.BAD_CHECK, field=texts.FIELD)
    return cleaned


@lru_cache(maxsize=16384)  # a code's parts never change (failures are not kept)
def parse_code(text: str) -> CodeParts:
    """Read a code (bare, human form with '-', or with spaces); `CodeError` says what is wrong.

    The check digit is verified before the date, so a mistyped digit is reported
    as a typing error even when it also happens to make an impossible date.
    """
    code = normalize(text)
    try:
        day = date(2000 + int(code[0:2]), int(code[2:4]), int(code[4:6]))
    except ValueError:
        raise CodeError(texts.BAD_DATE.format(yymmdd=code[0:6]), field=texts.FIELD) from None
    desk, seq = int(code[6:8]), int(code[8:11])
    if seq == 0:
        raise CodeError(texts.BAD_SEQ.format(seq=seq), field=texts.FIELD)
    return CodeParts(day=day, desk=desk, seq=seq)


def is_demo_code(code: str) -> bool:
    """True for a code from the demo's reserved desk 00."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return len(digits) == LENGTH and int(digits[6:8]) == DEMO_DESK


def human(code: str) -> str:
    """The code with separators, for the screen and paper: ``YYMMDD-DD-NNN-C``."""
    bare = normalize(code)
    return f"{bare[0:6]}-{bare[6:8]}-{bare[8:11]}-{bare[11]}"


def desk_number(text: str) -> int | None:
    """A desk number as typed in a form (1-99; 00 is the demo's), or None: "150" is
    refused, never cut to 15."""
    text = text.strip()
    if not text.isdigit():
        return None
    n = int(text)
    return n if 1 <= n <= 99 else None
