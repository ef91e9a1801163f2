"""Persistence of case events: TinyDB day files behind a small repository API."""

from store.errors import StoreError
from store.store import Store, open_store

__all__ = ["Store", "StoreError", "open_store"]
