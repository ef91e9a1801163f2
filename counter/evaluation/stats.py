"""Figures of one step's runs: percentiles, shares, reasons grouped, returns, missing items.

Pure arithmetic on `StepSample`s, so the verdict rules (`judge.py`) and every
output read the same numbers.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from counter.evaluation.samples import StepSample


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) with linear interpolation between ranks; None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def reason_key(text: str) -> str:
    """Reasons typed differently but meaning the same ("Sistem lambat.", "sistem  LAMBAT")."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.casefold())).strip()


def grouped(texts: Sequence[str]) -> list[tuple[str, int]]:
    """Texts grouped by `reason_key`, most frequent first; each shown as typed most often."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for t in texts:
        groups[reason_key(t)][t.strip()] += 1
    out = [(c.most_common(1)[0][0], sum(c.values())) for c in groups.values()]
    return sorted(out, key=lambda x: (-x[1], x[0]))


@dataclass(frozen=True, slots=True)
class ReturnLine:
    """How often the step sent the file back to one target, and why."""

    to: str  # a step number (texts.RETURN_UNKNOWN when the run did not record one)
    count: int
    reasons: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class StepFigures:
    n: int
    median: float | None
    p80: float | None
    p95: float | None
    within: int
    over: int
    limit: float | None
    in_days: bool
    reasons: tuple[tuple[str, int], ...]  # over runs' reasons ("" = none given)
    returns: tuple[ReturnLine, ...]
    missing: tuple[tuple[str, int], ...]
    checked: int
    waits: int
    waited_s: float
    waited_median_s: float | None
    officers: tuple[tuple[str, int], ...]  # who ran it, most first
    over_officers: tuple[tuple[str, int], ...]

    @property
    def within_share(self) -> float | None:
        return self.within / self.n if self.n else None

    @property
    def over_share(self) -> float | None:
        return self.over / self.n if self.n else None

    @property
    def returned(self) -> int:
        return sum(r.count for r in self.returns)


def figures(samples: Sequence[StepSample]) -> StepFigures:
    """The figures of one step's runs (all of one SOP version for the verdict)."""
    values = [s.value for s in samples]
    limits = [s.limit for s in samples if s.limit is not None]
    over = [s for s in samples if s.over]
    by_target: dict[str, list[str]] = defaultdict(list)
    for s in samples:
        if s.returned:
            by_target[s.returned_to].append(s.return_reason)
    returns = tuple(sorted(
        (ReturnLine(to, len(rs), tuple(grouped([r for r in rs if r.strip()])))
         for to, rs in by_target.items()), key=lambda r: (-r.count, r.to)))
    checked = [s for s in samples if s.checked]
    missing: Counter[str] = Counter(i for s in checked for i in set(s.missing))
    waits = [s.waited_s for s in samples if s.waits]
    return StepFigures(
        n=len(samples),
        median=median(values) if values else None,
        p80=percentile(values, 80),
        p95=percentile(values, 95),
        within=sum(1 for s in samples if s.limit is not None and not s.over),
        over=len(over),
        limit=limits[-1] if limits else None,
        in_days=any(s.in_days for s in samples),
        reasons=tuple(grouped([s.reason for s in over if s.reason.strip()])),
        returns=returns,
        missing=tuple(sorted(missing.items(), key=lambda x: (-x[1], x[0]))),
        checked=len(checked),
        waits=sum(s.waits for s in samples),
        waited_s=sum(waits),
        waited_median_s=median(waits) if waits else None,
        officers=tuple(Counter(s.officer for s in samples).most_common()),
        over_officers=tuple(Counter(s.officer for s in over).most_common()),
    )
