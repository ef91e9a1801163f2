"""Typed events: one definition per event type, checked when an event is made and when read.

A stored event is a JSON object::

    {"id": "01JD…", "code": "261125010077", "seq": 3, "type": "step_completed",
     "at": "2026-11-25T09:05:12+07:00", "officer": "Siti", "desk": 1,
     "prev": "01JD…", "data": {...}}

`id` is a ULID (unique across desks, sorting by time); `prev` (an action's first
event only) is the id of the case's last event the action was planned on; `seq`
is the store's local order. Each type's `data` is a frozen dataclass registered
with `@event_type("name")`; its field annotations are the schema (`str`, `int`,
`bool`, `X | None`, `tuple[str, ...]`, `Visitor`), its `check()` the rules beyond
types. Adding a type is one decorated dataclass: `read_event` and `to_json` need
nothing else. An event that fails raises `SchemaError` naming the field; the fold
turns that into a `Problem` shown with the case, never a traceback.

Events written before ids existed get a deterministic one when read
(`legacy_id`: the time of `at`, the seq, then a hash of code, seq and `at`), so an old store
keeps its order and every desk derives the same id.
"""

from __future__ import annotations

import hashlib
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields
from datetime import datetime
from functools import cache, lru_cache
from typing import Any, ClassVar, TypeVar

from counter.codes import parse_code
from counter.errors import CaseError, CodeError
from counter.ids import ID_LENGTH as ID_LENGTH
from counter.ids import TIME_BITS, ulid_text
from counter.ids import is_id as is_id
from counter.ids import new_id as new_id
from counter.ids import seeded_ids as seeded_ids
from counter.texts import case as T
from counter.visitor import Visitor


class SchemaError(CaseError):
    """An event (being made or read) that does not fit its type's definition."""


# ---------------------------------------------------------------- ids


def legacy_id(code: str, seq: int, at: str) -> str:
    """The id an event stored without one is known by: the same on every desk, every read."""
    try:
        ms = int(datetime.fromisoformat(at).timestamp() * 1000)
    except ValueError:
        ms = 0
    digest = hashlib.sha256(f"{code}:{seq}:{at}".encode()).digest()
    # The seq leads the random part, so one action's events (one `at`) keep their order.
    rand = ((max(seq, 0) & 0xFFFF) << 64) | int.from_bytes(digest[:8], "big")
    return ulid_text(((ms & ((1 << 48) - 1)) << TIME_BITS) | rand)


def event_id(raw: Mapping[str, Any]) -> str:
    """A stored event's id: its own, or the derived one of an event from before ids."""
    own = raw.get("id")
    if isinstance(own, str):
        return own
    return legacy_id(str(raw.get("code")), _int(raw.get("seq"), -1), str(raw.get("at")))


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


# ---------------------------------------------------------------- typed data


