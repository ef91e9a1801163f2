"""Keys typed ahead of a focus move land in the field the officer meant: the first
run's forms filled by a laggy terminal (every key and Enter in one burst), the
sign-in's officer list and PIN, a dialog's fields (issue 13, the done-when journey
in tmux)."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input, OptionList

from counter.sop import load_catalog
from screens.app import LoketApp
from screens.first_supervisor import FirstSupervisorScreen
from screens.setup import SetupScreen
from screens.signin import SignInScreen
from store import open_store
from tests.screens.app_fixtures import GAP, Clock, make_profile


def burst(app: Any, text: str) -> None:
    """Every key at once, as tmux send-keys or a laggy remote terminal delivers them;
    "\\r" is Enter, "\\t" is Tab."""
    for char in text:
        if char == "\r":
            key = events.Key("enter", "\r")
        elif char == "\b":
            key = events.Key("backspace", "\x7f")
        elif char == "\t":
            key = events.Key("tab", "\t")
        elif char == " ":
            key = events.Key("space", " ")
        elif char == ",":
            key = events.Key("comma", ",")
        elif char == ".":
            key = events.Key("full_stop", ".")
        else:
            key = events.Key(char, char)
        key.set_sender(app)
        app._driver.send_message(key)


async def settle(pilot: Any, until: Any = None) -> None:
    """Until the keys are all handled (or `until()` holds): each focus move is a few
    messages, slower on a busy machine."""
    for _ in range(100):
        await pilot.pause(GAP * 3)
        if until is not None and until():
            break
        if until is None and not pilot.app._key_gate.waiting:
            await pilot.pause(GAP * 3)
            break


def first_run_app(paths: Any) -> LoketApp:
    profile = make_profile()
    return LoketApp(paths, None, load_catalog(), open_store(paths.store_dir, profile.tz),
                    now=Clock(), scan_gap=GAP)


async def test_first_run_forms_filled_in_one_burst_keep_each_field(paths):
    app = first_run_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        burst(app, "Dinas Koperasi Pacitan\rPLUT KUMKM\rJl. Gajah Mada 1\r0357 881\r"
                   "\rSiti Aminah, Budi Santoso\r")
        await settle(pilot, lambda: isinstance(app.screen, FirstSupervisorScreen))
        assert isinstance(app.screen, FirstSupervisorScreen), [
            (i.id, i.value) for i in app.screen.query(Input)]
        profile = load_profile_now(paths)
        assert (profile.instansi, profile.unit, profile.alamat, profile.telepon,
                profile.desk) == ("Dinas Koperasi Pacitan", "PLUT KUMKM", "Jl. Gajah Mada 1",
                                  "0357 881", 1)
        assert [o.nama for o in profile.officers] == ["Siti Aminah", "Budi Santoso"]
        # the name field has the focus (not the scroll box around it): typing lands there
        await settle(pilot, lambda: app.focused is not None)
        assert app.focused is app.screen.query_one("#nama")
        burst(app, "Rahmawati\r19750101\rKoordinator\r9753\r9753\r")
        await settle(pilot, lambda: isinstance(app.screen, SignInScreen))
        assert isinstance(app.screen, SignInScreen), [
            (i.id, i.value) for i in app.screen.query(Input)]
        boss = load_profile_now(paths).officers[0]
        assert (boss.nama, boss.nip, boss.jabatan) == ("Rahmawati", "19750101", "Koordinator")
        assert "supervisor" in boss.roles and boss.pin_hash
        # the sign-in: Enter on the officer list, the PIN typed straight after it
        burst(app, "\r9753\r")
        await settle(pilot, lambda: app.desk is not None)
        assert app.desk is not None and app.desk.officer == "Rahmawati", app.screen
        from screens.home import HomeScreen

        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.workers.wait_for_complete()  # the dashboard done loading before the end
        await pilot.pause()


async def test_a_field_typed_after_tab_lands_in_the_next_field(paths):
    app = first_run_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "Dinas\tPLUT\t")
        await settle(pilot, lambda: app.screen.focused is app.screen.query_one("#alamat"))
        screen = app.screen
        assert screen.query_one("#instansi", Input).value == "Dinas"
        assert screen.query_one("#unit", Input).value == "PLUT"
        assert screen.focused is screen.query_one("#alamat", Input)


async def test_an_edit_typed_ahead_in_the_prefilled_desk_field_is_kept(paths):
    """Backspace, a digit and Enter in one burst: Textual's Input deletes by a binding,
    run once the key has bubbled up to the app, but inserts a digit at once; without
    waiting after the Backspace the 3 went in first and was deleted (the field kept
    nothing of the edit, and the old desk number was used)."""
    from tests.screens.app_fixtures import OFFICER, PINS, make_app

    app = make_app(paths, Clock(), officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, SignInScreen))
        screen = app.screen
        assert isinstance(screen, SignInScreen)
        desk = screen.query_one("#desk", Input)
        assert desk.value == "1"
        desk.focus()
        await settle(pilot, lambda: app.focused is desk)
        burst(app, "\b\b3\r")
        await settle(pilot, lambda: app.focused is not desk)
        await settle(pilot)
        assert desk.value == "3"
        assert app.focused is screen.query_one("#accounts")
        desk.focus()  # the value selected on focus: "4" replaces it, "\b", then "5"
        await settle(pilot, lambda: app.focused is desk)
        burst(app, "4\b5")
        await settle(pilot)
        assert desk.value == "5"  # not "4" (the 5 in before the Backspace)
        desk.value = "3"
        names = [a.nama for a in screen.accounts]
        accounts = screen.query_one("#accounts", OptionList)
        accounts.focus()
        accounts.highlighted = names.index(OFFICER)
        await settle(pilot, lambda: app.focused is not desk)
        burst(app, "\r" + PINS[OFFICER] + "\r")
        await settle(pilot, lambda: app.desk is not None)
        assert app.desk is not None and app.desk.profile.desk == 3
        await app.workers.wait_for_complete()
        await pilot.pause()


def load_profile_now(paths: Any) -> Any:
    from counter.config import load_profile

    profile = load_profile(paths)
    assert profile is not None
    return profile
