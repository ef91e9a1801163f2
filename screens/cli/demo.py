"""`loket demo [--hari N]`: fill the demo store with generated service history.

The demo store lives under `<data_dir>/demo` (`resolve_paths(demo=True)`),
whether or not `--demo` was given: this command never writes to the real
store. The old demo history is replaced, so running it twice gives the same
data for the same seed and day.

The history is made in memory through the desk service (`counter.demo`) and
then written one day file at a time: appending tens of thousands of events
one by one, each durably, would take minutes for no benefit to demo data.
"""

from __future__ import annotations

import argparse
import shutil
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from counter import demo
from counter.codes import parse_code
from counter.config import resolve_paths
from counter.dates import format_date
from counter.errors import LoketError
from counter.texts import report as T
from screens.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=T.HELP_DEMO_CMD, description=T.HELP_DEMO_CMD)
    p.add_argument("--hari", type=int, default=10, help=T.HELP_HARI)
    p.add_argument("--per-hari", type=float, default=30.0, help=T.HELP_PER_HARI)
    p.add_argument("--seed", type=int, default=1, help=T.HELP_SEED)
    p.add_argument("--sampai", help=T.HELP_DEMO_SAMPAI)
    p.add_argument("--tambah", action="store_true", help=T.HELP_DEMO_TAMBAH)
    p.set_defaults(func=cmd_demo)


def demo_context(args: argparse.Namespace, ctx: Context) -> Context:
    """The context of the demo store, even when `--demo` was not given."""
    if ctx.demo:
        return ctx
    paths = resolve_paths(getattr(args, "config_dir", None), getattr(args, "data_dir", None),
                          demo=True)
    return Context(paths=paths, demo=True)


def write_history(store: Any, repo: demo.MemoryRepo) -> int:
    """Copy the generated events into `store`, one write per day file; returns the count."""
    by_day: dict[date, list[dict]] = defaultdict(list)
    for event in repo.all_events():
        by_day[parse_code(event["code"]).day].append(event)
    for day in sorted(by_day):
        store.import_events(by_day[day])
    return sum(len(events) for events in by_day.values())


def fill_demo_store(ctx: Context, *, days: int, per_day: float = 30.0, seed: int = 1,
                    until: datetime | None = None, keep: bool = False) -> demo.DemoResult:
    """Replace the demo store's history with a generated one (tests and benchmarks too).

    `keep`: add the days after the history already there instead (e.g. a quarter
    served on a new SOP version after an evaluation); days it already holds are refused.
    """
    if not ctx.demo or ctx.paths.data_dir.name != "demo":
        raise LoketError(T.DEMO_NOT_DEMO.format(path=ctx.paths.store_dir))
    store_dir: Path = ctx.paths.store_dir
    repo = demo.MemoryRepo()
    result = demo.generate(repo, ctx.catalog, ctx.profile, days=days, until=until, seed=seed,
                           settings=demo.DemoSettings(per_day=per_day))
    if keep and store_dir.exists():
        held = [parse_code(c).day for c in ctx.store.open_codes()] + \
            [d for d in _days_held(ctx.store)]
        if held and max(held) >= result.first:
            raise LoketError(T.DEMO_OVERLAP.format(last=format_date(max(held)),
                                                   first=format_date(result.first)),
                             field="--sampai")
    elif store_dir.exists():
        shutil.rmtree(store_dir)
    ctx.__dict__.pop("store", None)  # a store opened before the wipe points at nothing
    write_history(ctx.store, repo)
    write_demo_surveys(ctx, repo, seed)
    return result


def _days_held(store: Any) -> list[date]:
    out = []
    for path in store.day_files():
        try:
            out.append(date.fromisoformat(Path(path).stem))
        except ValueError:
            continue
    return out


def write_demo_surveys(ctx: Context, repo: demo.MemoryRepo, seed: int) -> int:
    """Anonymous SKM answers for the demo's closed cases, so F4's SKM has figures."""
    from counter.skm.demo import demo_responses
    from screens.skm_service import survey_store

    surveys = survey_store(ctx.paths)
    return surveys.add(demo_responses(surveys.questionnaire, repo.all_events(), seed))


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    dctx = demo_context(args, ctx)
    until = None
    if args.sampai:
        from counter.report import parse_date

        day = parse_date(args.sampai, datetime.now(dctx.profile.tz).date())
        until = demo.end_of_day(day, dctx.profile)
    result = fill_demo_store(dctx, days=args.hari, per_day=args.per_hari, seed=args.seed,
                             until=until, keep=args.tambah)
    print(T.DEMO_DONE.format(cases=result.cases, days=len(result.days),
                             first=format_date(result.first), last=format_date(result.last),
                             path=dctx.paths.store_dir, last_iso=result.last.isoformat()))
    return 0