class EventData:
    """Base of every event type's `data`; see the module docstring."""

    TYPE: ClassVar[str] = ""

    def check(self) -> None:
        """Rules beyond the field types; raise `SchemaError(message, field=...)`."""

    def to_json(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


D = TypeVar("D", bound=EventData)
REGISTRY: dict[str, type[EventData]] = {}
_SPECS: dict[str, list[tuple[str, Reader, bool]]] = {}  # type -> (field, reader, required)


def event_type(name: str) -> Callable[[type[D]], type[D]]:
    """Register a dataclass as the definition of event type `name`."""

    def register(cls: type[D]) -> type[D]:
        if name in REGISTRY:
            raise ValueError(f"event type {name!r} registered twice")
        cls.TYPE = name
        hints = typing.get_type_hints(cls)
        _SPECS[name] = [(f.name, _reader(hints[f.name]), f.default is MISSING
                         and f.default_factory is MISSING)
                        for f in fields(cls)]  # type: ignore[arg-type]
        REGISTRY[name] = cls
        return cls

    return register


def _dump(value: Any) -> Any:
    if isinstance(value, Visitor):
        return value.as_dict()
    if isinstance(value, tuple):
        return [_dump(v) for v in value]
    return value


def _convert(value: Any, hint: Any, name: str) -> Any:
    """`value` read from JSON as `hint`, or `SchemaError` naming `name`."""
    return _reader(hint)(value, name)


Reader = Callable[[Any, str], Any]


@cache
def _reader(hint: Any) -> Reader:
    """The reader of one annotation, made once: a report reads ~10 events a case and
    thousands of cases, so the annotation is not looked into again for each value."""
    if hint is str:
        return _read_text
    if hint is int:
        return _read_int
    if hint is bool:
        return _read_bool
    if hint is Visitor:
        return _read_visitor
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        none_ok = type(None) in args
        (inner,) = [a for a in args if a is not type(None)]
        read_inner = _reader(inner)

        def read_optional(value: Any, name: str) -> Any:
            return None if value is None and none_ok else read_inner(value, name)

        return read_optional
    if origin is tuple:
        read_item = _reader(typing.get_args(hint)[0])

        def read_tuple(value: Any, name: str) -> Any:
            if not isinstance(value, list | tuple):
                raise SchemaError(T.SCHEMA_NOT_LIST, field=name)
            return tuple(read_item(v, f"{name}[{i}]") for i, v in enumerate(value))

        return read_tuple
    raise TypeError(f"no reader for {hint!r}")  # a definition error, found by the tests


def _read_text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise SchemaError(T.SCHEMA_NOT_TEXT.format(value=_short(value)), field=name)
    return value


def _read_int(value: Any, name: str) -> int:
    if type(value) is not int and (isinstance(value, bool) or not isinstance(value, int)):
        raise SchemaError(T.SCHEMA_NOT_INT.format(value=_short(value)), field=name)
    return value


def _read_bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise SchemaError(T.SCHEMA_NOT_BOOL, field=name)
    return value


def _read_visitor(value: Any, name: str) -> Visitor:
    if not isinstance(value, Mapping):
        raise SchemaError(T.SCHEMA_NOT_OBJECT, field=name)
    for key in ("nama", "nik", "telepon", "nama_usaha", "alamat"):
        if value.get(key) is not None and not isinstance(value.get(key), str):
            raise SchemaError(T.SCHEMA_NOT_TEXT.format(value=_short(value.get(key))),
                              field=f"{name}.{key}")
    visitor = Visitor.from_dict(dict(value))
    if not visitor.nama.strip():
        raise SchemaError(T.SCHEMA_REQUIRED, field=f"{name}.nama")
    return visitor


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def data_from_json(type_: str, raw: object) -> EventData:
    """The typed `data` of an event of `type_` (registered), or `SchemaError`."""
    cls = REGISTRY[type_]
    if not isinstance(raw, Mapping):
        raise SchemaError(T.SCHEMA_NOT_OBJECT, field="data")
    values: dict[str, Any] = {}
    for name, read, required in _SPECS[type_]:
        value = raw.get(name)
        if value is None:  # absent or null: the default, when the field has one
            if required:
                raise SchemaError(T.SCHEMA_REQUIRED, field=f"data.{name}")
            continue
        values[name] = read(value, f"data.{name}")
    data = cls(**values)
    try:
        data.check()
    except SchemaError as err:
        raise SchemaError(err.message, field=f"data.{err.field}" if err.field else "data") \
            from None
    return data


# ---------------------------------------------------------------- the envelope


@dataclass(frozen=True)
class Event:
    """A fact about a case, typed; `to_json()` is what the store keeps."""

    id: str
    code: str
    type: str
    at: datetime
    officer: str
    desk: int
    data: EventData
    seq: int | None = None
    prev: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "code": self.code}
        if self.seq is not None:
            out["seq"] = self.seq
        out.update(type=self.type, at=self.at.isoformat(), officer=self.officer,
                   desk=self.desk)
        if self.prev is not None:
            out["prev"] = self.prev
        out["data"] = self.data.to_json()
        return out


