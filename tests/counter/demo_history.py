"""A few days of demo history in a real store on disk (the autouse fixture's temp folders),
and a desk whose clock stands at the end of the last day: what the summary and report-page
tests read."""

from __future__ import annotations

from datetime import date

from counter import demo
from counter.config import Profile, default_profile, resolve_paths
from counter.desk import Desk
from screens.cli.context import Context
from screens.cli.demo import fill_demo_store
from store import open_store
from store.store import Store
from tests.sessions import petugas

LAST = date(2026, 11, 25)  # a Wednesday


def demo_history(days: int, per_day: float, seed: int) -> tuple[Context, demo.DemoResult]:
    ctx = Context(paths=resolve_paths(demo=True), demo=True)
    result = fill_demo_store(ctx, days=days, per_day=per_day, seed=seed,
                             until=demo.end_of_day(LAST, default_profile()))
    return ctx, result


def desk_at_end(ctx: Context, store: Store | None = None,
                profile: Profile | None = None) -> Desk:
    """A desk on the history's store (or `store`) at the end of its last day."""
    profile = profile or ctx.profile
    until = demo.end_of_day(LAST, profile)
    return Desk(store or open_store(ctx.paths.store_dir, profile.tz), ctx.catalog, profile,
                officer=petugas(), now=lambda: until)
