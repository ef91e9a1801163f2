"""The reading half of the desk service: cases folded and measured from the store, the
days whose file cannot be read named instead of raised, and which roles this desk serves.

`Desk` (counter/desk.py) adds the actions on top; screens and the CLI use `Desk`.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from counter import case as C
from counter.accounts.signin import Session
from counter.calendar import WorkingCalendar, calendar_for
from counter.case.fold_cache import fold_cached, fold_key, keep_fold, kept_fold
from counter.clock import measure_case
from counter.clock_kept import keep_plan
from counter.codes import parse_code
from counter.config import Profile
from counter.damage import UnreadableDay, merged
from counter.desk_view import (
    CasesRead,
    CaseView,
    Repository,
    _fold_name,
    _no_timing,
    _only_remarks,
    _sop_id,
    _sop_versi,
)
from counter.errors import ConflictError, LoketError
from counter.open_snapshot import Entry, OpenSnapshot, bytes_of, entries_of
from counter.sop import Catalog, Sop
from counter.sync.order import describe_fork, forks


class DeskReader:
    """Reads cases for one officer at one desk; `now` gives the (aware) current time."""

    def __init__(
        self,
        repo: Repository,
        catalog: Catalog,
        profile: Profile,
        officer: Session | str | None = None,
        now: Callable[[], datetime] | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> None:
        """`officer` is the signed-in `Session` (the app's and the CLI's sign-in make
        one); a bare name stands for a petugas loket without any supervisor's rights
        (the demo's and tests' officers); None: nobody is signed in, so the desk may
        read but each act is refused. Every event names the session's officer at the
        desk's clock: a caller never passes an officer or a time."""
        self.repo = repo
        self.catalog = catalog
        self.profile = profile
        self.session: Session | None = Session(officer) if isinstance(officer, str) \
            and officer else officer if isinstance(officer, Session) else None
        self.calendar = calendar or calendar_for(profile)
        # Names of the office's desks (from the server), for conflict lines and the case
        # story: {5: "Kabid"}; the copy the store kept at the last sync, and this desk's own.
        self.desk_names: dict[int, str] = _known_desk_names(repo, profile)
        self._now = now or (lambda: datetime.now(profile.tz))
        # The folds an earlier process kept (`counter.open_snapshot`): read at the first
        # look at the open cases, let go after it (their folds are kept in memory then).
        self._snapshot: OpenSnapshot | None = None
        self._snapshot_read = False  # once per desk: later reads find the folds in memory
        self._snapshot_depth = 0
        self.folds_made = 0  # folds made from events (not kept in memory or on disk)
        self._snapshot_written: tuple[int, ...] = ()

    @property
    def officer(self) -> str:
        """The signed-in officer's name ("" when nobody is signed in)."""
        return self.session.nama if self.session is not None else ""

    # ---------------------------------------------------------------- reading

    def now(self) -> datetime:
        return self._now().astimezone(self.profile.tz)

    def sop_of(self, sop_id: str, versi: int | None = None) -> Sop | None:
        """The SOP (at the version a case began with, when it names one)."""
        try:
            return self.catalog.at_version(sop_id, versi)
        except KeyError:
            return None

    def fold(self, events: list[dict[str, Any]]) -> CaseView:
        sop = self.sop_of(_sop_id(events), _sop_versi(events))
        state = self.folded(events, sop)
        view = self.measure(state, sop)
        if _SETTLED.get(id(state)) is state:  # no unsettled fork among its events
            return view
        conflicts = tuple(describe_fork(f, self.profile.tz, self.desk_names)
                          for f in forks(events) if not f.resolved)
        if not conflicts and not state.closed:
            self._remember_settled(state)
        return replace(view, conflicts=conflicts) if conflicts else view

    def folded(self, events: Sequence[Mapping[str, Any]], sop: Sop | None) -> C.CaseState:
        """The fold of `events`: kept in memory (an open case unchanged since the last
        read), kept on disk by an earlier process (with its clock plan), or made now."""
        key = fold_key(events, sop)  # asked of memory, then kept there
        state = kept_fold(events, sop, key)
        if state is not None:
            return state
        snapshot = self._snapshot_now()
        if snapshot is not None:
            state = snapshot.state(events, sop)
            if state is not None:
                keep_fold(events, sop, state, key)
                if not snapshot.may_conflict(events):
                    self._remember_settled(state)
                plan = snapshot.plan(state, sop) if sop is not None else None
                if plan is not None:
                    keep_plan(plan)
                return state
        self.folds_made += 1
        return fold_cached(events, sop)

    @staticmethod
    def _remember_settled(state: C.CaseState) -> None:
        if len(_SETTLED) > 8192:
            _SETTLED.clear()
        _SETTLED[id(state)] = state

    def keep_open_snapshot(self, views: Iterable[CaseView]) -> None:
        """Keep the open cases' folds for the next process (the store's file), when they
        changed since this desk last kept or read them. A cache: failing costs nothing."""
        keep = getattr(self.repo, "keep_open_snapshot", None)
        if not callable(keep):
            return
        views = [v for v in views if not v.state.closed]
        signature = tuple(id(v.state) for v in views)
        if signature == self._snapshot_written:
            return
        keep(bytes_of(entries_of(((v.state, v.sop) for v in views), self.calendar,
                                 self.profile.nearing)))
        self._snapshot_written = signature

    def keep_folds_of(self, entries: Mapping[str, Entry], open_codes: Iterable[str]) -> None:
        """Keep for the next process the open cases' entries a report made (its forked
        copy's among them), with the earlier file's for the open cases it did not fold;
        inside `kept_folds` (the earlier file is still at hand)."""
        keep = getattr(self.repo, "keep_open_snapshot", None)
        if not callable(keep):
            return
        earlier = self._snapshot.entries() if self._snapshot is not None else {}
        merged = {code: entries.get(code) or earlier.get(code) for code in open_codes}
        keep(bytes_of({code: e for code, e in merged.items() if e is not None}))

    @contextmanager
    def kept_folds(self) -> Iterator[None]:
        """While inside: the folds an earlier process kept are used (read at the first
        fold not kept in memory, once per desk; let go at the outermost exit, when the
        folds taken from it are kept in memory)."""
        self._snapshot_depth += 1
        try:
            yield
        finally:
            self._snapshot_depth -= 1
            if not self._snapshot_depth:
                self._snapshot = None

    def _snapshot_now(self) -> OpenSnapshot | None:
        if not self._snapshot_depth:
            return None
        if not self._snapshot_read:
            self._snapshot_read = True
            raw = getattr(self.repo, "open_snapshot", None)
            self._snapshot = OpenSnapshot(raw(), self.calendar, self.profile.nearing) \
                if callable(raw) else None
        return self._snapshot

    def measure(self, state: C.CaseState, sop: Sop | None) -> CaseView:
        timing = measure_case(state, sop, self.calendar, self.now(), self.profile.nearing) \
            if sop is not None else _no_timing()
        return CaseView(state=state, timing=timing, sop=sop)

    def remeasure(self, view: CaseView) -> CaseView:
        """The same case at the current time, without reading the store (timer ticks)."""
        return replace(self.measure(view.state, view.sop), handoff=view.handoff,
                       conflicts=view.conflicts)

    def view(self, code: str) -> CaseView:
        return self.fold(self.repo.events(code))

    def planned(self, code: str, expect: str | None) -> CaseView:
        """The case now, to plan an action on; `expect` is the last event id of the view the
        officer decided on (None: plan on whatever is stored now).

        If the case moved since that view, `ConflictError` says what changed, so an
        officer never completes a step that another desk finished a moment ago.
        """
        events = self.repo.events(code)
        sop = self.sop_of(_sop_id(events))
        # Planning needs the state, not the clock: the timing is measured once, after.
        view = CaseView(state=C.fold(events, sop), timing=_no_timing(), sop=sop)
        if expect is not None and view.state.last_event_id != expect:
            ids = [e["id"] for e in view.state.events]
            newer = view.state.events[ids.index(expect) + 1:] if expect in ids else ()
            if not newer or not _only_remarks(newer):
                raise ConflictError(C.describe_conflict(newer, view.sop), code=view.code,
                                    newer=tuple(dict(e) for e in newer))
        return view

    def views_of(self, codes: Iterable[str]) -> list[CaseView]:
        """Many cases at once (the store reads each day file once); unknown codes are
        left out."""
        codes = list(codes)
        found = self.repo.events_of(codes)
        return [self.fold(found[code]) for code in codes if code in found]

    def open_views(self) -> list[CaseView]:
        """Every case not closed (the dashboard, files waiting)."""
        return self.views_of(self.repo.open_codes())

    def views_on(self, day: date) -> list[CaseView]:
        return [self.fold(evs) for evs in self.repo.events_on(day).values()]

    # A damaged day file is named, never allowed to blind the other days: the readers
    # below read day by day and set aside the days whose file raised a store error.

    def read_views(self, codes: Iterable[str]) -> CasesRead:
        """Many cases, day file by day file; an unreadable day is named, not raised."""
        by_day: dict[date, list[str]] = {}
        for code in codes:
            by_day.setdefault(parse_code(code).day, []).append(code)
        views: list[CaseView] = []
        unreadable: list[UnreadableDay] = []
        for day in sorted(by_day):
            day_codes = by_day[day]
            try:
                found = self.repo.events_of(day_codes)
            except LoketError as err:
                if err.path is None:
                    raise
                unreadable.append(self._unreadable(day, err))
                continue
            views += [self.fold(found[c]) for c in day_codes if c in found]
        return CasesRead(views, merged(unreadable))

    def open_cases(self, known: Mapping[str, CaseView] | None = None) -> CasesRead:
        """Every case not closed that can be read, and the days that cannot (including a
        day the index could not read when it was rebuilt: its open cases are unknown).

        ``known`` are views already folded (a report's own period), used as they are.
        """
        known = known or {}
        codes = self.repo.open_codes()
        read = self.open_cases_besides(known, codes)
        others = {v.code: v for v in read.views}
        views = [known.get(c) or others[c] for c in codes if c in known or c in others]
        return CasesRead(views, read.unreadable)

    def open_cases_besides(self, known: Container[str],
                           codes: Iterable[str] | None = None) -> CasesRead:
        """The open cases not among ``known`` (a report's own, done already), and every
        day that cannot be read; ``codes``: the open codes, when the caller has them."""
        codes = self.repo.open_codes() if codes is None else codes
        with self.kept_folds():
            read = self.read_views(c for c in codes if c not in known)
        extra = []
        for day in self.repo.unread_days():
            try:
                self.repo.events_on(day)
            except LoketError as err:
                if err.path is None:
                    raise
                extra.append(self._unreadable(day, err))
        return CasesRead(read.views, merged(read.unreadable, extra))

    def cases_on(self, day: date) -> CasesRead:
        """The cases opened on ``day``, or the day named as unreadable."""
        try:
            return CasesRead(self.views_on(day))
        except LoketError as err:
            if err.path is None:
                raise
            return CasesRead([], (self._unreadable(day, err),))

    def _unreadable(self, day: date, err: LoketError) -> UnreadableDay:
        codes: tuple[str, ...] = ()
        count: int | None = None
        if day not in self.repo.unread_days():
            codes = tuple(c for c in self.repo.open_codes() if parse_code(c).day == day)
            count = len(codes)
        return UnreadableDay(day=day, path=err.path or "", message=err.message,
                             open_cases=count, codes=codes)

    # ---------------------------------------------------------------- roles

    @property
    def serves(self) -> tuple[str, ...]:
        """The SOP roles (jabatan) this desk serves: an official's desk (meja pejabat)
        names them in the profile (`[pusat] peran`); a counter desk names none."""
        return self.profile.pusat.peran

    @property
    def in_office(self) -> bool:
        """Part of an office of several desks (a server is set)?"""
        return bool(self.profile.pusat.effective_dsn)

    def serves_role(self, sop: Sop | None, role: str | None) -> bool:
        """May a scan here record the file as received by `role`?

        An official's desk receives for the roles it serves, matched by id or by
        name (jabatan) to the SOP's pelaksana. A counter desk in an office of several
        desks receives only for counter roles: a counter re-scanning the slip of a file
        it sent to the Kepala Bidang must not record it as received by him. A lone
        desk (no server) keeps receiving for everyone, as it always has.
        """
        if role is None:
            return False
        if self.serves:
            names = {_fold_name(role), _fold_name(C.role_name(sop, role))}
            return any(_fold_name(s) in names for s in self.serves)
        if not self.in_office:
            return True
        return C.is_counter_role(sop, role)

    def files_for_me(self, views: Iterable[CaseView] | None = None) -> list[CaseView]:
        """An official's desk's home list: files on their way to its roles (handed off,
        not yet received) and files with it, oldest first. `views`: the open cases
        already read (default: read them now)."""
        views = self.open_views() if views is None else views
        mine = [v for v in views
                if not v.state.closed and self.serves_role(v.sop, v.state.holder_role)]
        return sorted(mine, key=lambda v: (v.state.holder_since or v.state.opened_at, v.code))


# Open cases' folds known to hold no unsettled fork (no "konflik" line to describe): the
# check reads every event, and the folds are shared by every desk of the process.
_SETTLED: dict[int, C.CaseState] = {}


def _known_desk_names(repo: object, profile: Profile) -> dict[int, str]:
    """What the store remembers of the office's desk names (a store that keeps none:
    nothing), with this desk's own name from its profile."""
    known = getattr(repo, "office_desk_names", None)
    names = dict(known()) if callable(known) else {}
    if profile.pusat.nama_meja:
        names[profile.desk] = profile.pusat.nama_meja
    return names
