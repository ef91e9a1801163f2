"""Issuing points (`[antrean] titik`) unique across the office: a second PC issuing
the same series is refused with the profile's file, line and field; tickets that
were issued twice anyway (both cut off) are reported, never silently merged."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter.queue import rules as R
from counter.queue.service import QueueDesk
from counter.queue.settings import load_queue_settings
from store.queue_store import QueueStore

WIB = ZoneInfo("Asia/Jakarta")
PROFILE = """[kantor]
nama = "Dinas"

[antrean]
layani = ["A"]
titik = "{titik}"

[[antrean.grup]]
kode = "A"
nama = "Konsultasi"
"""


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 30, 8, 0, tzinfo=WIB)

    def __call__(self) -> datetime:
        self.t += timedelta(seconds=30)
        return self.t


def pc(tmp_path: Path, name: str, titik: str, desk: int, clock: Clock) -> QueueDesk:
    cfg = tmp_path / name / "loket.toml"
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_text(PROFILE.format(titik=titik), encoding="utf-8")
    store = QueueStore(tmp_path / name / "store")
    return QueueDesk(store, load_queue_settings(cfg), desk, clock, station=store.station())


def share(a: QueueDesk, b: QueueDesk, day: datetime) -> None:
    """What the office server does: each PC gets the other's facts."""
    for x, y in ((a, b), (b, a)):
        y.repo.merge(day.date(), list(x.repo.read(day.date())))  # type: ignore[attr-defined]


def test_a_second_pc_on_the_same_series_is_refused_naming_the_setting(tmp_path: Path) -> None:
    clock = Clock()
    one = pc(tmp_path, "pc1", "1", 1, clock)
    two = pc(tmp_path, "pc2", "1", 2, clock)
    assert one.take("A").label == "A1-001"
    share(one, two, clock.t)
    with pytest.raises(R.QueueError) as caught:
        two.take("A")
    text = str(caught.value)
    assert str(tmp_path / "pc2" / "loket.toml") + ":6" in text  # the titik line
    assert "antrean.titik" in text and "loket 1" in text and "A1-001" in text
    assert len(two.today().tickets) == 1  # nothing was issued
    # the first PC goes on; its own kiosk (desk 0, same data folder) too
    assert one.take("A", desk=0).label == "A1-002"


def test_a_pc_with_its_own_point_goes_on(tmp_path: Path) -> None:
    clock = Clock()
    one = pc(tmp_path, "pc1", "1", 1, clock)
    two = pc(tmp_path, "pc2", "2", 2, clock)
    one.take("A")
    share(one, two, clock.t)
    assert two.take("A").label == "A2-001"


def test_the_station_is_kept_per_data_folder(tmp_path: Path) -> None:
    a = QueueStore(tmp_path / "s")
    key = a.station()
    assert key and QueueStore(tmp_path / "s").station() == key
    assert QueueStore(tmp_path / "t").station() != key


def test_tickets_issued_twice_while_cut_off_are_reported(tmp_path: Path) -> None:
    clock = Clock()
    one = pc(tmp_path, "pc1", "", 1, clock)
    two = pc(tmp_path, "pc2", "", 2, clock)
    one.take("A")
    two.take("A")  # neither knows the other yet
    share(one, two, clock.t)
    day = two.today()
    assert list(day.tickets) == ["A-001"]
    assert any("A-001" in p and "dua kali" in p for p in day.problems)
    with pytest.raises(R.QueueError, match="Titik tiket '\\(kosong\\)'"):
        two.take("A")
