"""Kelengkapan ticked on a later step is stored when the officer completes the step."""

from __future__ import annotations

from textual.widgets import SelectionList

from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import Clock, key, make_app, scan

KONSULTASI = "pct-07-konsultasi-bisnis"


async def test_ticked_documents_of_step_three_are_recorded(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = desk_of(app).open_case(KONSULTASI, {"nama": "Rudi"},
                                  received=["Form konsultasi bisnis"]).code
        desk_of(app).complete_step(code)
        desk_of(app).complete_step(code)  # now at step 3, which needs "Notulen"
        await scan(pilot, code)
        assert isinstance(app.screen, StepRunnerScreen)
        checklist = app.screen.query_one("#checklist", SelectionList)
        checklist.focus()
        await key(pilot, "space")
        assert checklist.selected == ["Notulen"]
        await key(pilot, "s")
        await key(pilot, "enter")
        await app.workers.wait_for_complete()
        checks = [e["data"] for e in app.store.events(code)
                  if e["type"] == "kelengkapan_checked"]
        assert [(c["step"], c["received"]) for c in checks] == [
            (1, ["Form konsultasi bisnis"]), (3, ["Notulen"])]
        assert desk_of(app).view(code).state.current_step == 4
