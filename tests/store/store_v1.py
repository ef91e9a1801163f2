"""The store fixture written by the release before event ids (tests/fixtures/store_v1/).

`digest(state)` is what a fold of a case must still give after the format changed:
every field `CaseState` had in that release, in JSON form. Run this module to make
the fixture again (only ever with the release that wrote it: the point is that
its files and expected folds come from the old code):

    PYTHONPATH=. python -m tests.store.store_v1
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_v1"
STORE_DIR = FIXTURE / "store"
EXPECTED = FIXTURE / "expected.json"
UNTIL = "2026-11-20T15:30:00+07:00"

RUN_FIELDS = (
    "step", "started_at", "ended_at", "pauses", "outcome", "officer", "output", "over_reason",
    "received", "missing", "role", "ended_by", "return_reason", "returned_to",
    "handed_off_to", "handed_off_name", "received_at", "received_by", "received_role",
)
STATE_FIELDS = (
    "code", "sop_id", "opened_at", "officer", "desk", "status", "current_step", "holder_role",
    "holder_since", "closed_at", "outcome", "close_reason", "waiting_missing", "waiting_note",
    "last_at",
)


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    return value


def digest(state: Any) -> dict[str, Any]:
    """The fold of one case as the old release gave it (no field added since)."""
    out = {name: _json(getattr(state, name)) for name in STATE_FIELDS}
    out["visitor"] = state.visitor.as_dict()
    out["runs"] = [{name: _json(getattr(r, name)) for name in RUN_FIELDS} for r in state.runs]
    out["notes"] = [[n.at.isoformat(), n.officer, n.desk, n.text] for n in state.notes]
    out["prints"] = [[p.at.isoformat(), p.doc, p.ok, p.printer, p.pdf, p.error, p.officer,
                      p.desk] for p in state.prints]
    out["kelengkapan"] = _json(state.kelengkapan)
    out["over_reasons"] = _json(state.over_reasons)
    out["anomalies"] = [[a.seq, a.type] for a in state.anomalies]
    out["events"] = len(state.events)
    return out


def make() -> None:  # pragma: no cover - run by hand with the old release
    from counter import case as C
    from counter import demo
    from counter.desk import Desk
    from counter.sop import load_catalog
    from store import open_store

    if FIXTURE.exists():
        shutil.rmtree(FIXTURE)
    profile = demo.demo_profile()
    catalog = load_catalog()
    store = open_store(STORE_DIR, profile.tz)
    until = datetime.fromisoformat(UNTIL)
    result = demo.generate(store, catalog, profile, days=3, until=until, seed=7,
                           settings=demo.DemoSettings(per_day=9, returned=0.5,
                                                      missing_at_open=0.25, wait_mid=0.1,
                                                      rejected=0.1, cancelled=0.1))
    clock = [until]
    desk = Desk(store, catalog, profile, officer="Siti Aminah", now=lambda: clock[0])
    codes = list(result.codes)
    # Returns at decision steps (pct-17 step 2 back to 1, pct-14 step 6 back to 4).
    returned = desk.open_case("pct-17-pengajuan-proposal", {"nama": "Dewi Sartika"},
                              received=["Proposal"]).code
    clock[0] = until + timedelta(minutes=3)
    desk.complete_step(returned, output="lengkap")
    clock[0] = until + timedelta(minutes=9)
    desk.return_step(returned, 1, "Proposal belum ditandatangani")
    back = desk.open_case("pct-14-rekomendasi-teknis-iui", {"nama": "Joko Susilo",
                          "nik": "3201011203850004", "telepon": "081234567890"}).code
    for minutes in range(1, 6):
        clock[0] = until + timedelta(minutes=minutes * 4)
        desk.complete_step(back, to_name="Ir. Bambang")
    clock[0] = until + timedelta(minutes=55)
    desk.return_step(back, 4, "Gambar teknis tidak sesuai")
    codes += [returned, back]
    clock[0] = until
    # Prints (one failed), a note, and the half-actions a kill could leave in that release.
    desk.record_print(codes[0], "tanda-terima", ok=True, printer="loket", pdf="/x/a.pdf")
    desk.record_print(codes[1], "tanda-terima", ok=False, printer="loket", error="offline")
    desk.note(codes[2], "Pemohon menelepon, berkas menyusul.")
    at = until
    sop = next(s for s in demo.front_desk_sops(catalog) if len(s.steps) > 2)
    half_open = store.next_code(at.date(), 3)
    store.append(C.opened(half_open, at, "Budi", 3, sop.id, {"nama": "Ani Lestari"}))
    half_step = desk.open_case(sop.id, {"nama": "Rudi Hartono"}).code
    store.append(C.step_completed(half_step, at, "Siti Aminah", profile.desk, 1, "ok"))
    codes += [half_open, half_step]
    expected = {}
    for code in codes:
        view = desk.view(code)
        expected[code] = digest(view.state)
    statuses = sorted({v["status"] for v in expected.values()})
    EXPECTED.write_text(json.dumps({"until": UNTIL, "cases": expected}, indent=1,
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(codes)} cases, statuses {statuses}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    make()
