"""Wiring one desk to its office server from the office profile (for the CLI and the app)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime

from counter.config import OFFICE_ID, Profile
from counter.sync.engine import Syncer
from counter.sync.port import DeskInfo, SyncError
from counter.texts import sync as T
from store.replica import Replica
from store.skm_replica import SurveyReplica
from store.store import Store
from store.sync.server import PgServer


def desk_info(profile: Profile) -> DeskInfo:
    """This desk as the office knows it; `SyncError` when the office id is missing."""
    p = profile.pusat
    if not p.kantor:
        raise SyncError(T.OFFICE_EMPTY)
    if not OFFICE_ID.match(p.kantor):
        raise SyncError(T.OFFICE_BAD.format(value=p.kantor))
    return DeskInfo(office=p.kantor, desk=profile.desk, label=p.nama_meja, roles=p.peran)


def syncer_for(profile: Profile, store: Store,
               now: Callable[[], datetime] | None = None) -> Syncer | None:
    """The desk's syncer, or None for a standalone desk (no server configured)."""
    dsn = profile.pusat.effective_dsn
    if not dsn:
        return None
    replica = Replica(store)
    return Syncer(PgServer(dsn), replica, desk_info(profile), replica.key(),
                  now=now or (lambda: datetime.now(profile.tz)),
                  surveys=SurveyReplica(store.store_dir),
                  on_desks=lambda desks: _keep_names(store, desks))


def _keep_names(store: Store, desks: list[DeskInfo]) -> None:
    """The desk names for the case story; a disk that refuses only costs the names."""
    from store.errors import StoreError
    from store.sync.desk_names import save_desk_names

    with suppress(StoreError):
        save_desk_names(store.store_dir, desks)
