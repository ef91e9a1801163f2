"""The SOP editor as a supervisor uses it (F3 → Ctrl+E): complete the NIB draft and
serve a walk-in on it; change a waktu while a case runs and see the case keep its
version; a half-filled form keeps every typed word and names what is missing."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, OptionList, Select, SelectionList, Static, TextArea

from counter.sop import load_catalog
from screens.home import HomeScreen
from screens.new_case import NewCaseScreen
from screens.services import desk_of
from screens.sop_browser import SopBrowserScreen
from screens.sop_editor import SopEditorScreen
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import (
    Clock,
    as_supervisor,
    focused_id,
    make_app,
    screen_as,
    type_text,
)
from tests.screens.review_helpers import static_text

NIB = "pct-11-nib"
KONSULTASI = "pct-07-konsultasi-bisnis"
VISITOR = {"nama": "Ani Lestari", "nik": "3501011508900002"}


async def open_editor(app, pilot, words: str) -> SopEditorScreen:
    await pilot.press("f3")
    await pilot.pause()
    assert isinstance(app.screen, SopBrowserScreen)
    await type_text(pilot, words)
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert isinstance(app.screen, SopEditorScreen)
    return app.screen


def text_of(screen, wid: str) -> str:
    return str(screen.query_one(wid, Static).content)


async def press_button(pilot, screen, wid: str) -> None:
    """As a keyboard user: Tab to the button (focus scrolls it into view), Enter."""
    screen.query_one(wid).focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def fill(pilot, screen, wid: str, value: str) -> None:
    box = screen.query_one(wid, Input)
    box.focus()
    await pilot.pause()
    box.value = value
    await pilot.pause()


async def test_complete_the_nib_draf_then_serve_a_walk_in(paths) -> None:
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        editor = await open_editor(app, pilot, "nib")
        assert editor.sop.id == NIB and editor.sop.status == "draf"
        # two pelaksana: the applicant and the counter officer
        for name, mark in (("Pemohon", "pemohon"), ("Petugas Loket", "loket")):
            await press_button(pilot, editor, "#role-add")
            i = len(editor.form.roles) - 1
            assert focused_id(app) == f"role-nama-{i}"
            await type_text(pilot, name)
            editor.query_one(f"#role-{mark}-{i}", Checkbox).value = True
        # two steps, typed; the waktu reading shows as it is typed
        for kegiatan, who, kelengkapan, waktu, reading in (
            ("Menerima dan memeriksa berkas NIB", "Petugas Loket; Pemohon", "KTP\nNPWP",
             "15 mnt", "15 menit kerja"),
            ("Mendaftarkan NIB melalui OSS dan menyerahkannya", "Petugas Loket", "",
             "Maksimal 1 hari", "paling lama 1 hari kerja"),
        ):
            await press_button(pilot, editor, "#step-add")
            assert focused_id(app) == "step-kegiatan"
            await type_text(pilot, kegiatan)
            await fill(pilot, editor, "#step-pelaksana", who)
            editor.query_one("#step-kelengkapan", TextArea).text = kelengkapan
            await fill(pilot, editor, "#step-waktu", waktu)
            assert reading in text_of(editor, "#step-waktu-reading")
        editor.query_one("#status", Select).value = "berlaku"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "versi 2" in text_of(editor, "#messages")
        saved = paths.sop_dir / f"{NIB}.toml"
        assert saved.is_file()
        nib = load_catalog([paths.sop_dir]).get(NIB)
        assert nib.usable and nib.versi == 2 and nib.step(1).mutu_baku.kelengkapan == (
            "KTP", "NPWP")
        assert app.catalog.get(NIB).usable and desk_of(app).catalog.get(NIB).usable
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SopBrowserScreen)
        view = static_text(app.screen.query_one("#sop-view", Static), width=200)
        assert "Versi 2" in view and "Mendaftarkan NIB melalui OSS" in view
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        # the counter serves a walk-in on it the same hour
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, NewCaseScreen)
        await type_text(pilot, "penerbitan nib")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_as(app, NewCaseScreen).sop == app.catalog.get(NIB)
        await type_text(pilot, VISITOR["nama"])
        await pilot.press("tab")
        await type_text(pilot, VISITOR["nik"])
        await pilot.press("tab")
        await type_text(pilot, "081234567890")
        await pilot.press("tab")
        await type_text(pilot, "Keripik Ani")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, SelectionList)  # the kelengkapan typed in the editor
        await pilot.press("space", "down", "space")  # KTP and NPWP received
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen)
        opened = app.store.events(app.screen.code)[0]
        assert opened["data"]["sop_id"] == NIB and opened["data"]["sop_versi"] == 2


async def test_change_a_waktu_and_the_running_case_keeps_its_version(paths) -> None:
    clock = Clock()
    app = make_app(paths, clock, officer=as_supervisor())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        running = desk_of(app).open_case(KONSULTASI, VISITOR, ["Form konsultasi bisnis"], [])
        editor = await open_editor(app, pilot, "konsultasi bisnis")
        assert editor.sop.id == KONSULTASI
        await fill(pilot, editor, "#step-waktu", "1 jam")  # step 1 is shown first
        assert "1 jam kerja" in text_of(editor, "#step-waktu-reading")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.catalog.get(KONSULTASI).versi == 2
        clock.advance(minutes=20)
        view = desk_of(app).fold(app.store.events(running.code))
        # timed against the 15 menit it began with
        assert view.sop is not None and view.sop.versi == 1
        assert view.timing.steps[0][1].level.value == "lewat"
        fresh = desk_of(app).open_case(KONSULTASI, VISITOR, ["Form konsultasi bisnis"], [])
        assert fresh.sop is not None and fresh.sop.versi == 2
        assert fresh.timing.steps[0][1].level.value == "dalam"


async def test_half_filled_form_names_problems_and_keeps_what_was_typed(paths) -> None:
    app = make_app(paths, Clock(), officer=as_supervisor())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        editor = await open_editor(app, pilot, "pirt")
        await press_button(pilot, editor, "#step-add")
        await type_text(pilot, "Menerima berkas PIRT")
        await fill(pilot, editor, "#step-pelaksana", "Petugas Tidak Ada")
        await fill(pilot, editor, "#step-waktu", "sebentar")
        assert "\u26a0" in text_of(editor, "#step-waktu-reading")
        # a second step: the first keeps every typed word
        await press_button(pilot, editor, "#step-add")
        assert editor.query_one("#step-kegiatan", Input).value == ""
        olist = editor.query_one("#step-list", OptionList)
        assert "Menerima berkas PIRT" in str(olist.get_option_at_index(0).prompt)
        olist.focus()
        await pilot.press("up")  # back to step 1 in the list
        await pilot.pause()
        assert editor.query_one("#step-kegiatan", Input).value == "Menerima berkas PIRT"
        assert editor.query_one("#step-waktu", Input).value == "sebentar"
        await press_button(pilot, editor, "#step-down")  # reorder: it becomes the second
        assert [s.kegiatan for s in editor.form.steps] == ["", "Menerima berkas PIRT"]
        assert [s.no for s in editor.form.steps] == ["1", "2"]
        assert editor.query_one("#step-kegiatan", Input).value == "Menerima berkas PIRT"
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = text_of(editor, "#messages")
        assert "'Petugas Tidak Ada' tidak ada di daftar pelaksana" in messages
        assert "'sebentar' tidak dapat dibaca" in messages
        assert "kegiatan: belum diisi" in messages
        konsep = paths.sop_dir / "konsep" / "pct-13-pirt.toml"
        assert "Menerima berkas PIRT" in konsep.read_text(encoding="utf-8")
        assert not (paths.sop_dir / "pct-13-pirt.toml").exists()
        assert load_catalog([paths.sop_dir]).errors == []
