"""One way to name a step on screen: the SOP's own number, and where it stands.

SOPs copied from paper skip numbers (Konsultasi Bisnis goes 1–5 then 7), and
officers talk about "langkah 7" because that is what the SOP sheet says; the
position among the steps is shown beside it only when the two differ.
"""

from __future__ import annotations

from typing import Any

from counter.texts import ui as T


def step_of(sop: Any, no: int | None, *, compact: bool = False) -> str:
    """'3 dari 6', '7 (6 dari 6)'; compact for tables: '3/6', '7 (6/6)'."""
    if no is None:
        return "-"
    steps = [s.no for s in sop.steps] if sop is not None else []
    if no not in steps:
        return str(no)
    position, total = steps.index(no) + 1, len(steps)
    fmt = T.STEP_OF if compact else T.STEP_OF_LONG
    where = fmt.format(n=position, total=total)
    return where if position == no else f"{no} ({where})"
