"""Requests that have no SOP yet: walk-ins served on the general SOP, and what they asked for.

An office that serves a visitor on "Layanan umum / konsultasi lainnya" writes the
visitor's request in the case notes (or as the output of its first step). The
supervisor's review groups those requests, so the office sees which services
most need an SOP of their own (issue 12, item 5).
"""

from __future__ import annotations

from collections.abc import Iterable
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
    groups: dict[str, list[tuple[str, str]]] = {}
    for view in views:
        if view.state.sop_id != GENERAL_SOP:
            continue
        text = request_of(view) or T.UNSERVED_UNKNOWN
        groups.setdefault(reason_key(text), []).append((text, view.state.code))
    out = []
    for items in groups.values():
        texts = [t for t, _ in items]
        shown = max(set(texts), key=texts.count)
        out.append(UnservedRequest(shown, len(items), tuple(c for _, c in items)))
    return sorted(out, key=lambda r: (-r.count, r.keperluan))


def load_unserved(desk: Desk, summary: Any) -> list[UnservedRequest]:
    """The requests of a report's period (`summary.cases`), read through the desk."""
    codes = [r.code for r in summary.cases if r.sop_id == GENERAL_SOP]
    return unserved_requests(desk.views_of(codes)) if codes else []


def unserved_lines(requests: list[UnservedRequest]) -> list[str]:
    """The review's lines: a heading, then one line per request (or 'none')."""
    if not requests:
        return [T.UNSERVED_HEAD, T.UNSERVED_NONE]
    return [T.UNSERVED_HEAD, *(T.UNSERVED_LINE.format(keperluan=r.keperluan, count=r.count)
                                for r in requests)]
