"""The verdict on each step's mutu baku, with its evidence and a proposed new one.

Rules (the report prints them, `texts.evaluation.RULES`):

- A step is judged on the runs of the SOP version in force at the end of the
  period; fewer than MIN_RUNS ended runs: *belum dinilai* (marked, not judged).
- *bermasalah*: the step sent the file back in at least RETURNS_SHARE of its
  runs, or one kelengkapan item was missing in at least MISSING_SHARE of its
  checks, or it ran over often (OVER_SHARE) with no common reason, or with most
  overruns by one officer who did not run most of the step (the officer's, not
  the SOP's).
- *terlalu ketat*: over in at least OVER_SHARE of the runs, one reason (grouped)
  behind at least REASON_SHARE of them, given by more than one officer.
- *terlalu longgar*: over in at most LOOSE_OVER of the runs and p95 at most
  LOOSE_P95 of the limit.
- *sesuai*: otherwise.

A proposed mutu baku (terlalu ketat, terlalu longgar, or a step with no limit
yet) is p80 of the working time rounded up the way offices write waktu: minutes
to a multiple of 5, hours and days to whole numbers. It is never applied here: a
supervisor accepts it into a new SOP version (`accept.py`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from counter.evaluation.stats import StepFigures
from counter.texts import evaluation as T
from counter.waktu import Unit, Waktu

MIN_RUNS = 5
RETURNS_SHARE = 0.2
MISSING_SHARE = 0.2
MISSING_MIN = 2
OVER_SHARE = 0.3
REASON_SHARE = 0.5
ONE_OFFICER = 0.8
LOOSE_OVER = 0.05
LOOSE_P95 = 0.5
STANDARD_DAY_S = 7.5 * 3600

SESUAI, TERLALU_KETAT, TERLALU_LONGGAR = T.SESUAI, T.TERLALU_KETAT, T.TERLALU_LONGGAR
BERMASALAH, BELUM_DINILAI = T.BERMASALAH, T.BELUM_DINILAI
TANPA_MUTU_BAKU, LANGKAH_PEMOHON = T.TANPA_MUTU_BAKU, T.LANGKAH_PEMOHON


def share(part: float, whole: float) -> str:
    """ "62,5 %" with the Indonesian decimal comma."""
    return f"{part / whole * 100:.1f}".replace(".", ",") + " %" if whole else "-"


def amount_text(value: float | None, in_days: bool) -> str:
    """A step's time as the office reads it: '12 menit', '1 jam 5 menit', '2,5 hari'."""
    if value is None:
        return "-"
    if in_days:
        text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return T.DAYS.format(n=text)
    minutes = round(value / 60.0)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return T.MINUTES.format(n=rest)
    return T.HOURS.format(n=hours) + (" " + T.MINUTES.format(n=rest) if rest else "")


def proposed_waktu(p80: float, in_days: bool, unit: Unit | None) -> str:
    """p80 rounded up to how an office writes waktu, in the step's own unit."""
    if in_days or (unit is None and p80 > STANDARD_DAY_S):
        days = p80 if in_days else p80 / STANDARD_DAY_S
        return T.DAYS.format(n=max(1, math.ceil(days - 1e-9)))
    if unit is Unit.JAM or (unit is None and p80 > 2 * 3600):
        return T.HOURS.format(n=max(1, math.ceil(p80 / 3600.0 - 1e-9)))
    return T.MINUTES.format(n=max(5, 5 * math.ceil(p80 / 300.0 - 1e-9)))


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str
    evidence: tuple[str, ...]
    proposal: str | None  # a waktu text ("25 menit"), or None
    actions: tuple[str, ...]
    kinds: tuple[str, ...] = ()  # what made it bermasalah: returns, missing, officer, scattered

    @property
    def judged(self) -> bool:
        return self.verdict in (SESUAI, TERLALU_KETAT, TERLALU_LONGGAR, BERMASALAH)


