"""Small dialogs of the step runner and the scan field.

Each returns its answer through `dismiss` (None when cancelled with Esc), so the
screen that asked decides what to record; nothing here touches the store.
Enter in the last field confirms; Ctrl+S confirms from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from counter.texts import ui as T
from screens.widgets.checklist import Checklist


class FieldProblem(ValueError):
    """A refused answer: the message, and the id of the field the officer must fix."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


class FormModal(ModalScreen[Any]):
    """A titled box of fields; subclasses give `fields()` and `answer()`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", T.MODAL_CANCEL, id="dialog.batal"),
        Binding("ctrl+s", "confirm", T.MODAL_OK, id="dialog.simpan"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title
        # tries the answer (a Desk action); a message back keeps the dialog open on it
        self.attempt: Callable[[Any], str | None] | None = None

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
            if isinstance(err, FieldProblem):  # focus goes where the typing must go
                self.query_one(f"#{err.field}").focus()
            return
        problem = self.attempt(result) if self.attempt is not None else None
        if problem:
            self.query_one("#modal-error", Static).update(problem)
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
            raise FieldProblem(T.MODAL_REQUIRED.format(field=self.label), "text")
        return text


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
        # the first target is highlighted; the reason is what the officer types
        self.query_one("#targets", OptionList).highlighted = 0
        self.query_one("#reason", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#reason", Input).focus()

    def answer(self) -> ReturnChoice:
        targets = self.query_one("#targets", OptionList)
        index = targets.highlighted if targets.highlighted is not None else 0
        reason = self.value("reason")
        if not reason:
            raise FieldProblem(T.MODAL_REQUIRED.format(field=T.MODAL_RETURN_REASON_FIELD),
                               "reason")
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
            yield Checklist(
                *[(item, item, item in self.missing) for item in self.items], id="items")
        yield Label(T.MODAL_MISSING_NOTE)
        yield Input(id="note")

    def on_mount(self) -> None:
        # the missing items come ticked from the checklist; the note is what is left to say
        self.query_one("#note", Input).focus()

    def answer(self) -> Missing:
        chosen = list(self.query_one("#items", Checklist).selected) if self.items else []
        note = self.value("note")
        if not chosen and not note:
            raise FieldProblem(T.MODAL_MISSING_EMPTY, "note")
        return Missing(items=[i for i in self.items if i in chosen], note=note)


class BroughtModal(FormModal):
    """Lanjutkan after berkas kurang: what did the applicant bring? All ticked to start
    (the usual case, one key); untick what is still missing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "confirm", T.MODAL_OK, priority=True, id="dibawa.simpan"),
    ]

    def __init__(self, missing: list[str]) -> None:
        super().__init__(T.MODAL_BROUGHT_TITLE)
        self.missing = missing

    def fields(self) -> ComposeResult:
        yield Label(T.MODAL_BROUGHT_ITEMS)
        yield Checklist(*[(item, item, True) for item in self.missing], id="items")

    def on_mount(self) -> None:
        self.query_one("#items", Checklist).focus()

    def answer(self) -> list[str]:
        return list(self.query_one("#items", Checklist).selected)


@dataclass(frozen=True)
class Closing:
    outcome: str
    reason: str


class CloseModal(FormModal):
    """Tutup: selesai, ditolak or dibatalkan; a reason is required unless selesai.

    Only the outcomes that fit the case are offered (selesai needs the last step),
    so the highlighted one can always be saved."""

    def __init__(self, title: str, outcomes: list[str] | None = None) -> None:
        super().__init__(title)
        self.outcomes = outcomes or list(T.OUTCOMES)

    def fields(self) -> ComposeResult:
        yield Label(T.MODAL_CLOSE_OUTCOME)
        yield OptionList(*[Option(T.OUTCOMES[key], id=key) for key in self.outcomes],
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
        outcome = self.outcomes[index]
        reason = self.value("reason")
        if outcome != "selesai" and not reason:
            raise FieldProblem(T.MODAL_REQUIRED.format(field=T.MODAL_CLOSE_REASON_FIELD),
                               "reason")
        return Closing(outcome=outcome, reason=reason)


class ScanModal(FormModal):
    """F5: type (or scan) a case code by hand."""

    def __init__(self) -> None:
        super().__init__(T.SCAN_TITLE)

    def fields(self) -> ComposeResult:
        yield Input(placeholder=T.SCAN_PLACEHOLDER, id="code")

    def answer(self) -> str:
        return self.value("code")
