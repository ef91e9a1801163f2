"""A broken link in words: where (day file, case, event) and what happened."""

from __future__ import annotations

from counter.chain.verify import Break, DayCheck
from counter.codes import human
from counter.errors import CodeError
from counter.texts import chain as T


def _code(code: str) -> str:
    try:
        return human(code)
    except (CodeError, ValueError):
        return code


def describe(brk: Break, path: str) -> str:
    """"berkas …/2026-11-25.json, kasus 261125-01-007-7, catatan 01K… (urutan 3): isi …"."""
    where = T.WHERE_DAY.format(path=path)
    if brk.code:
        where += T.WHERE_CASE.format(code=_code(brk.code))
    if brk.event:
        where += T.WHERE_EVENT.format(event=brk.event)
        if brk.seq is not None:
            where += T.WHERE_SEQ.format(seq=brk.seq)
    what = T.KINDS.get(brk.kind, brk.kind).format(other=brk.other)
    return f"{where}: {what}"


def what(brk: Break) -> str:
    return T.KINDS.get(brk.kind, brk.kind).format(other=brk.other)


def day_lines(check: DayCheck, path: str) -> list[str]:
    """The first break of a day in full, then how many more."""
    if check.ok:
        return []
    lines = [describe(check.breaks[0], path)]
    if len(check.breaks) > 1:
        lines.append(T.MORE.format(count=len(check.breaks) - 1))
    return lines