def judge(f: StepFigures, waktu: Waktu, applicant_alone: bool = False) -> Verdict:
    """The verdict on one step's figures against its mutu baku `waktu`."""
    if applicant_alone:
        return Verdict(LANGKAH_PEMOHON, (T.WHY_APPLICANT,), None, ())
    if f.n < MIN_RUNS:
        return Verdict(BELUM_DINILAI, (T.WHY_FEW.format(n=f.n, min=MIN_RUNS),), None,
                       (T.ACT_MORE_DATA,))
    unit = waktu.unit
    if not waktu.limited or f.limit is None:
        waktu_text = proposed_waktu(f.p80 or 0.0, f.in_days, None)
        return Verdict(TANPA_MUTU_BAKU, (T.WHY_NO_LIMIT,), waktu_text,
                       (T.ACT_SET_LIMIT.format(waktu=waktu_text),))
    problems, actions, kinds = _problems(f)
    over_share = f.over / f.n
    limit = f.limit
    if over_share >= OVER_SHARE:
        top = f.reasons[0] if f.reasons else ("", 0)
        officer, by_one = f.over_officers[0] if f.over_officers else ("", 0)
        ran = dict(f.officers).get(officer, 0)
        one_officer = (len(f.officers) > 1 and by_one >= ONE_OFFICER * f.over
                       and ran < ONE_OFFICER * f.n)
        consistent = top[1] >= REASON_SHARE * f.over
        if one_officer:
            problems.append(T.WHY_OVER_ONE_OFFICER.format(
                over=f.over, n=f.n, share=share(f.over, f.n), top=by_one, officer=officer))
            actions.append(T.ACT_OFFICER)
            kinds.append("officer")
        elif not consistent:
            problems.append(T.WHY_OVER_SCATTERED.format(over=f.over, n=f.n,
                                                        share=share(f.over, f.n)))
            actions.append(T.ACT_SCATTERED)
            kinds.append("scattered")
        elif not problems:
            waktu_text = proposed_waktu(f.p80 or 0.0, f.in_days, unit)
            evidence = T.WHY_KETAT.format(
                over=f.over, n=f.n, share=share(f.over, f.n), reason=top[0],
                reason_n=top[1], officers=len(f.over_officers))
            return Verdict(TERLALU_KETAT, (evidence, _p80_line(f, waktu_text)), waktu_text,
                           (T.ACT_PROPOSE.format(waktu=waktu_text),))
    if problems:
        return Verdict(BERMASALAH, tuple(problems), None, tuple(actions), tuple(kinds))
    if over_share <= LOOSE_OVER and (f.p95 or 0.0) <= LOOSE_P95 * limit:
        waktu_text = proposed_waktu(f.p80 or 0.0, f.in_days, unit)
        evidence = T.WHY_LONGGAR.format(within=f.within, n=f.n, share=share(f.within, f.n),
                                        p95=amount_text(f.p95, f.in_days),
                                        limit=amount_text(limit, f.in_days))
        return Verdict(TERLALU_LONGGAR, (evidence, _p80_line(f, waktu_text)), waktu_text,
                       (T.ACT_PROPOSE.format(waktu=waktu_text),))
    return Verdict(SESUAI, (T.WHY_SESUAI.format(within=f.within, n=f.n,
                                                share=share(f.within, f.n)),),
                   None, (T.ACT_KEEP,))


def _p80_line(f: StepFigures, waktu_text: str) -> str:
    return T.PROPOSE.format(waktu=waktu_text, p80=amount_text(f.p80, f.in_days))


def _problems(f: StepFigures) -> tuple[list[str], list[str], list[str]]:
    """Returns and missing documents: a process problem before any time question."""
    problems: list[str] = []
    actions: list[str] = []
    kinds: list[str] = []
    if f.returned >= RETURNS_SHARE * f.n:
        problems.append(T.WHY_RETURNS.format(returns=f.returned, n=f.n,
                                             share=share(f.returned, f.n)))
        actions.append(T.ACT_RETURNS)
        kinds.append("returns")
    for item, count in f.missing:
        if f.checked and count >= MISSING_MIN and count >= MISSING_SHARE * f.checked:
            problems.append(T.WHY_MISSING.format(item=item, count=count, checked=f.checked,
                                                 share=share(count, f.checked)))
            actions.append(T.ACT_MISSING.format(item=item))
            if "missing" not in kinds:
                kinds.append("missing")
    return problems, actions, kinds
