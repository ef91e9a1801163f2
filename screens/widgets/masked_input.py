"""The NIK field: the full number while editing, masked once the officer moves on."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from counter.visitor import mask_nik


class MaskedInput(Input):
    """The NIK field: the full number while editing, masked once the officer moves on."""

    real_value = ""

    def _on_blur(self, event: events.Blur) -> None:
        self.real_value = self.value
        if len(self.value) == 16 and self.value.isdigit():
            with self.prevent(Input.Changed):
                self.value = mask_nik(self.value)
        super()._on_blur(event)

    def _on_focus(self, event: events.Focus) -> None:
        if self.real_value and "*" in self.value:
            with self.prevent(Input.Changed):
                self.value = self.real_value
        super()._on_focus(event)

    @property
    def typed(self) -> str:
        return self.real_value if "*" in self.value else self.value
