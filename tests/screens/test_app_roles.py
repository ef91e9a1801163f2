"""Roles at the counter: a petugas asks for a supervisor's PIN for a supervisor's act
(cancel, reopen, resolve a conflict, settings, SOP edit, accounts, audit); the act
is recorded in the supervisor's name; the desk locks when idle and on Ctrl+L."""

from __future__ import annotations

import html
import re

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from counter import case as C
from counter.accounts.signin import SignInError
from screens.accounts import AccountsScreen
from screens.audit_view import AuditScreen
from screens.case_detail import CaseDetailScreen
from screens.home import HomeScreen
from screens.services import desk_of
from screens.setup import SetupScreen
from screens.signin import SignInScreen
from screens.step_runner import StepRunnerScreen
from screens.supervisor_pin import SupervisorPinModal
from store.audit_log import AuditLog
from tests.screens.app_fixtures import (
    Clock,
    as_supervisor,
    key,
    make_app,
    profile_of,
    record_notices,
    scan,
    sign_in,
    supervisor_pin,
    type_text,
)

SOP = "pct-17-pengajuan-proposal"
NIK = "3501014507900002"


def _open(app, nama: str = "Dewi Sartika") -> str:
    return desk_of(app).open_case(SOP, {"nama": nama, "nik": NIK}).code


async def _cancel_dialog(pilot, app, code: str) -> None:
    app.show_case(code)
    await pilot.pause()
    assert isinstance(app.screen, StepRunnerScreen)
    await key(pilot, "t")
    outcome = app.screen.query_one("#outcome", OptionList)
    outcome.highlighted = [o.id for o in outcome._options].index("dibatalkan")
    app.screen.query_one("#reason", Input).focus()
    await type_text(pilot, "pemohon batal")
    await pilot.press("enter")
    await pilot.pause()


