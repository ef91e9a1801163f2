"""What the sync needs from the office server and from the desk's own store.

Both are protocols so the core imports neither psycopg nor TinyDB; the adapters
are `store.sync.server.PgServer` and `store.replica.Replica`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from counter.errors import LoketError

Event = dict[str, Any]


class SyncError(LoketError):
    """The office server cannot be reached or refused a request (message in Indonesian)."""


@dataclass(frozen=True)
class DeskInfo:
    """A desk registered with the office: its number, what it is called, the roles it serves."""

    office: str
    desk: int
    label: str = ""
    roles: tuple[str, ...] = ()

    @property
    def is_official(self) -> bool:
        """An official's desk (meja pejabat) serves roles; a counter desk serves none."""
        return bool(self.roles)


@dataclass(frozen=True)
class Pulled:
    """One event as the server holds it: its place in the office's sequence."""

    seq: int
    event: Event


@dataclass(frozen=True)
class SurveyDay:
    """One desk's SKM responses of one day as the server holds them, with the place of
    its last change in the office's sequence (`rev`): never an order of responses."""

    rev: int
    responses: list[Event]


@dataclass(frozen=True)
class PushResult:
    sent: int  # events offered
    stored: int  # events the server did not have yet


class OfficeServer(Protocol):
    """The central record of one or more offices."""

    def register_desk(self, info: DeskInfo, key: str) -> None:
        """Claim `info.desk` in the office for the machine `key`; `SyncError` if another
        machine holds it. Updates label and roles when the same machine asks again."""

    def desks(self, office: str) -> list[DeskInfo]: ...

    def push(self, office: str, desk: int, events: Sequence[Event]) -> PushResult:
        """Store events by id; an id already there is skipped (pushing twice stores once)."""

    def pull(self, office: str, after: int, limit: int) -> list[Pulled]:
        """The office's events with a sequence above `after`, in sequence order."""

    def wait(self, office: str, timeout: float, desk: int = 0) -> bool:
        """Block until a desk other than `desk` pushed (True) or `timeout` passed (False)."""

    def close(self) -> None: ...


@runtime_checkable
class SurveyServer(Protocol):
    """The office server's side of the anonymous SKM responses."""

    def push_surveys(self, office: str, desk: int, responses: Sequence[Event]) -> int:
        """Store responses by id in one transaction; returns how many were new."""

    def pull_surveys(self, office: str, after: int, limit: int) -> list[SurveyDay]:
        """Desk-days changed after `after`, in `rev` order, each whole."""


class SurveyReplica(Protocol):
    """The desk's own SKM responses, seen as a replica of the office's."""

    def unpushed(self) -> list[Event]: ...

    def mark_pushed(self, ids: Sequence[str]) -> None: ...

    def import_pulled(self, days: Sequence[SurveyDay]) -> int:
        """Store other desks' responses (skipping ids here), then move the cursor."""

    def cursor(self) -> int: ...

    def changed(self) -> bool:
        """Cheap: is there a response the server has not confirmed (as far as seen)?"""


class Replica(Protocol):
    """The desk's side: its own store, seen as a replica of the office record."""

    def unpushed(self, limit: int) -> list[Event]:
        """Events stored here that the server has not confirmed yet, oldest first."""

    def unpushed_count(self) -> int: ...

    def changed(self) -> bool:
        """Cheap: did anything change locally since everything was last pushed?"""

    def mark_pushed(self, ids: Sequence[str]) -> None:
        """The server holds these ids now (never called before the server said so)."""

    def import_pulled(self, events: Sequence[Event], cursor: int) -> int:
        """Store other desks' events (skipping ids already here) and move the cursor to
        `cursor`; the cursor is never saved ahead of the events. Returns how many were new."""

    def cursor(self) -> int: ...


@dataclass
class SyncState:
    """What a desk knows about its link, for the header and `loket sinkron`."""

    configured: bool = False
    connected: bool = False
    last_sync: Any = None  # datetime of the last complete cycle
    down_since: Any = None  # datetime the link was first seen down (None while up)
    unsent: int = 0
    cursor: int = 0
    error: str = ""
    desks: list[DeskInfo] = field(default_factory=list)
