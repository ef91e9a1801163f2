"""The store's user-facing error."""

from __future__ import annotations

from counter.errors import LoketError


class StoreError(LoketError):
    """A case that cannot be found or saved, or a store file that cannot be read.

    ``path`` names the file concerned, so the officer (or whoever they call) knows
    which day file to look at.
    """
