"""Start of day: a fresh machine walks through setup; then the officer and desk are picked."""

from __future__ import annotations

import re

from textual.widgets import Input, OptionList, Static

from counter.config import load_profile
from screens.first_supervisor import FirstSupervisorScreen
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.services import desk_of
from screens.setup import SetupScreen
from screens.signin import SignInScreen
from screens.widgets.scan_buffer import ScanBuffer
from tests.screens.app_fixtures import Clock, make_app, make_profile, sign_in, type_text


async def test_first_run_setup_saves_profile_and_opens_dashboard(paths):
    assert load_profile(paths) is None
    clock = Clock()
    from counter.sop import load_catalog
    from screens.app import LoketApp
    from store import open_store
    from tests.screens.app_fixtures import WIB

    app = LoketApp(paths, None, load_catalog(), open_store(paths.store_dir, WIB), now=clock,
                   scan_gap=0.02)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        # nothing generic is prefilled: what is typed is the office's name
        assert app.screen.query_one("#instansi", Input).value == ""
        await type_text(pilot, "Dinas Koperasi Kota Uji")
        await pilot.press("enter", "enter")  # no unit
        await type_text(pilot, "Jl. Merdeka 5")
        await pilot.press("enter", "enter")  # no telephone
        desk = app.screen.query_one("#desk", Input)
        desk.value = ""
        await type_text(pilot, "3")
        await pilot.press("enter")
        # the officers are required
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "wajib" in str(app.screen.query_one("#setup-error", Static).content)
        await type_text(pilot, "Rina, Sari")
        await pilot.press("enter")
        await pilot.pause()
        saved = load_profile(paths)
        assert saved is not None
        assert saved.instansi == "Dinas Koperasi Kota Uji" and saved.desk == 3
        assert saved.alamat == "Jl. Merdeka 5" and saved.unit == ""
        assert [o.nama for o in saved.officers] == ["Rina", "Sari"]

        # the first run makes the first supervisor (Rina here), with a PIN typed twice
        assert isinstance(app.screen, FirstSupervisorScreen)
        assert app.screen.query_one("#nama", Input).value == "Rina"
        for field, value in (("jabatan", "Koordinator"), ("pin", "4826"), ("pin2", "4827")):
            app.screen.query_one(f"#{field}", Input).focus()
            await type_text(pilot, value)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FirstSupervisorScreen)  # the PINs differ
        assert "tidak sama" in str(app.screen.query_one("#signin-error", Static).content)
        for field in ("pin", "pin2"):
            app.screen.query_one(f"#{field}", Input).focus()
            await type_text(pilot, "4826")
        await pilot.press("enter")
        await pilot.pause()
        saved = load_profile(paths)
        boss = saved.officers[0]
        assert boss.nama == "Rina" and "supervisor" in boss.roles and boss.pin_hash
        # the PIN is nowhere in the file but inside its hash (whose hex may hold any digits)
        unhashed = re.sub(rb'pin_hash = "[^"]*"', b"", paths.config_file.read_bytes())
        assert b"pin_hash" in paths.config_file.read_bytes() and b"4826" not in unhashed

        assert isinstance(app.screen, SignInScreen)
        accounts = app.screen.query_one("#accounts", OptionList)
        assert accounts.option_count == 2  # no "Petugas lain…": only accounts sign in
        # Sari has no PIN yet: she cannot sign in until a supervisor sets one
        await sign_in(pilot, "Sari", "1111")
        assert isinstance(app.screen, SignInScreen)
        assert "belum punya PIN" in str(app.screen.query_one("#signin-error", Static).content)
        await sign_in(pilot, "Rina", "4826")
        assert isinstance(app.screen, HomeScreen)
        assert app.officer == "Rina" and app.desk_no == 3
        header = str(app.screen.query_one("LoketHeader", Static).content)
        assert "Rina" in header and "Loket 3" in header
        assert "Rabu, 25 November 2026" in header


