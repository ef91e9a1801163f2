"""The demo's discrete-event simulation: walk-ins, steps, hand-offs, returns and
waits acted through `counter.desk.Desk` on a controlled clock (see `counter.demo`)."""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.accounts.signin import Session
from counter.calendar import WorkingCalendar
from counter.case.roles import is_back_office
from counter.case.state import Status
from counter.config import Officer, Profile
from counter.errors import CaseError, LoketError
from counter.sop import Catalog, Sop, Step
from counter.texts import report as T
from counter.unserved import GENERAL_SOP
from counter.waktu import Unit

if TYPE_CHECKING:  # the desk is imported where the simulation starts (import cycles)
    from counter.desk import CaseView, Desk, Repository


# ----------------------------------------------------------------- settings


@dataclass(frozen=True)
class DemoSettings:
    """Chances and sizes of the generated history (defaults look like a busy PLUT)."""

    per_day: float = 30.0  # mean walk-ins per working day
    over: float = 0.18  # a step runs over its mutu baku
    over_reason: float = 0.8  # ... and the officer gives a reason
    returned: float = 0.25  # a decision step sends the file back
    missing_at_open: float = 0.07  # documents missing at the counter
    wait_mid: float = 0.03  # the applicant must bring something mid-case
    never_back: float = 0.3  # a waiting applicant never returns
    slow_official: float = 0.15  # an official leaves a handed-off file for days
    rejected: float = 0.03
    cancelled: float = 0.03
    # Steps whose real working time does not follow their mutu baku, in minutes
    # (low, high), whatever the SOP version says: so the SOP evaluation has a step
    # chronically over (with one reason) and one far under to find, and a new
    # version's mutu baku is met or not by the same real work.
    true_minutes: tuple[tuple[str, int, float, float], ...] = (
        ("pct-07-konsultasi-bisnis", 2, 10.0, 24.0),
        ("pct-07-konsultasi-bisnis", 3, 8.0, 18.0),
    )
    true_reason: float = 0.9  # an overrun of such a step gives the step's usual reason


@dataclass
class _Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class _Plan:
    """What the simulation remembers of one case between its actions."""

    officer: str
    returned: bool = False
    waited: bool = False
    ending: str = ""  # "ditolak" / "dibatalkan" when the case is fated to close early
    steps_done: int = 0


@dataclass(order=True)
class _Task:
    at: datetime
    order: int
    code: str = field(compare=False)
    kind: str = field(compare=False)
    args: dict[str, Any] = field(compare=False, default_factory=dict)


def front_desk_sops(catalog: Catalog) -> list[Sop]:
    """The SOPs a walk-in can start: front-desk services that are usable."""
    return [s for s in catalog.all() if s.layanan_loket and s.usable]


