"""Case detail / timeline: the whole story of one file, and a reprint.

Opened from the dashboard, the daily log or a scan. Shows who the case is for
(NIK and telepon masked), where the file is now and since when, each step's
time against its mutu baku (paused time apart), and every event in words with
its time, officer and desk. A receipt can be printed again from here: the
document is rendered, saved and printed in a worker, and the attempt is
recorded, so a failed print never counts as issued.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from counter import dates
from counter.errors import LoketError
from counter.texts import shell as TS
from counter.texts import ui_accounts as TA
from counter.texts import ui_review as T
from screens.messages import CaseChanged
from screens.services import tell
from screens.widgets import case_story as story
from screens.widgets.choice import ChoiceModal
from screens.widgets.footer import QuietFooter
from screens.worker_guard import guarded_work

NIK_SHOWN_S = 60  # long enough to type it elsewhere; then masked again
REFRESH_S = 15.0  # an open case's timers move; a slow refresh is enough on a detail page

PrintPdf = Callable[[Path, str | None], Any]  # (pdf path, printer) -> PrintResult


def shell_header(app: Any) -> Any:
    """The app's one-line header (office, officer, date) when running inside the shell."""
    if not callable(getattr(app, "now", None)):
        return None
    from screens.widgets.header import LoketHeader

    return LoketHeader()


def header_table(view: Any, nik: str = "", names: Mapping[int, str] | None = None) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in story.header_rows(view, nik, names):
        cell = Text(value)
        if label == T.CASE_LABEL_TIME:
            cell.stylize(story.level_style(view.timing.level))
        table.add_row(label, cell)
    return table


def steps_table(view: Any) -> Table:
    table = Table(expand=True, pad_edge=False, show_edge=False, box=None, padding=(0, 1))
    table.add_column(T.COL_STEP, ratio=3, overflow="fold")
    table.add_column(T.COL_ELAPSED, ratio=1, overflow="fold")
    table.add_column(T.COL_LIMIT, ratio=1, overflow="fold")
    table.add_column(T.COL_LEVEL, ratio=1, overflow="fold")
    table.add_column(T.COL_PAUSED, ratio=1, overflow="fold")
    opened = view.state.opened_at
    for line in story.step_lines(view):
        label = Text(f"{line.no}. {line.kegiatan}")
        who = ", ".join(x for x in (line.pelaksana, line.officer) if x)
        span = f"{story.when(line.started_at, opened)}\u2013{story.when(line.ended_at, opened)}" \
            if line.ended_at else story.when(line.started_at, opened)
        label.append(f"\n{who} \u00b7 {span} \u00b7 {line.outcome}", style="dim")
        if line.over_reason:
            label.append(f"\n{T.CASE_OVER_REASON.format(reason=line.over_reason)}",
                         style="italic")
        style = story.level_style(line.level)
        table.add_row(label, Text(line.elapsed, style=style), line.limit,
                      Text(story.level_word(line.level), style=style),
                      Text(line.paused or T.NOTHING, style="cyan" if line.paused else "dim"))
    return table


def timeline(view: Any, names: Mapping[int, str] | None = None) -> Group:
    parts: list[Any] = []
    for day, events in story.by_day(view.state.events):
        parts.append(Text(dates.format_day_date(day) if day else T.NOTHING,
                          style="bold underline"))
        table = Table(expand=True, pad_edge=False, show_edge=False, box=None, padding=(0, 1))
        table.add_column(T.COL_TIME, no_wrap=True, width=5)
        table.add_column(T.COL_OFFICER, ratio=1, overflow="fold")
        # a counter by its number, a named desk by its name ("Koor"), folded if long
        table.add_column(T.COL_DESK, width=8 if names else 5, overflow="fold")
        table.add_column(T.COL_EVENT, ratio=3, overflow="fold")
        for ev in events:
            at = story.parse_at(ev.get("at"))
            text = Text(story.describe(ev, view.sop))
            if ev.get("type") == "printed" and not (ev.get("data") or {}).get("ok"):
                text.stylize("yellow")
            table.add_row(dates.format_time(at) if at else T.NOTHING, str(ev.get("officer", "")),
                          _desk_cell(ev.get("desk", ""), names), text)
        parts.append(table)
    anomalies = view.state.anomalies
    if anomalies:
        parts.append(Text(T.CASE_ANOMALIES, style="bold yellow"))
        parts.extend(Text(f"  {a.message}", style="yellow") for a in anomalies)
    return Group(*parts)


