"""The new-case form: picking the service by its number, drafts, stale lines, focus."""

from __future__ import annotations

from textual.widgets import Input, Static

from screens.new_case import NewCaseScreen
from screens.services import desk_of
from screens.widgets.returning_list import ReturningList
from tests.screens.app_fixtures import Clock, focused_id, key, make_app, record_notices, type_text


async def open_form(app, pilot) -> NewCaseScreen:
    await pilot.pause()
    await pilot.press("f2")
    await pilot.pause()
    assert isinstance(app.screen, NewCaseScreen)
    return app.screen


async def test_an_sop_number_that_can_mean_one_sop_chooses_it(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        await key(pilot, "1")  # 01, or 10–19: not yet
        assert form.sop is None and focused_id(app) == "search"
        await key(pilot, "7")  # 17
        assert form.sop is not None and form.sop.id.startswith("pct-17")
        assert focused_id(app) == "nama"
        await pilot.press("enter")  # an Enter out of habit stays on the empty name
        assert focused_id(app) == "nama"


async def test_a_stale_no_match_line_goes_and_a_draft_says_why(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        notices = record_notices(app)
        await type_text(pilot, "zzz")
        chosen = form.query_one("#chosen", Static)
        assert "Tidak ada layanan yang cocok" in str(chosen.content)
        search = form.query_one("#search", Input)
        search.value = "kons"
        await pilot.pause()
        assert "Tidak ada layanan" not in str(chosen.content)
        search.value = "06"  # Badan Hukum Koperasi: a draft
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert form.sop is None
        assert notices and "belum dapat dipakai" in notices[-1] and "draf" in notices[-1]


async def test_a_refused_save_puts_focus_on_the_field_at_fault(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        await key(pilot, "7")
        await type_text(pilot, "Ani")
        await pilot.press("tab")
        await type_text(pilot, "1234")  # a NIK too short
        await pilot.press("tab")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewCaseScreen)
        assert app.focused is form.query_one("#nik", Input)


async def test_a_returning_visitor_fills_the_form_from_the_last_case(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ani = {"nama": "Ani Lestari", "nik": "3501011508900002", "telepon": "081234567890",
               "nama_usaha": "Keripik Ani"}
        desk_of(app).open_case("pct-07-konsultasi-bisnis", ani, ["Form konsultasi bisnis"], [])
        clock.advance(days=7)
        form = await open_form(app, pilot)
        await app.workers.wait_for_complete()
        await key(pilot, "7")
        returning = form.query_one("#returning", ReturningList)
        for typed, field in (("3501011508", "nik"), ("0812345", "telepon"), ("lestari", "nama")):
            box = form.query_one(f"#{field}", Input)
            box.focus()
            await type_text(pilot, typed)
            assert returning.display and returning.first is not None, typed
            shown = str(returning.content)
            assert "Ani Lestari" in shown and "0812****7890" in shown
            assert "3501011508900002" not in shown and "3501" not in shown  # NIK never shown
            box.value = ""
            await pilot.pause()
        await type_text(pilot, "ani")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert form.query_one("#nama", Input).value == "Ani Lestari"
        assert form.query_one("#telepon", Input).value == "081234567890"
        assert form.query_one("#nama_usaha", Input).value == "Keripik Ani"
        assert form.query_one("#nik", Input).value == "3501********0002"
        assert form._typed("nik") == "3501011508900002"
        await pilot.press("ctrl+s", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        opened = [app.store.events(c)[0] for c in app.store.open_codes()]
        assert sum(e["data"]["visitor"]["nik"] == ani["nik"] for e in opened) == 2
