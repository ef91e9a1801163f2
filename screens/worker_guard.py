"""Background work that can fail without ending the app.

Textual ends the whole app when a worker raises (its default `exit_on_error`).
At a counter that means the app vanishes in front of the visitor because a
printer driver or a disk misbehaved in a way nobody foresaw. Every worker of
Loket therefore runs through this module: an exception that is not already
handled is written with its traceback to `loket.log` in the data folder
(rotating, owner-only), the officer gets one Indonesian line, the screen that
started the work may reset its "busy" state, and the app goes on.
"""

from __future__ import annotations

import functools
import inspect
import logging
import os
import threading
from collections.abc import Callable
from contextlib import suppress
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any, TypeVar

from textual import work
from textual.app import App
from textual.dom import DOMNode
from textual.worker import Worker

from counter.texts import shell as T

LOG_NAME = "loket.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3

F = TypeVar("F", bound=Callable[..., Any])

# (what, error) of every failure caught in a worker or on the UI thread: the test
# suite requires it empty after a test that did not ask for failures (tests/conftest.py).
CAUGHT: list[tuple[str, BaseException]] = []


def log_path(app: App[Any]) -> Path:
    """`loket.log` in the app's data folder (the temp folder when there is none)."""
    paths = getattr(app, "paths", None)
    if paths is not None:
        return Path(paths.data_dir) / LOG_NAME
    import tempfile

    return Path(tempfile.gettempdir()) / LOG_NAME


def write_failure(path: Path, what: str, err: BaseException) -> None:
    """Append `err` with its traceback to the log; a log that cannot be written is
    given up silently (the officer is told anyway)."""
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # born owner-only: tracebacks may quote personal data
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                      encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        try:
            record = logging.LogRecord("loket", logging.ERROR, __file__, 0, "%s gagal", (what,),
                                       (type(err), err, err.__traceback__))
            handler.handle(record)
        finally:
            handler.close()
        os.chmod(path, 0o600)  # a rolled-over file is created anew


def report_failure(app: App[Any], what: str, err: BaseException,
                   recover: Callable[[], Any] | None = None) -> None:
    """Log `err`, let the screen recover, tell the officer in one line. Any thread."""
    CAUGHT.append((what, err))
    path = log_path(app)
    write_failure(path, what, err)

    def tell() -> None:
        if recover is not None:
            with suppress(Exception):  # recovering must not fail the recovery
                recover()
        app.notify(T.WORKER_CRASHED.format(what=what, log=path), severity="error", timeout=15)

    on_ui_thread(app, tell)


def on_ui_thread(app: App[Any], fn: Callable[[], Any]) -> None:
    """Run `fn` on the app's thread, from whichever thread we are on."""
    if threading.get_ident() == getattr(app, "_thread_id", None):
        fn()
        return
    with suppress(RuntimeError):  # the app closed meanwhile
        app.call_from_thread(fn)


def guard(app: App[Any], what: str, fn: F, recover: Callable[[], Any] | None = None) -> F:
    """`fn` that reports instead of raising (sync or async)."""
    if inspect.iscoroutinefunction(fn):
        @functools.wraps(fn)
        async def run_async(*args: Any, **kwargs: Any) -> Any:
            try:
                return await fn(*args, **kwargs)
            except Exception as err:
                report_failure(app, what, err, recover)
                return None

        return run_async  # type: ignore[return-value]

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as err:
            report_failure(app, what, err, recover)
            return None

    return run  # type: ignore[return-value]


def run_guarded(node: DOMNode, fn: Callable[[], Any], what: str, *,
                recover: Callable[[], Any] | None = None, **worker_options: Any) -> Worker[Any]:
    """`node.run_worker(fn, …)` that never ends the app."""
    return node.run_worker(guard(node.app, what, fn, recover), exit_on_error=False,
                           **worker_options)


def guarded_work(what: str, *, recover: str | None = None,
                 **work_options: Any) -> Callable[[F], F]:
    """`@work(...)` for a method of a widget or screen, that never ends the app.

    `recover` names a method of the same object to call (on the UI thread) after a
    failure, to clear a busy flag or a "memuat…" title.
    """
    def decorate(method: F) -> F:
        @functools.wraps(method)
        def run(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
            undo = getattr(self, recover) if recover else None
            return guard(self.app, what, method, undo)(self, *args, **kwargs)

        return work(run, exit_on_error=False, **work_options)  # type: ignore[return-value]

    return decorate
