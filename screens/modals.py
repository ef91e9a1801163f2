"""Small dialogs of the step runner and the scan field.

Each returns its answer through `dismiss` (None when cancelled with Esc), so the
screen that asked decides what to record; nothing here touches the store.
Enter in the last field confirms; Ctrl+S confirms from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from counter.texts import ui as T


class FormModal(ModalScreen[Any]):
    """A titled box of fields; subclasses give `fields()` and `answer()`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", T.MODAL_CANCEL, id="dialog.batal"),
        Binding("ctrl+s", "confirm", T.MODAL_OK, id="dialog.simpan"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.title_text, classes="title")
            yield from self.fields()
            yield Static("", classes="error", id="modal-error")
        yield Footer(compact=True)

    def fields(self) -> ComposeResult:
        yield from ()

    def answer(self) -> Any:
        """The result, or raise ValueError(message) to keep the dialog open."""
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_confirm(self) -> None:
        try:
            result = self.answer()
        except ValueError as err:
            self.query_one("#modal-error", Static).update(str(err))
            return
        self.dismiss(result)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        if inputs and event.input is inputs[-1]:
            self.action_confirm()
        else:
            self.focus_next()

    def value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value.strip()


class TextModal(FormModal):
    """One line of text (a note, an official's name); `required` refuses empty."""

    def __init__(self, title: str, label: str, *, required: bool = False,
                 value: str = "") -> None:
        super().__init__(title)
        self.label, self.required, self.initial = label, required, value

    def fields(self) -> ComposeResult:
        yield Label(self.label)
        yield Input(self.initial, id="text")

    def answer(self) -> str:
        text = self.value("text")
        if self.required and not text:
            raise ValueError(T.MODAL_REQUIRED.format(field=self.label))
        return text


@dataclass(frozen=True)
class Completion:
    output: str
    over_reason: str | None
    to_name: str = ""


class CompleteModal(FormModal):
    """Selesai / Serahkan: the output note; first a short reason when the step ran over;
    the receiving official's name when the file goes to another role."""

    def __init__(self, title: str, over_title: str | None, output_hint: str = "",
                 handoff_role: str | None = None) -> None:
        super().__init__(title)
        self.over_title, self.output_hint = over_title, output_hint
        self.handoff_role = handoff_role

    def fields(self) -> ComposeResult:
        if self.over_title:
            yield Static(self.over_title, classes="warning")
            yield Label(T.MODAL_OVER_LABEL)
            yield Input(id="over")
        yield Label(T.MODAL_OUTPUT_LABEL)
        yield Input(placeholder=self.output_hint, id="output")
        if self.handoff_role:
            yield Label(T.MODAL_HANDOFF_NAME)
            yield Input(id="to_name")

    def answer(self) -> Completion:
        over = self.value("over") if self.over_title else None
        to_name = self.value("to_name") if self.handoff_role else ""
        return Completion(output=self.value("output"), over_reason=over or None,
                          to_name=to_name)


@dataclass(frozen=True)
class ReturnChoice:
    to_step: int
    reason: str


class ReturnModal(FormModal):
    """Kembalikan: where the file goes back to (from the SOP's "tidak" branches) and why."""

    def __init__(self, targets: list[tuple[int, str]]) -> None:
        super().__init__(T.MODAL_RETURN_TITLE)
        self.targets = targets

    def fields(self) -> ComposeResult:
        yield Label(T.MODAL_RETURN_TARGET)
        yield OptionList(*[Option(text, id=str(no)) for no, text in self.targets],
                         id="targets")
        yield Label(T.MODAL_RETURN_REASON)
        yield Input(id="reason")

    def on_mount(self) -> None:
        targets = self.query_one("#targets", OptionList)
        targets.highlighted = 0
        targets.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#reason", Input).focus()

    def answer(self) -> ReturnChoice:
        targets = self.query_one("#targets", OptionList)
        index = targets.highlighted if targets.highlighted is not None else 0
        reason = self.value("reason")
        if not reason:
            raise ValueError(T.MODAL_REQUIRED.format(field=T.MODAL_RETURN_REASON))
        return ReturnChoice(to_step=self.targets[index][0], reason=reason)


@dataclass(frozen=True)
class Missing:
    items: list[str]
    note: str


class MissingModal(FormModal):
    """Berkas kurang: tick what the applicant must still bring, and a note for them."""

    def __init__(self, items: list[str], missing: list[str]) -> None:
        super().__init__(T.MODAL_MISSING_TITLE)
        self.items, self.missing = items, missing

    def fields(self) -> ComposeResult:
        if self.items:
            yield Label(T.MODAL_MISSING_ITEMS)
            yield SelectionList[str](
                *[(item, item, item in self.missing) for item in self.items], id="items")
        yield Label(T.MODAL_MISSING_NOTE)
        yield Input(id="note")

    def on_mount(self) -> None:
        # the missing items come ticked from the checklist; the note is what is left to say
        self.query_one("#note", Input).focus()

    def answer(self) -> Missing:
        chosen = list(self.query_one("#items", SelectionList).selected) if self.items else []
        note = self.value("note")
        if not chosen and not note:
            raise ValueError(T.MODAL_REQUIRED.format(field=T.MODAL_MISSING_NOTE))
        return Missing(items=[i for i in self.items if i in chosen], note=note)


@dataclass(frozen=True)
class Closing:
    outcome: str
    reason: str


class CloseModal(FormModal):
    """Tutup: selesai, ditolak or dibatalkan; a reason is required unless selesai."""

    def fields(self) -> ComposeResult:
        yield Label(T.MODAL_CLOSE_OUTCOME)
        yield OptionList(*[Option(label, id=key) for key, label in T.OUTCOMES.items()],
                         id="outcome")
        yield Label(T.MODAL_CLOSE_REASON)
        yield Input(id="reason")

    def on_mount(self) -> None:
        outcome = self.query_one("#outcome", OptionList)
        outcome.highlighted = 0
        outcome.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#reason", Input).focus()

    def answer(self) -> Closing:
        options = self.query_one("#outcome", OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        outcome = list(T.OUTCOMES)[index]
        reason = self.value("reason")
        if outcome != "selesai" and not reason:
            raise ValueError(T.MODAL_REQUIRED.format(field=T.MODAL_CLOSE_REASON))
        return Closing(outcome=outcome, reason=reason)


class ScanModal(FormModal):
    """F5: type (or scan) a case code by hand."""

    def __init__(self) -> None:
        super().__init__(T.SCAN_TITLE)

    def fields(self) -> ComposeResult:
        yield Input(placeholder=T.SCAN_PLACEHOLDER, id="code")

    def answer(self) -> str:
        return self.value("code")
