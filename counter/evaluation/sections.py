"""The evaluation as titled tables, shared by the text, PDF, XLSX outputs and the screen.

Each output only lays out these sections, so every medium shows the same
figures in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.dates import format_date
from counter.evaluation.evaluate import Evaluation
from counter.evaluation.forms import evaluation_rows, monitoring_rows
from counter.evaluation.judge import (
    LOOSE_OVER,
    LOOSE_P95,
    MIN_RUNS,
    MISSING_SHARE,
    ONE_OFFICER,
    OVER_SHARE,
    REASON_SHARE,
    RETURNS_SHARE,
    amount_text,
    share,
)
from counter.texts import evaluation as T


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    header: tuple[str, ...]  # empty: a list of lines (one cell a row)
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()


def _pct(x: float) -> str:
    return f"{x * 100:.0f} %"


def heading_lines(ev: Evaluation) -> list[str]:
    sop = ev.sop
    lines = [T.SOP_LINE.format(nomor=sop.nomor, nama=sop.nama, versi=sop.versi),
             T.PERIOD.format(first=format_date(ev.first), last=format_date(ev.last)),
             T.CASES_LINE.format(cases=ev.cases, runs=ev.runs),
             T.OFFICE_WIDE.format(desks=ev.desks) if ev.desks > 1 else T.ONE_DESK]
    if ev.outdated and ev.current is not None:
        lines.append(T.OUTDATED_LINE.format(versi=sop.versi, current=ev.current.versi))
    return lines


def step_table(ev: Evaluation) -> Section:
    rows = []
    for s in ev.steps:
        f, d = s.figures, s.figures.in_days
        rows.append((str(s.no), s.step.kegiatan, s.pelaksana, s.waktu, str(f.n),
                     amount_text(f.median, d), amount_text(f.p80, d), amount_text(f.p95, d),
                     share(f.within, f.n) if f.limit is not None else "-",
                     share(f.over, f.n) if f.limit is not None else "-",
                     s.verdict.verdict, s.verdict.proposal or T.PROPOSE_NONE,
                     "; ".join(s.verdict.evidence)))
    return Section(T.HEAD_STEPS, (T.COL_NO, T.COL_KEGIATAN, T.COL_PELAKSANA, T.COL_MUTU,
                                  T.COL_RUNS, T.COL_MEDIAN, T.COL_P80, T.COL_P95, T.COL_WITHIN,
                                  T.COL_OVER, T.COL_VERDICT, T.COL_PROPOSAL, T.COL_EVIDENCE),
                   tuple(rows), (0.8, 5, 2.2, 1.8, 1.1, 1.7, 1.7, 1.7, 1.4, 1.4, 2.1, 1.6, 5.5))


def _lines(title: str, lines: list[str]) -> Section:
    return Section(title, (), tuple((line,) for line in (lines or [T.NONE_LINE])))


def detail_sections(ev: Evaluation) -> list[Section]:
    reasons, returns, missing, waits, versions = [], [], [], [], []
    for s in ev.steps:
        f = s.figures
        reasons += [T.REASON_LINE.format(step=s.no, reason=r, count=c) for r, c in f.reasons]
        untold = f.over - sum(c for _, c in f.reasons)
        if untold > 0:
            reasons.append(T.REASON_LINE.format(step=s.no, reason=T.NO_REASON, count=untold))
        for r in f.returns:
            to = T.RETURN_TO_STEP.format(no=r.to) if r.to.isdigit() else r.to
            why = ", ".join(f"{text} ({c})" for text, c in r.reasons) or T.NO_REASON
            returns.append(T.RETURN_LINE.format(from_step=s.no, to=to, count=r.count,
                                                reasons=why))
        missing += [T.MISSING_LINE.format(step=s.no, item=i, count=c, checked=f.checked)
                    for i, c in f.missing]
        if f.waits:
            waits.append(T.WAIT_LINE.format(step=s.no, count=f.waits,
                                            total=amount_text(f.waited_s, False),
                                            median=amount_text(f.waited_median_s, False)))
        for v in s.versions:
            vf = v.figures
            versions.append(T.VERSION_LINE.format(
                step=s.no, versi=v.versi, waktu=v.waktu, n=vf.n,
                median=amount_text(vf.median, vf.in_days), p80=amount_text(vf.p80, vf.in_days),
                share=share(vf.within, vf.n)))
    out = [_lines(T.HEAD_REASONS, reasons), _lines(T.HEAD_RETURNS, returns),
           _lines(T.HEAD_MISSING, missing), _lines(T.HEAD_WAITS, waits)]
    if versions:
        out.append(_lines(T.HEAD_VERSIONS, versions))
    return out


def form_sections(ev: Evaluation) -> list[Section]:
    mon = Section(T.HEAD_MONITORING, T.MON_COLS,
                  tuple(r.cells for r in monitoring_rows(ev)), (0.8, 5, 2.4, 7, 4, 1.4))
    eva = Section(T.HEAD_EVALUATION, T.EVA_COLS,
                  tuple(r.cells for r in evaluation_rows(ev)), (0.8, 3, 2, 8, 5))
    return [mon, eva]


def rules_section() -> Section:
    lines = [line.format(min=MIN_RUNS, returns=_pct(RETURNS_SHARE), missing=_pct(MISSING_SHARE),
                         over=_pct(OVER_SHARE), reason=_pct(REASON_SHARE),
                         loose_over=_pct(LOOSE_OVER), loose_p95=_pct(LOOSE_P95),
                         one=_pct(ONE_OFFICER))
             for line in T.RULES]
    return _lines(T.HEAD_RULES, lines)


def all_sections(ev: Evaluation) -> list[Section]:
    return [step_table(ev), *detail_sections(ev), *form_sections(ev), rules_section()]
