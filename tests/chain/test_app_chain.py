"""The app checks the recent days' chain at start and keeps a broken one on screen."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from textual.widgets import Static

from counter.desk import Desk
from counter.sop import load_catalog
from screens.home import HomeScreen
from store import open_store
from store.day import serialize
from tests.screens.app_fixtures import START, Clock, make_app, make_profile

KONSULTASI = "pct-07-konsultasi-bisnis"


def _fill(paths) -> str:
    clock = Clock(START - timedelta(days=1))
    profile = make_profile()
    store = open_store(paths.store_dir, profile.tz)
    desk = Desk(store, load_catalog(), profile, officer="Siti Aminah", now=clock)
    code = desk.open_case(KONSULTASI, {"nama": "Ani"}, ["Form konsultasi bisnis"], []).code
    desk.note(code, "berkas lengkap")
    return str(store.path_for(clock().date()))


async def _settle(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()


async def test_a_whole_store_shows_no_warning(paths) -> None:
    _fill(paths)
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#chain", Static).display


async def _warning_shown(app: Any, pilot: Any) -> Static:
    """The dashboard's record-check line, once the app has settled; it must be showing."""
    await _settle(app, pilot)
    home = app.screen
    assert isinstance(home, HomeScreen)
    line = home.query_one("#chain", Static)
    assert line.display
    return line


async def test_a_day_file_edited_by_hand_is_a_persistent_warning(paths) -> None:
    path = _fill(paths)
    from pathlib import Path

    data = json.loads(Path(path).read_bytes())
    for ev in data["events"].values():
        if ev["type"] == "note":
            ev["data"]["text"] = "berkas tidak lengkap"
    Path(path).write_bytes(serialize(data))
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        line = await _warning_shown(app, pilot)
        assert "rantai catatan rusak pada 2026-11-24" in str(line.content)
        await pilot.press("f4")  # away and back: still there
        await _settle(app, pilot)
        await pilot.press("escape")
        await _settle(app, pilot)
        assert app.screen.query_one("#chain", Static).display


async def test_an_edited_office_audit_log_is_a_warning_at_start(paths) -> None:
    from counter.audit.records import SIGNIN_FAILED, OfficeRecord
    from store.audit_log import AuditLog

    _fill(paths)
    log = AuditLog(paths.data_dir)
    at = START - timedelta(days=1)
    log.append([OfficeRecord(at=at, kind=SIGNIN_FAILED, officer="Budi Santoso", desk=1)])
    log.append([OfficeRecord(at=at, kind=SIGNIN_FAILED, officer="Budi Santoso", desk=1)])
    [month] = log.months()
    lines = month.read_text(encoding="utf-8").splitlines()
    del lines[0]  # a failed sign-in wiped from the record
    month.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await _warning_shown(app, pilot)
        assert f"{month}:1" in app.chain_warning and "audit" in app.chain_warning


async def test_an_accepted_break_is_no_warning_at_start(paths) -> None:
    from pathlib import Path

    from counter.chain.accepted import acceptance_record
    from store.audit_log import AuditLog
    from store.chain import day_check

    path = Path(_fill(paths))
    data = json.loads(path.read_bytes())
    for ev in data["events"].values():
        if ev["type"] == "note":
            ev["data"]["text"] = "dipulihkan dari cadangan"
    path.write_bytes(serialize(data))
    store = open_store(paths.store_dir, make_profile().tz)
    from datetime import date

    check = day_check(store, date.fromisoformat(path.stem))
    assert check is not None and not check.ok
    AuditLog(paths.data_dir).append([acceptance_record(
        check, "Bu Rahma", 1, START - timedelta(hours=1), "cadangan dipulihkan")])
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#chain", Static).display, app.chain_warning


async def test_an_audit_log_cut_short_is_a_warning_at_start(paths) -> None:
    from counter.audit.records import SIGNIN_FAILED, OfficeRecord
    from store.audit_log import AuditLog

    _fill(paths)
    log = AuditLog(paths.data_dir)
    at = START - timedelta(days=1)
    for _ in range(3):
        log.append([OfficeRecord(at=at, kind=SIGNIN_FAILED, officer="Budi Santoso", desk=1)])
    [month] = log.months()
    lines = month.read_text(encoding="utf-8").splitlines()
    month.write_text("".join(line + "\n" for line in lines[:-1]), encoding="utf-8")
    assert AuditLog(paths.data_dir).check().breaks  # what is left verifies: the ledger finds it
    app = make_app(paths, Clock())  # signing in appends a line on the cut file
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#chain", Static).display
        assert f"{month}:" in app.chain_warning and "audit" in app.chain_warning


def _edit_note(path: str, text: str) -> None:
    from pathlib import Path

    data = json.loads(Path(path).read_bytes())
    for ev in data["events"].values():
        if ev["type"] == "note":
            ev["data"]["text"] = text
    Path(path).write_bytes(serialize(data))


async def test_a_supervisor_accepts_a_break_from_the_dashboard(paths) -> None:
    """Ctrl+T on the warning: the supervisor's PIN at the petugas's desk, a required
    reason, the same audit record as `loket periksa --terima`; the line goes; a later,
    different break of that day shows again."""
    from textual.widgets import Input

    from counter.audit.records import CHAIN_ACCEPTED
    from screens.modals import TextModal
    from screens.supervisor_pin import SupervisorPinModal
    from store.audit_log import AuditLog
    from tests.screens.app_fixtures import SUPERVISOR, supervisor_pin, type_text

    path = _fill(paths)
    _edit_note(path, "dipulihkan dari cadangan")
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#chain", Static).display
        assert "Ctrl+T" in app.chain_warning
        await pilot.press("ctrl+t")  # Siti is a petugas: the PIN dialog, then cancelled
        await pilot.pause()
        assert isinstance(app.screen, SupervisorPinModal)
        await pilot.press("escape")
        await _settle(app, pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        await supervisor_pin(pilot)
        assert isinstance(app.screen, TextModal)
        await pilot.press("enter")  # no reason: refused, the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, TextModal)
        app.screen.query_one("#text", Input).focus()
        await type_text(pilot, "cadangan 24 Nov dipulihkan")
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.screen is home
        assert not home.query_one("#chain", Static).display, app.chain_warning
    records = [r for r in AuditLog(paths.data_dir).records() if r.kind == CHAIN_ACCEPTED]
    assert [(r.officer, r.detail) for r in records] == [
        (SUPERVISOR, "cadangan 24 Nov dipulihkan")]
    assert records[0].subject.startswith("2026-11-24 ")

    from pathlib import Path

    data = json.loads(Path(path).read_bytes())  # a different break later: another event
    first = min(data["events"].values(), key=lambda ev: ev["seq"])
    assert first["type"] != "note"
    first["data"]["diubah"] = "sesudah diterima"
    Path(path).write_bytes(serialize(data))
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        assert app.screen.query_one("#chain", Static).display
        assert "2026-11-24" in app.chain_warning
