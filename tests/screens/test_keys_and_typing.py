"""Keys an office can move, Caps Lock, and typing that is never thrown away.

Issue 17 (key map with binding ids, `[tombol]` in loket.toml, help and footer
showing the office's keys) and issue 10 points 10 and 11.
"""

from __future__ import annotations

from collections import Counter

import pytest
from textual.widgets import Input, Static
from textual.widgets._footer import FooterKey

from counter.config import load_profile
from screens.app import LoketApp
from screens.cli import main
from screens.confirm import ConfirmModal
from screens.daily_log import DailyLogScreen
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.keymap import declared_bindings, keys_label
from screens.modals import TextModal
from screens.new_case import NewCaseScreen
from screens.received_ask import ReceivedAsk
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import (
    OFFICER,
    Clock,
    key,
    make_app,
    make_profile,
    record_notices,
    scan,
    type_text,
)

KBR = "pct-07-konsultasi-bisnis"


def test_every_binding_has_one_id():
    bound = list(declared_bindings())
    assert len(bound) > 40
    assert [f"{b.owner.__name__}:{b.binding.action}" for b in bound if not b.id] == []
    twice = [i for i, n in Counter(b.id for b in bound).items() if n > 1]
    assert twice == []


def test_keys_named_as_people_name_them():
    assert keys_label("left_square_bracket,pageup") == "[ / PgUp"
    assert keys_label("slash") == "/"
    assert keys_label("U") == "Shift+U"
    assert keys_label("ctrl+q") == "Ctrl+Q"
    assert keys_label("f1,question_mark") == "F1 / ?"


def footer_keys(app) -> dict[str, str]:
    return {w.description: w.key_display for w in app.screen.query(FooterKey)}


def help_text(app) -> str:
    return "\n".join(str(s.content) for s in app.screen.query(Static))


async def test_office_keys_replace_the_defaults_in_keys_footer_and_help(paths):
    profile = make_profile().with_changes(keys=(("umum.log_harian", "f10"),
                                                ("umum.bantuan", "f12")))
    app = make_app(paths, Clock(), profile=profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert footer_keys(app)["Log harian"] == "F10"
        assert footer_keys(app)["Bantuan"] == "F12"
        await key(pilot, "f4")
        assert isinstance(app.screen, HomeScreen)  # F4 is free now
        await key(pilot, "f10")
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, DailyLogScreen)
        await key(pilot, "f12")
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        assert "F10" in text and "F12" in text and "F4 " not in text
        # the daily log's keys, as people name them
        assert "[ / PgUp" in text and "/ " in text and "Shift+U" in text
        assert "Left_Square_Bracket" not in text and "Question_Mark" not in text


async def test_unknown_action_in_tombol_is_named_and_defaults_stay(paths):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('desk = 1\n[[officers]]\nnama = "Siti Aminah"\n\n'
                                 '[tombol]\n"umum.terbang" = "F8"\n', encoding="utf-8")
    profile = load_profile(paths)
    app = make_app(paths, Clock(), profile=profile)
    async with app.run_test(size=(100, 30)) as pilot:
        notices = record_notices(app)
        app.use_profile_keys(profile)
        await pilot.pause()
        assert any(f"{paths.config_file}:6" in n and "umum.terbang" in n for n in notices)
        await key(pilot, "f4")
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, DailyLogScreen)
    # the command line refuses to open the app and says where
    assert main(["--config-dir", str(paths.config_dir), "--data-dir", str(paths.data_dir),
                 "app", "--petugas", OFFICER]) == 1


async def test_two_actions_on_one_key_is_a_clash(paths, capsys):
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('desk = 1\n\n[tombol.kasus]\nselesai = "h"\n',
                                 encoding="utf-8")
    assert main(["--config-dir", str(paths.config_dir), "--data-dir", str(paths.data_dir),
                 "app"]) == 1
    err = capsys.readouterr().err
    assert f"{paths.config_file}:4" in err and "dipakai dua kali" in err
    assert "kasus.selesai" in err and "kasus.serahkan" in err


async def test_caps_lock_keeps_the_action_keys(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case(KBR, {"nama": "Ida"}, [], [])
        app.show_case(view.code)
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen)
        await key(pilot, "S")  # Caps Lock on: the terminal sends 'S'
        # Selesai: the unticked form is asked about once, as with 's'
        assert isinstance(app.screen, ReceivedAsk)
        await key(pilot, "escape")
        await key(pilot, "escape")
        await key(pilot, "f4")
        await app.workers.wait_for_complete()
        log = app.screen
        assert isinstance(log, DailyLogScreen) and log.span == "day"
        await key(pilot, "M")  # 'm' cycles the range
        assert log.span != "day"
        before = log.sort.reverse
        await key(pilot, "U")  # Shift+U has its own meaning here: reverse the sort
        assert log.sort.reverse is not before


async def test_fast_typing_that_is_no_code_lands_in_the_field(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = record_notices(app)
        await key(pilot, "f2")
        assert isinstance(app.screen, NewCaseScreen)
        app.screen.query_one("#nama", Input).focus()
        await pilot.pause()
        # a laggy remote terminal delivers the name and Enter in one burst
        await scan(pilot, "Budi Santoso")
        assert isinstance(app.screen, NewCaseScreen)
        assert app.screen.query_one("#nama", Input).value == "Budi Santoso"
        assert not any("Bukan kode" in n for n in notices)


async def test_esc_on_a_filled_visitor_form_asks(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await key(pilot, "f2")
        await key(pilot, "escape")  # nothing typed: leaves at once
        assert isinstance(app.screen, HomeScreen)
        await key(pilot, "f2")
        form = app.screen
        form.query_one("#nama", Input).focus()
        await type_text(pilot, "Rina")
        await key(pilot, "escape")
        assert isinstance(app.screen, ConfirmModal)
        assert "Buang data pemohon?" in help_text(app)
        await key(pilot, "enter")  # a reflex Enter throws nothing away
        assert isinstance(app.screen, ConfirmModal)
        await key(pilot, "n")
        assert app.screen is form and form.query_one("#nama", Input).value == "Rina"
        await key(pilot, "escape")
        await key(pilot, "y")
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("leave", [False, True])
async def test_a_scan_over_a_dialog_with_text_asks_first(paths, leave):
    app = make_app(paths, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = desk_of(app).open_case(KBR, {"nama": "Ida"}, [], [])
        other = desk_of(app).open_case(KBR, {"nama": "Joko"}, [], [])
        app.show_case(first.code)
        await pilot.pause()
        notices = record_notices(app)
        await key(pilot, "c")  # a note
        assert isinstance(app.screen, TextModal)
        await type_text(pilot, "pemohon menunggu")
        await scan(pilot, other.code)
        assert isinstance(app.screen, ConfirmModal)
        await key(pilot, "y" if leave else "n")
        if leave:
            assert isinstance(app.screen, StepRunnerScreen) and app.screen.code == other.code
        else:
            assert isinstance(app.screen, TextModal)
            assert app.screen.query_one(Input).value == "pemohon menunggu"
            assert any("diabaikan" in n for n in notices)


async def test_scan_gap_comes_from_the_profile(paths):
    from counter.sop import load_catalog
    from store import open_store

    profile = make_profile().with_changes(scan_gap_ms=150)
    app = LoketApp(paths, profile, load_catalog(), open_store(paths.store_dir, profile.tz),
                   now=Clock(), officer=OFFICER)
    assert app.scanner.gap == pytest.approx(0.15)
    app.apply_profile(profile.with_changes(scan_gap_ms=60))
    assert app.scanner.gap == pytest.approx(0.06)
