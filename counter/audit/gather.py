"""Read the case events an audit listing needs, day file by day file.

A case's later acts (a NIK revealed a month after, a reopening) are stored with the
case, in the file of the day it was opened: so a period's acts are looked for in
every day up to the period's end. A day whose file cannot be read is named.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol

from counter.audit.listing import CASE_TYPES
from counter.errors import LoketError


class DayReader(Protocol):
    def events_on(self, day: date) -> dict[str, list[dict[str, Any]]]: ...


def sensitive_events(repo: DayReader, days: Iterable[date]
                     ) -> tuple[list[dict[str, Any]], list[LoketError]]:
    """The events of a sensitive type in the given days' files, and the errors of the
    files that could not be read."""
    found: list[dict[str, Any]] = []
    errors: list[LoketError] = []
    for day in sorted(set(days)):
        try:
            cases = repo.events_on(day)
        except LoketError as err:
            if err.path is None:
                raise
            errors.append(err)
            continue
        for events in cases.values():
            found += [e for e in events if e.get("type") in CASE_TYPES]
    return found, errors
