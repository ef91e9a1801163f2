"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (a new widget per key, each styled anew) every time a
screen's bindings *may* have changed: each focus move, each mounted widget that
refreshes bindings. Opening the daily log asked for that three times per push and
the rebuilds were about a third of the screen's CPU (issue 15). This footer
collapses the requests made before the next refresh into one, and skips it when
the keys, their labels and their enabled state are what it already shows.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    """A `Footer` that recomposes once per refresh, and only when its keys changed."""

    _pending = False
    _shown: Hashable = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    def _keys_shown(self) -> Hashable:
        """Everything `Footer.compose` reads from the screen's bindings."""
        app = self.app
        return (self.show_command_palette, tuple(
            (binding.key, app.get_key_display(binding), binding.description,
             binding.action, binding.show, binding.group, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()))

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        keys = self._keys_shown()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
