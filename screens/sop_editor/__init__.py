"""The SOP editor screen (opened from the SOP browser, F3)."""

from screens.sop_editor.screen import SopEditorScreen

__all__ = ["SopEditorScreen"]
