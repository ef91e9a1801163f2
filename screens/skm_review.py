"""F4 → k: the satisfaction index of a period on screen (unit, per unsur lowest
first, per service and desk, the sample against the minimum, the saran), with
the period moved by keys and the regulation-layout PDF/XLSX one key away."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from counter.skm import export as X
from counter.skm.period import PERIODS, period_containing
from counter.skm.report import SkmReport
from counter.texts import skm as T
from screens.widgets.header import LoketHeader
from screens.worker_guard import run_guarded

# Unsur, NRR, Mutu, Resp., Σ nilai, NRR × bobot, Nama unsur (the export's column order
# is the regulation's; see counter/skm/export.py).
UNSUR_ORDER = (0, 4, 6, 3, 2, 5, 1)


class SkmReviewScreen(Screen[None]):
    DEFAULT_CSS = """
    SkmReviewScreen #skm-head { padding: 0 1; height: auto; }
    SkmReviewScreen DataTable { height: auto; max-height: 14; margin: 0 1; }
    SkmReviewScreen #skm-saran { padding: 0 1; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Kembali", id="skm.back"),
        Binding("left_square_bracket,pageup", "prev", "Periode sebelumnya", key_display="[",
                id="skm.prev"),
        Binding("right_square_bracket,pagedown", "next", "Periode berikutnya",
                key_display="]", id="skm.next"),
        Binding("m", "cycle", "Triwulan/semester/tahun", id="skm.cycle"),
        Binding("e", "export", "Ekspor PDF+XLSX", id="skm.export"),
    ]

    def __init__(self, today: date) -> None:
        super().__init__()
        self.kind = "semester"
        self.pivot = today
        self.report: SkmReport | None = None

    def compose(self) -> ComposeResult:
        yield LoketHeader()
        with VerticalScroll():
            yield Static(T.HOME_SKM_LOADING, id="skm-head")
            yield DataTable(id="skm-unsur", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="skm-groups", cursor_type="row", zebra_stripes=True)
            yield Static("", id="skm-saran")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()

    @property
    def period(self) -> tuple[date, date]:
        return period_containing(self.pivot, self.kind)

    def load(self) -> None:
        first, last = self.period
        app: Any = self.app

        def read() -> None:
            from screens.skm_service import build_skm_report

            report = build_skm_report(app.paths, app.profile, app.catalog, app.store,
                                      first, last)
            self.app.call_from_thread(self.show, report)

        run_guarded(self, read, T.WORK_SKM_REPORT, thread=True, group="skm-review",
                    exclusive=True)

    def show(self, report: SkmReport) -> None:
        self.report = report
        app: Any = self.app
        lines = X.header_lines(report, app.profile.unit, None)
        self.query_one("#skm-head", Static).update("\n".join(lines[2:]))
        # on screen the figures come before the long names, so 80 columns show them
        unsur = [[r[i] for i in UNSUR_ORDER] for r in X.unsur_rows(report.unit, report)]
        for table_id, rows in (("#skm-unsur", unsur), ("#skm-groups", X.group_rows(report))):
            table = self.query_one(table_id, DataTable)
            table.clear(columns=True)
            header, *body = list(rows)
            table.add_columns(*header)
            table.add_rows(body)
        saran = [T.REPORT_SARAN + ":"] + [f"• {s}" for s in report.saran[-20:]]
        if not report.saran:
            saran.append(T.REPORT_NO_SARAN)
        self.query_one("#skm-saran", Static).update("\n".join(saran))

    def action_back(self) -> None:
        self.app.pop_screen()

    def _move(self, direction: int) -> None:
        first, last = self.period
        self.pivot = last + timedelta(days=1) if direction > 0 else first - timedelta(days=1)
        self.load()

    def action_prev(self) -> None:
        self._move(-1)

    def action_next(self) -> None:
        self._move(+1)

    def action_cycle(self) -> None:
        kinds = [k for k in PERIODS if k != "bulan"]
        self.kind = kinds[(kinds.index(self.kind) + 1) % len(kinds)] \
            if self.kind in kinds else "semester"
        self.load()

    def action_export(self) -> None:
        report = self.report
        if report is None:
            return
        app: Any = self.app

        def write() -> None:
            from screens.skm_service import write_output

            folder = app.paths.data_dir / "laporan"
            stem = f"skm-{report.start.isoformat()}-{report.end.isoformat()}"
            pdf = X.pdf_bytes(report, app.profile.unit, app.profile.instansi,
                              printed_at=app.now())
            write_output(folder / f"{stem}.pdf", pdf, create_parent=True)
            write_output(folder / f"{stem}.xlsx", X.xlsx_bytes(report, app.profile.unit),
                         create_parent=True)
            self.app.call_from_thread(
                self.app.notify, T.REPORT_SAVED.format(path=folder / f"{stem}.pdf"))

        run_guarded(self, write, T.WORK_SKM_EXPORT, thread=True, group="skm-export")
