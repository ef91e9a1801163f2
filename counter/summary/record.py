"""One case's summary: its report rows, what they were computed from, and their JSON.

The JSON is what the store keeps; reading it back checks its shape, and anything
off (a damaged or hand-edited file, an older format) reads as no summary at all,
so the case is folded again instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from counter.report_rows import CLOSED, CaseRow, StepRow, case_row, step_rows

if TYPE_CHECKING:
    from counter.desk import CaseView

_CASE_FIELDS = tuple(f.name for f in fields(CaseRow))
_STEP_FIELDS = tuple(f.name for f in fields(StepRow))


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """A closed case's rows as of its event `last_id` (the `count`-th), under `stamp`."""

    code: str
    last_id: str
    count: int
    stamp: str
    sop_id: str
    sop_versi: int | None
    row: CaseRow
    steps: tuple[StepRow, ...]
    # what a walk-in on the general SOP asked for (`counter.unserved`); "" otherwise
    request: str = ""

    def fits(self, last_id: str | None, count: int, stamp: str) -> bool:
        """Made from exactly these events under exactly this setting?"""
        return self.last_id == last_id and self.count == count and self.stamp == stamp

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"last": self.last_id, "n": self.count, "stamp": self.stamp,
                               "sop": [self.sop_id, self.sop_versi],
                               "row": [_out(getattr(self.row, f)) for f in _CASE_FIELDS],
                               "steps": [[_out(getattr(s, f)) for f in _STEP_FIELDS]
                                         for s in self.steps]}
        if self.request:
            out["req"] = self.request
        return out


def summarize(view: CaseView, last_id: str | None, count: int, stamp: str,
              sop_versi: int | None) -> CaseSummary | None:
    """The summary of a folded, measured case; None while it is open (its timing still
    runs with the clock) or when it cannot be read (no last event)."""
    if last_id is None or view.state.status.value not in CLOSED:
        return None
    return CaseSummary(code=view.state.code, last_id=last_id, count=count, stamp=stamp,
                       sop_id=view.state.sop_id, sop_versi=sop_versi, row=case_row(view),
                       steps=tuple(step_rows(view)), request=unserved_request(view))


def unserved_request(view: CaseView) -> str:
    """The request a general-SOP walk-in made (kept so the review needs no fold); ""."""
    from counter.unserved import GENERAL_SOP, request_of

    return request_of(view) if view.state.sop_id == GENERAL_SOP else ""


def from_json(code: str, raw: object) -> CaseSummary | None:
    """A stored summary, or None when it is not one this version wrote whole."""
    try:
        assert isinstance(raw, Mapping)
        sop_id, versi = raw["sop"]
        row = _make(CaseRow, _CASE_FIELDS, raw["row"])
        steps = tuple(_make(StepRow, _STEP_FIELDS, s) for s in raw["steps"])
        last, count, stamp = raw["last"], raw["n"], raw["stamp"]
        request = raw.get("req", "")
        assert isinstance(last, str) and type(count) is int and isinstance(stamp, str)
        assert isinstance(request, str)
        assert isinstance(sop_id, str) and (versi is None or type(versi) is int)
        assert row.code == code
    except (AssertionError, KeyError, TypeError, ValueError):
        return None
    return CaseSummary(code, last, count, stamp, sop_id, versi, row, steps, request)


def _out(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _make(cls: type[Any], names: tuple[str, ...], values: Any) -> Any:
    """A row from its stored values, each checked against its field's type (a shelf edited
    by hand must not put text where a report sums numbers).

    The JSON types of a row's values (its signature) are checked once per signature; a
    month's rows share a handful, so each further row only has its dates read."""
    if not isinstance(values, list) or len(values) != len(names):
        raise ValueError("shape")
    values = values[:]
    signature = tuple(map(type, values))
    if signature not in _SIGNATURES[cls]:
        _check(cls, names, values)
        _SIGNATURES[cls].add(signature)
    for i in _DATES[cls]:
        value = values[i]
        if value is not None:
            values[i] = datetime.fromisoformat(value)  # ValueError when not a time
            if values[i].tzinfo is None:
                raise ValueError(names[i])
    return cls(*values)


def _check(cls: type[Any], names: tuple[str, ...], values: list[Any]) -> None:
    """Every value of a row of `cls` of a JSON type its field accepts (dates are text)."""
    for i, allowed in enumerate(_KINDS[cls]):
        value = values[i]
        if value is None:
            if not allowed[1]:
                raise ValueError(names[i])
        elif allowed[0] is datetime:
            if type(value) is not str:
                raise TypeError(names[i])
        elif type(value) not in allowed[2]:
            raise ValueError(names[i])


# per field: (base type, None allowed, the JSON types accepted)
_ACCEPT: dict[str, tuple[type, bool, tuple[type, ...]]] = {
    "str": (str, False, (str,)), "bool": (bool, False, (bool,)),
    "int": (int, False, (int,)), "int | None": (int, True, (int,)),
    "float": (float, False, (float, int)), "float | None": (float, True, (float, int)),
    "datetime": (datetime, False, ()), "datetime | None": (datetime, True, ()),
}
_KINDS = {cls: tuple(_ACCEPT[str(f.type)] for f in fields(cls)) for cls in (CaseRow, StepRow)}
_DATES = {cls: tuple(i for i, kind in enumerate(_KINDS[cls]) if kind[0] is datetime)
          for cls in _KINDS}
# the JSON type signatures of rows already checked (a few per class)
_SIGNATURES: dict[type, set[tuple[type, ...]]] = {cls: set() for cls in _KINDS}
