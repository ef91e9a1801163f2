"""A supervisor accepts a proposed mutu baku: the SOP gets a new version, never edited in place.

The evaluation only proposes. Accepting writes the office's SOP as version N+1
through `counter.sop_versions.save_sop` (the old version is kept, cases begun on
it are timed against it to the end), with a catatan naming the change, the
evidence's period and who accepted it; the next period's evaluation compares
the two versions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from counter.dates import format_date
from counter.errors import SopError
from counter.evaluation.evaluate import Evaluation
from counter.sop_versions import Saved, save_sop
from counter.sop_write import sop_to_data
from counter.texts import evaluation as T


def accept_proposal(ev: Evaluation, steps: int | Sequence[int], folder: Path, today: date,
                    supervisor: str, kept: list[int] | None = None) -> Saved:
    """Save the SOP with the proposed waktu of `steps` as one new version in `folder`."""
    sop = ev.sop
    if ev.outdated and ev.current is not None:
        raise SopError(T.PROPOSAL_OUTDATED.format(versi=sop.versi, current=ev.current.versi),
                       field="--terima")
    wanted = [steps] if isinstance(steps, int) else list(steps)
    data = sop_to_data(sop)
    notes = []
    for step_no in wanted:
        try:
            step_ev = ev.step(step_no)
        except StopIteration:
            raise SopError(T.NO_SUCH_STEP.format(sop=sop.id, step=step_no),
                           field="--terima") from None
        proposal = step_ev.verdict.proposal
        if not proposal:
            raise SopError(T.NOTHING_TO_ACCEPT.format(step=step_no), field="--terima")
        for step in data["langkah"]:
            if step["no"] == step_no:
                step["waktu"] = proposal
        notes.append(T.ACCEPT_CATATAN.format(
            step=step_no, old=step_ev.waktu, new=proposal, first=format_date(ev.first),
            last=format_date(ev.last), supervisor=supervisor))
    data["catatan"] = [*data.get("catatan", []), *notes]
    return save_sop(folder, data, format_date(today), sop, kept)


def parse_steps(text: str) -> list[int]:
    """ "2", "2,3" or "2 3" -> [2, 3]; a word that is not a number raises SopError."""
    parts = [p for p in text.replace(",", " ").split() if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise SopError(T.ACCEPT_BAD.format(text=text), field="--terima")
    return [int(p) for p in parts]
