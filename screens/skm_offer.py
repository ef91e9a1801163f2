"""Offering the satisfaction survey after a case closes, and keeping the answer.

The app remembers only what a response may carry (service, desk, date) from the
case that just closed; `k` then turns the screen to the visitor. The answer is
stored in a guarded worker so a disk error never ends the app.
"""

from __future__ import annotations

from typing import Any

from counter.case import Status
from counter.texts import skm as T
from screens.skm_survey import SurveyContext, SurveyScreen
from screens.worker_guard import run_guarded

OFFER_ATTR = "survey_offer"
# The visitor-facing page of each running app (at most one per process in practice).
VISITOR_SCREENS: dict[int, Any] = {}


def open_visitor_screen(app: Any) -> None:
    """Serve the survey page for the visitor's tablet when the profile asks for it."""
    port = app.profile.skm_layar if app.profile is not None else 0
    if not port or id(app) in VISITOR_SCREENS:
        return
    from screens.skm_service import survey_store
    from screens.web.survey_server import SurveyBoard, SurveyServer

    surveys = survey_store(app.paths)

    def save(response: Any) -> None:
        surveys.add([response])

    board = SurveyBoard(surveys.questionnaire, save, lambda: app.now().date())
    try:
        SurveyServer(board, "0.0.0.0", port).start()
    except OSError as err:
        app.notify(T.SURVEY_PORT_BUSY.format(port=port, error=err.strerror or err),
                   severity="warning")
        return
    VISITOR_SCREENS[id(app)] = board


def offer_survey(app: Any, view: Any) -> None:
    """Called when a case has just closed at this desk: the officer may offer the survey."""
    if not view.state.closed or view.state.status is Status.DIBATALKAN:
        return
    sop = view.sop
    setattr(app, OFFER_ATTR, SurveyContext(
        layanan=sop.id if sop else "", layanan_nama=sop.nama if sop else "",
        loket=app.desk.profile.desk, tanggal=app.now().date()))
    app.notify(T.SURVEY_OFFER, timeout=8)


def start_survey(app: Any) -> None:
    """`k`: the survey for the case that closed last (once; a new close replaces it)."""
    context: SurveyContext | None = getattr(app, OFFER_ATTR, None)
    if context is None:
        app.notify(T.SURVEY_NOTHING, severity="warning")
        return
    setattr(app, OFFER_ATTR, None)
    board = VISITOR_SCREENS.get(id(app))
    if board is not None:
        board.offer(context)
        app.notify(T.SURVEY_SENT.format(port=app.profile.skm_layar))
        return
    from screens.skm_service import survey_store

    surveys = survey_store(app.paths)

    def answered(response: Any) -> None:
        if response is None:
            return

        def save() -> None:
            surveys.add([response])
            app.call_from_thread(_refresh_progress, app)

        run_guarded(app, save, T.WORK_SAVE_SURVEY, thread=True, group="survey")
        app.notify(T.SURVEY_SAVED)

    app.clear_notifications()  # the visitor reads the survey, not the officer's toasts
    app.push_screen(SurveyScreen(surveys.questionnaire, context), answered)


def show_skm_progress(screen: Any) -> None:
    """The dashboard's line: this semester's respondents against the minimum, and the IKM."""
    app = screen.app
    if app.profile is None or app.store is None:
        return

    def read() -> None:
        from counter.skm.export import num
        from counter.skm.period import period_containing
        from screens.skm_service import build_skm_report

        first, last = period_containing(app.now().date(), "semester")
        report = build_skm_report(app.paths, app.profile, app.catalog, app.store, first, last)
        ikm = f" · IKM {num(report.unit.ikm)} ({report.unit.mutu})" if report.unit.ikm else ""
        line = T.HOME_SKM_LINE.format(period="semester ini", progress=report.sample_text,
                                      ikm=ikm)
        app.call_from_thread(_set_line, screen, line)

    run_guarded(screen, read, T.WORK_SKM_PROGRESS, thread=True, group="skm-progress",
                exclusive=True)


def _set_line(screen: Any, line: str) -> None:
    if screen.is_mounted:
        screen.query_one("#skm-progress").update(line)


def _refresh_progress(app: Any) -> None:
    """After a saved answer: the dashboard's SKM line counts it."""
    from screens.home import HomeScreen

    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
    if home is not None:
        show_skm_progress(home)
