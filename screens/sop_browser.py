"""SOP browser: read a procedure before serving it.

The officer types to narrow the catalog, and reads the highlighted SOP's
identity (nomor, dasar hukum, peringatan, kualifikasi, peralatan...) and its
step table with each step's mutu baku and "tidak" branches. Draft SOPs are
listed too, marked and explained, because an officer asked for one must be told
why it cannot be served yet.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from counter.sop import DRAF, Sop
from counter.texts import evaluation as E
from counter.texts import sop_authoring as A
from counter.texts import ui_accounts as TA
from counter.texts import ui_review as T

NARROW = 70  # below this width the step table folds kelengkapan/output under kegiatan


def not_usable_reasons(sop: Sop) -> list[str]:
    """Why a SOP cannot guide a case yet (empty when it can)."""
    if sop.usable:
        return []
    if sop.status == DRAF and sop.steps:  # an imported or edited draft: steps are there
        reasons = [A.WHY_DRAF_WITH_STEPS]
    else:
        reasons = [T.SOP_WHY_DRAF if sop.status == DRAF else T.SOP_WHY_NO_STEPS]
    reasons.extend(sop.catatan)
    return reasons


def identity_table(sop: Sop) -> Table:
    """Label/value rows of the SOP's identity, as printed on its cover sheet."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", max_width=17)
    table.add_column(overflow="fold")
    L = T.SOP_IDENTITY
    for key in ("nomor", "nama", "instansi", "unit", "tanggal_pembuatan", "tanggal_revisi",
                "tanggal_efektif", "disahkan_oleh"):
        table.add_row(L[key], getattr(sop, key) or T.EMPTY)
    table.add_row(L["status"], T.SOP_STATUS.get(sop.status, sop.status))
    for key in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan"):
        items = getattr(sop, key)
        table.add_row(L[key], "\n".join(f"\u2022 {i}" for i in items) if items else T.EMPTY)
    table.add_row(L["peringatan"], Text(sop.peringatan or T.EMPTY,
                                        style="bold yellow" if sop.peringatan else ""))
    table.add_row(L["pencatatan"], sop.pencatatan or T.EMPTY)
    table.add_row(L["pelaksana"], ", ".join(p.nama for p in sop.pelaksana) or T.EMPTY)
    source = " ".join(x for x in (sop.source.dokumen, sop.source.lokasi) if x)
    if sop.source.catatan:
        source += f"\n{sop.source.catatan}"
    table.add_row(L["sumber"], source or T.EMPTY)
    if sop.catatan and sop.usable:
        table.add_row(L["catatan"], "\n".join(sop.catatan))
    return table


def _returns(sop: Sop, step: Any) -> list[str]:
    lines = []
    for k in step.kembali:
        target = (T.SOP_STEP_WORD.format(no=k.ke_langkah) if k.ke_langkah is not None
                  else sop.role_name(k.ke_pelaksana))
        if k.syarat:
            lines.append(T.SOP_RETURN.format(syarat=k.syarat, target=target))
        else:
            lines.append(T.SOP_RETURN_NO_SYARAT.format(target=target))
    for j in step.lanjut:  # forward jumps ("jika lengkap, langsung ke langkah 4")
        lines.append(A.FORWARD.format(syarat=j.syarat, target=j.ke_langkah) if j.syarat
                     else A.FORWARD_NO_SYARAT.format(target=j.ke_langkah))
    return lines


