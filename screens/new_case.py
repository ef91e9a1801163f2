"""A walk-in: choose the service, take the visitor's data, tick the documents received.

Checks run as the officer types (a wrong NIK is seen before the applicant has
left) and again on submit through `counter.visitor`, the same rules the
desk service applies. A missing required document turns the case into
"berkas kurang": recorded, with a slip telling the applicant what to bring.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from counter.codes import human
from counter.errors import LoketError, VisitorError
from counter.sop import Sop
from counter.texts import shell as TS
from counter.texts import ui as T
from counter.visitor import mask_nik, validate_nama, validate_nik, validate_telepon
from screens.messages import CaseChanged, CaseOpened, DocumentDue
from screens.services import desk_of, loket, tell
from screens.sop_pick import draft_reason, named_by_number, pick_sops
from screens.widgets.checklist import Checklist
from screens.widgets.footer import QuietFooter
from screens.widgets.header import LoketHeader
from screens.widgets.masked_input import MaskedInput
from screens.widgets.returning_list import ReturningList
from screens.worker_guard import guarded_work

FIELDS = (("nama", T.NEW_NAMA), ("nik", T.NEW_NIK), ("telepon", T.NEW_TELEPON),
          ("nama_usaha", T.NEW_USAHA))


class NewCaseScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        # first, so the footer keeps F1 at 80 columns
        Binding("f1", "app.help", T.KEY_HELP, id="baru.bantuan"),
        Binding("escape", "back", T.KEY_BACK, id="baru.kembali"),
        Binding("ctrl+s", "open_case", T.NEW_OPEN, id="baru.buka_kasus"),
        Binding("ctrl+b", "missing", T.NEW_MISSING, id="baru.berkas_kurang"),
        Binding("ctrl+o", "fill_returning", T.KEY_FILL_RETURNING, id="baru.pemohon_lama"),
        Binding("down", "arrow(1)", show=False, id="baru.bawah"),
        Binding("up", "arrow(-1)", show=False, id="baru.atas"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sop: Sop | None = None
        self._shown: list[Sop] = []
        self._problems: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield LoketHeader()
        with VerticalScroll(id="new-case"):
            yield Static(T.NEW_PICK_SOP, classes="section")
            yield Input(placeholder=T.NEW_SEARCH_PLACEHOLDER, id="search", compact=True)
            yield OptionList(id="sops")
            yield Static(T.NEW_CHOOSE_FIRST, id="chosen", classes="hint")
            yield Static(T.NEW_VISITOR, classes="section")
            for key, label in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    cls = MaskedInput if key == "nik" else Input
                    restrict = r"[0-9]*" if key == "nik" else None
                    yield cls(id=key, compact=True, restrict=restrict,
                              max_length=16 if key == "nik" else 100)
            yield Static("", id="form-error", classes="error")
            yield ReturningList(id="returning")
            yield Static(T.NEW_KELENGKAPAN, classes="section")
            yield Checklist(id="kelengkapan")
            yield Static("", id="no-items", classes="hint")
        yield QuietFooter(compact=True)

    def on_mount(self) -> None:
        self._filter("")
        self.query_one("#search", Input).focus()
        self.query_one("#returning", ReturningList).display = False
        self._load_visits()

    @guarded_work(TS.WORK_RETURNING, thread=True, group="returning")
    def _load_visits(self) -> None:
        """The desk's past visitors, read off the UI thread (a year of day files)."""
        from counter.returning import past_visits

        desk = desk_of(self)
        try:
            visits = past_visits(desk.repo, desk.now().date())
        except (LoketError, OSError):
            return  # not worth a message: the form works without it
        self.app.call_from_thread(setattr, self.query_one("#returning", ReturningList),
                                  "visits", visits)

    def _sop_name(self, sop_id: str) -> str:
        try:
            return str(loket(self).catalog.get(sop_id).nama)
        except KeyError:
            return sop_id

    def action_fill_returning(self) -> None:
        """Fill the visitor fields from the first past visitor shown."""
        visit = self.query_one("#returning", ReturningList).first
        if visit is None:
            return
        v = visit.visitor
        telepon = "0" + v.telepon[3:] if v.telepon.startswith("+62") else v.telepon
        for key, value in (("nama", v.nama), ("telepon", telepon),
                           ("nama_usaha", v.nama_usaha)):
            self.query_one(f"#{key}", Input).value = value
        nik = self.query_one("#nik", MaskedInput)
        nik.real_value = v.nik
        with nik.prevent(Input.Changed):
            nik.value = mask_nik(v.nik) if len(v.nik) == 16 else v.nik
        self.query_one("#returning", ReturningList).display = False
        self.app.notify(T.NEW_RETURNING_FILLED.format(code=human(visit.code)))
        self.query_one("#nama_usaha", Input).focus()

    # ------------------------------------------------------------------ service

    def _filter(self, text: str) -> None:
        catalog = loket(self).catalog
        sops = pick_sops(catalog.all(), text,
                         catalog.search(text) if text.strip() else catalog.all())
        self._shown = sops
        options = []
        for s in sops:
            label = f"{s.nomor or s.id}  {s.nama}"
            if not s.usable:
                label += f"  — {T.NEW_DRAFT.format(why=draft_reason(s))}"
            options.append(Option(label, id=s.id, disabled=not s.usable))
        table = self.query_one("#sops", OptionList)
        table.set_options(options)
        first = next((i for i, s in enumerate(sops) if s.usable), None)
        table.highlighted = first
        chosen = self.query_one("#chosen", Static)
        if not sops:
            chosen.update(T.NEW_NO_MATCH.format(text=text))
        elif self.sop is None:  # a stale "no match" line goes as soon as something matches
            chosen.update(T.NEW_CHOOSE_FIRST)
        else:
            self._show_chosen(self.sop)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._filter(event.value)
            only = named_by_number(loket(self).catalog.all(), event.value)
            if only is not None and only.usable and only is not self.sop:
                self._choose(only)
        elif event.input.id in ("nama", "nik", "telepon"):
            self._check_field(event.input.id, final=False)
            self.query_one("#returning", ReturningList).show_for(self._typed(event.input.id),
                                                                 self._sop_name)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            table = self.query_one("#sops", OptionList)
            if table.highlighted is not None:
                self._choose(self._shown[table.highlighted])
            elif self._shown:  # only drafts match: say why none can be served
                self._choose(self._shown[0])
            return
        if event.input.id == "nama" and not event.value.strip():
            return  # an Enter out of habit after the SOP number: stay on the name
        if event.input.id == "nama_usaha":
            self.query_one("#kelengkapan", Checklist).focus()
            return
        self.focus_next()

    def action_arrow(self, step: int) -> None:
        """↑↓ in the search field move the list; in the visitor fields, go field to field."""
        focused = self.focused
        if isinstance(focused, Input) and focused.id == "search":
            table = self.query_one("#sops", OptionList)
            if step > 0:
                table.action_cursor_down()
            else:
                table.action_cursor_up()
        elif step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "sops":
            self._choose(loket(self).catalog.get(str(event.option.id)))

    def _choose(self, sop: Sop) -> None:
        if not sop.usable:
            self.app.notify(T.NEW_SOP_UNUSABLE.format(nama=sop.nama, why=draft_reason(sop)),
                            severity="warning")
            return
        self.sop = sop
        first = sop.first_step
        self._show_chosen(sop)
        items = self.query_one("#kelengkapan", Checklist)
        items.clear_options()
        items.add_options([(item, item, False) for item in first.mutu_baku.kelengkapan])
        items.display = bool(first.mutu_baku.kelengkapan)
        if first.mutu_baku.kelengkapan:
            items.highlighted = 0
        self.query_one("#no-items", Static).update(
            "" if first.mutu_baku.kelengkapan else T.NEW_NO_KELENGKAPAN)
        self.query_one("#nama", Input).focus()

    def _show_chosen(self, sop: Sop) -> None:
        first = sop.first_step
        self.query_one("#chosen", Static).update(
            T.NEW_CHOSEN.format(nomor=sop.nomor, nama=sop.nama) + "\n"
            + T.NEW_STEP_INFO.format(n=first.no, kegiatan=first.kegiatan,
                                     waktu=first.mutu_baku.waktu.spoken()))

    # ------------------------------------------------------------------ visitor

    def _typed(self, key: str) -> str:
        widget = self.query_one(f"#{key}", Input)
        return widget.typed if isinstance(widget, MaskedInput) else widget.value

    def _check_field(self, key: str, final: bool) -> str | None:
        """The field's problem in Indonesian, or None; partial input is fine while typing."""
        text = self._typed(key).strip()
        problem = None
        try:
            if key == "nama" and (final or text):
                validate_nama(text)
            elif key == "nik" and text and (final or len(text) >= 16):
                validate_nik(text, loket(self).now().date())
            elif key == "telepon" and text and final:
                validate_telepon(text)
        except VisitorError as err:
            problem = err.message
        widget = self.query_one(f"#{key}", Input)
        widget.set_class(problem is not None, "-invalid")
        if problem:
            self._problems[key] = problem
        else:
            self._problems.pop(key, None)
        # one line for the form: the first field still wrong, so none is hidden by another
        first = next((self._problems[k] for k, _ in FIELDS if k in self._problems), "")
        self.query_one("#form-error", Static).update(first)
        return problem

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        widget = event.widget
        if isinstance(widget, Input) and widget.id in ("nama", "nik", "telepon"):
            self._check_field(widget.id, final=bool(self._typed(widget.id).strip())
                              or widget.id != "nama")

    def _visitor(self) -> dict[str, str] | None:
        for key in ("nama", "nik", "telepon"):
            problem = self._check_field(key, final=True)
            if problem:
                self.query_one(f"#{key}", Input).focus()
                self.app.notify(T.NEW_FIX_FORM.format(message=problem), severity="error")
                return None
        return {key: self._typed(key).strip() for key, _ in FIELDS}

    def _items(self) -> tuple[list[str], list[str]]:
        assert self.sop is not None
        chosen = set(self.query_one("#kelengkapan", Checklist).selected)
        items = list(self.sop.first_step.mutu_baku.kelengkapan)
        return [i for i in items if i in chosen], [i for i in items if i not in chosen]

    # ------------------------------------------------------------------ submit

    def action_back(self) -> None:
        if not self.unsaved_input():
            self.app.pop_screen()
            return
        from screens.confirm import ConfirmModal

        def answered(discard: bool | None) -> None:
            if discard:
                self.app.pop_screen()

        self.app.push_screen(ConfirmModal(TS.DISCARD_VISITOR), answered)

    def unsaved_input(self) -> bool:
        """Something typed about the visitor (searching for a service is not)."""
        return any(self.query_one(f"#{key}", Input).value.strip() for key, _ in FIELDS)

    def _ready(self) -> tuple[dict[str, str], list[str], list[str]] | None:
        if self.sop is None:
            self.app.notify(T.NEW_CHOOSE_FIRST, severity="warning")
            self.query_one("#search", Input).focus()
            return None
        visitor = self._visitor()
        if visitor is None:
            return None
        received, missing = self._items()
        return visitor, received, missing

    def action_open_case(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        visitor, received, missing = ready
        if missing:
            self._ask_received(visitor, missing)
            return
        self._open_and_serve(visitor, received)

    def _ask_received(self, visitor: dict[str, str], missing: list[str]) -> None:
        """Unticked documents: one question, "semua diterima?" (Enter), or berkas kurang."""
        from screens.received_ask import ReceivedAsk

        assert self.sop is not None
        everything = list(self.sop.first_step.mutu_baku.kelengkapan)

        def answered(answer: str | None) -> None:
            if answer == "all":
                self._open_and_serve(visitor, everything)
            elif answer == "missing":
                self.action_missing()
            else:
                self.query_one("#kelengkapan", Checklist).focus()

        self.app.push_screen(ReceivedAsk(missing, self.sop.first_step.no), answered)

    def _open_and_serve(self, visitor: dict[str, str], received: list[str]) -> None:
        view = self._open(visitor, received, [])
        if view is None:
            return
        self.app.notify(T.NEW_OPENED.format(code=view.code_human))
        tell(self, DocumentDue(view.code, "tanda-terima"))
        tell(self, CaseOpened(view.code))

    def action_missing(self) -> None:
        """Berkas kurang: confirm what is missing (the unticked items) and add a note."""
        ready = self._ready()
        if ready is None:
            return
        from screens.modals import MissingModal

        visitor, _, missing = ready
        items = list(self.sop.first_step.mutu_baku.kelengkapan) if self.sop else []

        def done(answer: Any) -> None:
            if answer is not None:
                self._record_missing(visitor, [i for i in items if i not in answer.items],
                                     answer.items, answer.note)

        self.app.push_screen(MissingModal(items, missing), done)

    def _record_missing(self, visitor: dict[str, str], received: list[str],
                        missing: list[str], note: str) -> None:
        view = self._open(visitor, received, missing, note)
        if view is None:
            return
        self.app.notify(T.NEW_WAITING.format(code=view.code_human,
                                             items=", ".join(missing) or note))
        tell(self, DocumentDue(view.code, "berkas-kurang"))
        self.app.pop_screen()
        tell(self, CaseChanged(view.code))

    def _open(self, visitor: dict[str, str], received: list[str], missing: list[str],
              note: str = "") -> Any:
        assert self.sop is not None
        try:
            return desk_of(self).open_case(self.sop.id, visitor, received, missing, note)
        except LoketError as err:  # the form stays filled in, focus on the field at fault
            if err.field in {key for key, _ in FIELDS}:
                self.query_one(f"#{err.field}", Input).focus()
            self.app.notify(err.user_text, severity="error")
            return None
        except OSError as err:
            self.app.notify(str(err), severity="error")
            return None
