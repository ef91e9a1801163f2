"""What a summary was computed with, as one short text: exact staleness.

A summary is used only while its stamp equals the stamp the desk would give it
now. The stamp hashes the summary format and the fold's version (bumped whenever
the fold or the rows change meaning), the wording of the labels kept in a row,
the case's SOP (every field of the version the case was timed against) and the
office calendar with the nearing threshold.
"""

from __future__ import annotations

import hashlib

from counter.calendar import WorkingCalendar
from counter.sop import Sop
from counter.texts import case as TC
from counter.texts import report as TR

# Bump when the fold, the clock or the rows would give a closed case other figures.
FORMAT_VERSION = 2  # 2: a general-SOP walk-in's request kept


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=10).hexdigest()


def _wording() -> str:
    """The labels a row carries as text (status, verdicts, outcomes): a changed word
    makes every summary stale rather than shown in the old wording."""
    labels = {k: v for k, v in vars(TC).items() if k.startswith("STATUS_")}
    return _digest(sorted(labels.items()), TR.JUDGE_WITHIN, TR.JUDGE_OVER, TR.JUDGE_RUNNING,
                   TR.JUDGE_NO_LIMIT, sorted(TR.RUN_OUTCOMES.items(), key=repr))


class Stamper:
    """The stamps of one desk's setting (calendar, nearing); SOP fingerprints cached."""

    def __init__(self, calendar: WorkingCalendar, nearing: float) -> None:
        self.base = _digest(FORMAT_VERSION, _wording(), calendar.fingerprint(), nearing)
        self._sops: dict[int, tuple[Sop, str]] = {}

    def sop_part(self, sop: Sop | None) -> str:
        if sop is None:
            return "-"
        known = self._sops.get(id(sop))
        if known is None or known[0] is not sop:
            known = (sop, _digest(repr(sop)))
            self._sops[id(sop)] = known
        return known[1]

    def stamp(self, sop: Sop | None) -> str:
        """The stamp a summary of a case timed against `sop` must carry to be used."""
        return f"{self.base}.{self.sop_part(sop)}"



_STAMPERS: dict[tuple[int, float], tuple[WorkingCalendar, Stamper]] = {}


def stamper_for(calendar: WorkingCalendar, nearing: float) -> Stamper:
    """The stamper of a calendar and nearing threshold (kept while they are)."""
    key = (id(calendar), nearing)
    known = _STAMPERS.get(key)
    if known is None or known[0] is not calendar:
        if len(_STAMPERS) > 16:  # desks come and go (tests, the CLI): keep a few
            _STAMPERS.clear()
        known = (calendar, Stamper(calendar, nearing))
        _STAMPERS[key] = known
    return known[1]