class _Simulation:
    def __init__(self, repo: Repository, catalog: Catalog, profile: Profile,
                 calendar: WorkingCalendar, rng: random.Random, settings: DemoSettings,
                 until: datetime) -> None:
        from counter.desk import Desk  # the one API that acts on cases

        self.repo, self.catalog, self.profile = repo, catalog, profile
        self.cal, self.rng, self.s, self.until = calendar, rng, settings, until
        self.clock = _Clock(until)
        self.sops = front_desk_sops(catalog)
        if not self.sops:
            raise LoketError(T.DEMO_NO_SOPS)
        self.weights = [1.0 / (1 + i * 0.35) for i in range(len(self.sops))]
        self.tasks: list[_Task] = []
        self.plans: dict[str, _Plan] = {}
        self.order = 0
        self.officers = list(T.DEMO_OFFICERS)
        roles = sorted({p.id for s in self.sops for p in s.pelaksana})
        self.officials = {r: T.DEMO_OFFICIALS[i % len(T.DEMO_OFFICIALS)]
                          for i, r in enumerate(roles)}
        self._desk_cls: Callable[..., Desk] = Desk
        self._desks: dict[str, Desk] = {}

    # -- desks ------------------------------------------------------------------

    def desk(self, officer: str) -> Desk:
        found = self._desks.get(officer)
        if found is None:
            number = self.officers.index(officer) + 1 if officer in self.officers else 1
            profile = self.profile.with_changes(
                desk=number, officers=(Officer(officer, ""), *self.profile.officers))
            found = self._desks[officer] = self._desk_cls(
                self.repo, self.catalog, profile, officer=officer, now=self.clock,
                calendar=self.cal)
        return found

    # -- scheduling -------------------------------------------------------------

    def push(self, at: datetime, code: str, kind: str, **args: Any) -> None:
        if at > self.until:
            return  # the future: the file stays where it is
        self.order += 1
        heapq.heappush(self.tasks, _Task(at, self.order, code, kind, args))

    def later(self, start: datetime, seconds: float) -> datetime:
        return self.cal.add_working_seconds(start, max(seconds, 30.0))

    def arrivals(self, day: date) -> list[datetime]:
        hours = self.cal.day_hours(day)
        if hours is None:
            return []
        opening = datetime.combine(day, hours.intervals()[0][0], tzinfo=self.profile.tz)
        total = self.cal.day_seconds(day)
        n = max(0, round(self.rng.gauss(self.s.per_day, self.s.per_day ** 0.5)))
        # Walk-ins stop an hour before closing; mornings are busier.
        span = max(total - 3600.0, total * 0.5)
        offsets = sorted(self.rng.triangular(0, span, span * 0.25) for _ in range(n))
        return [self.later(opening, off) for off in offsets]

    # -- durations --------------------------------------------------------------

    def duration(self, step: Step | None, sop: Sop, start: datetime) -> tuple[datetime, bool]:
        """When the step started at `start` ends, and whether that is over its mutu baku."""
        waktu = step.mutu_baku.waktu if step is not None else None
        rng = self.rng
        over = False
        if waktu is None or not waktu.limited or waktu.high is None or waktu.unit is None:
            role = step.role if step is not None else None
            if is_back_office(sop, role):
                return self.cal.add_working_days(start, rng.uniform(0.3, 3.0)), False
            return self.later(start, rng.uniform(4, 25) * 60), False
        fixed = self.true_minutes(sop, step)
        if fixed is not None:
            end = self.later(start, rng.uniform(*fixed) * 60.0)
            return end, end > self.cal.add_working_seconds(start, self._limit_s(waktu))
        over = rng.random() < self.s.over
        low = (waktu.low if waktu.low is not None else 0.0) / waktu.high
        factor = rng.uniform(1.15, 2.4) if over else rng.uniform(max(0.3, low * 0.8), 0.9)
        amount = waktu.high * factor
        if waktu.unit is Unit.HARI and waktu.hari_kerja:
            return self.cal.add_working_days(start, amount), over
        if waktu.unit in (Unit.MINGGU, Unit.BULAN) or not waktu.hari_kerja:
            days = {Unit.MINGGU: 7, Unit.BULAN: 30}.get(waktu.unit, 1)
            return start + timedelta(days=amount * days), over
        seconds = amount * (3600.0 if waktu.unit is Unit.JAM else 60.0)
        return self.later(start, seconds), over

    def true_minutes(self, sop: Sop, step: Step | None) -> tuple[float, float] | None:
        if step is None:
            return None
        for sop_id, no, low, high in self.s.true_minutes:
            if sop_id == sop.id and no == step.no:
                return low, high
        return None

    @staticmethod
    def _limit_s(waktu: Any) -> float:
        factor = {Unit.JAM: 3600.0, Unit.MENIT: 60.0}.get(waktu.unit, 7.5 * 3600.0)
        return float(waktu.high) * factor

    # -- the life of a case -----------------------------------------------------

    def open_case(self, at: datetime) -> None:
        rng = self.rng
        sop = rng.choices(self.sops, weights=self.weights)[0]
        officer = rng.choice(self.officers)
        missing: list[str] = []
        if rng.random() < self.s.missing_at_open:
            missing = rng.sample(T.DEMO_MISSING, rng.randint(1, 2))
        first_step = sop.first_step
        items = list(first_step.mutu_baku.kelengkapan) if first_step is not None else []
        received = [i for i in items if i not in missing]
        self.clock.now = at
        view = self.desk(officer).open_case(sop.id, self.visitor(at.date()), received, missing)
        code = view.state.code
        if sop.id == GENERAL_SOP:  # what the visitor asked for: the review's "no SOP yet"
            view = self.desk(officer).note(code, rng.choice(T.DEMO_GENERAL_REQUESTS))
        plan = self.plans[code] = _Plan(officer=officer, waited=bool(missing))
        roll = rng.random()
        if roll < self.s.cancelled:
            plan.ending = "dibatalkan"
        elif roll < self.s.cancelled + self.s.rejected:
            plan.ending = "ditolak"
        self.follow(view, at)

    def visitor(self, day: date) -> dict[str, str]:
        rng = self.rng
        nama = f"{rng.choice(T.DEMO_FIRST_NAMES)} {rng.choice(T.DEMO_LAST_NAMES)}"
        born = date(rng.randint(1965, 2003), rng.randint(1, 12), rng.randint(1, 28))
        bday = born.day + (40 if rng.random() < 0.5 else 0)
        nik = (f"3501{rng.randint(1, 12):02d}{bday:02d}{born.month:02d}{born.year % 100:02d}"
               f"{rng.randint(1, 9999):04d}")
        telepon = f"08{rng.choice((12, 13, 52, 56, 57, 81, 95))}{rng.randint(10**7, 10**8 - 1)}"
        usaha = f"{rng.choice(T.DEMO_BUSINESSES)} {nama.split()[0]}"
        return {"nama": nama, "nik": nik, "telepon": telepon, "nama_usaha": usaha}

    def actor(self, code: str, view: CaseView) -> str:
        """Who acts on the case now: the counter officer, or the official holding it."""
        role = view.state.holder_role
        sop = view.sop
        if sop is None or role is None or not is_back_office(sop, role):
            return self.plans[code].officer
        return self.officials.get(role, self.plans[code].officer)

    def follow(self, view: CaseView, now: datetime) -> None:
        """Schedule what happens next to the case, given its state after an action."""
        state, sop = view.state, view.sop
        if state.closed or sop is None:
            return
        code, rng, plan = state.code, self.rng, self.plans[state.code]
        if state.status is Status.MENUNGGU_PELAKSANA:
            slow = rng.random() < self.s.slow_official
            delay = rng.uniform(0.5, 2.5) * self.cal.standard_day_s if slow else \
                rng.uniform(5, 90) * 60
            self.push(self.later(now, delay), code, "receive")
            return
        if state.status is Status.MENUNGGU_PEMOHON:
            if rng.random() >= self.s.never_back:
                back = self.cal.add_working_days(now, rng.uniform(0.2, 3.0))
                self.push(back, code, "resume")
            return
        run = state.current_run
        step = view.current_step
        if run is None or step is None:
            return  # nothing under way (an odd history): leave it
        end, over = self.duration(step, sop, max(run.started_at, now))
        end = max(end, now + timedelta(seconds=30))
        if plan.ending and plan.steps_done >= 1 and rng.random() < 0.5:
            self.push(end, code, "close", outcome=plan.ending)
            return
        if not plan.waited and plan.steps_done >= 1 and rng.random() < self.s.wait_mid:
            plan.waited = True
            self.push(self.later(now, rng.uniform(2, 10) * 60), code, "wait")
            return
        if step.kembali and not plan.returned and rng.random() < self.s.returned:
            plan.returned = True
            self.push(end, code, "return", to_step=_return_target(step))
            return
        timing = view.current_timing()
        due = timing.due_at if timing is not None else None
        if due is not None:
            over = end > due  # a file left waiting at a desk runs over too
        reason = ""
        if over and self.true_minutes(sop, step) is not None and rng.random() < self.s.true_reason:
            reason = T.DEMO_TRUE_REASON
        elif over and rng.random() < self.s.over_reason:
            reason = rng.choice(T.DEMO_OVER_REASONS)
        self.push(end, code, "complete", reason=reason)

    def act(self, task: _Task) -> None:
        self.clock.now = task.at
        code = task.code
        plan = self.plans[code]
        rng = self.rng
        current = self.desk(plan.officer).view(code)
        desk = self.desk(self.actor(code, current))
        try:
            if task.kind == "receive":
                view = desk.receive(code)
            elif task.kind == "resume":
                view = desk.resume(code)
            elif task.kind == "wait":
                view = desk.wait_applicant(code, rng.sample(T.DEMO_MISSING, 1), T.DEMO_WAIT_NOTE)
            elif task.kind == "close":
                reason = T.DEMO_REJECT_REASON if task.args["outcome"] == "ditolak" else \
                    T.DEMO_CANCEL_REASON
                if task.args["outcome"] == "dibatalkan":  # the demo's supervisor approves
                    desk = desk.acting_as(Session(self.officers[-1],
                                                  roles=(PETUGAS, SUPERVISOR)))
                view = desk.close(code, task.args["outcome"], reason)
            elif task.kind == "return":
                targets = [t for t in _targets(current) if t is not None]
                if not targets:
                    view = desk.complete_step(code)
                else:
                    view = desk.return_step(code, targets[0],
                                            rng.choice(T.DEMO_RETURN_REASONS))
            else:
                nxt = current.next
                to_name = ""
                if nxt.hand_off is not None:
                    to_name = self.officials.get(nxt.hand_off.to_role, "")
                view = desk.complete_step(code, over_reason=task.args.get("reason") or None,
                                          to_name=to_name)
                plan.steps_done += 1
        except CaseError:
            return  # the rules refused this action in this state: the case stays put
        self.follow(view, task.at)

    def run(self, days: list[date]) -> list[str]:
        codes: list[str] = []
        for day in days:
            for at in self.arrivals(day):
                self.push(at, "", "open")
        while self.tasks:
            task = heapq.heappop(self.tasks)
            if task.kind == "open":
                before = len(self.plans)
                self.open_case(task.at)
                if len(self.plans) > before:
                    codes.append(next(reversed(self.plans)))
            else:
                self.act(task)
        return codes




def _return_target(step: Step) -> int | None:
    for k in step.kembali:
        if k.ke_langkah is not None:
            return k.ke_langkah
    return None


def _targets(view: CaseView) -> list[int]:
    from counter.case import return_targets

    return [t.step for t in return_targets(view.state, view.sop)]
