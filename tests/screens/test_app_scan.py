"""Scanning: a hand-off received at another desk, and scans that must change nothing."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from counter.case import Status
from counter.codes import damm, make_code
from screens.confirm import ConfirmModal
from screens.home import HomeScreen
from screens.new_case import NewCaseScreen
from screens.received_ask import ReceivedAsk
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from tests.pdf_scan import scan_pdf
from tests.screens.app_fixtures import (
    Clock,
    key,
    make_app,
    pdfs,
    record_notices,
    scan,
    screen_as,
    stored_types,
    type_text,
)

KONSULTASI = "pct-07-konsultasi-bisnis"


async def test_hand_off_then_scan_receives_at_other_desk(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, {"nama": "Budi"}, ["Form konsultasi bisnis"], [])
        code = view.code
        for _ in range(3):  # steps 1-3 at the counter
            clock.advance(minutes=5)
            desk_of(app).complete_step(code)
        app.show_case(code)
        await pilot.pause()
        assert screen_as(app, StepRunnerScreen).view.state.current_step == 4
        await key(pilot, "h")
        await pilot.pause()
        assert isinstance(app.screen, ReceivedAsk)  # the Notulen was not ticked
        await key(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert desk_of(app).view(code).state.status is Status.MENUNGGU_PELAKSANA
        [slip] = [p for p in pdfs(paths) if "serah-terima" in p.name]
        # what a scanner reads off the printed slip (rendered at 203 dpi, 1-bit)
        [printed_code] = scan_pdf(slip.read_bytes())
        assert printed_code == code
        # on the dashboard's waiting list, not in work
        assert code in app.screen._order["wait"] and code not in app.screen._order["work"]

    # the Koor's desk (desk 2, another officer) scans the slip
    clock.advance(minutes=20)
    other = make_app(paths, clock, officer="Budi Santoso", desk_no=2)
    async with other.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(other)
        await scan(pilot, printed_code)
        assert isinstance(other.screen, StepRunnerScreen), notices
        state = other.screen.view.state
        assert state.status is Status.BERJALAN and state.current_step == 5
        received = [e for e in other.store.events(code) if e["type"] == "received"]
        assert len(received) == 1
        assert received[0]["officer"] == "Budi Santoso" and received[0]["desk"] == 2
        assert received[0]["data"]["role"] == "koor"
        assert any("diterima" in n for n in notices)
        # a second scan of the same slip opens the case and records nothing more
        await pilot.press("escape")
        await scan(pilot, code)
        assert stored_types(other, code).count("received") == 1


async def test_garbage_and_bad_check_digit_change_nothing(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, {"nama": "Citra"}, [], [])
        code = view.code
        before = stored_types(app, code)
        notices = record_notices(app)

        await scan(pilot, "ABC-HELLO-123")
        assert isinstance(app.screen, HomeScreen)
        assert "Bukan kode kasus" in notices[-1]

        wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
        await scan(pilot, wrong)
        assert isinstance(app.screen, HomeScreen)
        assert "Kode tidak dikenali" in notices[-1]

        unknown = make_code(date(2026, 11, 25), 1, 999)
        assert damm(unknown) == 0
        await scan(pilot, unknown)
        assert isinstance(app.screen, HomeScreen)
        # said once, with the code as printed: no "tidak ditemukan: … tidak ditemukan"
        assert notices[-1] == "Kasus 261125-01-999-" + unknown[-1] + \
            " tidak ada di penyimpanan loket ini"

        await scan(pilot, "12345678")  # too short to be a code
        assert isinstance(app.screen, HomeScreen)
        assert stored_types(app, code) == before

        # the human form with dashes opens the case
        human = f"{code[:6]}-{code[6:8]}-{code[8:11]}-{code[11]}"
        await scan(pilot, human)
        assert isinstance(app.screen, StepRunnerScreen) and app.screen.code == code


async def test_scanner_keys_never_reach_bindings_or_fields(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, {"nama": "Dewi"}, [], [])
        app.show_case(view.code)
        await pilot.pause()
        before = stored_types(app, view.code)
        # letters that are bindings here (s Selesai, t Tutup, k, c…) inside a garbage scan
        await scan(pilot, "stkchbd12345")
        assert isinstance(app.screen, StepRunnerScreen)
        assert stored_types(app, view.code) == before

        # a scan while typing a name: the digits do not land in the field
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, NewCaseScreen)
        await type_text(pilot, "konsultasi")
        await pilot.press("enter")
        await type_text(pilot, "Eko")
        await scan(pilot, view.code)
        # the form holds a visitor's name: leaving it is asked first (point 10)
        assert isinstance(app.screen, ConfirmModal)
        assert isinstance(app.screen_stack[-2], NewCaseScreen)
        assert app.screen_stack[-2].query_one("#nama", Input).value == "Eko"
        await key(pilot, "y")
        assert isinstance(app.screen, StepRunnerScreen)
        assert app.screen.code == view.code


async def test_scan_field_f5(paths):
    clock = Clock()
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KONSULTASI, {"nama": "Fajar"}, [], [])
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await type_text(pilot, view.code_human)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen)
        assert app.screen.code == view.code
