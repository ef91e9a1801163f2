"""The link to the office server in words, for the header and `loket sinkron`
(no Textual here, so the CLI can use it)."""

from __future__ import annotations

from datetime import tzinfo

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
