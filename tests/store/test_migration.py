"""A store written by the release before event ids opens in this one with nothing lost."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from counter import case as C
from counter import demo
from counter.desk import Desk
from counter.sop import load_catalog
from store import open_store
from tests.store.store_v1 import EXPECTED, STORE_DIR, UNTIL, digest


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(STORE_DIR, target)
    return target


def _desk(store_dir: Path) -> Desk:
    profile = demo.demo_profile()
    until = datetime.fromisoformat(UNTIL)
    return Desk(open_store(store_dir, profile.tz), load_catalog(), profile, officer="Siti",
                now=lambda: until)


def test_every_old_case_folds_as_the_old_release_folded_it(old_store: Path) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["cases"]
    desk = _desk(old_store)
    assert len(expected) > 30
    ids: list[str] = []
    for code, want in expected.items():
        state = desk.view(code).state
        assert digest(state) == want, code
        assert state.problems == ()
        case_ids = [e["id"] for e in state.events]
        assert all(C.is_id(i) for i in case_ids), code
        by_time = sorted(state.events, key=lambda e: (datetime.fromisoformat(e["at"]), e["seq"]))
        assert sorted(case_ids) == [e["id"] for e in by_time], code  # ids sort by time
        assert [e["id"] for e in desk.view(code).state.events] == case_ids  # deterministic
        ids += case_ids
    assert len(ids) == len(set(ids))


def test_old_open_cases_are_still_listed(old_store: Path) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["cases"]
    still_open = {c for c, d in expected.items()
                  if d["status"] not in ("selesai", "ditolak", "dibatalkan")}
    desk = _desk(old_store)
    assert {v.code for v in desk.open_views()} == still_open


def test_the_fixture_holds_every_kind_of_case() -> None:
    cases = json.loads(EXPECTED.read_text(encoding="utf-8"))["cases"].values()
    statuses = {c["status"] for c in cases}
    assert statuses == {"berjalan", "menunggu_pelaksana", "menunggu_pemohon", "selesai",
                        "ditolak", "dibatalkan"}
    outcomes = {r["outcome"] for c in cases for r in c["runs"]}
    assert {"selesai", "dikembalikan", None} <= outcomes
    assert any(c["prints"] for c in cases) and any(c["notes"] for c in cases)
    assert any(r["handed_off_to"] for c in cases for r in c["runs"])
    assert any(r["pauses"] for c in cases for r in c["runs"])
