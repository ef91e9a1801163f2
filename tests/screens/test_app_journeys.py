"""Walk-ins served through the real screens, with the clock moved by hand.

Each journey checks what the officer sees (screen, timers' colours) and what
the store keeps (the events), since both are what a supervisor relies on.
"""

from __future__ import annotations

from textual.widgets import DataTable, Input, SelectionList, Static

from counter.case import Status
from screens.home import HomeScreen
from screens.modals import ReturnModal, TextModal
from screens.new_case import NewCaseScreen
from screens.received_ask import ReceivedAsk
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import (
    OFFICER,
    Clock,
    focused_id,
    key,
    make_app,
    pdfs,
    scan,
    screen_as,
    stored_types,
    type_text,
)

KONSULTASI = "pct-07-konsultasi-bisnis"
IUI = "pct-14-rekomendasi-teknis-iui"
VISITOR = {"nama": "Ani Lestari", "nik": "3501011508900002", "telepon": "081234567890",
           "nama_usaha": "Keripik Ani"}


def timer_level(app, wid: str) -> str:
    widget = app.screen.query_one(wid, Static)
    levels = [c for c in ("-dalam", "-mendekati", "-lewat", "-tanpa_batas")
              if widget.has_class(c)]
    assert len(levels) == 1, levels
    return levels[0]


async def tick(app, pilot) -> None:
    """What the one-second interval does, without waiting a second."""
    for screen in app.screen_stack:
        if hasattr(screen, "tick"):
            screen.tick()
    await pilot.pause()


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def complete_step(pilot, app, over: str | None = None, hand_off: bool = False,
                        all_received: bool = True) -> None:
    """s (or h) finishes the step at once; unticked documents are asked about once
    (Enter: all received); a step over its time asks an optional reason."""
    await key(pilot, "h" if hand_off else "s")
    await pilot.pause()
    if isinstance(app.screen, ReceivedAsk) and all_received:
        await key(pilot, "enter")
        await pilot.pause()
    if over is not None:
        assert isinstance(app.screen, TextModal)
        assert focused_id(app) == "text"
        await type_text(pilot, over)
        await pilot.press("enter")
    await settle(app, pilot)


async def test_konsultasi_walk_in_to_selesai(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, NewCaseScreen)
        await type_text(pilot, "konsultasi")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_as(app, NewCaseScreen).sop == app.catalog.get(KONSULTASI)
        await type_text(pilot, VISITOR["nama"])
        await pilot.press("tab")
        await type_text(pilot, VISITOR["nik"])
        await pilot.press("tab")
        await pilot.pause()
        # the NIK is masked once the officer moves on
        assert app.screen.query_one("#nik", Input).value == "3501********0002"
        await type_text(pilot, VISITOR["telepon"])
        await pilot.press("tab")
        await type_text(pilot, VISITOR["nama_usaha"])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, SelectionList)
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(app, pilot)

        runner = app.screen
        assert isinstance(runner, StepRunnerScreen)
        code = runner.code
        events = app.store.events(code)
        opened = events[0]
        assert opened["data"]["sop_id"] == KONSULTASI
        assert opened["data"]["visitor"]["nik"] == VISITOR["nik"]
        assert opened["officer"] == OFFICER and opened["desk"] == 1
        checked = [e for e in events if e["type"] == "kelengkapan_checked"]
        assert checked[0]["data"]["received"] == ["Form konsultasi bisnis"]
        # the tanda terima was made (no printer configured: saved as PDF, recorded)
        printed = [e for e in events if e["type"] == "printed"]
        assert printed and printed[0]["data"]["doc"] == "tanda-terima"
        assert any("tanda-terima" in p.name for p in pdfs(paths))

        # step 1 has 15 menit: within at 5, nearing at 12, over at 16
        clock.advance(minutes=5)
        await tick(app, pilot)
        assert timer_level(app, "#step-timer") == "-dalam"
        clock.advance(minutes=7)
        await tick(app, pilot)
        assert timer_level(app, "#step-timer") == "-mendekati"
        assert "hampir" in str(app.screen.query_one("#step-timer", Static).content)
        clock.advance(minutes=2)
        await complete_step(pilot, app)
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 2

        for minutes, step in ((10, 3), (30, 4)):
            clock.advance(minutes=minutes)
            await complete_step(pilot, app)
            assert screen_as(app, StepRunnerScreen).view.state.current_step == step
        # step 5 belongs to the Koor (not a counter role): Serahkan, slip printed
        assert app.screen.check_action("hand_off", ()) is True
        assert app.screen.check_action("complete", ()) is False
        # step 4 (20 menit) ran 25: the reason is asked; the officer leaves it empty
        clock.advance(minutes=25)
        await tick(app, pilot)
        assert timer_level(app, "#step-timer") == "-lewat"
        await complete_step(pilot, app, over="", hand_off=True)
        assert isinstance(app.screen, HomeScreen)
        state = desk_of(app).view(code).state
        assert state.status is Status.MENUNGGU_PELAKSANA
        assert any("serah-terima" in p.name for p in pdfs(paths))

        # the file comes back and is scanned: received, then the last steps
        clock.advance(minutes=8)
        await scan(pilot, code)
        await settle(app, pilot)
        assert isinstance(app.screen, StepRunnerScreen)
        assert app.screen.view.state.status is Status.BERJALAN
        await complete_step(pilot, app)
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 7
        clock.advance(minutes=6)
        await complete_step(pilot, app)
        assert isinstance(app.screen, HomeScreen)

        final = desk_of(app).view(code).state
        assert final.status is Status.SELESAI
        types = stored_types(app, code)
        assert types[0] == "opened" and types[-1] == "closed"
        assert types.count("step_completed") == 6
        assert "handed_off" in types and "received" in types
        # over at step 4, but no reason given: none stored
        assert "over_reason" not in types
        handed = [e for e in app.store.events(code) if e["type"] == "handed_off"]
        assert handed[0]["data"]["to_role"] == "koor"
        table = app.screen.query_one("#work", DataTable)
        assert table.row_count == 0
        assert "1 selesai" in str(app.screen.query_one("#counts", Static).content)


