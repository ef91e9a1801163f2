"""SOP evaluation on generated histories of known distribution (issue 18)."""

from __future__ import annotations

from datetime import date

import pytest

from counter.evaluation import (
    BELUM_DINILAI,
    BERMASALAH,
    SESUAI,
    TERLALU_KETAT,
    TERLALU_LONGGAR,
    evaluate,
    percentile,
    proposed_waktu,
)
from counter.evaluation.forms import evaluation_rows, monitoring_rows
from counter.evaluation.text import render_text
from counter.sop import load_catalog
from counter.texts import evaluation as T
from counter.waktu import Unit, parse_waktu
from tests.counter import evaluation_history as H

FIRST, LAST = date(2026, 9, 1), date(2026, 11, 30)


@pytest.fixture(scope="module")
def sop():
    return load_catalog().get(H.SOP)


@pytest.fixture(scope="module")
def ev(sop):
    samples = [*H.often_missing(1), *H.chronically_over(2), *H.far_under(3),
               *H.many_returns(4), *H.few_runs(5), *H.mostly_within(7)]
    return evaluate(sop, samples, FIRST, LAST)


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([10, 20], 80) == pytest.approx(18.0)
    assert percentile([], 80) is None


def test_chronically_over_with_one_reason_is_too_tight(ev) -> None:
    s = ev.step(2)
    f = s.figures
    assert f.n == 10 and f.over == 5 and f.within == 5
    assert f.median == pytest.approx(17.5 * 60)
    assert f.p80 == pytest.approx(22.2 * 60)
    # "Sistem OSS lambat" and "sistem OSS  lambat." are one reason
    assert len(f.reasons) == 1 and f.reasons[0][1] == 5
    assert s.verdict.verdict == TERLALU_KETAT
    assert s.verdict.proposal == "25 menit"
    assert parse_waktu(s.verdict.proposal).high == 25


def test_far_under_is_too_loose_with_a_smaller_proposal(ev) -> None:
    s = ev.step(3)
    assert s.figures.p95 == pytest.approx(16.55 * 60)
    assert s.verdict.verdict == TERLALU_LONGGAR
    assert s.verdict.proposal == "20 menit"


def test_many_returns_is_a_problem_with_the_returns_grouped(ev) -> None:
    s = ev.step(4)
    assert s.verdict.verdict == BERMASALAH and "returns" in s.verdict.kinds
    assert s.verdict.proposal is None
    (line,) = s.figures.returns
    assert (line.to, line.count) == ("1", 4)
    assert line.reasons == (("Notulen belum ditandatangani", 3), ("Form salah isi", 1))


def test_often_missing_document_is_a_problem(ev) -> None:
    s = ev.step(1)
    assert s.verdict.verdict == BERMASALAH and "missing" in s.verdict.kinds
    assert s.figures.missing == (("Form konsultasi bisnis", 3),)
    assert s.figures.checked == 10


def test_three_runs_are_marked_not_judged(ev) -> None:
    s = ev.step(5)
    assert s.figures.n == 3
    assert s.verdict.verdict == BELUM_DINILAI and not s.verdict.judged
    assert s.verdict.proposal is None


def test_mostly_within_with_scattered_reasons_is_fitting(ev) -> None:
    s = ev.step(7)
    assert s.verdict.verdict == SESUAI
    assert s.figures.within == 8


def test_overruns_of_one_officer_are_not_the_sops(sop) -> None:
    samples = [H.run(2, 10, 15, i, officer=H.OFFICERS[i % 2]) for i in range(6)]
    samples += [H.run(2, 25, 15, 10 + i, reason="Sistem OSS lambat", officer="Joko")
                for i in range(4)]
    s = evaluate(sop, samples, FIRST, LAST).step(2)
    assert s.verdict.verdict == BERMASALAH and "officer" in s.verdict.kinds
    assert s.verdict.proposal is None


def test_proposals_are_rounded_as_offices_write_waktu() -> None:
    assert proposed_waktu(22.2 * 60, False, Unit.MENIT) == "25 menit"
    assert proposed_waktu(2 * 60, False, Unit.MENIT) == "5 menit"
    assert proposed_waktu(25 * 60, False, Unit.MENIT) == "25 menit"
    assert proposed_waktu(1.2 * 3600, False, Unit.JAM) == "2 jam"
    assert proposed_waktu(2.3, True, Unit.HARI) == "3 hari"


