"""What the screens, the CLI and the lobby display act through: one desk's view of
today's queue. Each action reads the day and writes its facts in one locked step
of the repository, so two desks on one data folder never call the same ticket.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from counter.queue import rules as R
from counter.queue.events import QueueEvent
from counter.queue.settings import QueueSettings

Plan = Callable[[R.QueueDay], list[QueueEvent]]


class QueueRepository(Protocol):
    """A day's queue facts (the store implements it: `store.queue_store`)."""

    def read(self, day: date) -> list[QueueEvent]: ...

    def update(self, day: date, plan: Callable[[list[QueueEvent]], list[QueueEvent]]
               ) -> list[QueueEvent]:
        """Under the day's lock: read, plan, write the planned facts; return them."""
        ...


@dataclass(frozen=True)
class Taken:
    label: str
    group: str
    group_name: str
    taken_at: datetime
    ahead: int


class QueueDesk:
    def __init__(self, repo: QueueRepository, settings: QueueSettings, desk: int,
                 now: Callable[[], datetime], station: str = "") -> None:
        """`station` names this PC's data folder (`QueueStore.station`): tickets carry
        it so a second PC issuing the same series is refused ("": not checked)."""
        self.repo, self.settings, self.desk, self.now = repo, settings, desk, now
        self.station = station
        # the last list of facts folded and its fold: the store hands back the same list
        # while the file is unchanged, so a re-read after an action folds nothing again
        self._folded: tuple[list[QueueEvent], R.QueueDay] | None = None

    def _fold(self, raw: list[QueueEvent]) -> R.QueueDay:
        memo = self._folded
        if memo is not None and memo[0] is raw:
            return memo[1]
        day = R.fold(raw)
        self._folded = (raw, day)
        return day

    def today(self, day: date | None = None) -> R.QueueDay:
        return self._fold(self.repo.read(day or self.now().date()))

    def _act(self, plan: Plan) -> list[QueueEvent]:
        def planned(raw: list[QueueEvent]) -> list[QueueEvent]:
            return plan(self._fold(raw))

        return self.repo.update(self.now().date(), planned)

    def take(self, group: str, desk: int | None = None) -> Taken:
        """A new ticket for `group` (desk 0: a kiosk or ticket button)."""
        at = self.now()
        made = self._act(lambda day: [R.plan_take(day, self.settings, group, at,
                                                  self.desk if desk is None else desk,
                                                  self.station)])
        label = made[0]["ticket"]
        day = self.today()
        ticket = day.tickets[label]
        g = self.settings.group(ticket.group)
        return Taken(label, ticket.group, g.nama if g else ticket.group, ticket.taken_at,
                     R.ahead_of(day, label))

    def call_next(self) -> R.Ticket:
        at = self.now()
        made = self._act(lambda day: R.plan_call_next(day, self.desk, self.settings.served, at))
        return self.today().tickets[made[-1]["ticket"]]

    def recall(self) -> R.Ticket:
        at = self.now()
        made = self._act(lambda day: [R.plan_recall(day, self.desk, at)])
        return self.today().tickets[made[-1]["ticket"]]

    def no_show(self) -> R.Ticket:
        at = self.now()
        made = self._act(lambda day: [R.plan_no_show(day, self.desk, self.settings.max_calls,
                                                     at)])
        return self.today().tickets[made[-1]["ticket"]]

    def transfer(self, *, group: str | None = None, to_desk: int | None = None) -> R.Ticket:
        at = self.now()
        made = self._act(lambda day: [R.plan_transfer(day, self.settings, self.desk, at,
                                                      group=group, to_desk=to_desk)])
        return self.today().tickets[made[-1]["ticket"]]

    def link_case(self, code: str) -> R.Ticket | None:
        """Record that the case `code` serves the ticket this desk called (if any)."""
        at = self.now()

        def plan(day: R.QueueDay) -> list[QueueEvent]:
            event = R.plan_link(day, self.desk, code, at)
            return [event] if event is not None else []

        made = self._act(plan)
        return self.today().tickets[made[0]["ticket"]] if made else None

    def left(self, label: str) -> R.Ticket:
        at = self.now()
        made = self._act(lambda day: [R.plan_left(day, label, at, self.desk)])
        return self.today().tickets[made[0]["ticket"]]
