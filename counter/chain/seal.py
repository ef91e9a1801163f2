"""Adding links to a day being written, and purging a redacted case in the same write.

`seal` is called for every write of a day file, with the events as they were on
disk before the write. Only events that are new in this write are linked: an event
slipped into the file by hand is not new to the writer, stays unlinked, and the
verifier names it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from counter.case.schema import event_id
from counter.chain.hashing import (
    CHAIN,
    EVENTS,
    base_digest,
    digest,
    held,
    link_hash,
    new_salt,
    personal_paths,
    set_path,
)

REDACTED = "data_redacted"

Doc = dict[str, Any]


@dataclass(frozen=True)
class Head:
    """The newest earlier chained day and a hash from its chain (its head when read)."""

    day: str
    h: str


def by_number(table: Mapping[str, Any]) -> list[tuple[str, Any]]:
    return sorted(table.items(), key=lambda kv: int(kv[0]))


def added_keys(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The document numbers of ``new`` that ``old`` lacks, in numeric order. A write
    usually adds documents after the old ones: then the old keys are a prefix of the
    new, compared by identity in C instead of looking up every key of the day."""
    keys, n = list(new), len(old)
    if len(keys) >= n and keys[:n] == list(old):
        return sorted(keys[n:], key=int)
    return sorted(new.keys() - old.keys(), key=int)


def head_of(data: Mapping[str, Any]) -> tuple[int, str] | None:
    """(link count, last hash) of a day's chain, or None when it has none."""
    chain = data.get(CHAIN) or {}
    if not chain:
        return None
    last = chain[next(reversed(chain))]  # links are kept in their order
    return len(chain), str(last.get("h") or "")


def seal(old_events: Mapping[str, Any], data: dict[str, Any],
         before: Callable[[], Head | None], salt: Callable[[], str] = new_salt) -> bool:
    """Link the events of ``data`` that ``old_events`` lacks; purge redacted cases.

    Changes ``data`` (the caller's fresh top-level dict; tables and documents are
    replaced, never edited, so cached copies stay as they were). ``before`` is asked
    only when the day's first link is made. True when the chain grew.
    """
    events: Mapping[str, Doc] = data.get(EVENTS) or {}  # only read here (purge copies)
    new_docs = added_keys(old_events, events)
    if not new_docs:
        return False
    chain: dict[str, Doc] = dict(data.get(CHAIN) or {})
    last = next(reversed(chain)) if chain else None  # links are kept in their order
    number = int(last) + 1 if last is not None else 1
    prev = str(chain[last].get("h") or "") if last is not None else ""
    first: Doc = {}
    if last is None:
        head = before()
        prev = head.h if head else ""
        first = {"after": head.day if head else None, "p": prev}
        legacy = [doc for k, doc in by_number(events) if k in old_events]
        if legacy:
            first["base"] = {"docs": max(int(k) for k in old_events if k in events),
                             "n": len(legacy), "h": base_digest(legacy)}
    for k in new_docs:
        ev = events[k]
        link: Doc = {"e": k, "i": event_id(ev), "c": ev.get("code"), "q": ev.get("seq"),
                     **first}
        first = {}
        if held(ev):
            link["s"] = salt()
        link["h"] = link_hash(link, ev, prev)
        chain[str(number)] = link
        number += 1
        prev = link["h"]
    data[CHAIN] = chain
    # A purge arriving (here or from another desk), or a correction arriving after its
    # case was purged elsewhere: remove the personal values in this same write. (An
    # opening is a case's first event: no purge of its case can be here before it.)
    codes = {events[k].get("code") for k in new_docs if events[k].get("type") == REDACTED}
    late = {events[k].get("code") for k in new_docs
            if events[k].get("type") != "opened" and held(events[k])}
    if late:
        codes |= late & {e.get("code") for e in events.values() if e.get("type") == REDACTED}
    if codes:
        purge(data, codes)
    return True


def purge(data: dict[str, Any], codes: set[Any]) -> int:
    """Remove the personal values of the cases ``codes`` from ``data``: each linked
    event's salt becomes the digests it made, each value "". Returns events purged."""
    events: dict[str, Doc] = dict(data.get(EVENTS) or {})
    chain: dict[str, Doc] = dict(data.get(CHAIN) or {})
    link_of = {str(link.get("e")): (no, link) for no, link in chain.items()
               if link.get("c") in codes}
    count = 0
    for k, ev in list(events.items()):
        if ev.get("code") not in codes:
            continue
        values = held(ev)
        if not values:
            continue
        found = link_of.get(k)
        if found is not None and found[1].get("i") == event_id(ev):
            no, link = found
            salt = str(link.get("s") or "")
            digests = {**(link.get("d") or {}),
                       **{key: digest(salt, key, v) for key, v in values.items()}}
            chain[no] = {**{x: y for x, y in link.items() if x != "s"}, "d": digests}
        scrubbed = ev
        for path in personal_paths(ev):
            if ".".join(path) in values:
                scrubbed = set_path(scrubbed, path, "")
        events[k] = scrubbed
        count += 1
    data[EVENTS] = events
    data[CHAIN] = chain
    return count
