"""Bulk work over many cases (a month's report, a day's log, the dashboard's load).

Folding thousands of cases allocates about a million short, acyclic objects
(events, runs, rows); Python's cyclic collector would walk them over and over,
a quarter of the run. Reference counting still frees everything while the cycle
search pauses.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
