"""The day's queue review as the office reads it: per group and per desk the waits,
tickets served, no-shows and visitors who left (apart), and the wait per hour."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter.queue import rules as R
from counter.queue.review import review_day, review_tables
from counter.queue.service import QueueDesk
from counter.queue.settings import Group, QueueSettings
from store.queue_store import QueueStore

WIB = ZoneInfo("Asia/Jakarta")
SETTINGS = QueueSettings(groups=(Group("A", "Konsultasi"), Group("B", "Perizinan")),
                         max_calls=2)


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 30, 8, 0, tzinfo=WIB)

    def __call__(self) -> datetime:
        return self.t

    def wait(self, minutes: int) -> None:
        self.t += timedelta(minutes=minutes)


def test_the_review_splits_groups_and_desks(tmp_path: Path) -> None:
    clock = Clock()
    store = QueueStore(tmp_path)
    kiosk, d1 = (QueueDesk(store, SETTINGS, no, clock) for no in (0, 1))
    d2 = QueueDesk(store, QueueSettings(groups=SETTINGS.groups, max_calls=2, serves=("B",)),
                   2, clock)
    for g in "ABAB":
        kiosk.take(g)  # A-001 B-001 A-002 B-002, all at 08.00
    clock.wait(10)
    assert d1.call_next().label == "A-001"  # waited 10 min
    d1.link_case("K1")
    clock.wait(5)
    assert d2.call_next().label == "B-001"  # waited 15 min
    d2.recall()
    with pytest.raises(R.QueueError, match="sudah dilayani"):
        d2.left("A-001")  # served: it cannot have left
    d2.no_show()
    d1.left("A-002")  # a waiting visitor told desk 1 they are going
    clock.wait(20)
    assert d1.call_next().label == "B-002"  # waited 35 min; A-001 ends `selesai`
    d1.left("B-002")  # called, then gone
    closed = {"K1": datetime(2026, 11, 30, 8, 40, tzinfo=WIB)}
    review = review_day(d1.today(), SETTINGS, now=clock.t, closed_at=closed.get)

    a, b = review.groups
    assert (a.tickets, a.called, a.served, a.no_show, a.left, a.waiting) == (2, 1, 1, 0, 1, 0)
    assert (b.tickets, b.called, b.served, b.no_show, b.left, b.waiting) == (2, 2, 0, 1, 1, 0)
    assert a.wait_median == 600 and b.wait_median == 900 and b.wait_p90 == 35 * 60
    assert a.service_median == 30 * 60  # called 08.10, closed 08.40

    one, two = review.desks
    assert (one.desk, one.called, one.served, one.no_show, one.left) == (1, 2, 1, 0, 2)
    assert one.wait_median == 600 and one.wait_p90 == 35 * 60
    assert (two.desk, two.called, two.served, two.no_show, two.left) == (2, 1, 0, 1, 0)
    assert review.hour_waits == ((8, 900),)

    tables = {title: (header, rows) for title, header, rows in review_tables(review)}
    header, rows = next(v for k, v in tables.items() if k.startswith("Per loket"))
    assert header[0] == "Loket" and "Pergi" in header and "Tidak hadir" in header
    assert rows[0][:7] == ("Loket 1", "2", "10 mnt", "35 mnt", "1", "0", "2")
    assert rows[1][:7] == ("Loket 2", "1", "15 mnt", "15 mnt", "0", "1", "0")


def test_a_ticket_left_unanswered_by_day_end_counts_as_left_without_a_desk(
        tmp_path: Path) -> None:
    clock = Clock()
    kiosk = QueueDesk(QueueStore(tmp_path), SETTINGS, 0, clock)
    kiosk.take("A")
    review = review_day(kiosk.today(), SETTINGS, now=clock.t + timedelta(days=1))
    assert review.groups[0].left == 1 and review.groups[0].no_show == 0
    assert [(d.desk, d.left) for d in review.desks] == [(0, 1)]
    assert review_tables(review)[1][2][0][0] == "Belum dipanggil"
