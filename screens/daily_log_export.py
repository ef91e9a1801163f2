"""The log screen's exports: the shown period as XLSX, PDF or CSV, and the SKM review.

A mixin of `screens.daily_log.DailyLogScreen` (kept apart so the screen module stays
about the table); the file is written in a worker, never on the UI thread.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from counter.atomic import ensure_private_folder
from counter.errors import LoketError
from counter.texts import shell as TS
from counter.texts import ui_review as T
from screens.services import loket
from screens.widgets.choice import ChoiceModal
from screens.worker_guard import guarded_work


class LogExport(Screen[None]):
    """Export and SKM actions of the log screen (its `summary` is the shown period)."""

    summary: Any

    def action_skm(self) -> None:
        """The satisfaction index (SKM) of the semester, from the day's review."""
        from screens.skm_review import SkmReviewScreen

        self.app.push_screen(SkmReviewScreen(loket(self).now().date()))

    def action_export(self) -> None:
        """The shown period as XLSX, PDF or CSV in the data folder's `laporan/`."""
        if self.summary is None:
            self.notify(T.EXPORT_NOTHING, severity="warning")
            return
        summary = self.summary

        def chosen(fmt: str | None) -> None:
            if fmt is not None:
                self.export_worker(summary, fmt)

        self.app.push_screen(ChoiceModal(T.EXPORT_WHICH, list(T.EXPORT_FORMATS.items())),
                             chosen)

    @guarded_work(TS.WORK_EXPORT, thread=True, group="daily-log-export")
    def export_worker(self, summary: Any, fmt: str) -> None:
        from counter import export
        from screens.queue_service import with_queue

        folder = loket(self).paths.report_dir
        desk, profile = getattr(self, "desk", None), loket(self).profile
        if desk is not None and profile is not None and fmt in ("xlsx", "pdf"):
            # the walk-in queue's review too
            summary = with_queue(summary, loket(self).paths, profile, desk.repo,
                                 now=desk.now())
        try:
            ensure_private_folder(folder, loket(self).paths.data_dir)
            # each file is written owner-only by the export itself
            written = export.write_report(
                summary, loket(self).profile, fmt,
                folder / export.default_name(summary.first, summary.last, fmt))
        except (LoketError, OSError) as err:
            self.app.call_from_thread(self.notify, T.EXPORT_FAILED.format(error=err),
                                      severity="error")
            return
        names = ", ".join(str(p) for p in written)
        self.app.call_from_thread(self.notify, T.EXPORT_DONE.format(paths=names))
