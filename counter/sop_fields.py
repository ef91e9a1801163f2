"""Reading SOP fields from TOML with every problem collected (file, line, field).

The limits and the error collection shared by the SOP reader (`counter.sop_read`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeGuard

from counter.errors import LoketError, SopError
from counter.texts import sop as T
from counter.toml_read import TomlDoc

MAX_STEP_NO = 999
MAX_STEPS = 200
MAX_ROLES = 50
MAX_RETURNS = 20
MAX_FILE_BYTES = 1_000_000


class SopErrors(SopError):
    """Every problem of one SOP file, so an admin can fix them all in one go.

    Behaves as its first problem (`path`, `line`, `field`, `message`); `str()` lists
    every one on its own line."""

    def __init__(self, errors: Iterable[SopError]) -> None:
        self.errors = tuple(errors)
        first = self.errors[0]
        super().__init__(first.message, path=first.path, line=first.line, field=first.field)

    def __str__(self) -> str:
        return "\n".join(LoketError.__str__(e) for e in self.errors)


def problems(err: SopError) -> tuple[SopError, ...]:
    """The single problems inside an error from the loader (one, or a file's many)."""
    return err.errors if isinstance(err, SopErrors) else (err,)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


class _Fields:
    """The field readers under `_Reader`: each records what is wrong with its place
    and goes on with a harmless value, so one pass finds all the problems of a file."""

    def __init__(self, doc: TomlDoc) -> None:
        self.doc = doc
        self.data = doc.data
        self.path = doc.path
        self.errors: list[SopError] = []
        self._index: dict[int, int] = {}  # id(step) -> its [[langkah]] index
        self._bad_numbers = False  # a step number or langkah_hilang could not be read

    def problem(self, message: str, label: str, *keys: str | int) -> None:
        self.errors.append(SopError(message, path=self.path, line=self.doc.line_of(*keys),
                                    field=label))

    def text(self, src: dict[str, Any], key: str, *where: str | int, required: bool = False,
             label: str | None = None) -> str:
        value = src.get(key, "")
        name = label or key
        if not isinstance(value, str):
            self.problem(T.WRONG_TYPE.format(field=key, expected=T.EXPECT_TEXT), name,
                         *where, key)
            return ""
        if required and not value.strip():
            self.problem(T.MISSING.format(field=key), name, *where, key)
        return value

    def texts(self, src: dict[str, Any], key: str, *where: str | int,
              label: str | None = None) -> tuple[str, ...]:
        value = src.get(key, [])
        if isinstance(value, str):
            value = [value] if value.strip() else []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(T.WRONG_TYPE.format(field=key, expected=T.EXPECT_TEXTS), label or key,
                         *where, key)
            return ()
        return tuple(value)

    def flag(self, src: dict[str, Any], key: str, *where: str | int,
             label: str | None = None) -> bool:
        value = src.get(key, False)
        if not isinstance(value, bool):
            self.problem(T.WRONG_TYPE.format(field=key, expected=T.EXPECT_FLAG), label or key,
                         *where, key)
            return False
        return value

    def tables(self, value: Any, key: str, limit: int, *where: str | int,
               label: str | None = None, header: str | None = None,
               ) -> list[tuple[int, dict[str, Any]]]:
        """(index, table) of a [[header]] list; anything else, and entries past `limit`,
        are problems."""
        name = label or key
        header = header or key
        if not isinstance(value, list):
            self.problem(T.WRONG_TYPE.format(field=key,
                                             expected=T.EXPECT_TABLES.format(key=header)),
                         name, *where, key)
            return []
        if len(value) > limit:
            self.problem(T.TOO_MANY.format(field=key, count=len(value), limit=limit), name,
                         *where, key, limit)
            value = value[:limit]
        out = []
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                out.append((i, entry))
            else:
                self.problem(T.NOT_A_TABLE.format(field=key, n=i + 1, header=header),
                             f"{name}[{i + 1}]", *where, key, i)
        return out

