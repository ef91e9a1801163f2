"""The app's tamper check at start: the last two weeks' day files and the office
audit log, in a worker.

Cheap (a few day files hashed, off the UI thread) and after the dashboard has its
cases. A broken chain becomes a persistent line on the dashboard (and one
notification), kept until the app is restarted on a whole store: a hand edit of a
record is not something to dismiss with a key. Only a supervisor's acceptance of a
day's breaks, with a reason in the audit log (Ctrl+T, screens/chain_accept.py, as
`loket periksa --terima`), takes that day off the line.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import timedelta
from typing import Any

from counter.texts import chain as T
from screens.worker_guard import run_guarded

RECENT_DAYS = 14


def start_chain_check(app: Any) -> None:
    """Check the recent days of ``app.store``; on a break, ``app.chain_warning`` is set
    and the dashboard shows it."""
    store = getattr(app, "store", None)
    if store is None or not hasattr(store, "day_files"):
        return

    def check() -> None:
        from store.chain import check_store

        today = app.now().date()
        result = check_store(store, today - timedelta(days=RECENT_DAYS), None)
        days = [d.day for d in result.broken if not accepted_break(app, d)]
        texts = [T.APP_WARNING.format(days=", ".join(days)), T.APP_ACCEPT_HINT] if days \
            else []
        audit = audit_problem(app)
        if audit:
            texts.append(audit)
        if not texts and not getattr(app, "chain_warning", ""):
            return
        text = " ".join(texts)
        with suppress(RuntimeError):  # the app closed meanwhile
            app.call_from_thread(chain_broken, app, text, days)

    run_guarded(app, check, T.WORK_CHAIN_CHECK, thread=True, group="chain",
                name="chain-check")


def accepted_break(app: Any, check: Any) -> bool:
    """A break a supervisor accepted as it is (`loket periksa --terima`)."""
    paths = getattr(app, "paths", None)
    if paths is None:
        return False
    from counter.chain.accepted import acceptances, accepted
    from store.audit_log import AuditLog

    known = acceptances(AuditLog(paths.data_dir).records(strict=False))
    return accepted(check, known) is not None


def audit_problem(app: Any) -> str:
    """The office audit log's first break (file:line), in words; "" when whole."""
    paths = getattr(app, "paths", None)
    if paths is None:
        return ""
    from store.audit_log import AuditLog

    result = AuditLog(paths.data_dir).check()
    if result.ok:
        return ""
    where = (f"{result.breaks[0].file}:{result.breaks[0].line}" if result.breaks
             else result.unreadable[0][0])
    return T.APP_AUDIT_WARNING.format(where=where)


def chain_broken(app: Any, text: str, days: list[str] | None = None) -> None:
    """The check's outcome on screen; `text` "" (a re-check after an acceptance found
    nothing left) clears the line. `app.chain_days`: the day files still broken."""
    fresh = bool(text) and text != getattr(app, "chain_warning", "")
    app.chain_warning, app.chain_days = text, list(days or [])
    if fresh:
        app.notify(text, severity="error", timeout=20)
    from screens.home import HomeScreen

    for screen in app.screen_stack:
        if isinstance(screen, HomeScreen):
            screen.show_chain()
