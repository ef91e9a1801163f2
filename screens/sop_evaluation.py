"""Evaluasi (from F3, the SOP browser): one SOP's mutu baku judged by the runs it timed.

The figures are computed in a worker (a quarter of an office is thousands of
cases) by `counter.evaluation`; the body is the same text as `loket sop
evaluasi`. `p` changes the period, `t` lets a supervisor accept a step's
proposed mutu baku into a new SOP version, `e` writes the PDF to `laporan/`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from counter.accounts.roles import Act
from counter.errors import LoketError
from counter.evaluation.evaluate import Evaluation
from counter.sop import Sop
from counter.texts import evaluation as T
from counter.texts import ui_accounts as TA
from screens.modals import FieldProblem, FormModal
from screens.supervisor_pin import as_supervisor
from screens.worker_guard import guarded_work

DEFAULT_DAYS = 91
VERDICT_STYLES = {"SESUAI": "bold green", "TERLALU KETAT": "bold red",
                  "TERLALU LONGGAR": "bold yellow", "BERMASALAH": "bold magenta",
                  "BELUM DINILAI": "dim"}


class PeriodModal(FormModal):
    """Two dates, each read like the CLI's (ISO, 25-11-2026, "25 November 2026")."""

    def __init__(self, first: date, last: date, today: date) -> None:
        super().__init__(T.KEY_PERIOD)
        self.first, self.last, self.today = first, last, today

    def fields(self) -> ComposeResult:
        yield Label(T.PERIOD_FROM)
        yield Input(self.first.isoformat(), id="dari")
        yield Label(T.PERIOD_TO)
        yield Input(self.last.isoformat(), id="sampai")

    def answer(self) -> tuple[date, date]:
        from counter import report as R

        out = []
        for wid in ("dari", "sampai"):
            try:
                out.append(R.parse_date(self.value(wid), self.today))
            except LoketError as err:
                raise FieldProblem(err.message, wid) from None
        try:
            R.check_range(out[0], out[1])
        except LoketError as err:
            raise FieldProblem(err.message, "sampai") from None
        return out[0], out[1]


class AcceptModal(FormModal):
    """Which steps' proposals the supervisor (signed in, or whose PIN was just typed)
    accepts; the new version's note names them."""

    def __init__(self, proposals: dict[int, str], supervisor: str) -> None:
        super().__init__(T.KEY_ACCEPT)
        self.proposals, self.supervisor = proposals, supervisor

    def fields(self) -> ComposeResult:
        listed = ", ".join(f"{no} \u2192 {w}" for no, w in self.proposals.items())
        yield Label(f"{T.ACCEPT_ASK} ({listed})")
        yield Input(", ".join(str(no) for no in self.proposals), id="langkah")
        yield Label(T.PENYELIA_LABEL.format(nama=self.supervisor), id="penyelia")

    def answer(self) -> list[int]:
        from counter.evaluation.accept import parse_steps

        text = self.value("langkah")
        try:
            steps = parse_steps(text)
        except LoketError:
            steps = []
        if not steps or any(no not in self.proposals for no in steps):
            raise FieldProblem(T.ACCEPT_BAD.format(text=text), "langkah")
        return steps


