"""The app with an office server: settings, header status, the password never shown."""

from __future__ import annotations

import os
import stat

from textual.widgets import Input, Static

from counter.config import PusatSettings, load_profile
from screens.setup import SetupScreen
from screens.widgets.header import LoketHeader
from tests.screens.app_fixtures import Clock, as_supervisor, make_app, make_profile


def screen_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def test_the_server_is_set_in_settings_and_its_password_never_shown(paths, pg_dsn):
    secret = "postgresql://loket:rahasia99@/loket?host=/nowhere&port=1"
    profile = make_profile().with_changes(pusat=PusatSettings(dsn=secret, kantor="pacitan"))
    app = make_app(paths, Clock(), profile=profile, officer=as_supervisor())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        dsn_input = app.screen.query_one("#pusat-dsn", Input)
        assert dsn_input.value == "" and "rahasia99" not in dsn_input.placeholder
        assert "***" in dsn_input.placeholder
        assert "rahasia99" not in screen_text(app)
        dsn_input.value = pg_dsn
        app.screen.query_one("#pusat-meja", Input).value = "Koor"
        app.screen.query_one("#pusat-peran", Input).value = "Koor, Kepala Bidang"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_profile(paths)
        assert saved is not None
        assert saved.pusat == PusatSettings(dsn=pg_dsn, kantor="pacitan", nama_meja="Koor",
                                            peran=("Koor", "Kepala Bidang"))
        assert stat.S_IMODE(os.stat(paths.config_file).st_mode) == 0o600


async def test_the_header_says_when_the_server_is_away(paths):
    dead = "postgresql://loket:rahasia99@/loket?host=/nowhere&port=1"
    clock = Clock()
    profile = make_profile().with_changes(pusat=PusatSettings(dsn=dead, kantor="pacitan"))
    app = make_app(paths, clock, profile=profile)
    async with app.run_test(size=(160, 40)) as pilot:
        for _ in range(40):
            await pilot.pause(0.1)
            if app.sync_state is not None and app.sync_state.down_since is not None:
                break
        header = app.screen.query_one(LoketHeader)
        header.tick()
        text = str(header.render())
        assert "Pusat: terputus sejak 09.00 · 0 catatan belum terkirim" in text
        assert "rahasia99" not in text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        header.tick()
        assert str(header.render()).endswith("Pusat: terputus · 0 blm terkirim")
        app.stop_sync()


async def test_another_desks_survey_answer_reaches_this_dashboards_skm_line(
        paths, pg_dsn, tmp_path):
    """Issue 14 with the office sync: the SKM line counts the whole office's answers."""
    from datetime import datetime

    from counter.skm.questions import bundled_questionnaire
    from counter.skm.response import make_response
    from counter.sync.engine import Syncer
    from counter.sync.port import DeskInfo
    from store import open_store
    from store.replica import Replica
    from store.skm_replica import SurveyReplica
    from store.skm_store import SurveyStore
    from store.sync.server import PgServer
    from tests.screens.app_fixtures import START, WIB

    PgServer(pg_dsn).prepare()
    profile = make_profile().with_changes(pusat=PusatSettings(dsn=pg_dsn, kantor="pacitan"))
    app = make_app(paths, Clock(), profile=profile)
    other_store = open_store(tmp_path / "desk2", WIB)
    replica = Replica(other_store)
    other = Syncer(PgServer(pg_dsn), replica, DeskInfo("pacitan", 2), replica.key(),
                   now=lambda: datetime.now(START.tzinfo),
                   surveys=SurveyReplica(other_store.store_dir))
    q = bundled_questionnaire()
    SurveyStore(other_store.store_dir, q).add([make_response(
        q, tanggal=START.date(), layanan="pct-07-konsultasi-bisnis", loket=2,
        jawaban=dict.fromkeys([f"U{i}" for i in range(1, 10)], 4))])
    async with app.run_test(size=(120, 40)) as pilot:
        line = app.screen.query_one("#skm-progress", Static)
        for _ in range(40):
            await pilot.pause(0.1)
            if app.sync_state is not None and app.sync_state.connected:
                break
        assert "0 responden" in str(line.render())
        assert other.sync_once().skm_pushed == 1
        for _ in range(50):  # woken by the push's NOTIFY, not the 5 s poll
            await pilot.pause(0.1)
            if "IKM 100" in str(line.render()):
                break
        assert "1 responden" in str(line.render()) and "IKM 100" in str(line.render())
        app.stop_sync()
