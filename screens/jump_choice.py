"""`j` on a step with several forward branches: the officer picks which one applies."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from counter.texts import sop_authoring as A
from screens.modals import FormModal


class JumpModal(FormModal):
    """The step's "langsung ke langkah N" branches, one line each; Enter takes one."""

    def __init__(self, branches: list[Any]) -> None:
        super().__init__(A.KEY_JUMP)
        self.branches = branches

    def fields(self) -> ComposeResult:
        yield Label(A.JUMP_ASK)
        yield OptionList(*[Option(A.FORWARD.format(syarat=b.syarat, target=b.ke_langkah)
                                  if b.syarat else
                                  A.FORWARD_NO_SYARAT.format(target=b.ke_langkah), id=str(i))
                           for i, b in enumerate(self.branches)], id="branches")

    def on_mount(self) -> None:
        branches = self.query_one("#branches", OptionList)
        branches.highlighted = 0
        branches.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_confirm()

    def answer(self) -> Any:
        index = self.query_one("#branches", OptionList).highlighted or 0
        return self.branches[index]
