"""One SOP's evaluation for a period: every step's figures, verdict and proposal.

`evaluate(sop, samples, first, last, earlier=...)` is pure: the samples of the
period (and, for the comparison of versions, those of the period before) come
from `load.py` or from a test's generated history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from counter.evaluation.judge import Verdict, judge
from counter.evaluation.samples import StepSample
from counter.evaluation.stats import StepFigures, figures
from counter.sop import Sop, Step


@dataclass(frozen=True, slots=True)
class VersionFigures:
    """One step under one SOP version (the comparison after a mutu baku changed)."""

    versi: int
    waktu: str
    figures: StepFigures


@dataclass(frozen=True, slots=True)
class StepEvaluation:
    step: Step
    pelaksana: str
    figures: StepFigures  # runs of the version in force (the verdict's evidence)
    verdict: Verdict
    versions: tuple[VersionFigures, ...] = ()

    @property
    def no(self) -> int:
        return self.step.no

    @property
    def waktu(self) -> str:
        return self.step.mutu_baku.waktu.spoken()


@dataclass(frozen=True)
class Evaluation:
    sop: Sop
    first: date
    last: date
    steps: tuple[StepEvaluation, ...]
    cases: int
    runs: int
    desks: int = 1
    versions: dict[int, Sop] = field(default_factory=dict)
    current: Sop | None = None  # the version in force now, when `sop` (judged) is older

    @property
    def outdated(self) -> bool:
        """The runs judged are of an older version than the one in force (just changed)."""
        return self.current is not None and self.current.versi != self.sop.versi

    def step(self, no: int) -> StepEvaluation:
        return next(s for s in self.steps if s.no == no)

    @property
    def compared(self) -> bool:
        """More than one SOP version among the runs: the report compares them."""
        return any(len(s.versions) > 1 for s in self.steps)


def evaluate(sop: Sop, samples: Sequence[StepSample], first: date, last: date, *,
             earlier: Sequence[StepSample] = (), versions: dict[int, Sop] | None = None,
             desks: int = 1) -> Evaluation:
    """Evaluate `sop` (the version in force) on the period's `samples`.

    The verdict uses only runs timed against `sop.versi` (or, when the period has
    none, against the latest version that has runs: a version accepted after the
    period); runs of other versions, in the period or `earlier`, feed the comparison.
    """
    versions = dict(versions or {})
    versions.setdefault(sop.versi, sop)
    current = sop
    run_versions = {s.versi for s in samples}
    if run_versions and sop.versi not in run_versions and max(run_versions) in versions:
        sop = versions[max(run_versions)]
    by_step: dict[int, list[StepSample]] = defaultdict(list)
    for s in samples:
        if s.versi == sop.versi:
            by_step[s.step].append(s)
    per_version: dict[tuple[int, int], list[StepSample]] = defaultdict(list)
    for s in [*earlier, *samples]:
        per_version[(s.step, s.versi)].append(s)
    steps = []
    for step in sop.steps:
        f = figures(by_step.get(step.no, []))
        verdict = judge(f, step.mutu_baku.waktu, step.pemohon_sendiri)
        kept = sorted(v for (no, v) in per_version if no == step.no)
        compared = tuple(
            VersionFigures(v, _waktu_at(versions.get(v), step), figures(per_version[(step.no, v)]))
            for v in kept)
        steps.append(StepEvaluation(step, _who(sop, step), f, verdict,
                                    compared if len(compared) > 1 else ()))
    return Evaluation(sop, first, last, tuple(steps), len({s.code for s in samples}),
                      len(samples), desks, versions, current)


def _who(sop: Sop, step: Step) -> str:
    return ", ".join(sop.role_name(r) for r in step.pelaksana)


def _waktu_at(sop: Sop | None, step: Step) -> str:
    if sop is None:
        return "?"
    for s in sop.steps:
        if s.no == step.no:
            return s.mutu_baku.waktu.spoken()
    return "-"
