"""The satisfaction survey on the counter's own terminal, turned to face the visitor.

Big, plain questions one at a time; the visitor presses 1–4 (0 skips a question,
Esc skips the rest). Then the profile (optional), a free "saran", "Terima kasih",
and the screen gives itself back to the officer after a few seconds — also when
the visitor walks away (idle timeout): what was answered is kept, nothing else.
The screen knows the service, the desk and the date, never the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from counter.skm.questions import Question, Questionnaire
from counter.skm.response import Response, make_response
from counter.texts import skm as T

THANKS_SECONDS = 4.0
IDLE_SECONDS = 120.0


@dataclass(frozen=True)
class SurveyContext:
    """What a response may know about the service it rates."""

    layanan: str
    layanan_nama: str
    loket: int
    tanggal: date


class SurveyScreen(Screen[Response | None]):
    """Dismisses with the response (None when nothing was answered)."""

    DEFAULT_CSS = """
    SurveyScreen { align: center middle; }
    #survey { width: 90%; max-width: 96; height: auto; padding: 1 2; border: heavy $accent; }
    #survey-title { text-style: bold; color: $accent; }
    #progress { color: $text-muted; }
    #question { text-style: bold; margin: 1 0; }
    .choice { padding: 0 1; margin: 0 0 0 2; }
    #keys { color: $text-muted; margin-top: 1; }
    #saran { margin-top: 1; display: none; }
    """
    AUTO_FOCUS = None  # the keys are the answers until the saran field is shown
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip_all", T.SURVEY_SKIPPED, show=False, id="survey.skip_all"),
    ]

    def __init__(self, questionnaire: Questionnaire, context: SurveyContext, *,
                 thanks_seconds: float | None = None, idle_seconds: float | None = None
                 ) -> None:
        super().__init__()
        self.q = questionnaire
        self.context = context
        self.questions: list[tuple[str, Question]] = (
            [("unsur", u) for u in questionnaire.unsur]
            + [("tambahan", t) for t in questionnaire.tambahan]
            + [("profil", p) for p in questionnaire.profil])
        self.index = 0
        self.answers: dict[str, int | None] = {}
        self.extras: dict[str, int | None] = {}
        self.profile: dict[str, str] = {}
        self.thanks_seconds = THANKS_SECONDS if thanks_seconds is None else thanks_seconds
        self.idle_seconds = IDLE_SECONDS if idle_seconds is None else idle_seconds
        self._idle: Timer | None = None
        self._done = False
        self._response: Response | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="survey"):
            yield Static(f"{T.SURVEY_TITLE} — {self.context.layanan_nama}", id="survey-title")
            yield Static(T.SURVEY_INTRO, id="intro")
            yield Static("", id="progress")
            yield Static("", id="question")
            yield Static("", id="choices")
            yield Input(placeholder=T.SURVEY_SARAN, id="saran", disabled=True)
            yield Static("", id="keys")

    def on_mount(self) -> None:
        self._show()
        self._idle = self.set_interval(self.idle_seconds, self._walked_away)

    def _touch(self) -> None:
        if self._idle is not None:
            self._idle.reset()

    # ---------------------------------------------------------------- flow

    def _show(self) -> None:
        if self.index >= len(self.questions):
            self._ask_saran()
            return
        kind, question = self.questions[self.index]
        self.query_one("#progress", Static).update(
            T.SURVEY_PROGRESS.format(n=self.index + 1, total=len(self.questions)))
        self.query_one("#question", Static).update(question.pertanyaan)
        lines = [f"[b]{i}[/b]  {label}" for i, label in enumerate(question.pilihan, start=1)]
        self.query_one("#choices", Static).update("\n".join(lines))
        self.query_one("#keys", Static).update(
            T.SURVEY_PROFILE_KEYS if kind == "profil" else T.SURVEY_KEYS)

    def _ask_saran(self) -> None:
        self.query_one("#progress", Static).update("")
        self.query_one("#question", Static).update(T.SURVEY_SARAN)
        self.query_one("#choices", Static).update("")
        self.query_one("#keys", Static).update("Enter: selesai")
        saran = self.query_one("#saran", Input)
        saran.display = True
        saran.disabled = False
        saran.focus()

    def on_key(self, event: object) -> None:
        key = getattr(event, "character", None) or ""
        if self._done or self.index >= len(self.questions) or not key.isdigit():
            return
        self._touch()
        kind, question = self.questions[self.index]
        choice = int(key)
        if choice > len(question.pilihan):
            return
        value = choice or None  # 0 skips
        if kind == "unsur":
            self.answers[question.kode] = value
        elif kind == "tambahan":
            self.extras[question.kode] = value
        elif value is not None:
            self.profile[question.kode] = question.pilihan[value - 1]
        self.index += 1
        self._show()
        stop = getattr(event, "stop", None)
        if callable(stop):
            stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._finish(event.value)

    def on_input_changed(self, _: Input.Changed) -> None:
        self._touch()

    def action_skip_all(self) -> None:
        self._finish("")

    def _walked_away(self) -> None:
        if not self._done:
            self._finish(self.query_one("#saran", Input).value)

    def _finish(self, saran: str) -> None:
        if self._done:
            return
        self._done = True
        if self._idle is not None:
            self._idle.stop()
        response = None
        if any(v is not None for v in self.answers.values()):
            response = make_response(
                self.q, tanggal=self.context.tanggal, layanan=self.context.layanan,
                loket=self.context.loket, jawaban=self.answers, profil=self.profile,
                tambahan=self.extras, saran=saran, sumber="loket")
        self.query_one("#saran", Input).display = False
        self.query_one("#progress", Static).update("")
        self.query_one("#choices", Static).update("")
        self.query_one("#keys", Static).update("")
        self.query_one("#question", Static).update(
            T.SURVEY_THANKS if response is not None else T.SURVEY_SKIPPED)
        self._response = response
        self.set_timer(self.thanks_seconds, self._give_back)

    def _give_back(self) -> None:
        self.dismiss(self._response)
