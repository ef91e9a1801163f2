"""Accepting a known chain break from the dashboard (Ctrl+T on the warning line):
the same act as `loket periksa --terima HARI --alasan …`, where a supervisor sees it.

A petugas at the desk gets the supervisor PIN dialog (`as_supervisor`); the reason is
required. The acceptance is an office audit record naming the supervisor and the
day's breaks as they are now (counter/chain/accepted.py), so a later, different break
of that day is shown again. The oldest broken day first; press again for the next.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from counter.accounts.roles import Act
from counter.chain.accepted import acceptance_record
from counter.errors import LoketError
from counter.texts import chain as T
from screens.modals import TextModal
from screens.supervisor_pin import as_supervisor


def accept_chain_break(app: Any) -> None:
    days: list[str] = list(getattr(app, "chain_days", None) or [])
    if not days:
        app.notify(T.APP_ACCEPT_NOTHING)
        return
    as_supervisor(app, Act.CHAIN_ACCEPT, lambda desk: _ask_reason(app, desk, days[0]))


def _ask_reason(app: Any, desk: Any, day: str) -> None:
    def answered(reason: str | None) -> None:
        if reason:
            _record(app, desk, day, " ".join(reason.split()))

    app.push_screen(TextModal(T.APP_ACCEPT_TITLE.format(day=day), T.APP_ACCEPT_REASON,
                              required=True), answered)


def _record(app: Any, desk: Any, day: str, reason: str) -> None:
    from screens.chain_check import start_chain_check
    from store.audit_log import AuditLog
    from store.chain import day_check

    try:
        check = day_check(app.store, date.fromisoformat(day))
        if check is None or check.ok:
            app.notify(T.ACCEPT_NOTHING.format(day=day))
        else:
            AuditLog(app.paths.data_dir).append([acceptance_record(
                check, desk.session.nama, desk.profile.desk, app.now(), reason)])
            app.notify(T.ACCEPT_DONE.format(day=day, nama=desk.session.nama,
                                            reason=reason))
    except LoketError as err:
        app.notify(str(err), severity="error", timeout=15)
    start_chain_check(app)  # the line shows what is left
