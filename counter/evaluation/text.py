"""The evaluation as plain text (`loket sop evaluasi --format teks`, the screen's body).

A terminal is narrow: the step table is written as one block per step, the
other sections as indented lines.
"""

from __future__ import annotations

from counter.evaluation.evaluate import Evaluation
from counter.evaluation.sections import (
    Section,
    detail_sections,
    form_sections,
    heading_lines,
    rules_section,
    step_table,
)
from counter.texts import evaluation as T


def _block(section: Section) -> list[str]:
    out = ["", section.title, "-" * len(section.title)]
    if not section.header:
        out += [f"  {row[0]}" for row in section.rows]
        return out
    for row in section.rows:
        first, rest = row[0], row[1:]
        # a monitoring row names its SOP step ("5. Melakukan evaluasi"): the step's own
        # number, not the form's row number, is the one the reader looks for
        numbered = rest[0].split(".", 1)[0].isdigit()
        out.append(f"  {rest[0]}" if numbered else f"  {first}. {rest[0]}")
        out += [f"     {h}: {c}" for h, c in zip(section.header[2:], rest[1:], strict=True)
                if c not in ("", "-")]
    return out


def step_lines(ev: Evaluation) -> list[str]:
    """One block per step: kegiatan, then its figures, verdict and proposal."""
    table = step_table(ev)
    out = ["", table.title, "-" * len(table.title)]
    for row in table.rows:
        no, kegiatan, pelaksana, mutu, n, med, p80, p95, within, over, verdict, usul, why = row
        out.append(f"  {no}. {kegiatan} ({pelaksana})")
        out.append(f"     {T.COL_MUTU} {mutu} | {n} kali | {T.COL_MEDIAN.lower()} {med}, "
                   f"{T.COL_P80} {p80}, {T.COL_P95} {p95} | {T.COL_WITHIN.lower()} {within}, "
                   f"{T.COL_OVER.lower()} {over}")
        out.append(f"     {T.COL_VERDICT}: {verdict.upper()}"
                   + (f" \u2014 {T.COL_PROPOSAL.lower()} {usul}" if usul != T.PROPOSE_NONE else ""))
        if why:
            out.append(f"     {why}")
    return out


def render_text(ev: Evaluation) -> str:
    lines = [T.TITLE, *heading_lines(ev)]
    if not ev.runs:
        lines += ["", T.NO_RUNS]
    lines += step_lines(ev)
    for section in [*detail_sections(ev), *form_sections(ev), rules_section()]:
        lines += _block(section)
    return "\n".join(lines) + "\n"