async def test_a_petugas_cancels_only_with_a_supervisors_pin(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = _open(app)
        await _cancel_dialog(pilot, app, code)
        assert isinstance(app.screen, SupervisorPinModal)
        await supervisor_pin(pilot, "0000")  # a wrong PIN: nothing happens
        assert isinstance(app.screen, SupervisorPinModal)
        assert "PIN salah" in str(app.screen.query_one("#modal-error", Static).content)
        assert app.store.events(code)[-1]["type"] != C.CLOSED
        await supervisor_pin(pilot)
        closed = [e for e in app.store.events(code) if e["type"] == C.CLOSED]
        assert [(e["officer"], e["data"]["outcome"]) for e in closed] == [
            ("Bu Rahma", "dibatalkan")]
        assert desk_of(app).officer == "Siti Aminah"  # the petugas stays signed in
        kinds = [(r.kind, r.officer) for r in AuditLog(paths.data_dir).records()]
        assert ("signin_failed", "Bu Rahma") in kinds
        assert ("supervisor_approved", "Bu Rahma") in kinds


async def test_without_the_pin_the_cancellation_is_refused_in_words(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = _open(app)
        notices = record_notices(app)
        await _cancel_dialog(pilot, app, code)
        await pilot.press("escape")
        await pilot.pause()
        assert not [e for e in app.store.events(code) if e["type"] == C.CLOSED]
        assert any("hanya supervisor yang boleh membatalkan kasus" in n for n in notices)


async def test_a_supervisor_reopens_a_closed_case_from_its_history(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = _open(app)
        desk_of(app).close(code, "ditolak", "berkas tidak sesuai")
        assert code not in app.store.open_codes()
        app.push_screen(CaseDetailScreen(code))
        await pilot.pause()
        await key(pilot, "b")
        await supervisor_pin(pilot)  # Siti is a petugas: Bu Rahma types her PIN
        await type_text(pilot, "ditutup keliru")
        await pilot.press("enter")
        await pilot.pause()
        last = app.store.events(code)[-1]
        assert (last["type"], last["officer"]) == ("reopened", "Bu Rahma")
        assert code in app.store.open_codes()
        assert not desk_of(app).view(code).state.closed


async def test_a_conflict_is_resolved_by_a_supervisor_only(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = _open(app)
        # two other desks completed step 1 while apart (synced in later): a fork
        stored = app.store.events(code)
        at = desk_of(app).now()
        forked = []
        for i, (desk, who) in enumerate(((2, "Rina"), (3, "Hadi"))):
            ev = C.step_completed(code, at, who, desk, 1)
            forked.append({**ev, "prev": stored[-1]["id"], "seq": len(stored) + i})
        app.store.import_events(forked)
        assert desk_of(app).view(code).conflicts
        app.show_case(code)
        await pilot.pause()
        await key(pilot, "x")
        assert isinstance(app.screen, SupervisorPinModal)
        await supervisor_pin(pilot)
        await type_text(pilot, "langkah 1 sah sekali")
        await pilot.press("enter")
        await pilot.pause()
        last = app.store.events(code)[-1]
        assert (last["type"], last["officer"]) == ("conflict_resolved", "Bu Rahma")
        assert not desk_of(app).view(code).conflicts


async def test_settings_sop_editor_accounts_and_audit_ask_a_petugas_for_the_pin(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for press, screen in (("f9", SetupScreen), ("f7", AccountsScreen),
                              ("f8", AuditScreen)):
            await key(pilot, press)
            assert isinstance(app.screen, SupervisorPinModal), press
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), press
            await key(pilot, press)
            await supervisor_pin(pilot)
            assert isinstance(app.screen, screen), press
            await pilot.press("escape")
            await pilot.pause()
        await key(pilot, "f3")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, SupervisorPinModal)  # editing an SOP


async def test_accounts_added_with_a_hashed_pin_and_a_lock_lifted(paths):
    clock = Clock()
    app = make_app(paths, clock, officer=as_supervisor())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await key(pilot, "f7")
        assert isinstance(app.screen, AccountsScreen)
        await key(pilot, "a")
        for field, value in (("nama", "Wulan Sari"), ("jabatan", "Petugas Loket"),
                             ("pin", "80808080"), ("pin2", "80808080")):
            app.screen.query_one(f"#{field}", Input).focus()
            await type_text(pilot, value)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AccountsScreen)
        wulan = [o for o in profile_of(app).officers if o.nama == "Wulan Sari"]
        assert wulan and wulan[0].pin_hash and wulan[0].roles == ("petugas loket",)
        # Wulan forgets her PIN: five wrong tries lock the account
        for _ in range(5):
            with pytest.raises(SignInError):
                app.gate.sign_in("Wulan Sari", "11112222")
            clock.advance(minutes=2)  # past each growing delay
        assert app.gate.lock_of("Wulan Sari").locked
        app.screen.reload()
        table = app.screen.query_one("#accounts", DataTable)
        row = [o.nama for o in profile_of(app).officers].index("Wulan Sari")
        assert "TERKUNCI" in str(table.get_row_at(row))
        table.move_cursor(row=row)
        await key(pilot, "u")
        assert not app.gate.lock_of("Wulan Sari").locked
        assert app.gate.sign_in("Wulan Sari", "80808080").nama == "Wulan Sari"
        kinds = [(r.kind, r.officer, r.subject) for r in AuditLog(paths.data_dir).records()]
        assert ("account_added", "Bu Rahma", "Wulan Sari") in kinds
        assert ("lock_lifted", "Bu Rahma", "Wulan Sari") in kinds
    # no PIN anywhere on disk: not in the profile, the audit, the store
    written = b"".join(p.read_bytes() for d in (paths.config_dir, paths.data_dir)
                       for p in d.rglob("*") if p.is_file())
    assert b"Wulan Sari" in written
    assert b"80808080" not in written and b"11112222" not in written


async def test_audit_screen_lists_the_cancellation_and_masks_the_nik(paths):
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        code = _open(app)
        desk_of(app).reveal_nik(code, "riwayat kasus")
        desk_of(app).close(code, "dibatalkan", f"NIK {NIK} ganda")
        await key(pilot, "f8")
        assert isinstance(app.screen, AuditScreen)
        table = app.screen.query_one("#audit", DataTable)
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        assert any("kasus dibatalkan" in r and "Bu Rahma" in r for r in rows), rows
        assert any("NIK dibuka" in r for r in rows), rows
        assert all(NIK not in r for r in rows) and any("3501********0002" in r for r in rows)


async def test_idle_desk_locks_hides_the_case_and_another_officer_takes_over(paths):
    app = make_app(paths, Clock(), idle_lock_s=3.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = _open(app, "Dewi Sartika")
        await key(pilot, "f1")  # the officer is at the desk: a key keeps it open
        await key(pilot, "escape")
        app.show_case(code)
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen), app.screen
        assert "Dewi Sartika" in _screen_text(app)
        await pilot.pause(3.5)
        assert isinstance(app.screen, SignInScreen) and app.locked
        assert "Dewi Sartika" not in _screen_text(app)  # nothing of the case shows
        notices = record_notices(app)
        await scan(pilot, code)  # a scan on a locked desk opens nothing
        assert isinstance(app.screen, SignInScreen)
        assert any("terkunci" in n for n in notices)
        await sign_in(pilot, "Budi Santoso")  # ganti petugas
        assert isinstance(app.screen, StepRunnerScreen) and not app.locked
        assert desk_of(app).officer == "Budi Santoso"
        desk_of(app).note(code, "dilanjutkan Budi")
        assert app.store.events(code)[-1]["officer"] == "Budi Santoso"
        # Ctrl+L locks at once; Siti's PIN brings her back
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        await sign_in(pilot, "Siti Aminah")
        assert desk_of(app).officer == "Siti Aminah"


def _screen_text(app) -> str:
    """What the terminal shows, as text (the screenshot's SVG without its markup)."""
    svg = app.export_screenshot().split("</style>")[-1]
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
