"""A supervisor accepts a proposed mutu baku: the SOP gets a new version, never edited in place.

The evaluation only proposes. Accepting writes the office's SOP as version N+1
through `counter.sop_versions.save_sop` (the old version is kept, cases begun on
it are timed against it to the end), with a catatan naming the change, the
evidence's period and who accepted it; the next period's evaluation compares
the two versions.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from counter.dates import format_date
from counter.errors import SopError
from counter.evaluation.evaluate import Evaluation
from counter.sop_versions import Saved, save_sop
from counter.sop_write import sop_to_data
from counter.texts import evaluation as T


def accept_proposal(ev: Evaluation, step_no: int, folder: Path, today: date,
                    supervisor: str, kept: list[int] | None = None) -> Saved:
    """Save the SOP with step `step_no`'s proposed waktu as a new version in `folder`."""
    sop = ev.sop
    if ev.outdated and ev.current is not None:
        raise SopError(T.PROPOSAL_OUTDATED.format(versi=sop.versi, current=ev.current.versi),
                       field="--terima")
    try:
        step_ev = ev.step(step_no)
    except StopIteration:
        raise SopError(T.NO_SUCH_STEP.format(sop=sop.id, step=step_no), field="--terima") \
            from None
    proposal = step_ev.verdict.proposal
    if not proposal:
        raise SopError(T.NOTHING_TO_ACCEPT.format(step=step_no), field="--terima")
    data = sop_to_data(sop)
    old = step_ev.waktu
    for step in data["langkah"]:
        if step["no"] == step_no:
            step["waktu"] = proposal
    note = T.ACCEPT_CATATAN.format(step=step_no, old=old, new=proposal, first=format_date(ev.first),
                          last=format_date(ev.last), supervisor=supervisor)
    data["catatan"] = [*data.get("catatan", []), note]
    return save_sop(folder, data, format_date(today), sop, kept)