async def test_help_lists_global_and_screen_keys(paths):
    app = make_app(paths, Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.content) for s in app.screen.query(Static))
        for word in ("F2", "Kasus baru", "F5", "Pindai", "Ctrl+Q", "Keluar"):
            assert word in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_scan_buffer_tells_burst_from_typing():
    buf = ScanBuffer(gap=0.04, min_scan=8)
    t = 100.0
    for i, ch in enumerate("261125010015"):
        d = buf.feed(ch, ch, ch, t + i * 0.005)
        assert d.hold and not d.replay
    d = buf.feed("enter", "enter", "\r", t + 0.07)
    assert d.scan == "261125010015"

    # a person: 150 ms between keys, each key is let through before the next
    buf = ScanBuffer(gap=0.04, min_scan=8)
    released = []
    for i, ch in enumerate("0812345678"):
        d = buf.feed(ch, ch, ch, t + i * 0.15)
        released += d.replay
    d = buf.feed("enter", "enter", "\r", t + 10 * 0.15)
    assert d.scan is None
    assert released + d.replay == list("0812345678")

    # a garbage barcode with spaces is one burst; it never reaches the field
    buf = ScanBuffer(gap=0.04, min_scan=8)
    for i, ch in enumerate("hello world"):
        d = buf.feed(ch, "space" if ch == " " else ch, ch, t + i * 0.001, in_input=True)
        assert d.hold
    d = buf.feed("enter", "enter", "\r", t + 0.02, in_input=True)
    assert d.scan == "hello world" and not d.replay

    # a short burst + Enter: a scan on a list (never the list's Enter), typing in a field
    for in_input, scanned in ((False, "abc"), (True, None)):
        buf = ScanBuffer(gap=0.04, min_scan=8)
        for i, ch in enumerate("abc"):
            buf.feed(ch, ch, ch, t + i * 0.001, in_input=in_input)
        d = buf.feed("enter", "enter", "\r", t + 0.005, in_input=in_input)
        assert d.scan == scanned

    # a space on its own ticks a checklist at once
    buf = ScanBuffer(gap=0.04, min_scan=8)
    d = buf.feed(" ", "space", " ", t)
    assert not d.hold and not d.replay


async def test_an_office_from_before_accounts_makes_its_supervisor_first(paths):
    """A profile with officers but no PINs (an office upgrading): the first start asks
    for the supervisor before anyone can sign in."""
    from counter.config import Officer

    profile = make_profile().with_changes(officers=(Officer("Wulan Sari", "Kasi"),))
    app = make_app(paths, Clock(), profile=profile, officer=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstSupervisorScreen)
        for field in ("pin", "pin2"):
            app.screen.query_one(f"#{field}", Input).focus()
            await type_text(pilot, "55667788")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        await sign_in(pilot, "Wulan Sari", "55667788")
        assert isinstance(app.screen, HomeScreen)
        session = desk_of(app).session
        assert session is not None and session.nama == "Wulan Sari" and session.is_supervisor


async def test_a_broken_office_sop_is_a_notice_not_a_crash(paths):
    """The app starts on the rest of the catalog and says what was skipped."""
    from pathlib import Path

    from counter.sop import load_catalog
    from screens.app import LoketApp
    from store import open_store
    from tests.screens.app_fixtures import WIB, make_profile

    fixture = (Path(__file__).parents[1] / "fixtures" / "sop_valid.toml").read_text()
    paths.sop_dir.mkdir(parents=True)
    (paths.sop_dir / "rusak.toml").write_text(fixture.replace("no = 4", "no = 100000000"))
    (paths.sop_dir / "a.toml").write_text(fixture)
    (paths.sop_dir / "b.toml").write_text(fixture)
    catalog = load_catalog([paths.sop_dir])
    app = LoketApp(paths, make_profile(), catalog, open_store(paths.store_dir, WIB),
                   now=Clock(), officer="Rina", scan_gap=0.02)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        notes = [str(n.message) for n in app._notifications]
        assert any("1 berkas SOP kantor dilewati" in n for n in notes), notes
        assert any("1 peringatan" in n for n in notes), notes
        assert "uji-konsultasi" in [s.id for s in app.catalog.all()]
