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
    from screens.skm_service import survey_store

    surveys = survey_store(app.paths)

    def answered(response: Any) -> None:
        if response is None:
            return

        def save() -> None:
            surveys.add([response])

        run_guarded(app, save, T.WORK_SAVE_SURVEY, thread=True, group="survey")
        app.notify(T.SURVEY_SAVED)

    app.push_screen(SurveyScreen(surveys.questionnaire, context), answered)
