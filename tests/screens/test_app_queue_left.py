"""F6 at the desk: `p` records that the visitor of the highlighted ticket left without
service (waiting or called); the daily log counts them apart from no-shows, per
group and per desk, and its XLSX export carries the same figures."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from rich.console import Console
from textual.widgets import DataTable, Static

from counter.queue import rules as R
from screens.daily_log import DailyLogScreen
from screens.queue import QueueScreen
from screens.queue_service import queue_desk
from screens.widgets.choice import ChoiceModal
from tests.screens.app_fixtures import Clock, key, make_app, make_profile

PROFILE_TOML = """
[antrean]
panggil_maks = 1

[[antrean.grup]]
kode = "A"
nama = "Konsultasi"
"""


async def test_left_is_recorded_at_the_desk_and_counted_apart(paths):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(PROFILE_TOML, encoding="utf-8")
    clock = Clock()
    profile = make_profile()
    kiosk = queue_desk(paths, profile, desk=0, now=clock)
    for _ in range(3):
        kiosk.take("A")
    clock.advance(minutes=5)
    app = make_app(paths, clock, profile=profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        await key(pilot, "n")  # A-001 called
        await key(pilot, "x")  # nobody answers: a no-show (after 1 call)
        table = app.screen.query_one(DataTable)
        table.focus()
        await pilot.pause()
        table.move_cursor(row=2)  # A-003, still waiting
        await key(pilot, "p")
        assert kiosk.today().tickets["A-003"].status == R.LEFT
        assert table.cursor_row == 2  # the row stays chosen after the reload
        await key(pilot, "p")  # again: it has already gone
        assert "sudah pergi" in str(list(app._notifications)[-1].message)
        await key(pilot, "n")  # A-002 called, then gone too
        table.move_cursor(row=1)
        await key(pilot, "p")
        day = kiosk.today()
        assert [day.tickets[x].status for x in ("A-001", "A-002", "A-003")] == [
            R.NO_SHOW, R.LEFT, R.LEFT]

        await key(pilot, "escape")
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DailyLogScreen)
        console = Console(width=140, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#log-queue", Static).content)
        review = console.export_text()
        await key(pilot, "e")  # the export carries the queue too
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # XLSX
        await app.workers.wait_for_complete()
        await pilot.pause()
    [written] = list(paths.report_dir.glob("*.xlsx"))
    rows = [tuple(c for c in r if c is not None)
            for r in load_workbook(written, read_only=True)["Antrean"].iter_rows(
                values_only=True)]
    assert next(r for r in rows if r and r[0] == "Loket 1")[-4:] == (0, 1, 2, "-")
    lines = [line.strip() for line in review.splitlines()]
    group_row = next(line for line in lines if line.startswith("A Konsultasi"))
    # tickets 3, called 2, served 0, no-show 1, left 2
    assert group_row.split()[2:4] == ["3", "2"]  # tiket, dipanggil
    assert group_row.split()[-4:] == ["0", "1", "2", "0"]
    desk_row = next(line for line in lines if line.startswith("Loket 1"))
    assert desk_row.split()[2] == "2"  # called at desk 1
    assert desk_row.split()[-4:] == ["0", "1", "2", "-"]  # served, no-show, left
