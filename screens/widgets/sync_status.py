"""The link to the office server in words, for the header and `loket sinkron`
(no Textual here, so the CLI can use it)."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from counter.sync.port import SyncState
from counter.texts import sync as T


def status_text(state: SyncState | None, tz: tzinfo, short: bool = False) -> str:
    """"Pusat: tersambung · sinkron 10.02.14" or "Pusat: terputus sejak 09.40 · 14 catatan
    belum terkirim"; empty for a standalone desk. `short` for a narrow header."""
    if state is None or not state.configured:
        return T.STATUS_OFF
    if state.connected and state.last_sync is not None:
        at = state.last_sync.astimezone(tz)
        if short:
            return T.STATUS_CONNECTED_SHORT.format(time=at.strftime("%H.%M"))
        return T.STATUS_CONNECTED.format(time=at.strftime("%H.%M.%S"))
    if state.down_since is not None:
        if short:
            return T.STATUS_DOWN_SHORT.format(count=state.unsent)
        return T.STATUS_DOWN.format(time=state.down_since.astimezone(tz).strftime("%H.%M"),
                                    count=state.unsent)
    return T.STATUS_CONNECTING_SHORT if short else T.STATUS_CONNECTING


def queue_status_text(state: Any, tz: tzinfo, *, full: bool = False) -> str:
    """The queue's link (a `store.sync.queue_server.QueueSyncState`): in the header
    only when something waits or the server is away ("Antrean: 3 blm terkirim"); on
    F6 (`full`) always, with the reason it is down."""
    from counter.texts import queue as TQ

    if state is None:
        return ""
    if not state.online and state.down_since is not None:
        since = state.down_since.astimezone(tz).strftime("%H.%M")
        if full:
            return TQ.SYNC_DOWN.format(time=since, count=state.unsent, error=state.error)
        return TQ.SYNC_DOWN_SHORT.format(count=state.unsent)
    if state.unsent:
        return TQ.SYNC_UNSENT.format(count=state.unsent)
    if full and state.last_sync is not None:
        return TQ.SYNC_OK.format(time=state.last_sync.astimezone(tz).strftime("%H.%M.%S"))
    return TQ.SYNC_CONNECTING if full else ""
