"""An officer changes their own PIN on the sign-in / lock screen (Ctrl+P): the old
PIN first, the new one twice; a wrong old PIN counts toward the lock; the change is
in the office audit, the PIN nowhere on disk (issue 13)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static

from counter.accounts.signin import SignInError
from screens.change_pin import ChangePinModal
from screens.signin import SignInScreen
from store.audit_log import AuditLog
from tests.screens.app_fixtures import Clock, make_app, sign_in, type_text


async def _change(pilot, app, old: str, new: str, again: str) -> None:
    for wid, value in (("pin_lama", old), ("pin_baru", new), ("pin_baru2", again)):
        app.screen.query_one(f"#{wid}", Input).focus()
        await type_text(pilot, value)
    await pilot.press("enter")
    await pilot.pause()


async def _lock_and_pick(pilot, app, nama: str) -> None:
    await pilot.press("ctrl+l")
    await pilot.pause()
    assert isinstance(app.screen, SignInScreen)
    names = [a.nama for a in app.screen.accounts]
    app.screen.query_one("#accounts", OptionList).highlighted = names.index(nama)
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, ChangePinModal)


async def test_an_officer_changes_their_own_pin_at_the_lock_screen(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _lock_and_pick(pilot, app, "Budi Santoso")
        # the new PIN typed differently twice: refused, nothing changed
        await _change(pilot, app, "1357", "24682468", "24682469")
        assert isinstance(app.screen, ChangePinModal)
        assert "tidak sama" in str(app.screen.query_one("#modal-error", Static).content)
        # a wrong old PIN: refused like a wrong sign-in, and counted
        await _change(pilot, app, "0000", "24682468", "24682468")
        assert isinstance(app.screen, ChangePinModal)
        assert "PIN salah" in str(app.screen.query_one("#modal-error", Static).content)
        assert app.gate.lock_of("Budi Santoso").failures == 1
        # the same PIN again changes nothing: refused
        await _change(pilot, app, "1357", "1357", "1357")
        assert "sama dengan PIN lama" in str(app.screen.query_one("#modal-error", Static).content)
        await _change(pilot, app, "1357", "24682468", "24682468")
        assert isinstance(app.screen, SignInScreen)  # back to the lock, PIN field ready
        assert app.screen.focused is app.screen.query_one("#pin", Input)
        # the old PIN no longer opens the desk, the new one does (same screen)
        with pytest.raises(SignInError):
            app.gate.sign_in("Budi Santoso", "1357")
        await sign_in(pilot, "Budi Santoso", "24682468")
        assert not app.locked and app.desk is not None
        assert app.desk.officer == "Budi Santoso"
        records = AuditLog(paths.data_dir).records()
        assert [(r.officer, r.subject) for r in records if r.kind == "pin_changed"] == [
            ("Budi Santoso", "Budi Santoso")]
    written = b"".join(p.read_bytes() for d in (paths.config_dir, paths.data_dir)
                       for p in d.rglob("*") if p.is_file())
    assert b"24682468" not in written


async def test_change_pin_asks_to_pick_a_name_first(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        app.screen.query_one("#accounts", OptionList).highlighted = None
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        assert "Pilih dulu nama" in str(app.screen.query_one("#signin-error", Static).content)
