"""Checking one day file's chain: which link broke first, and how.

Pure: the adapter hands over the parsed day, a way to look up an earlier day's
hashes, and the ledger's record of the day. Each problem names the day file, the
case and the event, so an officer (or an auditor) can open exactly that record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from counter.case.schema import event_id
from counter.chain.hashing import CHAIN, EVENTS, base_digest, get_path, link_hash
from counter.chain.seal import by_number

# Kinds of break, in the words `counter.texts.chain` gives them.
EDITED = "diubah"
DELETED = "dihapus"
INSERTED = "disisipkan"
REORDERED = "urutan"
CUT = "putus"
LEGACY_EDITED = "lama"
DAY_MISSING = "hari_hilang"
DAY_OLDER = "hari_lama"
TRUNCATED = "terpotong"
DATA_BACK = "data_kembali"
CHAIN_GONE = "rantai_hilang"


@dataclass(frozen=True)
class Break:
    """One broken link: where (day file, case, event) and what kind."""

    day: str
    kind: str
    code: str = ""
    event: str = ""
    seq: int | None = None
    other: str = ""  # another day or event the break involves


@dataclass(frozen=True)
class DayCheck:
    day: str
    links: int
    legacy: int
    breaks: tuple[Break, ...]

    @property
    def ok(self) -> bool:
        return not self.breaks


def _seq(doc: Mapping[str, Any] | None) -> int | None:
    seq = doc.get("seq") if doc else None
    return seq if isinstance(seq, int) and not isinstance(seq, bool) else None


def verify_day(day: str, data: Mapping[str, Any], *,
               hashes_of: Callable[[str], set[str] | None],
               ledger: tuple[int, str] | None = None) -> DayCheck:
    """Every break in one day file's chain, in file order (the first is the first).

    ``hashes_of(day)`` gives the hashes of an earlier day's chain (None: no such
    file); ``ledger`` is (links, head) as last recorded for this day.
    """
    events: Mapping[str, Mapping[str, Any]] = data.get(EVENTS) or {}
    links = by_number(data.get(CHAIN) or {})
    breaks: list[Break] = []
    if not links:
        if ledger is not None and ledger[0] > 0:
            breaks.append(Break(day, CHAIN_GONE))
        return DayCheck(day, 0, len(events), tuple(breaks))
    first = links[0][1]
    base = first.get("base") or {}
    cut = int(base.get("docs") or 0) if isinstance(base, Mapping) else 0
    legacy = [doc for k, doc in by_number(events) if int(k) <= cut]
    if base and (len(legacy) != base.get("n") or base_digest(legacy) != base.get("h")):
        breaks.append(Break(day, LEGACY_EDITED))
    after = first.get("after")
    if after:
        hashes = hashes_of(str(after))
        if hashes is None:
            breaks.append(Break(day, DAY_MISSING, other=str(after)))
        elif str(first.get("p") or "") not in hashes:
            breaks.append(Break(day, DAY_OLDER, other=str(after)))
    elif first.get("p"):
        breaks.append(Break(day, CUT, str(first.get("c") or ""), str(first.get("i") or "")))
    doc_of_id = {event_id(doc): k for k, doc in events.items()}
    linked: set[str] = set()
    prev = str(first.get("p") or "")
    expected = 1
    for no, link in links:
        code, ident = str(link.get("c") or ""), str(link.get("i") or "")
        k = str(link.get("e"))
        ev = events.get(k)
        gap = int(no) != expected  # a link taken out (its event with it, or not)
        expected = int(no) + 1
        if gap:
            breaks.append(Break(day, CUT, code, ident, link.get("q")))
        own_prev, prev = prev, str(link.get("h") or "")
        if ev is None or event_id(ev) != ident:
            moved = doc_of_id.get(ident)
            if moved is not None:
                linked.add(moved)
                breaks.append(Break(day, REORDERED, code, ident, _seq(events.get(moved))))
            else:
                breaks.append(Break(day, DELETED, code, ident, link.get("q")))
            continue
        linked.add(k)
        if gap:
            continue  # its hash follows a link that is gone: said above
        if link_hash(link, ev, own_prev) != link.get("h"):
            kind = REORDERED if link.get("q") != ev.get("seq") else EDITED
            breaks.append(Break(day, kind, code, ident, _seq(ev)))
        elif any(get_path(ev, tuple(key.split("."))) for key in (link.get("d") or {})):
            breaks.append(Break(day, DATA_BACK, code, ident, _seq(ev)))
    for k, ev in by_number(events):
        if int(k) > cut and k not in linked:
            breaks.append(Break(day, INSERTED, str(ev.get("code") or ""), event_id(ev),
                                _seq(ev)))
    if ledger is not None:
        count, head = ledger
        if len(links) < count or str(links[count - 1][1].get("h") or "") != head:
            breaks.append(Break(day, TRUNCATED))
    return DayCheck(day, len(links), len(legacy), tuple(breaks))


def hashes(data: Mapping[str, Any]) -> set[str]:
    """Every hash of a day's chain (a later day's first link must name one of them)."""
    return {str(link.get("h") or "") for link in (data.get(CHAIN) or {}).values()}
