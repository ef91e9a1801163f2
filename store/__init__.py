"""Persistence of case events: TinyDB day files behind a small repository API."""
