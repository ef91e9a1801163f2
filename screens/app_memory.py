"""The app's garbage collection: fewer collections, none walking what the app keeps for good.

A desk holds a few hundred thousand objects for its whole day: the modules, the SOP
catalog, the calendar, the screens, and the folds and shelves kept for the next read.
With Python's default settings a full collection, walking every one of them, came every
second or third F4, and on a busy day it took longer than the log's own work (issue 15:
most of the F4 time on a busy machine was the collector). Almost all of the app's
garbage is freed by reference counting the moment it is dropped; the collector is only
for cycles. So, once per process:

- young collections come after 20,000 new objects instead of 700 (`collect_less`, at the
  app's start);
- what the app holds once the dashboard has its first cases is frozen out of every later
  collection (`freeze_settled`, `gc.freeze`): a later full collection walks only what
  came after. A cycle alive then and dropped later is not collected; the start-up's
  objects stay for the day anyway;
- the first read of the open cases (the sign-in's, or the dashboard's own) runs with no
  collection at all and ends with that freeze (`first_read`): a full collection inside
  it walked the whole app, ~40 ms of a 300 ms first fill.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from counter.bulk import no_cyclic_gc

YOUNG = 20_000  # objects allocated (net) between young collections; Python's default: 700
_state = {"frozen": False}


def collect_less() -> None:
    """Fewer young collections (never more than the process has already)."""
    young, middle, old = gc.get_threshold()
    if young and young < YOUNG:
        gc.set_threshold(YOUNG, middle, old)


def freeze_settled() -> None:
    """Move everything alive now out of later collections; once per process."""
    if not _state["frozen"]:
        _state["frozen"] = True
        gc.freeze()


@contextmanager
def first_read() -> Iterator[None]:
    """No collection during the dashboard's first read (a few hundred thousand objects
    made, nearly all kept for the day: a collection falling inside it walked the whole
    app, tens of milliseconds of the first fill), and what it made frozen with the
    rest at its end (`freeze_settled`), so the collections it put off do not fall on
    the next frame either. Reference counting still frees what is dropped."""
    with no_cyclic_gc():
        try:
            yield
        finally:
            freeze_settled()  # before the collector is back (no_cyclic_gc's own end)
