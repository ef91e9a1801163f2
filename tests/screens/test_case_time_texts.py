"""The case's time on screen matches its verdict: steps without mutu baku are shown apart."""

from datetime import datetime, timedelta

from counter.config import default_profile
from counter.desk import Desk
from counter.sop import load_catalog
from screens.widgets.case_story import case_time_text
from screens.widgets.timing import elapsed_text
from store import open_store
from tests.sessions import petugas


def test_nik_case_time_leaves_the_applicants_form_apart(tmp_path):
    profile = default_profile()
    now = [datetime(2026, 11, 25, 9, 0, tzinfo=profile.tz)]
    desk = Desk(open_store(tmp_path / "s", profile.tz), load_catalog(), profile,
                officer=petugas(), now=lambda: now[0])
    code = desk.open_case("pct-01-sertifikat-nik", {"nama": "Koperasi Maju"}).code
    for minutes in (5, 10, 60):  # steps 1, 2 and 3 (N/A: the koperasi fills the form)
        now[0] += timedelta(minutes=minutes)
        desk.complete_step(code)
    now[0] += timedelta(minutes=5)
    view = desk.view(code)
    text = case_time_text(view)
    assert text.startswith("20 menit dari 55 menit")
    assert "dalam batas" in text and "1 jam di langkah tanpa mutu baku" in text
    assert elapsed_text(view.timing) == "20:00 / 55:00"