async def test_step_over_prompts_for_reason(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, VISITOR, ["Form konsultasi bisnis"], [])
        app.show_case(view.code)
        await pilot.pause()
        clock.advance(minutes=22)
        await tick(app, pilot)
        assert timer_level(app, "#step-timer") == "-lewat"
        assert "LEWAT" in str(app.screen.query_one("#step-timer", Static).content)
        # the dashboard row turns red too
        home = app.screen_stack[1]
        cell = home.query_one("#work", DataTable).get_cell(view.code, "elapsed")
        assert "red" in str(cell.style) and "LEWAT" in str(cell)
        await complete_step(pilot, app, over="pemohon mengisi ulang form")
        events = app.store.events(view.code)
        reasons = [e for e in events if e["type"] == "over_reason"]
        assert [r["data"]["reason"] for r in reasons] == ["pemohon mengisi ulang form"]
        assert reasons[0]["data"]["step"] == 1



async def test_no_reason_asked_within_time(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, VISITOR, ["Form konsultasi bisnis"], [])
        app.show_case(view.code)
        clock.advance(minutes=3)
        await pilot.pause()
        await key(pilot, "s")
        await settle(app, pilot)
        # within its time, s finishes the step at once: no dialog, no reason stored
        assert isinstance(app.screen, StepRunnerScreen)
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 2
        assert "over_reason" not in stored_types(app, view.code)


async def test_kembalikan_loop_on_decision_step(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(IUI, {"nama": "CV Maju"},
                                  ["Komputer OnLine", "KTP/Data Diri Aktif"], [])
        app.show_case(view.code)
        await pilot.pause()
        for _ in range(5):
            clock.advance(minutes=10)
            # Kembalikan is offered only on the decision step
            assert app.screen.check_action("return_step", ()) is False
            await complete_step(pilot, app)
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 6
        assert app.screen.check_action("return_step", ()) is True
        await key(pilot, "k")
        await pilot.pause()
        assert isinstance(app.screen, ReturnModal)
        assert app.screen.targets[0][0] == 4
        # the dialog starts on the reason (the one target is highlighted)
        assert focused_id(app) == "reason"
        await pilot.press("enter")  # empty: refused, stays open, focus stays on the reason
        assert isinstance(app.screen, ReturnModal)
        assert "Alasan pengembalian wajib diisi" in str(
            app.screen.query_one("#modal-error", Static).content)
        assert focused_id(app) == "reason"
        await type_text(pilot, "NIB belum aktif")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, StepRunnerScreen)
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 4
        returned = [e for e in app.store.events(view.code) if e["type"] == "step_returned"]
        assert returned[0]["data"]["to_step"] == 4
        assert returned[0]["data"]["reason"] == "NIB belum aktif"
        # round two: 4, 5, then the decision again, this time approved
        for _ in range(2):
            clock.advance(minutes=10)
            await complete_step(pilot, app)
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 6
        await complete_step(pilot, app)
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 7
        runs6 = app.screen.view.state.runs_of(6)
        assert [r.outcome for r in runs6] == ["dikembalikan", "selesai"]


async def test_timers_say_when_the_office_clock_stands_still(paths):
    """At 12.10 (lunch) and at 17.30 the timers do not move: the runner says why."""
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, VISITOR, ["Form konsultasi bisnis"], [])
        app.show_case(view.code)
        await pilot.pause()
        off = app.screen.query_one("#off-hours", Static)
        await tick(app, pilot)
        assert not off.display  # 09.00 on a Wednesday: the clock runs
        for hour, minute in ((12, 10), (17, 30)):
            clock.at = clock.at.replace(hour=hour, minute=minute)
            await tick(app, pilot)
            assert off.display, (hour, minute)
            assert "di luar jam kerja — waktu tidak dihitung" in str(off.content)
