"""The queue's rules as an office relies on them: order, groups per desk, recall,
no-show after N calls, transfer, the daily reset, unique numbers across points."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter.queue import rules as R
from counter.queue.service import QueueDesk
from counter.queue.settings import Group, QueueSettings
from store.queue_store import QueueStore

WIB = ZoneInfo("Asia/Jakarta")
GROUPS = (Group("A", "Konsultasi"), Group("B", "Perizinan"))


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 30, 8, 0, tzinfo=WIB)

    def __call__(self) -> datetime:
        self.t += timedelta(seconds=30)
        return self.t


def desk(tmp_path: Path, no: int, clock: Clock, **kw: object) -> QueueDesk:
    settings = QueueSettings(groups=GROUPS, **kw)  # type: ignore[arg-type]
    return QueueDesk(QueueStore(tmp_path / "store"), settings, no, clock)


def test_oldest_first_and_numbers_per_group(tmp_path: Path) -> None:
    clock = Clock()
    kiosk = desk(tmp_path, 0, clock)
    labels = [kiosk.take(g).label for g in "ABAB"]
    assert labels == ["A-001", "B-001", "A-002", "B-002"]
    d1 = desk(tmp_path, 1, clock)
    assert [d1.call_next().label for _ in range(4)] == ["A-001", "B-001", "A-002", "B-002"]
    with pytest.raises(R.QueueError, match="Tidak ada yang menunggu"):
        d1.call_next()


def test_a_desk_calls_only_its_groups_and_two_desks_never_share_a_ticket(tmp_path: Path) -> None:
    clock = Clock()
    kiosk = desk(tmp_path, 0, clock)
    for g in "BAB":
        kiosk.take(g)
    d1 = desk(tmp_path, 1, clock, serves=("A",))
    d2 = desk(tmp_path, 2, clock)
    assert d1.call_next().label == "A-001"
    assert d2.call_next().label == "B-001"
    assert d2.call_next().label == "B-002"
    with pytest.raises(R.QueueError):
        d1.call_next()
    day = d1.today()
    assert day.tickets["B-001"].status == R.DONE  # d2 moved on: the first was dealt with
    assert day.current(1).label == "A-001"  # type: ignore[union-attr]


def test_recall_and_no_show_only_after_n_calls(tmp_path: Path) -> None:
    clock = Clock()
    d1 = desk(tmp_path, 1, clock, max_calls=3)
    d1.take("A")
    d1.call_next()
    with pytest.raises(R.QueueError, match="baru dipanggil 1 kali"):
        d1.no_show()
    d1.recall()
    assert d1.recall().calls_since_transfer == 3
    assert d1.no_show().status == R.NO_SHOW
    with pytest.raises(R.QueueError, match="Belum ada nomor"):
        d1.recall()


def test_transfer_to_group_keeps_the_place_and_to_desk_binds_it(tmp_path: Path) -> None:
    clock = Clock()
    kiosk = desk(tmp_path, 0, clock)
    kiosk.take("A")
    kiosk.take("B")
    d1 = desk(tmp_path, 1, clock, serves=("A",))
    d2 = desk(tmp_path, 2, clock, serves=("B",))
    d3 = desk(tmp_path, 3, clock, serves=("B",))
    d1.call_next()
    moved = d1.transfer(group="B")
    assert (moved.group, moved.status) == ("B", R.WAITING)
    assert d2.call_next().label == "A-001"  # taken first: still first in B
    d2.transfer(to_desk=3)
    assert d2.call_next().label == "B-001"
    assert d3.call_next().label == "A-001"


def test_numbers_restart_each_day(tmp_path: Path) -> None:
    clock = Clock()
    d1 = desk(tmp_path, 1, clock)
    assert d1.take("A").label == "A-001"
    assert d1.take("A").label == "A-002"
    clock.t += timedelta(days=1)
    assert d1.take("A").label == "A-001"
    assert len(d1.today(date(2026, 11, 30)).tickets) == 2


def test_two_issuing_points_cut_off_never_make_the_same_number(tmp_path: Path) -> None:
    clock = Clock()
    p1 = desk(tmp_path / "pc1", 1, clock, point="1")
    p2 = desk(tmp_path / "pc2", 2, clock, point="2")
    one = [p1.take("A").label for _ in range(3)]
    two = [p2.take("A").label for _ in range(3)]
    assert one == ["A1-001", "A1-002", "A1-003"]
    assert not set(one) & set(two)
    # the link returns: the facts of both merge into one queue without a clash
    day = clock.t.date()
    store1 = QueueStore(tmp_path / "pc1" / "store")
    added = store1.merge(day, QueueStore(tmp_path / "pc2" / "store").read(day))
    assert added == 3
    assert store1.merge(day, QueueStore(tmp_path / "pc2" / "store").read(day)) == 0
    assert len(R.fold(store1.read(day)).tickets) == 6


def test_a_case_links_to_the_called_ticket_only(tmp_path: Path) -> None:
    clock = Clock()
    d1 = desk(tmp_path, 1, clock)
    d1.take("A")
    assert d1.link_case("261130010017") is None  # nothing called yet: no link
    clock.t = datetime(2026, 11, 30, 8, 10, tzinfo=WIB)  # the call comes at 08:10:30
    d1.call_next()
    t = d1.link_case("261130010017")
    assert t is not None and (t.status, t.code) == (R.SERVING, "261130010017")
    assert t.wait_seconds == 600.0  # taken 08:00:30, called 08:10:30


def test_a_damaged_fact_is_listed_not_fatal() -> None:
    day = R.fold([{"id": "x", "type": "diambil"}, {"junk": 1}])
    assert len(day.problems) == 2 and not day.tickets


def test_the_last_calls_name_each_ticket_once_newest_first(tmp_path: Path) -> None:
    clock = Clock()
    d1 = desk(tmp_path, 1, clock)
    for _ in range(3):
        d1.take("A")
    d1.call_next()
    d1.call_next()
    d1.recall()
    assert [c.label for c in d1.today().last_calls()] == ["A-002", "A-001"]