class SopEvaluationScreen(Screen[None]):
    CSS = """
    #eva-title { height: auto; padding: 0 1; text-style: bold; }
    #eva-body { height: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", T.KEY_BACK, id="evaluasi.kembali"),
        Binding("p", "period", T.KEY_PERIOD, id="evaluasi.periode"),
        Binding("t", "accept", T.KEY_ACCEPT, id="evaluasi.terima"),
        Binding("e", "export", T.KEY_EXPORT, id="evaluasi.ekspor"),
    ]

    def __init__(self, sop: Sop, *, first: date | None = None, last: date | None = None) -> None:
        super().__init__()
        self.sop = sop
        self.period: tuple[date, date] | None = (first, last) if first and last else None
        self.evaluation: Evaluation | None = None

    def compose(self) -> ComposeResult:
        from screens.case_detail import shell_header

        header = shell_header(self.app)
        if header is not None:
            yield header
        yield Static(id="eva-title")
        with VerticalScroll(id="eva-body", can_focus=True):
            yield Static(T.LOADING, id="eva-view")
        yield Footer()

    @property
    def app_any(self) -> Any:
        return self.app

    def today(self) -> date:
        now = getattr(self.app_any, "now", None)
        return now().date() if callable(now) else date.today()

    def on_mount(self) -> None:
        self.title = T.SCREEN_TITLE
        if self.period is None:
            last = self.today()
            self.period = (last - timedelta(days=DEFAULT_DAYS - 1), last)
        self.query_one("#eva-body", VerticalScroll).focus()
        self.load()

    def load(self) -> None:
        assert self.period is not None
        self.query_one("#eva-title", Static).update(f"{self.sop.nama} \u2014 {T.LOADING}")
        self.load_worker(*self.period)

    @guarded_work(T.WORK_LOAD, recover="load_crashed", thread=True, exclusive=True,
                  group="sop-evaluation")
    def load_worker(self, first: date, last: date) -> None:
        from counter.evaluation.load import load_evaluation

        desk = getattr(self.app_any, "desk", None)
        if desk is None:
            self.app.call_from_thread(self.shown, None, T.NO_RUNS)
            return
        sop = desk.catalog.get(self.sop.id) if hasattr(desk.catalog, "get") else self.sop
        try:
            loaded = load_evaluation(desk, sop, first, last)
        except LoketError as err:
            self.app.call_from_thread(self.shown, None, str(err))
            return
        self.app.call_from_thread(self.shown, loaded.evaluation, "")

    def load_crashed(self) -> None:
        self.shown(None, T.NO_RUNS)

    def shown(self, ev: Evaluation | None, problem: str) -> None:
        from counter.evaluation.sections import heading_lines
        from counter.evaluation.text import render_text

        self.evaluation = ev
        view = self.query_one("#eva-view", Static)
        if ev is None:
            self.query_one("#eva-title", Static).update(self.sop.nama)
            view.update(problem)
            return
        self.sop = ev.current or ev.sop
        head = heading_lines(ev)
        title = f"{head[0]}\n{head[1]} \u00b7 {head[2]}"
        if ev.outdated:
            title += f"\n{head[-1]}"
        self.query_one("#eva-title", Static).update(title)
        lines = render_text(ev).splitlines()[len(head) + 1:]
        body = Text("\n".join(lines))
        for word, style in VERDICT_STYLES.items():
            body.highlight_words([f": {word}"], style=style)
        view.update(body)

    # ---------------------------------------------------------------- actions

    def action_back(self) -> None:
        self.dismiss(None)

    def action_period(self) -> None:
        assert self.period is not None
        self.app.push_screen(PeriodModal(*self.period, self.today()), self._period_chosen)

    def _period_chosen(self, chosen: tuple[date, date] | None) -> None:
        if chosen is not None:
            self.period = chosen
            self.load()

    def proposals(self) -> dict[int, str]:
        if self.evaluation is None or self.evaluation.outdated:
            return {}
        return {s.no: s.verdict.proposal for s in self.evaluation.steps if s.verdict.proposal}

    def action_accept(self) -> None:
        ev = self.evaluation
        if ev is not None and ev.outdated and ev.current is not None:
            self.notify(T.PROPOSAL_OUTDATED.format(versi=ev.sop.versi, current=ev.current.versi),
                        severity="warning")
            return
        proposals = self.proposals()
        if not proposals:
            self.notify(T.NO_PROPOSALS, severity="warning")
            return
        if getattr(self.app_any, "desk", None) is None:  # nobody signed in: nobody accepts
            self.notify(TA.SIGN_IN_FIRST, severity="warning")
            return
        # a new SOP version is a supervisor's act: a petugas's desk asks for the PIN
        as_supervisor(self.app, Act.SOP_EDIT, lambda desk: self.app.push_screen(
            AcceptModal(proposals, desk.officer),
            lambda steps: self._accepted(steps, desk.officer)))

    def _accepted(self, steps: list[int] | None, supervisor: str) -> None:
        if not steps or self.evaluation is None:
            return
        from counter.evaluation.accept import accept_proposal
        from counter.sop import load_catalog

        app = self.app_any
        folder = app.paths.sop_dir
        kept = [s.versi for s in app.catalog.versions_of(self.sop.id)]
        ev, proposals = self.evaluation, self.proposals()
        try:
            saved = accept_proposal(ev, steps, folder, self.today(), supervisor, kept)
        except LoketError as err:
            self.notify(str(err), severity="error")
            return
        app.catalog = load_catalog([folder])
        if getattr(app, "desk", None) is not None:
            app.desk.catalog = app.catalog
        self.notify("\n".join(T.ACCEPTED.format(step=no, old=ev.step(no).waktu,
                                                new=proposals[no], versi=saved.versi)
                              for no in steps))
        self.load()

    def action_export(self) -> None:
        if self.evaluation is not None:
            self.export_worker(self.evaluation)

    @guarded_work(T.WORK_EXPORT, thread=True, group="sop-evaluation-export")
    def export_worker(self, ev: Evaluation) -> None:
        from counter.evaluation.load import file_name
        from counter.evaluation.pdf import write_pdf

        app = self.app_any
        try:
            app.paths.report_dir.mkdir(parents=True, exist_ok=True)
            out = app.paths.report_dir / file_name(ev.sop.id, ev.first, ev.last, "pdf")
            path = write_pdf(ev, app.profile, out)
        except (LoketError, OSError) as err:
            self.app.call_from_thread(self.notify, str(err), severity="error")
            return
        self.app.call_from_thread(self.notify, T.EXPORTED.format(path=path))
