"""What the summaries need of a store: a shelf beside each day file.

A shelf keeps, per case of the day in the order opened, either the summary of a
closed case or the stored events of an open one, and the identity of the day file
it was made from. `current` says the day file is that very file still: then the
shelf alone answers for the day, without parsing the day file. A store that keeps
no shelves (the in-memory demo, a server's office) simply is not a `SummaryShelf`,
and its cases are folded as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, runtime_checkable

# one case on a shelf: {"summary": {...}} (closed) or {"events": [...]} (open)
ShelfEntry = Mapping[str, Any]


@dataclass(frozen=True)
class DayShelf:
    current: bool  # made from the day file exactly as it is now
    key: object  # the day file's identity now (None: no day file); saved with a new shelf
    entries: Mapping[str, ShelfEntry] = field(default_factory=dict)


@runtime_checkable
class SummaryShelf(Protocol):
    def shelf_on(self, day: date) -> DayShelf:
        """The shelf of `day` (empty and not current when missing or damaged)."""
        ...

    def put_shelf(self, day: date, key: object, entries: Mapping[str, ShelfEntry]) -> None:
        """Keep `entries` as the shelf of `day`, made from the day file with identity `key`
        (taken before its events were read). A derived file: never fsynced, never an
        error (a shelf that cannot be written is simply made again next time)."""
        ...

    def events_on(self, day: date) -> dict[str, list[dict[str, Any]]]: ...


def events_entry(events: Sequence[Mapping[str, Any]]) -> ShelfEntry:
    return {"events": [dict(e) for e in events]}


@runtime_checkable
class PageShelf(Protocol):
    """A store that also keeps report pages (`counter.report_page`) beside the shelves."""

    def page_on(self, day: date) -> tuple[object, bytes | None]:
        """(the day file's identity now, the day's kept page or None)."""
        ...

    def put_page(self, day: date, raw: bytes) -> None:
        """Keep the day's page (a derived file: never fsynced, never an error)."""
        ...
