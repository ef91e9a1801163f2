"""Requests that have no SOP yet: walk-ins served on the general SOP, and what they asked for.

An office that serves a visitor on "Layanan umum / konsultasi lainnya" writes the
visitor's request in the case notes (or as the output of its first step). The
supervisor's review groups those requests, so the office sees which services
most need an SOP of their own (issue 12, item 5).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from counter.evaluation.stats import reason_key
from counter.texts import evaluation as T

if TYPE_CHECKING:
    from counter.desk import CaseView, Desk

GENERAL_SOP = "umum-layanan-lainnya"


@dataclass(frozen=True, slots=True)
class UnservedRequest:
    """One request (as typed most often), how many walk-ins asked for it, and their codes."""

    keperluan: str
    count: int
    codes: tuple[str, ...]


def request_of(view: CaseView) -> str:
    """What the visitor asked for: the first note, else the first step's output."""
    state = view.state
    for note in state.notes:
        if note.text.strip():
            return note.text.strip()
    for run in state.runs:
        if run.output.strip():
            return run.output.strip()
    return ""


def unserved_requests(views: Iterable[CaseView]) -> list[UnservedRequest]:
    """The general SOP's cases grouped by request, most asked first."""
    return _grouped((view.state.code, request_of(view)) for view in views
                    if view.state.sop_id == GENERAL_SOP)


def _grouped(requests: Iterable[tuple[str, str]]) -> list[UnservedRequest]:
    """(code, request) pairs grouped by request, most asked first."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, request in requests:
        text = request or T.UNSERVED_UNKNOWN
        groups.setdefault(reason_key(text), []).append((text, code))
    out = []
    for items in groups.values():
        texts = [t for t, _ in items]
        shown = max(set(texts), key=texts.count)
        out.append(UnservedRequest(shown, len(items), tuple(c for _, c in items)))
    return sorted(out, key=lambda r: (-r.count, r.keperluan))


def load_unserved(desk: Desk, summary: Any,
                  known: Mapping[str, str] | None = None) -> list[UnservedRequest]:
    """The requests of a report's period (`summary.cases`): those `known` (as
    `counter.report.load_summary(requests=...)` gathered them), the rest read through the
    desk."""
    known = known or {}
    codes = [r.code for r in summary.cases if r.sop_id == GENERAL_SOP]
    missing = [c for c in codes if c not in known]
    read = {v.state.code: request_of(v) for v in desk.views_of(missing)} if missing else {}
    return _grouped((c, known[c] if c in known else read.get(c, "")) for c in codes
                    if c in known or c in read)


def unserved_lines(requests: list[UnservedRequest]) -> list[str]:
    """The review's lines: a heading, then one line per request (or 'none')."""
    if not requests:
        return [T.UNSERVED_HEAD, T.UNSERVED_NONE]
    return [T.UNSERVED_HEAD, *(T.UNSERVED_LINE.format(keperluan=r.keperluan, count=r.count)
                                for r in requests)]
