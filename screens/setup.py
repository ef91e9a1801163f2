"""Start of day: the first-run office setup, then picking the officer on duty and desk.

The first run must not need a text editor: four fields make a working profile
(saved with `save_profile`); the rest of loket.toml can be filled in later.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from counter.calendar_text import (
    closed_days_text,
    parse_closed_days,
    parse_percent,
    parse_ramadan,
    percent_text,
    ramadan_text,
)
from counter.codes import desk_number
from counter.config import (
    PRINTER_KINDS,
    Officer,
    Profile,
    PusatSettings,
    default_profile,
    save_profile,
)
from counter.errors import ConfigError, LoketError
from counter.office_hours import parse_hours
from counter.paper_sizes import DPIS, PAPERS
from counter.sync.dsn import mask_dsn
from counter.texts import ui as T
from counter.texts.receipt import PAPER_NAMES
from screens.services import loket
from screens.setup_office_keys import office_key_changes, office_key_fields, supervisor_left
from screens.widgets.header import LoketHeader


class SetupScreen(Screen[Profile | None]):
    """The office profile in the app: the first run (empty fields with examples) and,
    later, the settings (F9) that edit the saved profile; saved to loket.toml."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", T.KEY_SAVE, id="pengaturan.simpan"),
        Binding("escape", "cancel", T.KEY_BACK, id="pengaturan.batal"),
    ]

    def __init__(self, profile: Profile | None = None) -> None:
        super().__init__()
        self.profile = profile  # None: the first run
        self._listed_at_start: object = None

    def compose(self) -> ComposeResult:
        p = self.profile
        yield LoketHeader()
        with VerticalScroll(id="setup"):
            yield Static(T.SETUP_TITLE if p is None else T.SETTINGS_TITLE, classes="title")
            intro = T.SETUP_INTRO if p is None else T.SETTINGS_INTRO
            yield Static(intro.format(path=loket(self).paths.config_file), classes="hint")
            yield Label(T.SETUP_INSTANSI)
            # Empty fields with examples on the first run: a prefilled generic name
            # would end up on every receipt when the officer types after it.
            yield Input(p.instansi if p else "", id="instansi",
                        placeholder=T.SETUP_INSTANSI_HINT)
            yield Label(T.SETUP_UNIT)
            yield Input(p.unit if p else "", id="unit", placeholder=T.SETUP_UNIT_HINT)
            yield Label(T.SETUP_ALAMAT)
            yield Input(p.alamat if p else "", id="alamat", placeholder=T.SETUP_ALAMAT_HINT)
            yield Label(T.SETUP_TELEPON)
            yield Input(p.telepon if p else "", id="telepon")
            yield Label(T.SETUP_DESK)
            # no max_length: 150 must be refused with a message, not cut to 15
            yield Input(str((p or default_profile()).desk), id="desk", restrict=r"[0-9]*")
            yield Label(T.SETUP_OFFICERS)
            yield Input(", ".join(o.nama for o in p.officers) if p else "", id="officers",
                        placeholder=T.SETUP_OFFICERS_HINT)
            if p is not None:
                yield from self._printing(p)
                yield Label(T.SETTINGS_CLOSED)
                yield Input(closed_days_text(p.calendar.closed_days), id="closed",
                            placeholder=T.SETTINGS_CLOSED_HINT)
                yield Label(T.SETTINGS_RAMADAN)
                yield Input(ramadan_text(p.calendar.ramadan), id="ramadan",
                            placeholder=T.SETTINGS_RAMADAN_HINT)
                yield Label(T.SETTINGS_HOURS)
                yield Input(p.calendar.jam_kerja, id="hours", placeholder=T.SETTINGS_HOURS_HINT)
                yield Label(T.SETTINGS_NEARING)
                yield Input(percent_text(p.nearing), id="nearing", restrict=r"[0-9.,% ]*")
                yield from office_key_fields(p)
                yield Static(T.SETTINGS_PUSAT, classes="title")
                yield Label(T.SETTINGS_PUSAT_DSN)
                # The saved address is never put on screen: only its masked form as a
                # hint; typing a new one replaces it, leaving it empty keeps it.
                hint = mask_dsn(p.pusat.dsn) if p.pusat.dsn else T.SETTINGS_PUSAT_DSN_HINT
                yield Input("", id="pusat-dsn", placeholder=hint, password=True)
                yield Label(T.SETTINGS_PUSAT_KANTOR)
                yield Input(p.pusat.kantor, id="pusat-kantor", restrict=r"[a-z0-9_-]*",
                            max_length=40, placeholder=T.SETTINGS_PUSAT_KANTOR_HINT)
                yield Label(T.SETTINGS_PUSAT_MEJA)
                yield Input(p.pusat.nama_meja, id="pusat-meja",
                            placeholder=T.SETTINGS_PUSAT_MEJA_HINT)
                yield Label(T.SETTINGS_PUSAT_PERAN)
                yield Input(", ".join(p.pusat.peran), id="pusat-peran",
                            placeholder=T.SETTINGS_PUSAT_PERAN_HINT)
            yield Static("", id="setup-error", classes="error")
            yield Button(T.SETUP_SAVE if p is None else T.SETTINGS_SAVE, id="save",
                         variant="primary")
        yield Footer(compact=True)

    def _printing(self, p: Profile) -> ComposeResult:
        """Printer (typed, or picked from what CUPS has), paper, resolution, a test print."""
        from counter.printing import list_printers

        self.printers = list_printers(timeout=3.0)
        yield Label(T.SETTINGS_PRINTER_KIND)
        yield Select([(T.SETTINGS_PRINTER_KINDS[k], k) for k in PRINTER_KINDS],
                     value=p.printer_kind, allow_blank=False, id="printer-kind")
        yield Label(T.SETTINGS_PRINTER)
        yield Input(p.printer or "", id="printer", placeholder=T.SETTINGS_PRINTER_HINT)
        if self.printers.known:
            yield Label(T.SETTINGS_PRINTERS)
            options = [(T.SETTINGS_PRINTERS_NONE, "")] + [(n, n) for n in self.printers.names]
            current = p.printer if p.printer in self.printers.names else ""
            self._listed_at_start = current
            yield Select(options, value=current, allow_blank=False, id="printer-list")
        else:
            yield Static(T.SETTINGS_PRINTERS_UNKNOWN.format(error=self.printers.error),
                         classes="hint")
        yield Label(T.SETTINGS_PAPER)
        yield Select([(PAPER_NAMES[k], k) for k in PAPERS], value=p.paper,
                     allow_blank=False, id="paper")
        yield Label(T.SETTINGS_DPI)
        yield Select([(T.SETTINGS_DPI_NAMES[d], d) for d in DPIS], value=p.dpi,
                     allow_blank=False, id="dpi")
        yield Button(T.SETTINGS_TEST_PRINT, id="test-print")
        yield Static("", id="test-result", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#instansi", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        # a printer picked from CUPS's list (not the Select announcing its first value)
        if event.select.id == "printer-list" and event.value != self._listed_at_start:
            self._listed_at_start = None
            self.query_one("#printer", Input).value = str(event.value or "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "officers" and self.profile is None:
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "test-print":
            self.test_print()

    def test_print(self) -> None:
        """Print a test page on the printer, paper and resolution as chosen now (not yet
        saved), in a worker; the result shows under the button."""
        from counter.receipt import Letterhead

        result = self.query_one("#test-result", Static)
        printer = self._value("printer")
        if not printer:
            result.update(T.SETTINGS_TEST_NO_PRINTER)
            return
        result.update(T.SETTINGS_TEST_BUSY.format(printer=printer))
        head = Letterhead(self._value("instansi"), self._value("unit"), self._value("alamat"),
                          self._value("telepon"))
        paper = str(self.query_one("#paper", Select).value)
        dpi = int(self.query_one("#dpi", Select).value)  # type: ignore[arg-type]
        self._test_worker(printer, paper, dpi, head, self._printer_kind())

    def _printer_kind(self) -> str:
        return str(self.query_one("#printer-kind", Select).value)

    @work(thread=True, exclusive=True, group="test-print", exit_on_error=False)
    def _test_worker(self, printer: str, paper: str, dpi: int, head: object,
                     kind: str) -> None:
        from functools import partial

        from counter.escpos_print import print_escpos
        from counter.printing import print_test_page

        services = loket(self)
        send = partial(print_escpos, paper=paper, dpi=dpi) if kind == "escpos" else None
        try:
            issued = print_test_page(printer, paper, dpi, head, services.paths.pdf_dir,
                                     services.now(), print_fn=send)
        except LoketError as err:
            message = T.SETTINGS_TEST_FAILED.format(error=str(err))
        else:
            message = (T.SETTINGS_TEST_OK.format(printer=printer, job=issued.job or "-",
                                                 pdf=issued.pdf)
                       if issued.ok else T.SETTINGS_TEST_FAILED.format(error=issued.message()))
        self.app.call_from_thread(self.query_one("#test-result", Static).update, message)

    def action_cancel(self) -> None:
        if self.profile is not None:  # the first run has nothing to go back to
            self.dismiss(None)

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value.strip()

    def _officers(self, names: list[str]) -> tuple[Officer, ...]:
        """Officers by name; one already in the profile keeps their jabatan."""
        known = {o.nama: o for o in (self.profile.officers if self.profile else ())}
        return tuple(known.get(n) or Officer(n) for n in names)

    def _calendar_changes(self, error: Static) -> dict[str, object] | None:
        """The office calendar and threshold from their fields; a wrong one is named and
        focused, and nothing is saved."""
        assert self.profile is not None
        wid = "closed"
        try:
            closed = parse_closed_days(self._value("closed"))
            wid = "ramadan"
            ramadan = parse_ramadan(self._value("ramadan"))
            wid = "hours"
            hours = self._value("hours")
            parse_hours(hours)
            wid = "nearing"
            nearing = parse_percent(self._value("nearing"))
        except ConfigError as err:
            error.update(f"{err.field}: {err.message}")
            self.query_one(f"#{wid}", Input).focus()
            return None
        return {"calendar": replace(self.profile.calendar, closed_days=closed, ramadan=ramadan,
                                    jam_kerja=hours),
                "nearing": nearing}

    def _office_keys(self, changes: dict[str, object], error: Static) -> bool:
        """Retention, idle lock and the supervisor check into `changes`; False (the
        problem shown, its field focused) when one is wrong."""
        assert self.profile is not None
        keys, problem, wid = office_key_changes(self._value("retensi"),
                                                self._value("kunci-menit"))
        officers = changes["officers"]
        assert isinstance(officers, tuple)
        if not problem:
            problem, wid = supervisor_left(self.profile.officers, officers), "officers"
        if problem:
            error.update(problem)
            self.notify(problem, severity="error", timeout=10)  # the line may be off screen
            self.query_one(f"#{wid}", Input).focus()
            return False
        changes.update(keys)
        return True

    def action_save(self) -> None:
        error = self.query_one("#setup-error", Static)
        instansi, unit = self._value("instansi"), self._value("unit")
        names = [n.strip() for n in self._value("officers").split(",") if n.strip()]
        desk = desk_number(self._value("desk"))
        problem = None
        if not instansi:
            problem, wid = T.SETUP_REQUIRED.format(field=T.SETUP_INSTANSI), "instansi"
        elif desk is None:
            problem, wid = T.SETUP_DESK_INVALID, "desk"
        elif not names:
            problem, wid = T.SETUP_REQUIRED.format(field=T.SETUP_OFFICERS), "officers"
        if problem:
            error.update(problem)
            self.query_one(f"#{wid}", Input).focus()
            return
        assert desk is not None
        changes: dict[str, object] = {
            "instansi": instansi, "unit": unit, "desk": desk, "alamat": self._value("alamat"),
            "telepon": self._value("telepon"), "officers": self._officers(names),
        }
        if self.profile is not None:
            from counter.escpos_print import check_target
            from counter.printing import check_printer

            printer = self._value("printer") or None
            kind = self._printer_kind()
            if kind == "escpos":
                typo = check_target(printer) if printer else ""
            else:
                typo = check_printer(printer, self.printers)
            if typo:  # caught now, not at the next print in front of a visitor
                error.update(typo)
                self.notify(typo, severity="error", timeout=8)  # the field may hide the line
                self.query_one("#printer", Input).focus()
                return
            changes["printer"] = printer
            changes["printer_kind"] = kind
            changes["paper"] = str(self.query_one("#paper", Select).value)
            calendar = self._calendar_changes(error)
            if calendar is None:
                return
            changes.update(calendar)
            if not self._office_keys(changes, error):
                return
            changes["dpi"] = int(self.query_one("#dpi", Select).value)  # type: ignore[arg-type]
            changes["pusat"] = PusatSettings(
                dsn=self._value("pusat-dsn") or self.profile.pusat.dsn,
                kantor=self._value("pusat-kantor"), nama_meja=self._value("pusat-meja"),
                peran=tuple(r.strip() for r in self._value("pusat-peran").split(",")
                            if r.strip()))
        profile = (self.profile or default_profile()).with_changes(**changes)
        try:
            save_profile(loket(self).paths, profile)
        except (LoketError, OSError) as err:
            error.update(str(err))
            return
        self.app.notify(T.SETUP_SAVED.format(path=loket(self).paths.config_file))
        self.dismiss(profile)
