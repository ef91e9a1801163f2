"""A checklist whose boxes say what they hold: `[x]` ticked, `[ ]` not.

Textual's SelectionList draws the same `▐X▌` for both states and tells them
apart only by colour, which an officer misread on a washed-out counter screen
(and a monochrome terminal loses entirely). The text itself now carries the state.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "[x] "
UNTICKED = "[ ] "


class Checklist(SelectionList[str]):
    """A SelectionList of document names drawn with plain `[x]` / `[ ]` boxes."""

    def _get_left_gutter_width(self) -> int:
        return len(TICKED)

    def render_line(self, y: int) -> Strip:
        # the option's own line, without SelectionList's coloured button
        line = super(SelectionList, self).render_line(y)
        _, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return line
        ticked = selection.value in self._selected
        style = next(iter(line)).style or self.rich_style
        box = Segment(TICKED if ticked else UNTICKED, style)
        return Strip([box, *line])

    @property
    def unticked(self) -> list[str]:
        """The items not ticked, in list order."""
        chosen = set(self.selected)
        return [str(self.get_option_at_index(i).value) for i in range(self.option_count)
                if self.get_option_at_index(i).value not in chosen]


class TickBox(Checkbox):
    """A Checkbox that reads `[x]` when ticked and `[ ]` when not (see the module doc)."""

    @property
    def _button(self) -> Content:
        return Content(TICKED.rstrip() if self.value else UNTICKED.rstrip())
