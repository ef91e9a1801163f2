"""The step runner offers a decision's forward branch (j): "langsung ke langkah 4"."""

from __future__ import annotations

from counter.sop import load_catalog
from screens.app import LoketApp
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from store import open_store
from tests.counter.test_case_jump import SOP
from tests.screens.app_fixtures import GAP, OFFICER, Clock, key, make_profile


async def test_j_jumps_forward_and_is_hidden_where_the_step_has_no_branch(paths) -> None:
    paths.sop_dir.mkdir(parents=True)
    (paths.sop_dir / "uji.toml").write_text(SOP, encoding="utf-8")
    profile = make_profile()
    app = LoketApp(paths, profile, load_catalog([paths.sop_dir]),
                   open_store(paths.store_dir, profile.tz), now=Clock(), officer=OFFICER,
                   scan_gap=GAP)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case("uji-lompat", {"nama": "Ani"})
        app.show_case(view.code)
        await pilot.pause()
        assert isinstance(app.screen, StepRunnerScreen)
        assert app.screen.check_action("jump", ()) is False  # step 1 has no branch
        desk_of(app).complete_step(view.code)
        app.show_case(view.code)
        await pilot.pause()
        assert app.screen.check_action("jump", ()) is True
        await key(pilot, "j")
        await pilot.pause()
        state = desk_of(app).view(view.code).state
        assert state.current_step == 4
        assert any("langsung ke langkah 4" in n.message for n in app._notifications)


TWO_BRANCHES = SOP.replace(
    'syarat = "jika lengkap"\nke_langkah = 4\n',
    'syarat = "jika lengkap"\nke_langkah = 4\n'
    '[[langkah.lanjut]]\nsyarat = "jika hanya perlu persetujuan"\nke_langkah = 5\n', 1)


async def test_j_with_several_branches_lets_the_officer_choose(paths) -> None:
    from screens.jump_choice import JumpModal

    assert TWO_BRANCHES != SOP
    paths.sop_dir.mkdir(parents=True)
    (paths.sop_dir / "uji.toml").write_text(TWO_BRANCHES, encoding="utf-8")
    profile = make_profile()
    app = LoketApp(paths, profile, load_catalog([paths.sop_dir]),
                   open_store(paths.store_dir, profile.tz), now=Clock(), officer=OFFICER,
                   scan_gap=GAP)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = desk_of(app).open_case("uji-lompat", {"nama": "Ani"})
        desk_of(app).complete_step(view.code)
        app.show_case(view.code)
        await pilot.pause()
        await key(pilot, "j")
        await pilot.pause()
        assert isinstance(app.screen, JumpModal)
        assert [b.ke_langkah for b in app.screen.branches] == [4, 5]
        await pilot.press("escape")  # changing one's mind records nothing
        await pilot.pause()
        assert desk_of(app).view(view.code).state.current_step == 2
        await key(pilot, "j")
        await pilot.pause()
        await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert desk_of(app).view(view.code).state.current_step == 5
        assert any("langsung ke langkah 5" in n.message for n in app._notifications)