def _desk_cell(desk: Any, names: Mapping[int, str] | None) -> str:
    """The desk column: its number, or the name the office gave it (meja pejabat)."""
    name = (names or {}).get(desk, "") if isinstance(desk, int) else ""
    return name or str(desk)


def reprintable(view: Any) -> list[str]:
    """The documents this case has a reason to carry: a tanda terima always; a hand-off
    slip once handed off; a berkas kurang slip once the applicant was asked for more."""
    kinds = ["tanda-terima"]
    types = {ev.get("type") for ev in view.state.events}
    if "handed_off" in types:
        kinds.append("serah-terima")
    if "waiting_applicant" in types:
        kinds.append("berkas-kurang")
    if "step_returned" in types:
        kinds.append("pengembalian")
    return kinds


class ReprintModal(ChoiceModal):
    """Which document to print again."""

    def __init__(self, kinds: list[str]) -> None:
        super().__init__(T.REPRINT_WHICH, [(k, T.DOC_NAMES[k]) for k in kinds])


class CaseDetailScreen(Screen[None]):
    """One case's header, its steps against mutu baku, and its timeline."""

    CSS_PATH = "case_detail.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # first, so the footer keeps F1 at 80 columns
        Binding("f1", "app.help", T.KEY_HELP, id="riwayat.bantuan"),
        Binding("escape", "back", T.KEY_BACK, id="riwayat.kembali"),
        Binding("p,ctrl+p", "reprint", T.KEY_REPRINT, key_display="p", id="riwayat.cetak_ulang"),
        Binding("r", "reload", T.KEY_REFRESH, id="riwayat.muat_ulang"),
        Binding("n", "reveal_nik", T.KEY_REVEAL_NIK, id="riwayat.tampilkan_nik"),
        Binding("b", "reopen", TA.KEY_REOPEN, id="riwayat.buka_kembali"),
    ]

    def __init__(
        self,
        code: str,
        desk: Any = None,
        *,
        pdf_dir: Path | None = None,
        print_pdf: PrintPdf | None = None,
        refresh_s: float | None = REFRESH_S,
    ) -> None:
        super().__init__()
        self.code = code
        self._desk = desk
        self._pdf_dir = pdf_dir
        self._print_pdf = print_pdf
        self.refresh_s = refresh_s
        self.view: Any = None
        self.printing = False
        self.revealed_nik = ""  # shown in full for a short while after `n` (recorded)

    # ------------------------------------------------------------- wiring

    @property
    def desk(self) -> Any:
        """The desk service given, or the app's (the shell builds one per officer)."""
        return self._desk if self._desk is not None else getattr(self.app, "desk", None)

    def pdf_dir(self) -> Path:
        if self._pdf_dir is not None:
            return self._pdf_dir
        paths = getattr(self.app, "paths", None)
        if paths is not None:
            return Path(paths.pdf_dir)
        from counter.config import resolve_paths

        return resolve_paths().pdf_dir

    def compose(self) -> ComposeResult:
        header = shell_header(self.app)
        if header is not None:
            yield header
        with VerticalScroll(id="case-body"):
            yield Static(id="case-header")
            yield Static(T.CASE_STEPS, classes="case-section")
            yield Static(id="case-steps")
            yield Static(T.CASE_TIMELINE, classes="case-section")
            yield Static(id="case-timeline")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.action_reload()
        if self.refresh_s and self.view is not None and not self.view.state.closed:
            self.set_interval(self.refresh_s, self.tick)

    # ------------------------------------------------------------- showing

    def action_reload(self) -> None:
        try:
            view = self.desk.view(self.code)
        except LoketError as err:
            self.notify(err.user_text, severity="error")
            return
        self.show(view)

    def tick(self) -> None:
        """Move the timers on without reading the store."""
        if self.view is not None and not self.view.state.closed:
            self.show(self.desk.remeasure(self.view))

    def show(self, view: Any) -> None:
        self.view = view
        self.refresh_bindings()
        self.sub_title = view.code_human
        self.title = T.CASE_TITLE.format(code=view.code_human)
        names = getattr(self.desk, "desk_names", None) or {}
        self.query_one("#case-header", Static).update(header_table(view, self.revealed_nik,
                                                                   names))
        self.query_one("#case-steps", Static).update(steps_table(view))
        self.query_one("#case-timeline", Static).update(timeline(view, names))

    def action_back(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal_nik":  # offered only where there is a NIK to show
            return self.view is not None and bool(self.view.state.visitor.nik)
        if action == "reopen":  # only a closed case reopens (a supervisor's act)
            return self.view is not None and self.view.state.closed
        return True

    def action_reopen(self) -> None:
        """Reopen a case closed by mistake: a supervisor's act, with a reason."""
        from counter.accounts.roles import Act
        from screens.modals import TextModal
        from screens.supervisor_pin import as_supervisor

        view = self.view
        if view is None or not view.state.closed:
            return

        def ask(desk: Any) -> None:
            def done(reason: str | None) -> None:
                if not reason:
                    return
                try:
                    reopened = desk.reopen(self.code, reason, expect=view.state.last_event_id)
                except LoketError as err:
                    self.notify(err.user_text, severity="error")
                    return
                self.notify(TA.REOPENED.format(code=reopened.code_human, nama=desk.officer))
                tell(self, CaseChanged(self.code))
                self.show(reopened)

            self.app.push_screen(TextModal(TA.REOPEN_TITLE, TA.REOPEN_LABEL, required=True),
                                 done)

        as_supervisor(self.app, Act.REOPEN, ask)

    def action_reveal_nik(self) -> None:
        """Show the full NIK for a minute (to type it into another system); the look is
        recorded as an event before anything is shown."""
        if self.view is None or not self.view.state.visitor.nik:
            return
        try:
            self.revealed_nik = self.desk.reveal_nik(self.code, T.NIK_WHERE)
        except LoketError as err:
            self.notify(err.user_text, severity="error")
            return
        self.notify(T.NIK_SHOWN.format(seconds=NIK_SHOWN_S, officer=self.desk.officer))
        self.show(self.desk.view(self.code))
        self.set_timer(NIK_SHOWN_S, self.hide_nik)

    def hide_nik(self) -> None:
        self.revealed_nik = ""
        if self.view is not None:
            self.show(self.view)

    # ------------------------------------------------------------- reprint

    def action_reprint(self) -> None:
        if self.view is None or self.printing:
            return
        kinds = reprintable(self.view)
        if len(kinds) == 1:
            self.start_print(kinds[0])
        else:
            self.app.push_screen(ReprintModal(kinds), self._chosen)

    def _chosen(self, kind: str | None) -> None:
        if kind:
            self.start_print(kind)

    def start_print(self, kind: str) -> None:
        self.printing = True
        self.notify(T.REPRINT_BUSY.format(doc=T.DOC_NAMES[kind]), timeout=3)
        self.print_worker(kind, self.pdf_dir())

    @guarded_work(TS.WORK_REPRINT, recover="print_crashed", thread=True, exclusive=True,
                  group="reprint")
    def print_worker(self, kind: str, pdf_dir: Path) -> None:
        """Render, save, print, record: disk and spooler work off the UI thread."""
        try:
            view, message, severity = self._print(kind, pdf_dir)
        except LoketError as err:
            view, message, severity = None, err.user_text, "error"
        self.app.call_from_thread(self._printed, view, message, severity)

    def print_crashed(self) -> None:
        self.printing = False

    def _print(self, kind: str, pdf_dir: Path) -> tuple[Any, str, str]:
        # a copy of a paper already issued says so by itself ("SALINAN — dicetak ulang …")
        new_view, issued = self.desk.issue(self.code, kind, pdf_dir, issue_fn=self._issue_fn())
        doc = T.DOC_NAMES[kind]
        if issued.ok:
            return new_view, T.REPRINT_OK.format(doc=doc, printer=issued.printer), "information"
        if not issued.printer:
            return new_view, T.REPRINT_PDF_ONLY.format(doc=doc, pdf=issued.pdf), "warning"
        return new_view, T.REPRINT_FAILED.format(doc=doc, error=issued.error,
                                                 pdf=issued.pdf), "error"

    def _issue_fn(self) -> Callable[..., Any] | None:
        """The app's stand-in for `counter.printing.issue`, or ours around `print_pdf`."""
        if self._print_pdf is None:
            return getattr(self.app, "issue", None)
        from counter import printing

        send = self._print_pdf
        return partial(printing.issue,
                       print_fn=lambda path, printer, **_: send(path, printer))

    def _printed(self, view: Any, message: str, severity: str) -> None:
        self.printing = False
        if view is not None:
            self.show(view)
            tell(self, CaseChanged(self.code))
        self.notify(message, severity=severity, timeout=8)  # type: ignore[arg-type]
