"""Errors a user can cause, each with an Indonesian message that names the place.

The CLI and the screens catch `LoketError` and show `str(err)`, so a user reads
"file:line: field: what is wrong" and never a traceback.
"""

from __future__ import annotations

from pathlib import Path


class LoketError(Exception):
    """Base of every error whose message is meant for the user."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        place = ""
        if self.path:
            place = self.path + (f":{self.line}" if self.line else "")
        parts = [p for p in (place, self.field) if p]
        return ": ".join([*parts, self.message])

    @property
    def user_text(self) -> str:
        """The message for a screen: the file's place and field when a file is at fault,
        else the message alone (a case action's field is a program name, not the user's)."""
        if not self.path:
            return self.message
        return str(self)


class SopError(LoketError):
    """An SOP file that cannot be used: syntax, a missing field, a broken reference."""


class WaktuError(LoketError):
    """A mutu baku time text that cannot be read."""


class ConfigError(LoketError):
    """A missing or broken office profile."""


class VisitorError(LoketError):
    """Visitor data that fails validation (NIK, telepon, nama)."""


class CodeError(LoketError):
    """A case code that is malformed or fails its check digit."""


class CaseError(LoketError):
    """An action that does not fit the case's current state."""


class PrintError(LoketError):
    """A document that could not be rendered or printed."""


class ConflictError(CaseError):
    """An action planned on a case that moved meanwhile (another desk or process).

    Nothing of the action was written. `newer` holds the stored events the action
    did not know about, so the desk can say what changed; `code` names the case.
    """

    def __init__(self, message: str, *, code: str = "",
                 newer: tuple[dict[str, object], ...] = (), field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.code = code
        self.newer = newer
