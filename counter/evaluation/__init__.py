"""SOP monitoring and evaluation: each mutu baku judged by the step runs it timed.

Parts: `samples` (a run as a fact, read through `counter.report`/`counter.clock`),
`stats` (percentiles, reasons grouped, returns, missing items), `judge` (the
verdict rules and the proposed mutu baku), `evaluate` (one SOP for a period,
versions compared), `forms` (PermenPANRB 35/2012's monitoring and evaluation
forms pre-filled), `accept` (a proposal into a new SOP version), `load` (the
period read through the desk service), and the outputs `text`, `pdf`, `xlsx`.
"""

from counter.evaluation.evaluate import Evaluation, StepEvaluation, VersionFigures, evaluate
from counter.evaluation.judge import (
    BELUM_DINILAI,
    BERMASALAH,
    MIN_RUNS,
    SESUAI,
    TERLALU_KETAT,
    TERLALU_LONGGAR,
    Verdict,
    judge,
    proposed_waktu,
)
from counter.evaluation.samples import StepSample, samples_from, samples_of
from counter.evaluation.stats import StepFigures, figures, percentile

__all__ = [
    "BELUM_DINILAI", "BERMASALAH", "MIN_RUNS", "SESUAI", "TERLALU_KETAT", "TERLALU_LONGGAR",
    "Evaluation", "StepEvaluation", "StepFigures", "StepSample", "Verdict", "VersionFigures",
    "evaluate", "figures", "judge", "percentile", "proposed_waktu", "samples_from",
    "samples_of",
]
