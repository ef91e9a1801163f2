"""Frozen dataclasses as plain nested tuples (and back), for `marshal`: no code is ever
loaded from what was written, and it reads back in C.

A derived record kept between processes (`counter.open_snapshot`: the folds of the
open cases) must be cheaper to read than to compute again, and must never run code
from a file: `pickle` is neither fast enough on ~30 small objects per case nor safe.
The codec is made from the classes' own type hints once per class, so a field added
to a state is carried without anyone remembering to add it here; a hint the codec
cannot carry is refused when the codec is made (a test makes every one), never
carried wrongly. Values are kept exactly: datetimes as their ISO text (offset
included), enums as their value, mappings as item tuples.
"""

from __future__ import annotations

import dataclasses
import operator
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

Plain = Any  # None, bool, int, float, str, or tuples of them (what marshal keeps)
Convert = Callable[[Any], Any] | None  # None: the value is kept as it is

_PLAIN = (str, int, float, bool, type(None))


class CodecError(TypeError):
    """A type hint the codec cannot carry (a programming error, found by the tests)."""


class _Codec:
    """One class's fields (less the ones its caller supplies) and their converters."""

    def __init__(self, cls: type, given: tuple[str, ...]) -> None:
        self.cls = cls
        self.names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in given)
        hints = typing.get_type_hints(cls)
        pairs = [_converters(hints[name], cls, name) for name in self.names]
        self.encoders = tuple(p[0] for p in pairs)
        self.decoders = tuple(p[1] for p in pairs)
        self.converted = tuple((n, d) for n, d in zip(self.names, self.decoders, strict=True)
                               if d is not None)
        self.encoding = tuple((i, e) for i, e in enumerate(self.encoders) if e is not None)
        self._values = operator.itemgetter(*self.names) if self.names else (lambda _: ())

    def encode(self, obj: object) -> tuple[Plain, ...]:
        values = list(self._values(obj.__dict__)) if len(self.names) > 1 else \
            [obj.__dict__[self.names[0]]]
        for i, enc in self.encoding:
            values[i] = enc(values[i])
        return tuple(values)

    def decode(self, plain: tuple[Plain, ...], given: Mapping[str, Any] | None = None) -> Any:
        if type(plain) is not tuple or len(plain) != len(self.names):
            raise ValueError(f"{self.cls.__name__}: not its {len(self.names)} values")
        fields = dict(zip(self.names, plain, strict=True))
        for name, dec in self.converted:
            fields[name] = dec(fields[name])
        if given:
            fields.update(given)
        obj: Any = object.__new__(self.cls)  # as pickle does: a frozen dataclass's fields set once
        object.__setattr__(obj, "__dict__", fields)
        return obj


_CODECS: dict[tuple[type, tuple[str, ...]], _Codec] = {}


def codec(cls: type, given: tuple[str, ...] = ()) -> _Codec:
    """The codec of frozen dataclass `cls`, less the fields named in `given`."""
    given = tuple(sorted(given))
    known = _CODECS.get((cls, given))
    if known is None:
        params = getattr(cls, "__dataclass_params__", None)
        if params is None or not params.frozen:
            raise CodecError(f"{cls.__name__}: not a frozen dataclass")
        missing = set(given) - {f.name for f in dataclasses.fields(cls)}
        if missing:
            raise CodecError(f"{cls.__name__}: no field {sorted(missing)}")
        known = _CODECS[(cls, given)] = _Codec(cls, given)
    return known


def encode(obj: object, given: tuple[str, ...] = ()) -> tuple[Plain, ...]:
    """`obj` (a frozen dataclass) as nested plain tuples, less the fields in `given`."""
    return codec(type(obj), given).encode(obj)


def decode(cls: type, plain: tuple[Plain, ...], given: Mapping[str, Any] | None = None) -> Any:
    """The `cls` instance `plain` was encoded from, with the fields the encoder left out
    taken from `given`; ValueError/TypeError when `plain` does not fit."""
    return codec(cls, tuple(given or ())).decode(plain, given)


def _converters(hint: Any, owner: type, name: str) -> tuple[Convert, Convert]:
    """(encode, decode) for one type hint; None where the value is plain already."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        raise CodecError(f"{owner.__name__}.{name}: Any cannot be carried")
    if hint in _PLAIN:
        return None, None
    if hint is datetime:
        return datetime.isoformat, datetime.fromisoformat
    if hint is date:
        return date.isoformat, date.fromisoformat
    if isinstance(hint, type) and issubclass(hint, Enum):
        # the member by its value, without Enum's call (KeyError for a value it lacks)
        return (lambda v: v.value), hint._value2member_map_.__getitem__
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        inner = codec(hint)
        return inner.encode, inner.decode
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1 or len(args) != 2:
            raise CodecError(f"{owner.__name__}.{name}: only `X | None` unions are carried")
        return _optional(*_converters(rest[0], owner, name))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            enc, dec = _converters(args[0], owner, name)
            # marshal gives tuples back as tuples: plain items need no decoding
            return ((lambda v: tuple(v)) if enc is None else (lambda v: tuple(map(enc, v))),
                    None if dec is None else (lambda p: tuple(map(dec, p))))
        pairs = [_converters(a, owner, name) for a in args]
        encs, decs = [p[0] for p in pairs], [p[1] for p in pairs]
        return ((lambda v: tuple(x if e is None else e(x) for e, x in zip(encs, v, strict=True))),
                (lambda p: tuple(x if d is None else d(x) for d, x in zip(decs, p, strict=True))))
    if origin in (Mapping, dict, typing.Mapping):
        (kenc, kdec), (venc, vdec) = (_converters(args[0], owner, name),
                                      _converters(args[1], owner, name))

        def enc_map(v: Mapping[Any, Any]) -> tuple[tuple[Any, Any], ...]:
            return tuple((k if kenc is None else kenc(k), x if venc is None else venc(x))
                         for k, x in v.items())

        def dec_map(p: tuple[tuple[Any, Any], ...]) -> dict[Any, Any]:
            return {(k if kdec is None else kdec(k)): (x if vdec is None else vdec(x))
                    for k, x in p}
        return enc_map, dec_map
    raise CodecError(f"{owner.__name__}.{name}: {hint!r} cannot be carried")


def _optional(enc: Convert, dec: Convert) -> tuple[Convert, Convert]:
    """The converters of `X | None` from those of X."""
    def enc_opt(v: Any) -> Any:
        return None if v is None or enc is None else enc(v)

    def dec_opt(p: Any) -> Any:
        return None if p is None or dec is None else dec(p)
    return (None if enc is None else enc_opt), (None if dec is None else dec_opt)
