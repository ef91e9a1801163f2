"""Ids of facts: ULIDs (48 bits of milliseconds, then 80 random bits), written in
Crockford's base 32 by Loket itself.

Case events (`counter.case.schema`) and queue facts (`counter.queue.events`) both take
them; ids made in one process within one millisecond increase, so facts made that close
keep the order they were made in.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import threading
from collections.abc import Iterator
from datetime import datetime

ID_LENGTH = 26
TIME_BITS = 80  # a ULID is 48 bits of milliseconds, then 80 bits of randomness
# A ULID: 48 bits of time first (so its first character is 0-7), Crockford base 32.
_ID_PATTERN = re.compile(r"[0-7][0-9A-HJKMNP-TV-Z]{25}")
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

_last_id = 0
_id_mutex = threading.Lock()
_id_rng: random.Random | None = None


def new_id(at: datetime) -> str:
    """A fresh ULID carrying the time of `at`.

    Ids made in one process for the same millisecond increase (an action's events
    share one `at`, and their ids keep the order they were made in).
    """
    global _last_id
    ms = int(at.timestamp() * 1000) & ((1 << 48) - 1)
    with _id_mutex:
        rand = _id_rng.getrandbits(TIME_BITS) if _id_rng else int.from_bytes(os.urandom(10))
        fresh = (ms << TIME_BITS) | rand
        if fresh >> TIME_BITS == _last_id >> TIME_BITS and fresh <= _last_id:
            fresh = _last_id + 1
        _last_id = fresh
    return ulid_text(fresh)


@contextlib.contextmanager
def seeded_ids(seed: int) -> Iterator[None]:
    """Ids drawn from a seeded generator meanwhile (the demo: same seed, same history)."""
    global _id_rng, _last_id
    with _id_mutex:
        _id_rng, _last_id = random.Random(seed), 0
    try:
        yield
    finally:
        with _id_mutex:
            _id_rng = None


def ulid_text(value: int) -> str:
    """A 128-bit ULID as its 26 characters (the `ulid` package spells it the same; its
    import alone took ~40 ms of every Loket process, for these few lines)."""
    chars = []
    for _ in range(ID_LENGTH):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def is_id(value: object) -> bool:
    return (isinstance(value, str) and len(value) == ID_LENGTH
            and _ID_PATTERN.fullmatch(value) is not None)
