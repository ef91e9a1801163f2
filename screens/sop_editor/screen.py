"""The SOP editor (F3 → e): complete a draft or change an SOP, and save it as a version.

Everything typed lives in a `SopForm` (counter/sop_edit.py) as plain text: adding,
removing or moving a step first reads every field back into the form, so nothing
typed is lost when the rows are laid out again. The waktu reading is shown as the
supervisor types; the check's messages appear under the form; a save that does not
pass the check is kept as a konsep in the office folder, never thrown away.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    OptionList,
    Select,
    Static,
    TextArea,
)

from counter.errors import SopError
from counter.sop import BERLAKU, DRAF, Sop, load_catalog
from counter.sop_edit import IDENTITY_FIELDS, LIST_FIELDS, SopForm, StepForm, form_of, read_waktu
from counter.sop_versions import save_sop
from counter.texts import sop_authoring as A
from counter.texts import sop_editor as T

_STANDAR = ("biaya", "produk_layanan", "jangka_waktu", "pengaduan")
_STEP_TEXTS = ("no", "kegiatan", "pelaksana", "waktu", "output", "keterangan", "cabang")


class RolesBox(Vertical):
    """One row per pelaksana: name, counter and applicant marks, remove."""

    def __init__(self, form: SopForm) -> None:
        super().__init__(id="roles")
        self.form = form

    def compose(self) -> ComposeResult:
        for i, r in enumerate(self.form.roles):
            with Horizontal(classes="role-row"):
                yield Input(r.nama, placeholder=T.ROLE_NAMA, id=f"role-nama-{i}",
                            classes="role-nama", compact=True)
                yield Checkbox(T.ROLE_LOKET, r.loket, id=f"role-loket-{i}", compact=True)
                yield Checkbox(T.ROLE_PEMOHON, r.pemohon, id=f"role-pemohon-{i}",
                               compact=True)
                yield Button(T.REMOVE, id=f"role-del-{i}", compact=True)
        yield Button(T.ADD_ROLE, id="role-add", compact=True)


class StepsBox(Vertical):
    """The steps as a list (one line each) and one form for the highlighted step.

    One form instead of a block per step keeps the editor quick to open on a long
    SOP (a 28-step SOP would otherwise be some 400 widgets)."""

    def __init__(self, form: SopForm) -> None:
        super().__init__(id="steps")
        self.form = form

    def compose(self) -> ComposeResult:
        yield OptionList(*[_step_label(s) for s in self.form.steps], id="step-list",
                         compact=True)
        with Horizontal(classes="step-buttons"):
            yield Button(T.ADD_STEP, id="step-add", compact=True)
            yield Button(T.UP, id="step-up", compact=True)
            yield Button(T.DOWN, id="step-down", compact=True)
            yield Button(T.REMOVE, id="step-del", compact=True)
        with Vertical(id="step-form", classes="step"):
            with Horizontal(classes="step-head"):
                yield Input(placeholder=T.STEP_NO_LABEL, id="step-no", classes="step-no",
                            compact=True)
                yield Input(placeholder=T.STEP_KEGIATAN, id="step-kegiatan",
                            classes="step-kegiatan", compact=True)
            yield Input(placeholder=T.STEP_PELAKSANA, id="step-pelaksana", compact=True)
            yield Checkbox(T.STEP_SENDIRI, id="step-sendiri", compact=True)
            yield Label(T.STEP_KELENGKAPAN, classes="hint")
            yield TextArea(id="step-kelengkapan", classes="step-kelengkapan", soft_wrap=True,
                           compact=True)
            yield Input(placeholder=T.STEP_WAKTU, id="step-waktu", compact=True)
            yield Static("", id="step-waktu-reading", classes="reading")
            yield Input(placeholder=T.STEP_OUTPUT, id="step-output", compact=True)
            yield Input(placeholder=T.STEP_KETERANGAN, id="step-keterangan", compact=True)
            yield Input(placeholder=T.STEP_CABANG, id="step-cabang", compact=True)


def _step_label(s: StepForm) -> str:
    waktu = s.waktu.strip() or "-"
    return f"{s.no or '?':>3}. {s.kegiatan.strip() or T.STEP_KEGIATAN_EMPTY} \u00b7 {waktu}"


def _reading(text: str) -> str:
    ok, reading = read_waktu(text)
    return f"\u2192 {reading}" if ok else f"\u26a0 {reading}"


class SopEditorScreen(Screen[Sop | None]):
    """Edit one SOP; saving writes the office's version and returns the saved SOP."""

    CSS_PATH = "sop_editor.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", T.KEY_SAVE, priority=True, id="editor.simpan"),
        Binding("escape", "back", T.KEY_BACK, id="editor.kembali"),
    ]

    def __init__(self, sop: Sop) -> None:
        super().__init__()
        self.sop = sop
        self.form = form_of(sop)
        self.saved: Sop | None = None
        self.current = -1  # the step shown in the step form
        self._loading = False

    def compose(self) -> ComposeResult:
        f = self.form
        with VerticalScroll(id="editor"):
            yield Static(f"{T.TITLE}: {self.sop.nama}", id="editor-title")
            yield Static("", id="messages")
            yield Static(T.SECTION_IDENTITY, classes="section")
            for key in IDENTITY_FIELDS:
                if key in _STANDAR:
                    continue
                with Horizontal(classes="field"):
                    yield Label(T.LABELS[key], classes="label")
                    yield Input(f.identity.get(key, ""), id=f"id-{key}", classes="value",
                                disabled=key == "id", compact=True)
            with Horizontal(classes="field"):
                yield Label(T.STATUS, classes="label")
                yield Select([(T.STATUS_DRAF, DRAF), (T.STATUS_BERLAKU, BERLAKU)],
                             value=f.status, allow_blank=False, id="status", classes="value",
                             compact=True)
            yield Checkbox(T.LAYANAN_LOKET, f.layanan_loket, id="layanan-loket")
            for key in LIST_FIELDS:
                if key == "persyaratan":
                    continue
                yield Label(f"{T.LABELS[key]} ({T.LIST_HINT})", classes="hint")
                yield TextArea(f.lists.get(key, ""), id=f"list-{key}", classes="list",
                               compact=True)
            with Horizontal(classes="field"):
                yield Label(T.LABELS["langkah_hilang"], classes="label")
                yield Input(f.langkah_hilang, id="langkah-hilang", classes="value",
                            compact=True)
            with Horizontal(classes="field"):
                yield Label(T.LABELS["nomor_dilewati"], classes="label")
                yield Input(f.nomor_dilewati, id="nomor-dilewati", classes="value",
                            compact=True)
            yield Static(T.SECTION_STANDAR, classes="section")
            yield Label(f"{T.LABELS['persyaratan']} ({T.LIST_HINT})", classes="hint")
            yield TextArea(f.lists.get("persyaratan", ""), id="list-persyaratan",
                           classes="list", compact=True)
            for key in _STANDAR:
                with Horizontal(classes="field"):
                    yield Label(T.LABELS[key], classes="label")
                    yield Input(f.identity.get(key, ""), id=f"id-{key}", classes="value",
                                compact=True)
            yield Static(T.SECTION_ROLES, classes="section")
            yield RolesBox(f)
            yield Static(T.SECTION_STEPS, classes="section")
            yield StepsBox(f)
            yield Button(T.SAVE, id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.title = T.TITLE
        self.load_step(0)
        if self.current >= 0:
            self.query_one("#step-list", OptionList).highlighted = 0
        self.show_problems(self.form.to_data()[1])

    # ------------------------------------------------------------ reading fields

    def _value(self, selector: str, default: str = "") -> str:
        found = self.query(selector)
        if not found:
            return default
        w = found.first()
        if isinstance(w, TextArea):
            return w.text
        if isinstance(w, Input):
            return w.value
        return default

    def collect(self) -> SopForm:
        """Every field back into the form: done before any re-layout or save."""
        f = self.form
        for key in IDENTITY_FIELDS:
            f.identity[key] = self._value(f"#id-{key}", f.identity.get(key, ""))
        for key in LIST_FIELDS:
            f.lists[key] = self._value(f"#list-{key}", f.lists.get(key, ""))
        f.langkah_hilang = self._value("#langkah-hilang", f.langkah_hilang)
        f.nomor_dilewati = self._value("#nomor-dilewati", f.nomor_dilewati)
        status = self.query_one("#status", Select).value
        f.status = str(status) if status in (DRAF, BERLAKU) else f.status
        f.layanan_loket = self.query_one("#layanan-loket", Checkbox).value
        for i, r in enumerate(f.roles):
            r.nama = self._value(f"#role-nama-{i}", r.nama)
            if self.query(f"#role-loket-{i}"):
                r.loket = self.query_one(f"#role-loket-{i}", Checkbox).value
                r.pemohon = self.query_one(f"#role-pemohon-{i}", Checkbox).value
        if 0 <= self.current < len(f.steps):
            step = f.steps[self.current]
            for key in _STEP_TEXTS:
                setattr(step, key, self._value(f"#step-{key}", getattr(step, key)))
            step.kelengkapan = self._value("#step-kelengkapan", step.kelengkapan)
            step.pemohon_sendiri = self.query_one("#step-sendiri", Checkbox).value
        return f

    def load_step(self, index: int) -> None:
        """Show step `index` in the step form (after the shown one was collected)."""
        steps = self.form.steps
        self.current = index if 0 <= index < len(steps) else -1
        form = self.query_one("#step-form")
        form.display = self.current >= 0
        if self.current < 0:
            return
        step = steps[self.current]
        self._loading = True
        try:
            for key in _STEP_TEXTS:
                self.query_one(f"#step-{key}", Input).value = getattr(step, key)
            self.query_one("#step-kelengkapan", TextArea).text = step.kelengkapan
            self.query_one("#step-sendiri", Checkbox).value = step.pemohon_sendiri
            self.query_one("#step-waktu-reading", Static).update(_reading(step.waktu))
        finally:
            self._loading = False

    def refresh_step_list(self) -> None:
        olist = self.query_one("#step-list", OptionList)
        olist.clear_options()
        olist.add_options([_step_label(s) for s in self.form.steps])
        if self.current >= 0:
            olist.highlighted = self.current

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "step-list" or event.option_index == self.current:
            return
        self.collect()
        self.load_step(event.option_index)

    # ------------------------------------------------------------ live checks

    def on_input_changed(self, event: Input.Changed) -> None:
        wid = event.input.id or ""
        if wid == "step-waktu":
            self.query_one("#step-waktu-reading", Static).update(_reading(event.value))
        if wid in ("step-no", "step-kegiatan", "step-waktu") and not self._loading \
                and 0 <= self.current < len(self.form.steps):
            step = self.form.steps[self.current]
            setattr(step, wid.removeprefix("step-"), event.value)
            self.query_one("#step-list", OptionList).replace_option_prompt_at_index(
                self.current, _step_label(step))

    def show_problems(self, problems: list[str], header: str | None = None) -> None:
        box = self.query_one("#messages", Static)
        if problems:
            box.update("\n".join([header or T.CHECK_PROBLEMS, *(f"\u2022 {p}" for p in problems)]))
            box.set_class(True, "problems")
        else:
            box.update(header or T.CHECK_OK)
            box.set_class(False, "problems")

    # ------------------------------------------------------------ structure

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid == "save":
            self.action_save()
            return
        self.collect()
        f = self.form
        if bid.startswith("step-"):
            self.step_action(bid)
            return
        index = int(bid.rsplit("-", 1)[1]) if bid[-1:].isdigit() else -1
        if bid == "role-add":
            f.add_role()
        elif bid.startswith("role-del-"):
            f.remove_role(index)
        else:
            return
        await self.query_one("#roles").recompose()
        if bid == "role-add":
            self.query_one(f"#role-nama-{len(f.roles) - 1}", Input).focus()

    def step_action(self, bid: str) -> None:
        f, cur = self.form, self.current
        if bid == "step-add":
            f.add_step()
            cur = len(f.steps) - 1
        elif bid == "step-del" and cur >= 0:
            f.remove_step(cur)
            cur = min(cur, len(f.steps) - 1)
        elif bid in ("step-up", "step-down") and cur >= 0:
            delta = -1 if bid == "step-up" else 1
            if 0 <= cur + delta < len(f.steps):
                f.move_step(cur, delta)
                cur += delta
        else:
            return
        self.current = -1  # the form's fields are already collected
        self.load_step(cur)
        self.refresh_step_list()
        if bid == "step-add":
            self.query_one("#step-kegiatan", Input).focus()

    # ------------------------------------------------------------ saving

    def action_save(self) -> None:
        data, problems = self.collect().to_data()
        app: Any = self.app
        folder = app.paths.sop_dir
        if problems:
            kept = self._keep_konsep(data)
            self.show_problems(problems, header=T.CHECK_PROBLEMS if kept is None else
                               f"{A.SAVED_KONSEP.format(path=kept)}\n{T.CHECK_PROBLEMS}")
            self.query_one("#messages", Static).scroll_visible(animate=False)
            self.notify(problems[0], title=T.CHECK_PROBLEMS, severity="warning")
            return
        from counter.dates import format_date

        today = format_date(app.now().date()) if hasattr(app, "now") else ""
        catalog = app.catalog
        current = catalog.sops.get(data["id"]) if hasattr(catalog, "sops") else None
        kept = [s.versi for s in catalog.versions_of(data["id"])] if current else []
        try:
            saved = save_sop(folder, data, today, current, kept)
        except SopError as err:
            self.show_problems([str(err)])
            self.query_one("#messages", Static).scroll_visible(animate=False)
            self.notify(str(err), title=T.CHECK_PROBLEMS, severity="warning")
            return
        app.catalog = load_catalog([folder])
        if getattr(app, "desk", None) is not None:
            app.desk.catalog = app.catalog
        self.sop = self.saved = saved.sop
        message = (A.SAVED_NEW_VERSION.format(versi=saved.versi, path=saved.path)
                   if saved.changed else A.SAVED_UNCHANGED.format(versi=saved.versi))
        self.show_problems([], header=message)
        self.notify(message)

    def _keep_konsep(self, data: dict[str, Any]) -> Any:
        """A form that does not pass is still kept on disk, as a konsep (its path)."""
        from counter.sop_versions import konsep_path
        from counter.sop_write import dump_sop

        app: Any = self.app
        path = konsep_path(app.paths.sop_dir, str(data.get("id", "")))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dump_sop(data), encoding="utf-8")
        except OSError:
            return None  # the form itself still holds everything typed
        return path

    def action_back(self) -> None:
        self.dismiss(self.saved)


__all__ = ["SopEditorScreen", "StepForm"]