def test_versions_are_compared_after_a_change(sop) -> None:
    from dataclasses import replace

    new = replace(sop, versi=2)
    earlier = H.chronically_over(2, versi=1)
    now = [H.run(2, m, 25, i, versi=2) for i, m in enumerate((18, 19, 20, 21, 22, 23))]
    ev = evaluate(new, now, FIRST, LAST, earlier=earlier, versions={1: sop, 2: new})
    s = ev.step(2)
    assert ev.compared
    assert [v.versi for v in s.versions] == [1, 2]
    assert s.versions[0].figures.over == 5 and s.versions[1].figures.over == 0
    assert s.figures.n == 6  # the verdict uses the version in force only


def test_forms_are_prefilled_where_the_data_speaks(ev) -> None:
    mon = monitoring_rows(ev)
    assert len(mon) == len(ev.sop.steps)
    by_step = {r.cells[1].split(".")[0]: r for r in mon}
    assert by_step["7"].cells[2] == T.MON_GOOD
    assert by_step["2"].cells[2] == T.MON_BAD and "25 menit" in by_step["2"].cells[4]
    assert by_step["5"].cells[2] == T.MON_BLANK and not by_step["5"].prefilled
    eva = {r.cells[1]: r for r in evaluation_rows(ev)}
    assert [label for _, label in T.PRINCIPLES] == list(eva)
    assert eva["Efisien dan efektif"].cells[2] == T.NO
    assert eva["Mudah dan jelas"].cells[2] == T.NO  # step 4 returns
    assert eva["Berorientasi pengguna"].cells[2] == T.NO  # a document often missing
    assert eva["Kepastian hukum"].cells[2] == T.BLANK  # left for the evaluator
    assert eva["Keselarasan"].cells[2] == T.BLANK


def test_text_holds_the_figures(ev) -> None:
    text = render_text(ev)
    assert "TERLALU KETAT" in text and "25 menit" in text
    assert "Sistem OSS lambat" in text
    assert "Notulen belum ditandatangani (3)" in text
    assert "17 menit" in text or "18 menit" in text  # median 17,5 min
    # the monitoring form names each step once by its SOP number, never "2. 2. ..."
    kegiatan = ev.step(2).step.kegiatan
    assert f"  2. {kegiatan}\n" in text and f"2. 2. {kegiatan}" not in text
    assert "  1. Mudah dan jelas" in text  # the evaluation form's rows keep their number


def test_hari_steps_are_judged_in_working_days(sop) -> None:
    from dataclasses import replace as dc_replace

    samples = [dc_replace(H.run(4, 0, None, i), value=d, limit=3.0, in_days=True,
                          over=d > 3.0, reason="Menunggu tanda tangan" if d > 3.0 else "")
               for i, d in enumerate((2.0, 3.5, 4.0, 4.2, 3.8, 2.5, 4.5, 3.9))]
    s = evaluate(sop, samples, FIRST, LAST).step(4)
    assert s.figures.in_days and s.figures.over == 6
    assert s.verdict.verdict == TERLALU_KETAT
    assert s.verdict.proposal == "5 hari"  # p80 = 4,12 days, rounded up to whole days
    assert "hari" in render_text(evaluate(sop, samples, FIRST, LAST))


def test_applicant_alone_steps_are_not_judged(sop) -> None:
    from dataclasses import replace as dc_replace

    steps = tuple(dc_replace(st, pemohon_sendiri=True) if st.no == 2 else st
                  for st in sop.steps)
    alone = dc_replace(sop, steps=steps)
    s = evaluate(alone, H.chronically_over(2), FIRST, LAST).step(2)
    assert s.verdict.verdict == T.LANGKAH_PEMOHON and s.verdict.proposal is None


def test_office_wide_names_the_desks(ev) -> None:
    from counter.evaluation.sections import heading_lines

    assert T.ONE_DESK in heading_lines(ev)
    wide = evaluate(ev.sop, [*H.far_under(3)], FIRST, LAST, desks=3)
    assert T.OFFICE_WIDE.format(desks=3) in heading_lines(wide)