def standar_table(sop: Sop) -> Table:
    """The Standar Pelayanan (PermenPANRB 15/2014) a service charter publishes."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", max_width=17)
    table.add_column(overflow="fold")
    L = A.STANDAR_LABELS
    items = sop.persyaratan
    table.add_row(L["persyaratan"], "\n".join(f"\u2022 {i}" for i in items) if items
                  else A.EMPTY)
    for key in ("biaya", "produk_layanan", "jangka_waktu", "pengaduan"):
        table.add_row(L[key], getattr(sop, key) or A.EMPTY)
    return table


def _who(sop: Sop, step: Any) -> str:
    who = ", ".join(sop.role_name(r) for r in step.pelaksana)
    return f"{who} {T.SOP_INFERRED}" if step.pelaksana_disimpulkan else who


class StepTable:
    """The step table, laid out for the width it gets.

    Wide: one column per field. Narrow (an 80-column terminal beside the list):
    kelengkapan, output and the return branches go under the kegiatan, so no
    column is squeezed to a few letters.
    """

    def __init__(self, sop: Sop) -> None:
        self.sop = sop

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table(options.max_width)

    def table(self, width: int) -> Table:
        sop = self.sop
        wide = width >= NARROW
        table = Table(show_lines=True, expand=True, pad_edge=False, padding=(0, 1))
        table.add_column(T.SOP_COL_NO, justify="right", no_wrap=True, width=3)
        table.add_column(T.SOP_COL_KEGIATAN, ratio=3, overflow="fold")
        if wide:
            table.add_column(T.SOP_COL_PELAKSANA, ratio=2, overflow="fold")
            table.add_column(T.SOP_COL_KELENGKAPAN, ratio=2, overflow="fold")
        table.add_column(T.SOP_COL_WAKTU, ratio=1, min_width=12, overflow="fold")
        if wide:
            table.add_column(T.SOP_COL_OUTPUT, ratio=2, overflow="fold")
        for step in sop.steps:
            kegiatan = Text(step.kegiatan)
            kelengkapan = "\n".join(step.mutu_baku.kelengkapan)
            output = step.mutu_baku.output
            if not wide:
                kegiatan.append(f"\n{T.SOP_COL_PELAKSANA}: ", style="bold")
                kegiatan.append(_who(sop, step), style="cyan")
                if kelengkapan:
                    kegiatan.append(f"\n{T.SOP_LABEL_KELENGKAPAN}: ", style="bold")
                    kegiatan.append("; ".join(step.mutu_baku.kelengkapan))
                if output:
                    kegiatan.append(f"\n{T.SOP_LABEL_OUTPUT}: ", style="bold")
                    kegiatan.append(output)
            if step.keterangan:
                kegiatan.append(f"\n{T.SOP_LABEL_KETERANGAN}: {step.keterangan}", style="italic")
            for line in _returns(sop, step):
                kegiatan.append(f"\n{line}", style="magenta")
            row: list[Any] = [str(step.no), kegiatan]
            if wide:
                row += [_who(sop, step), kelengkapan or T.EMPTY]
            row.append(step.mutu_baku.waktu.label())
            if wide:
                row.append(output or T.EMPTY)
            table.add_row(*row)
        return table


def versions_part(versions: list[Sop]) -> list[Any]:
    """The kept versions of an SOP and what changed in each, newest first."""
    from counter.sop_versions import diff_sops

    parts: list[Any] = [Text(""), Text(A.VERSIONS_TITLE, style="bold underline")]
    for i in range(len(versions) - 1, -1, -1):
        v = versions[i]
        tanggal = A.VERSION_DATE.format(tanggal=v.tanggal_versi) if v.tanggal_versi else ""
        current = A.VERSION_CURRENT if i == len(versions) - 1 else ""
        parts.append(Text(A.VERSION_ITEM.format(versi=v.versi, tanggal=tanggal,
                                                current=current), style="bold"))
        if i:
            lines = diff_sops(versions[i - 1], v) or [A.DIFF_NONE]
            parts.extend(Text(f"  \u2022 {line}") for line in lines)
    return parts


def sop_detail(sop: Sop, versions: list[Sop] | None = None) -> Group:
    """Everything the detail pane shows for one SOP (and its versions, when kept)."""
    parts: list[Any] = [Text(sop.nama, style="bold")]
    reasons = not_usable_reasons(sop)
    if reasons:
        warn = Text(f"\u26a0 {T.SOP_NOT_USABLE}", style="bold black on yellow")
        parts.append(warn)
        parts.extend(Text(f"  {r}", style="yellow") for r in reasons)
    tanggal = A.VERSION_DATE.format(tanggal=sop.tanggal_versi) if sop.tanggal_versi else ""
    parts.append(Text(A.VERSION_LINE.format(versi=sop.versi, tanggal=tanggal), style="dim"))
    parts.append(Text(""))
    parts.append(identity_table(sop))
    parts.append(Text(""))
    parts.append(Text(A.STANDAR_TITLE, style="bold underline"))
    parts.append(standar_table(sop))
    if sop.langkah_hilang:
        parts.append(Text(T.SOP_MISSING_STEPS.format(
            numbers=", ".join(map(str, sop.langkah_hilang))), style="yellow"))
    parts.append(Text(""))
    parts.append(Text(T.SOP_STEPS_TITLE.format(count=len(sop.steps)), style="bold underline"))
    parts.append(StepTable(sop) if sop.steps else Text(T.SOP_NO_STEPS, style="dim"))
    if versions and len(versions) > 1:
        parts.extend(versions_part(versions))
    return Group(*parts)


def sop_option(sop: Sop) -> Option:
    """One list entry: name, then nomor and tags; drafts dimmed."""
    usable = sop.usable
    prompt = Text(sop.nama, style="bold" if usable else "dim")
    prompt.append("\n")
    prompt.append(sop.nomor or sop.id, style="dim")
    if sop.layanan_loket:
        prompt.append(f" [{T.SOP_LOKET_TAG}]", style="green")
    if not usable:
        prompt.append(f" [{T.SOP_DRAF_TAG}]", style="yellow")
    return Option(prompt, id=sop.id)


class SopBrowserScreen(Screen[None]):
    """The SOP catalog: filter list on the left, the chosen SOP on the right."""

    CSS_PATH = "sop_browser.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", T.KEY_BACK, id="katalog.kembali"),
        Binding("ctrl+f,slash", "focus_filter", T.KEY_FILTER, key_display="/", id="katalog.cari"),
        Binding("right", "focus_detail", T.KEY_DETAIL, show=False, id="katalog.rincian"),
        Binding("left", "focus_list", T.KEY_LIST, show=False, id="katalog.daftar"),
        Binding("ctrl+e", "edit", A.KEY_EDIT, key_display="^E", priority=True,
                id="katalog.ubah"),
        # Ctrl+R (rapor SOP): F6 stays the queue everywhere
        Binding("ctrl+r", "evaluate", E.KEY_EVALUATE, key_display="^R", priority=True,
                id="katalog.evaluasi"),
    ]

    def __init__(self, catalog: Any = None, *, selected: str | None = None) -> None:
        """`catalog` defaults to the app's (`app.catalog`), so the shell can push it bare."""
        super().__init__()
        self.catalog = catalog
        self.selected = selected
        self._shown: list[Sop] = []

    def compose(self) -> ComposeResult:
        from screens.case_detail import shell_header

        header = shell_header(self.app)
        if header is not None:
            yield header
        with Horizontal(id="sop-body"):
            with Vertical(id="sop-side"):
                yield Input(placeholder=T.SOP_FILTER_PLACEHOLDER, id="sop-filter", compact=True,
                            select_on_focus=False)
                yield Static(id="sop-count")
                yield OptionList(id="sop-list")
            with VerticalScroll(id="sop-detail", can_focus=True):
                yield Static(T.SOP_PICK, id="sop-view")
        yield Footer()

    def on_mount(self) -> None:
        self.title = T.SOP_TITLE
        if self.catalog is None:
            self.catalog = self.app.catalog  # type: ignore[attr-defined]
        wanted = self.selected  # refilter shows (and selects) the first SOP
        self.refilter("")
        if wanted:
            self.select(wanted)
        self.query_one("#sop-filter", Input).focus()

    # ---------------------------------------------------------------- filtering

    def refilter(self, text: str) -> None:
        """Show the SOPs matching every typed word; keep the highlighted one if it stays."""
        olist = self.query_one("#sop-list", OptionList)
        keep = self.current_id()
        self._shown = list(self.catalog.search(text)) if text.strip() else list(
            self.catalog.all())
        olist.clear_options()
        olist.add_options([sop_option(s) for s in self._shown])
        total = len(self.catalog.all())
        count = T.SOP_COUNT.format(shown=len(self._shown), total=total)
        errors = getattr(self.catalog, "errors", [])
        if errors:
            count += "\n" + T.SOP_OFFICE_ERRORS.format(count=len(errors))
        self.query_one("#sop-count", Static).update(count)
        if not self._shown:
            message = T.SOP_NONE_MATCH.format(text=text) if total else T.SOP_EMPTY_CATALOG
            self.query_one("#sop-view", Static).update(message)
            return
        ids = [s.id for s in self._shown]
        olist.highlighted = ids.index(keep) if keep in ids else 0
        self.show(self._shown[olist.highlighted])

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "sop-filter":
            self.refilter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "sop-filter" and self._shown:
            self.query_one("#sop-list", OptionList).focus()

    def on_key(self, event: Any) -> None:
        # Down from the filter moves into the list, as in any search box.
        if event.key == "down" and isinstance(self.focused, Input):
            event.stop()
            self.action_focus_list()
            return
        # Typing anywhere else goes on narrowing the list.
        char = event.character
        if (not isinstance(self.focused, Input) and char and char.isprintable()
                and char != "/" and not char.isspace()):
            event.stop()
            box = self.query_one("#sop-filter", Input)
            box.focus()
            box.insert_text_at_cursor(char)

    # ---------------------------------------------------------------- showing

    def current_id(self) -> str | None:
        olist = self.query_one("#sop-list", OptionList)
        if olist.highlighted is None or olist.highlighted >= olist.option_count:
            return None
        return olist.get_option_at_index(olist.highlighted).id

    def select(self, sop_id: str) -> None:
        ids = [s.id for s in self._shown]
        if sop_id in ids:
            self.query_one("#sop-list", OptionList).highlighted = ids.index(sop_id)
            self.show(self._shown[ids.index(sop_id)])

    def show(self, sop: Sop) -> None:
        self.selected = sop.id
        versions_of = getattr(self.catalog, "versions_of", None)
        versions = versions_of(sop.id) if versions_of else None
        self.query_one("#sop-view", Static).update(sop_detail(sop, versions))
        self.query_one("#sop-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        sop_id = event.option.id
        for sop in self._shown:
            if sop.id == sop_id:
                self.show(sop)
                break

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_focus_detail()

    # ---------------------------------------------------------------- actions

    def action_back(self) -> None:
        box = self.query_one("#sop-filter", Input)
        if box.value:
            box.value = ""
            box.focus()
            return
        self.dismiss(None)

    def action_edit(self) -> None:
        """Open the highlighted SOP in the editor; on return, show the saved version."""
        from counter.accounts.roles import Act
        from screens.sop_editor import SopEditorScreen
        from screens.supervisor_pin import as_supervisor

        sop_id = self.current_id()
        if sop_id is None or not hasattr(self.app, "paths"):
            return
        if getattr(self.app, "desk", None) is None:  # nobody signed in: nobody may edit
            self.app.notify(TA.SIGN_IN_FIRST, severity="warning")
            return
        # editing an SOP, and marking one berlaku, are a supervisor's acts
        as_supervisor(self.app, Act.SOP_EDIT, lambda _desk: self.app.push_screen(
            SopEditorScreen(self.catalog.get(sop_id)), self._after_edit))

    def action_evaluate(self) -> None:
        """Monitoring and evaluation of the highlighted SOP (issue 18)."""
        from screens.sop_evaluation import SopEvaluationScreen

        sop_id = self.current_id()
        if sop_id is None:
            return
        self.app.push_screen(SopEvaluationScreen(self.catalog.get(sop_id)), self._after_edit)

    def _after_edit(self, saved: Sop | None) -> None:
        app_catalog = getattr(self.app, "catalog", None)
        if app_catalog is not None:
            self.catalog = app_catalog
        box = self.query_one("#sop-filter", Input)
        self.refilter(box.value)
        if saved is not None:
            self.select(saved.id)

    def action_focus_filter(self) -> None:
        self.query_one("#sop-filter", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#sop-list", OptionList).focus()

    def action_focus_detail(self) -> None:
        if isinstance(self.focused, Input):
            return
        self.query_one("#sop-detail", VerticalScroll).focus()
