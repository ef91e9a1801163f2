"""`loket kasus KODE [--json]`: where is this file now, and how long has each step taken?

Made for the phone: a visitor asks "berkas saya sampai mana?", the officer types
the code from the tanda terima (with or without dashes) and reads the answer.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from counter import dates
from counter.codes import human, normalize, parse_code
from counter.errors import CodeError, LoketError
from counter.texts import ui_review as T
from screens.cli.context import Context, note_skipped_sops
from screens.widgets import case_story as story


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kasus", help=T.HELP_KASUS, description=T.HELP_KASUS)
    p.add_argument("kode", help=T.HELP_KASUS_CODE)
    p.add_argument("--json", action="store_true", help=T.HELP_KASUS_JSON)
    p.set_defaults(func=cmd_kasus)


def load_view(ctx: Context, text: str) -> Any:
    """The case at this moment, or a LoketError an officer can read."""
    from counter.desk import Desk

    try:
        parse_code(text)
    except CodeError as err:
        raise LoketError(T.CLI_BAD_CODE.format(text=text.strip(), detail=err.message)) from None
    code = normalize(text)
    desk = Desk(ctx.store, ctx.catalog, ctx.profile)
    try:
        events = ctx.store.events(code)
    except LoketError as err:
        if err.path is None:  # an unknown code, not a damaged file
            raise LoketError(T.CLI_UNKNOWN_CODE.format(code=human(code))) from None
        raise
    return desk.fold(events)


def cmd_kasus(args: argparse.Namespace, ctx: Context) -> int:
    note_skipped_sops(ctx)
    view = load_view(ctx, args.kode)
    broken = chain_lines(ctx, view.code)
    names = desk_names(ctx)
    if args.json:
        print(json.dumps({**story.case_dict(view, names), "rantai_rusak": broken},
                         ensure_ascii=False, indent=2))
        return 0
    console = Console(width=None if sys.stdout.isatty() else 100, highlight=False)
    print_case(console, view, names)
    for line in broken:
        console.print()
        console.print(line, style="bold red")
    return 0


def chain_lines(ctx: Context, code: str) -> list[str]:
    """A broken record chain in the case's day file, said with the case (its own break
    first and in full; else that the day's file was edited)."""
    from counter.chain.words import describe, what
    from counter.texts import chain as TC
    from store.chain import day_check

    day = parse_code(code).day
    check = day_check(ctx.store, day)
    if check is None or check.ok:
        return []
    mine = [b for b in check.breaks if b.code == code]
    if mine:
        return [TC.CASE_BROKEN.format(what=describe(b, str(ctx.store.path_for(day))))
                for b in mine]
    return [TC.DAY_BROKEN.format(what=what(check.breaks[0]))]


def desk_names(ctx: Context) -> dict[int, str]:
    """The office's desk names as this desk last heard them ("meja Koor"), and its own."""
    from counter.desk import Desk

    return Desk(ctx.store, ctx.catalog, ctx.profile).desk_names


def _longest_word(texts: list[str], at_least: int, at_most: int) -> int:
    """The width that keeps every word of `texts` whole, between the two bounds."""
    longest = max((len(w) for t in texts for w in str(t).split()), default=0)
    return max(at_least, min(at_most, longest))


def print_case(console: Console, view: Any, names: dict[int, str] | None = None) -> None:
    state = view.state
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    for label, value in story.header_rows(view, names=names):
        head.add_row(label, value)
    console.print(head)

    console.print()
    console.print(T.CLI_STEPS, style="bold")
    steps = Table(box=None, pad_edge=False, show_edge=False, expand=True)
    steps.add_column(T.COL_STEP, ratio=3, min_width=24, overflow="fold")
    lines = story.step_lines(view)
    # room for the longest word ("Verifikator"): a role is wrapped between words only
    steps.add_column(T.COL_PELAKSANA, width=_longest_word(
        [line.pelaksana for line in lines], at_least=10, at_most=20), overflow="fold")
    steps.add_column(T.COL_ELAPSED, ratio=1, min_width=9, overflow="fold")
    steps.add_column(T.COL_LIMIT, ratio=1, min_width=9, overflow="fold")
    steps.add_column(T.COL_LEVEL, no_wrap=True)
    steps.add_column(T.COL_PAUSED, ratio=1, overflow="fold")
    for line in lines:
        label = f"{line.no}. {line.kegiatan}"
        if line.over_reason:
            label += f"\n{T.CASE_OVER_REASON.format(reason=line.over_reason)}"
        steps.add_row(label, line.pelaksana, line.elapsed, line.limit,
                      Text(story.level_word(line.level), style=story.level_style(line.level)),
                      line.paused or T.NOTHING)
    console.print(steps)

    console.print()
    console.print(T.CLI_TIMELINE, style="bold")
    for day, events in story.by_day(state.events):
        console.print(Text(dates.format_day_date(day) if day else T.NOTHING, style="underline"))
        timeline = Table(box=None, pad_edge=False, show_edge=False, show_header=False)
        timeline.add_column(no_wrap=True)
        timeline.add_column(no_wrap=True)
        timeline.add_column(overflow="fold")
        for ev in events:
            who = f"{ev.get('officer', '')} ({story.desk_text(ev.get('desk'), names)})"
            timeline.add_row(_time(story.parse_at(ev.get("at"))), who,
                             story.describe(ev, view.sop))
        console.print(timeline)
    if state.anomalies:
        console.print()
        console.print(T.CLI_ANOMALIES, style="bold yellow")
        for a in state.anomalies:
            console.print(f"  {a.message}")


def _time(at: datetime | None) -> str:
    return dates.format_time(at) if at is not None else T.NOTHING
