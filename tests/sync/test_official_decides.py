"""The official's desk decides, and the counter takes the file back by a scan.

Two app instances on one real PostgreSQL: the Koor's *setuju* hands the file back to the
counter (a `handed_off` and a serah-terima slip, like any hand-off) and the counter's
scan records it received; the Koor's *tidak* (on a step that is no decision in the SOP)
returns it with a reason and a lembar pengembalian, and the counter receives that too.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from counter.case import Status
from counter.desk import Desk
from counter.sop import load_catalog
from screens.case_detail import CaseDetailScreen, timeline
from screens.home import HomeScreen
from screens.modals import ReturnModal
from screens.services import desk_of
from screens.step_runner import StepRunnerScreen
from tests.screens.app_fixtures import key, scan, type_text
from tests.sessions import petugas
from tests.sync.two_desks import complete_step, office, settle, until

KONSULTASI = "pct-07-konsultasi-bisnis"


def reached(app, code: str, check) -> bool:
    try:
        return check(desk_of(app).view(code).state)
    except Exception:
        return False


def handed_back(state) -> bool:
    last = [e for e in state.events if e["type"] == "handed_off"]
    return bool(last) and last[-1]["desk"] == 5


def keys_shown(app) -> set[str]:
    """The footer's keys of `app`'s screen, asked as that app (two apps share this
    process: a widget finds its app through Textual's active-app context)."""
    from textual._context import active_app

    token = active_app.set(app)
    try:
        return {b.binding.description for b in app.screen.active_bindings.values()
                if b.binding.show}
    finally:
        active_app.reset(token)


async def printed(app, pilot, code: str) -> str:
    """The document the desk's print worker recorded last for the case."""
    assert await until(pilot, lambda: reached(app, code, lambda s: bool(s.prints)))
    return str(desk_of(app).view(code).state.prints[-1].doc)


async def koor_receives(koor, kp, code: str) -> None:
    assert await until(kp, lambda: reached(koor, code, lambda s: s.holder_role == "koor"))
    await settle(koor, kp)
    await scan(kp, code)
    await settle(koor, kp)
    assert isinstance(koor.screen, StepRunnerScreen)
    assert desk_of(koor).view(code).state.status is Status.BERJALAN


async def counter_receives(counter, cp, code: str) -> None:
    """The hand-back reaches the counter, whose scan records the file received there."""
    assert await until(cp, lambda: reached(counter, code, handed_back), 20), \
        "the hand-back never reached the counter"
    await settle(counter, cp)
    await scan(cp, code)
    await settle(counter, cp)
    state = desk_of(counter).view(code).state
    assert state.status is Status.BERJALAN
    assert state.events[-1]["type"] == "received" and state.events[-1]["desk"] == 1
    assert isinstance(counter.screen, StepRunnerScreen)


async def test_setuju_hands_the_file_back_and_the_counter_receives_it_by_scan(
        tmp_path: Path, pg_dsn: str):
    counter, koor, code = office(tmp_path, pg_dsn)
    async with counter.run_test(size=(100, 30)) as cp, koor.run_test(size=(80, 24)) as kp:
        await settle(counter, cp)
        await koor_receives(koor, kp, code)
        await complete_step(kp, koor)  # setuju
        assert isinstance(koor.screen, HomeScreen)  # the file left the Koor's table
        after = desk_of(koor).view(code)
        assert after.state.status is Status.MENUNGGU_PELAKSANA
        assert after.state.holder_role == "konsultan" and after.state.current_step == 7
        assert handed_back(after.state)
        # the hand-back slip, like any hand-off
        assert await printed(koor, kp, code) == "serah-terima"
        assert desk_of(koor).files_for_me() == []
        await counter_receives(counter, cp, code)
        assert desk_of(counter).view(code).state.current_step == 7
        assert "Selesai" in keys_shown(counter) and "Setuju" not in keys_shown(counter), (
            " | ".join(sorted(keys_shown(counter))))
        # the counter's history names the Koor's desk, not its number
        await key(cp, "d")
        assert isinstance(counter.screen, CaseDetailScreen)
        assert desk_of(counter).desk_names.get(5) == "Koor"  # learned from the server
        console = Console(width=100, record=True)
        console.print(timeline(counter.screen.view, desk_of(counter).desk_names))
        rows = [line for line in console.export_text().splitlines() if "Pak Koor" in line]
        assert rows and all(line.split("Pak Koor", 1)[1].split()[0] == "Koor"
                            for line in rows), rows


async def test_tidak_returns_the_file_with_a_reason_and_the_counter_receives_it(
        tmp_path: Path, pg_dsn: str):
    counter, koor, code = office(tmp_path, pg_dsn)
    async with counter.run_test(size=(100, 30)) as cp, koor.run_test(size=(80, 24)) as kp:
        await settle(counter, cp)
        await koor_receives(koor, kp, code)
        shown = keys_shown(koor)  # the official decides: setuju / tidak
        assert {"Setuju", "Tidak"} <= shown and not {"Selesai", "Kembalikan"} & shown
        await key(kp, "k")  # tidak: step 5 is no decision in the SOP, yet the Koor may refuse
        assert isinstance(koor.screen, ReturnModal)
        labels = [label for _, label in koor.screen.targets]
        assert labels == ["Kembali ke Konsultan (langkah 4)",
                          "Kembali ke UMKM lewat loket (langkah 1)"]
        await type_text(kp, "Notulen belum ditandatangani")
        await key(kp, "enter")
        await settle(koor, kp)
        assert isinstance(koor.screen, HomeScreen)
        after = desk_of(koor).view(code).state
        returned = [e for e in after.events if e["type"] == "step_returned"][-1]
        assert returned["data"]["reason"] == "Notulen belum ditandatangani"
        assert returned["desk"] == 5 and after.current_step == 4
        assert after.holder_role == "konsultan" and handed_back(after)
        assert await printed(koor, kp, code) == "pengembalian"
        await counter_receives(counter, cp, code)
        assert desk_of(counter).view(code).state.current_step == 4


def counts(app) -> str:
    from textual.widgets import Static

    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    return str(home.query_one("#counts", Static).render())


def header(app) -> str:
    from screens.widgets.header import LoketHeader

    return str(app.screen.query_one(LoketHeader).render())


async def test_the_dashboard_says_whose_figures_it_shows(tmp_path: Path, pg_dsn: str):
    """On a desk in an office "Hari ini" is the office's (as in the daily log), said so,
    with this desk's own share beneath: a counter's cases opened here, an official's
    files on its table and on their way to it."""
    counter, koor, code = office(tmp_path, pg_dsn)
    other = Desk(counter.store, load_catalog(), counter.profile.with_changes(desk=2),
                 officer=petugas("Budi"), now=counter.now)  # a walk-in at loket 2
    other.open_case(KONSULTASI, {"nama": "Joko"}, received=["Form konsultasi bisnis"])
    async with counter.run_test(size=(80, 24)) as cp, koor.run_test(size=(80, 24)) as kp:
        await settle(counter, cp)
        office_line = "Hari ini (kantor): 2 dibuka · 0 selesai · 1 berjalan · 1 menunggu · 0 lewat"
        assert await until(cp, lambda: counts(counter).splitlines()[:1] == [office_line]), \
            counts(counter)
        assert counts(counter).splitlines()[1] == "Loket ini hari ini: 1 dibuka · 0 selesai"
        assert "Loket 1" in header(counter)
        # the Koor's desk: the same office figures, and its own files
        assert await until(kp, lambda: counts(koor).splitlines()[:1] == [office_line]), \
            counts(koor)
        assert counts(koor).splitlines()[1] == (
            "Meja ini: 0 berkas di meja · 1 dalam perjalanan · 0 lewat")
        assert "Meja Koor" in header(koor) and "Loket 5" not in header(koor)
        await koor_receives(koor, kp, code)
        await key(kp, "escape")
        await settle(koor, kp)
        assert counts(koor).splitlines()[1] == (
            "Meja ini: 1 berkas di meja · 0 dalam perjalanan · 0 lewat")
