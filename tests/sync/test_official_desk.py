"""The official's desk (meja pejabat): a scan records "diterima" only by a role it serves."""

from __future__ import annotations

from datetime import datetime, timedelta

from counter.case import Status
from counter.config import PusatSettings, default_profile
from counter.demo import MemoryRepo
from counter.desk import Desk
from counter.sop import load_catalog
from tests.sessions import petugas
from tests.sync.helpers import T0

KONSULTASI = "pct-07-konsultasi-bisnis"


class Clock:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> datetime:
        self.at += timedelta(minutes=3)
        return self.at


def desks(in_office: bool = True):
    repo, catalog, clock = MemoryRepo(), load_catalog(), Clock()
    pusat = PusatSettings(dsn="postgresql://x@/y" if in_office else "", kantor="pacitan")
    counter = Desk(repo, catalog, default_profile().with_changes(desk=1, pusat=pusat),
                   officer=petugas(), now=clock)
    koor = Desk(repo, catalog, default_profile().with_changes(
        desk=5, pusat=PusatSettings(dsn=pusat.dsn, kantor="pacitan", nama_meja="Koor",
                                    peran=("Koor",))), officer=petugas("Pak Koor"), now=clock)
    view = counter.open_case(KONSULTASI, {"nama": "Wati"}, received=["Form konsultasi bisnis"])
    for _ in range(4):
        view = counter.complete_step(view.code, output="ok")
    assert view.state.status is Status.MENUNGGU_PELAKSANA and view.state.holder_role == "koor"
    return counter, koor, view.code


def test_the_counter_rescanning_its_slip_does_not_receive_for_the_koor():
    counter, koor, code = desks()
    result = counter.scan(code)
    assert not result.received and result.elsewhere == "Koor"
    assert counter.view(code).state.status is Status.MENUNGGU_PELAKSANA
    assert [v.code for v in koor.files_for_me()] == [code]  # on its way to the Koor


def test_the_koor_desk_receives_then_approves_and_the_file_goes_back_to_the_counter():
    _, koor, code = desks()
    result = koor.scan(code)
    assert result.received
    state = koor.view(code).state
    assert state.status is Status.BERJALAN and state.holder_role == "koor"
    assert [e for e in state.events if e["type"] == "received"][-1]["desk"] == 5
    assert [v.code for v in koor.files_for_me()] == [code]  # with it now
    after = koor.complete_step(code, output="setuju")  # setuju
    assert after.state.holder_role != "koor"
    assert koor.files_for_me() == []


def test_a_lone_desk_still_receives_for_everyone():
    counter, _, code = desks(in_office=False)
    assert counter.scan(code).received


def test_the_counter_sees_which_official_holds_a_received_file_and_the_official_where_it_goes():
    """Walkthrough finding: the counter's work list said only '5/6' for a file on the
    Koor's table, and the Koor's runner said the next step happened 'di loket ini'."""
    from counter.texts import ui as TU
    from screens.home import _with_holder
    from screens.widgets.step_texts import after_text

    counter, koor, code = desks()
    koor.scan(code)
    on_counter = counter.view(code)
    assert _with_holder(counter, "5/6", on_counter) == "5/6 · di Koor"
    assert _with_holder(koor, "5/6", koor.view(code)) == "5/6"  # its own file
    assert after_text(koor.view(code), koor) == TU.RUN_AFTER_BACK.format(n=7, role="Konsultan")
    assert "di loket ini" not in after_text(koor.view(code), koor)
    back = koor.complete_step(code, output="setuju")
    assert _with_holder(counter, "7 (6/6)", back) == "7 (6/6)"  # back at a counter role
