"""What every command needs, built lazily so a command pays only for what it uses."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from counter.config import Paths, Profile, default_profile, load_profile
from counter.texts import cli as T_CLI
from counter.texts import sop as T_SOP

if TYPE_CHECKING:
    from counter.accounts.gate import Gate
    from counter.accounts.signin import Session
    from counter.desk import Desk
    from counter.sop import Catalog
    from store import Store


@dataclass
class Context:
    paths: Paths
    demo: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    # the officer signed in for this run (screens/cli/signin.require_officer); None for
    # reading commands, whose desk writes nothing
    session: Session | None = None

    def sign_in(self, session: Session) -> None:
        """Act as `session` from now on (the desk is rebuilt for them)."""
        self.session = session
        self.__dict__.pop("desk", None)

    @cached_property
    def gate(self) -> Gate:
        """Signs officers in against the profile's accounts; keeps the office audit."""
        from datetime import datetime

        from counter.accounts.gate import Gate
        from store.audit_log import AuditLog

        profile = self.profile
        return Gate(profile.officers, AuditLog(self.paths.data_dir), profile.desk,
                    lambda: datetime.now(profile.tz))

    @cached_property
    def saved_profile(self) -> Profile | None:
        """The office profile on disk; None before the first-run setup. The demo never
        reads the real office's profile: it has its own config folder (see
        `resolve_paths`) and pretends to be a demo office until one is saved there;
        either way its profile is marked demo (desk 00 codes, "DEMO" on paper)."""
        profile = load_profile(self.paths)
        if self.demo:
            if profile is None:  # the demo generator's module only when it is needed
                from counter.demo_office import demo_profile

                profile = demo_profile()
            return profile.with_changes(demo=True)
        return profile

    @cached_property
    def profile(self) -> Profile:
        """The office profile; the defaults until the first-run setup writes one."""
        return self.saved_profile or default_profile()

    @cached_property
    def catalog(self) -> Catalog:
        from counter.sop import load_catalog

        return load_catalog([self.paths.sop_dir])

    @cached_property
    def store(self) -> Store:
        from store import open_store

        store = open_store(self.paths.store_dir, self.profile.tz)
        self.say_notices(store)
        return store

    def say_notices(self, store: Store | None = None) -> None:
        """The store's notices (a read-only copy, a rebuilt index), one line each on
        stderr, each said once; called at opening and when the command is done."""
        store = store or self.__dict__.get("store")
        if store is None:
            return
        for line in store.notices:
            print(line, file=sys.stderr)
        store.notices.clear()

    @cached_property
    def desk(self) -> Desk:
        """Acts as the officer signed in by `require_officer` (none: it may only read)."""
        from counter.desk import Desk

        return Desk(self.store, self.catalog, self.profile, officer=self.session)


def note_skipped_sops(ctx: Context) -> None:
    """One line on stderr when office SOP files were skipped: the command still works
    on the rest, and `loket sop periksa` lists what is wrong."""
    if ctx.catalog.errors:
        print(T_CLI.WARNING_PREFIX + T_SOP.OFFICE_SKIPPED.format(count=len(ctx.catalog.errors)),
              file=sys.stderr)
