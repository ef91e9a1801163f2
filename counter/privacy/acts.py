"""Recording a purge or a correction: one event each, through the `Desk`.

A purge is `data_redacted` written with `append_many`; the store removes the
case's NIK, phone and address from its day file in that same atomic write, so a
kill leaves the case either untouched or purged. A correction is `data_corrected`;
the fold applies it to the visitor's data.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from counter import case as C
from counter.chain.hashing import PERSONAL_FIELDS
from counter.errors import CaseError
from counter.texts import privacy as T

if TYPE_CHECKING:
    from counter.desk import CaseView, Desk


def redact(desk: Desk, code: str, before: date, reason: str = "") -> CaseView:
    """Purge one closed case's personal data (the store does the removal)."""
    view = desk.view(code)
    if not view.state.status.closed:
        raise CaseError(T.NOT_CLOSED.format(code=view.code_human), field="kode")
    at, officer, desk_no = desk._stamp()
    event = C.data_redacted(code, at, officer, desk_no, PERSONAL_FIELDS, before.isoformat(),
                            reason or T.REASON_RETENTION)
    return desk._commit(view, [event], any_state=True)


def correct(desk: Desk, code: str, field: str, value: str, reason: str = "") -> CaseView:
    """Record the visitor's correction of one field (checked like the visitor form)."""
    view = desk.view(code)
    if C.DATA_REDACTED in {e.get("type") for e in view.state.events} and \
            field in PERSONAL_FIELDS:
        raise CaseError(T.ALREADY_PURGED.format(code=view.code_human), field=field)
    at, officer, desk_no = desk._stamp()
    event = C.data_corrected(code, at, officer, desk_no, field, value, reason)
    return desk._commit(view, [event], any_state=True)
