"""PermenPANRB 35/2012's monitoring and evaluation forms, pre-filled where the data speaks.

The monitoring form (Tabel 7 of the annex: No | Prosedur | Penilaian terhadap
penerapan | Catatan hasil penilaian | Tindakan yang harus diambil | Paraf
penilai) gets one row per step: "berjalan dengan baik" or not from the
verdict, the figures and who carried it out as the note, the verdict's actions.
The evaluation form asks, per principle of the SOP book (BAB II.B.1), whether
the SOP meets it: time, returns and missing documents answer some; the others
(keselarasan, kepatuhan and kepastian hukum) are left for the evaluator, with
what the SOP itself records beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.evaluation.evaluate import Evaluation, StepEvaluation
from counter.evaluation.judge import (
    BERMASALAH,
    SESUAI,
    TANPA_MUTU_BAKU,
    TERLALU_KETAT,
    TERLALU_LONGGAR,
    amount_text,
    share,
)
from counter.texts import evaluation as T


@dataclass(frozen=True, slots=True)
class FormRow:
    cells: tuple[str, ...]
    prefilled: bool  # False: the assessment is left for the evaluator


def monitoring_rows(ev: Evaluation) -> list[FormRow]:
    rows = []
    for i, s in enumerate(ev.steps, 1):
        v = s.verdict
        if v.verdict == SESUAI:
            mark = T.MON_GOOD
        elif v.verdict in (TERLALU_KETAT, TERLALU_LONGGAR, BERMASALAH):
            mark = T.MON_BAD
        else:
            mark = T.MON_BLANK
        note = T.MON_NOTE.format(who=_who(s), figures=_figures(s))
        if v.evidence:
            note += "; " + "; ".join(v.evidence)
        rows.append(FormRow((str(i), f"{s.no}. {s.step.kegiatan}", mark, note,
                             "; ".join(v.actions) or "-", ""), mark != T.MON_BLANK))
    return rows


def _who(s: StepEvaluation) -> str:
    officers = ", ".join(name for name, _ in s.figures.officers if name)
    return f"{s.pelaksana} ({officers})" if officers else s.pelaksana


def _figures(s: StepEvaluation) -> str:
    f = s.figures
    if f.limit is None:
        return T.MON_FIGURES_NO_LIMIT.format(n=f.n, median=amount_text(f.median, f.in_days))
    return T.MON_FIGURES.format(n=f.n, median=amount_text(f.median, f.in_days),
                                limit=s.waktu, share=share(f.within, f.n))


def evaluation_rows(ev: Evaluation) -> list[FormRow]:
    """One row per principle: (No, Prinsip, Ya/Tidak or blank, note, action)."""
    judged = [s for s in ev.steps if s.verdict.judged]
    returns = sum(s.figures.returned for s in ev.steps)
    runs = sum(s.figures.n for s in ev.steps)
    returns_high = [s for s in judged if "returns" in s.verdict.kinds]
    missing_high = [s for s in judged if "missing" in s.verdict.kinds]
    time_off = [s for s in ev.steps if s.verdict.verdict in (TERLALU_KETAT, TERLALU_LONGGAR)
                or {"officer", "scattered"} & set(s.verdict.kinds)]
    measured = [s for s in ev.steps if s.figures.limit is not None]
    within = sum(s.figures.within for s in measured)
    n_measured = sum(s.figures.n for s in measured)
    no_limit = [s for s in ev.steps if not s.step.mutu_baku.waktu.limited
                and not s.step.pemohon_sendiri]
    sop = ev.sop
    steps_of = _nos
    answers: dict[str, tuple[str, str, str]] = {}

    note = T.EVA_RETURNS.format(returns=returns, runs=runs)
    if returns_high:
        high = T.EVA_RETURNS_HIGH.format(steps=steps_of(returns_high))
        answers["mudah_jelas"] = (T.NO, f"{note}; {high}", T.ACT_RETURNS)
    else:
        answers["mudah_jelas"] = (T.BLANK if not judged else T.YES, note, "")

    note = T.EVA_TIME.format(share=share(within, n_measured), n=n_measured)
    if time_off:
        high = T.EVA_TIME_STEPS.format(steps=steps_of(time_off))
        acts = "; ".join(sorted({a for s in time_off for a in s.verdict.actions}))
        answers["efisien_efektif"] = (T.NO, f"{note}; {high}", acts)
    else:
        answers["efisien_efektif"] = (T.YES if judged else T.BLANK, note, "")

    answers["keselarasan"] = (T.BLANK, T.EVA_KESELARASAN.format(
        items="; ".join(sop.keterkaitan) or T.EVA_NOT_RECORDED), "")

    note = T.EVA_MEASURED.format(limited=len(ev.steps) - len(no_limit), steps=len(ev.steps))
    if no_limit:
        high = T.EVA_UNMEASURED.format(steps=steps_of(no_limit))
        acts = "; ".join(a for s in no_limit for a in s.verdict.actions)
        answers["keterukuran"] = (T.NO, f"{note}; {high}", acts)
    else:
        answers["keterukuran"] = (T.YES, note, "")

    answers["dinamis"] = (T.BLANK, T.EVA_VERSIONS.format(
        versi=sop.versi, tanggal=sop.tanggal_versi or T.EVA_NOT_RECORDED,
        count=len(ev.versions)), "")

    waits = sum(s.figures.waits for s in ev.steps)
    missing = sum(c for s in ev.steps for _, c in s.figures.missing)
    note = T.EVA_USER.format(waits=waits, missing=missing)
    if missing_high:
        items = ", ".join(sorted({i for s in missing_high for i, _ in s.figures.missing[:1]}))
        answers["pengguna"] = (T.NO, f"{note}; {T.EVA_USER_MISSING.format(items=items)}",
                               "; ".join(sorted({a for s in missing_high for a in s.verdict.actions
                                                 if a not in (T.ACT_RETURNS, T.ACT_OFFICER)})))
    else:
        answers["pengguna"] = (T.BLANK, note, "")

    answers["kepatuhan_hukum"] = (T.BLANK, T.EVA_DASAR.format(
        items="; ".join(sop.dasar_hukum) or T.EVA_NOT_RECORDED), "")
    answers["kepastian_hukum"] = (T.BLANK, T.EVA_PENGESAHAN.format(
        who=sop.disahkan_oleh or T.EVA_NOT_RECORDED,
        when=sop.tanggal_efektif or T.EVA_NOT_RECORDED), "")

    rows = []
    for i, (key, label) in enumerate(T.PRINCIPLES, 1):
        mark, note, action = answers[key]
        rows.append(FormRow((str(i), label, mark, note, action or "-"), mark != T.BLANK))
    return rows


def _nos(steps: list[StepEvaluation]) -> str:
    return ", ".join(str(s.no) for s in steps)


__all__ = ["TANPA_MUTU_BAKU", "FormRow", "evaluation_rows", "monitoring_rows"]
