"""The queue's link to the office server, where the officer sees it: F6 says the
queue is in step; cut off, F6 and the header say since when and how many of the
queue's facts wait to be sent; back, the count drops to nothing."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from counter.config import PusatSettings
from screens.queue import QueueScreen
from screens.queue_service import queue_desk_of, stop_queue_sync
from screens.widgets.header import LoketHeader
from store.sync.queue_server import SyncedQueueStore
from store.sync.server import PgServer
from tests.screens.app_fixtures import Clock, make_app, make_profile

DEAD = "postgresql://loket@127.0.0.1:1/tidak_ada"


@pytest.fixture(autouse=True)
def _no_lingering_sync():
    yield
    stop_queue_sync()


async def test_f6_and_the_header_show_the_queues_unsent_facts(paths, pg_dsn):
    PgServer(pg_dsn).prepare()
    clock = Clock()
    profile = make_profile().with_changes(pusat=PusatSettings(dsn=pg_dsn, kantor="pacitan"))
    app = make_app(paths, clock, profile=profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        queue = queue_desk_of(app)
        queue.take("A")
        await pilot.pause(1.2)
        line = app.screen.query_one("#antrean-sync", Static)
        assert "Antrean di pusat: tersambung" in str(line.content)

        repo = queue.repo
        assert isinstance(repo, SyncedQueueStore)  # an office server is set
        repo.server.dsn = DEAD  # the cable is pulled
        repo.server.close()
        queue.take("A")
        queue.take("A")
        await pilot.pause(1.2)
        text = str(line.content)
        assert "terputus sejak" in text and "2 catatan antrean belum terkirim" in text
        header = str(app.screen.query_one(LoketHeader).render())
        assert header.endswith("Antrean: terputus · 2 blm terkirim"), header

        repo.server.dsn = pg_dsn  # back
        repo._down_until = 0.0
        assert repo.sync(clock().date())
        await pilot.pause(1.2)
        assert "tersambung" in str(line.content)
        assert "Antrean" not in str(app.screen.query_one(LoketHeader).render())


async def test_a_standalone_desk_shows_no_queue_link(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert not app.screen.query_one("#antrean-sync", Static).display