@lru_cache(maxsize=8192)
def _code_ok(code: str) -> bool:
    """Twelve digits naming a real day, with a right check digit (an edited code fails).

    Cached: every event of a case carries the same code, and a report reads thousands."""
    if len(code) != 12 or not code.isdigit():
        return False
    try:
        parse_code(code)
    except CodeError:
        return False
    return True


def read_event(raw: object) -> Event:
    """A stored event, checked against its type's definition; `SchemaError` names the field.

    An event of a type this version does not know keeps its data unread (`Unknown`):
    a newer desk's fact is odd here, not damage.
    """
    if not isinstance(raw, Mapping):
        raise SchemaError(T.EVENT_NOT_DICT.format(kind=type(raw).__name__))
    code = raw.get("code")
    if not isinstance(code, str) or not _code_ok(code):
        raise SchemaError(T.SCHEMA_BAD_CODE.format(value=_short(code)), field="code")
    type_ = raw.get("type")
    if not isinstance(type_, str) or not type_:
        raise SchemaError(T.EVENT_NO_TYPE, field="type")
    at_text = raw.get("at")
    try:
        at = datetime.fromisoformat(at_text) if isinstance(at_text, str) else None
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise SchemaError(T.EVENT_BAD_AT.format(value=_short(at_text)), field="at")
    seq = raw.get("seq")
    if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int) or seq < 0):
        raise SchemaError(T.SCHEMA_NOT_INT.format(value=_short(seq)), field="seq")
    desk = raw.get("desk")
    if isinstance(desk, bool) or not isinstance(desk, int) or not 0 <= desk <= 99:
        raise SchemaError(T.DESK_RANGE.format(value=_short(desk)), field="desk")
    officer = raw.get("officer")
    if not isinstance(officer, str):
        raise SchemaError(T.SCHEMA_NOT_TEXT.format(value=_short(officer)), field="officer")
    own_id = raw.get("id")
    if own_id is not None and not is_id(own_id):
        raise SchemaError(T.SCHEMA_BAD_ID.format(value=_short(own_id)), field="id")
    prev = raw.get("prev")
    if prev is not None and not is_id(prev):
        raise SchemaError(T.SCHEMA_BAD_ID.format(value=_short(prev)), field="prev")
    if type_ in REGISTRY:
        data = data_from_json(type_, raw.get("data"))
    else:
        data = Unknown(dict(raw.get("data") or {}) if isinstance(raw.get("data"), Mapping)
                       else {})
    return Event(id=event_id(raw), code=code, type=type_, at=at, officer=officer, desk=desk,
                 data=data, seq=seq, prev=prev)


@dataclass(frozen=True)
class Unknown(EventData):
    """The data of an event type this version does not know (kept as it was)."""

    raw: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        return dict(self.raw)


def make_event(code: str, at: datetime, officer: str, desk: int, data: EventData) -> Event:
    """A new event (not yet stored: no seq) with a fresh id; `CaseError` on bad input."""
    if not isinstance(code, str) or not code.strip():
        raise CaseError(T.CODE_EMPTY, field="code")
    if not isinstance(at, datetime):
        raise CaseError(T.AT_NOT_DATETIME, field="at")
    if at.tzinfo is None or at.utcoffset() is None:
        raise CaseError(T.AT_NAIVE, field="at")
    if not isinstance(officer, str) or not officer.strip():
        raise CaseError(T.OFFICER_EMPTY, field="officer")
    if isinstance(desk, bool) or not isinstance(desk, int) or not 1 <= desk <= 99:
        raise CaseError(T.DESK_RANGE.format(value=desk), field="desk")
    data.check()
    return Event(id=new_id(at), code=code.strip(), type=data.TYPE, at=at,
                 officer=officer.strip(), desk=desk, data=data)
