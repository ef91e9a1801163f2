"""A walk-in through the queue, on the real screens: a ticket taken at the kiosk, the
desk calls it (F6, n), opens the case from the call (b), closes it; the daily log
then shows the waiting time (ticket → call) apart from the service time (call → tutup).
"""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Static

from counter.queue import rules as R
from screens.daily_log import DailyLogScreen
from screens.home import HomeScreen
from screens.new_case import NewCaseScreen
from screens.queue import QueueScreen
from screens.queue_service import queue_desk
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import (
    Clock,
    key,
    make_app,
    make_profile,
    supervisor_pin,
    type_text,
)

PROFILE_TOML = """
[antrean]
panggil_maks = 2

[[antrean.grup]]
kode = "A"
nama = "Konsultasi & pendampingan"

[[antrean.grup]]
kode = "B"
nama = "Perizinan"
"""


async def test_ticket_call_case_closed_with_waiting_and_service_times(paths):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(PROFILE_TOML, encoding="utf-8")
    clock = Clock()
    profile = make_profile()
    kiosk = queue_desk(paths, profile, desk=0, now=clock)
    assert kiosk.take("A").label == "A-001"
    clock.advance(minutes=1)
    assert kiosk.take("B").label == "B-001"
    clock.advance(minutes=11)  # 09.12: A-001 has waited 12 minutes

    app = make_app(paths, clock, profile=profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        await key(pilot, "n")
        now = str(app.screen.query_one("#antrean-now", Static).content)
        assert "A-001" in now and "Konsultasi" in now
        # no-show is refused after one call of two
        await key(pilot, "x")
        assert kiosk.today().tickets["A-001"].status == R.CALLED
        clock.advance(minutes=1)
        await key(pilot, "u")  # called again: the visitor comes
        assert kiosk.today().tickets["A-001"].calls_since_transfer == 2

        await key(pilot, "b")
        assert isinstance(app.screen, NewCaseScreen)
        await type_text(pilot, "konsultasi")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Ani Lestari")
        await pilot.press("ctrl+s")
        await pilot.pause()
        if not isinstance(app.screen, StepRunnerScreen):  # the documents question
            await key(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen)
        code = app.screen.code
        ticket = kiosk.today().tickets["A-001"]
        assert (ticket.status, ticket.code) == (R.SERVING, code)

        clock.advance(minutes=20)  # served for 20 minutes, then closed
        await key(pilot, "t")
        await pilot.press("down", "enter")  # dibatalkan; on to the reason
        await type_text(pilot, "pemohon cukup konsultasi lisan")
        await pilot.press("enter")
        await supervisor_pin(pilot)  # a cancellation: the supervisor's PIN at a petugas's desk
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store.events(code)[-1]["type"] == "closed"

        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DailyLogScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#log-queue", Static).content)
        review = console.export_text()
        # A: waited 12 min (09.00 → 09.12), served 20 min (the last call 09.13 → 09.33)
        assert "12 mnt" in review
        assert "20 mnt" in review
        assert "B-001" in review  # still waiting: among the longest waits
