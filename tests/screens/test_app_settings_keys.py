"""F9 settings and the office's keys: retention and the idle lock are edited there
(checked like loket.toml), and no edit of the officer list may leave the office
without an active supervisor who can sign in (issue 13)."""

from __future__ import annotations

from textual.widgets import Input, Static

from counter.config import load_profile
from screens.home import HomeScreen
from screens.setup import SetupScreen
from tests.screens.app_fixtures import Clock, as_supervisor, make_app, make_profile


async def _settings(pilot, app) -> SetupScreen:
    await pilot.pause()
    await pilot.press("f9")
    await pilot.pause()
    assert isinstance(app.screen, SetupScreen)
    return app.screen


async def test_retention_and_idle_lock_are_set_in_settings_and_checked(paths):
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _settings(pilot, app)
        retensi = screen.query_one("#retensi", Input)
        assert retensi.value == make_profile().retensi
        retensi.value = "dua tahun"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # refused in words naming the field, focus on it, nothing written
        assert isinstance(app.screen, SetupScreen)
        error = str(screen.query_one("#setup-error", Static).content)
        assert "data.retensi" in error and "dua tahun" in error, error
        assert screen.focused is retensi
        assert load_profile(paths) is None
        retensi.value = "18 Bulan"
        screen.query_one("#kunci-menit", Input).value = "999"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "kunci_menit" in str(screen.query_one("#setup-error", Static).content)
        screen.query_one("#kunci-menit", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        saved = load_profile(paths)
        assert saved is not None
        assert (saved.retensi, saved.idle_lock_min) == ("18 bulan", 5)
        assert app.desk is not None and app.desk.profile.retensi == "18 bulan"
        from store.audit_log import AuditLog

        [record] = [r for r in AuditLog(paths.data_dir).records()
                    if r.kind == "settings_changed"]
        assert "retensi" in record.detail and "idle_lock_min" in record.detail


async def test_settings_refuse_to_drop_or_rename_the_last_supervisor(paths):
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _settings(pilot, app)
        officers = screen.query_one("#officers", Input)
        for typed in ("Siti Aminah, Budi Santoso",  # Bu Rahma left out
                      "Siti Aminah, Budi Santoso, Ibu Rahma"):  # renamed: a new, PIN-less name
            officers.value = typed
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SetupScreen)
            error = str(screen.query_one("#setup-error", Static).content)
            assert "supervisor" in error and "Bu Rahma" in error, error
            assert screen.focused is officers
            assert load_profile(paths) is None
        # adding a name keeps the supervisor: saved
        officers.value = "Siti Aminah, Budi Santoso, Bu Rahma, Rina"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        saved = load_profile(paths)
        assert saved is not None and "Bu Rahma" in [o.nama for o in saved.officers]


async def test_accounts_refuse_to_disable_or_demote_the_last_supervisor(paths):
    from textual.widgets import DataTable

    from screens.accounts import AccountModal, AccountsScreen
    from tests.screens.app_fixtures import key

    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await key(pilot, "f7")
        assert isinstance(app.screen, AccountsScreen)
        accounts = app.screen
        assert app.profile is not None
        row = [o.nama for o in app.profile.officers].index("Bu Rahma")
        accounts.query_one("#accounts", DataTable).move_cursor(row=row)
        await key(pilot, "n")  # nonaktifkan
        error = str(accounts.query_one("#accounts-error", Static).content)
        assert "supervisor" in error, error
        assert [o.aktif for o in app.profile.officers if o.nama == "Bu Rahma"] == [True]
        await key(pilot, "e")  # peran: petugas only
        assert isinstance(app.screen, AccountModal)
        app.screen.query_one("#peran", Input).value = "petugas loket"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AccountModal)  # kept open on the refusal
        assert "supervisor" in str(app.screen.query_one("#modal-error", Static).content)
        assert load_profile(paths) is None
