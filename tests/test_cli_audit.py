"""`loket audit`: only a supervisor lists the sensitive acts; NIKs stay masked."""

from datetime import datetime

from counter.accounts.pin import hash_pin
from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.config import Officer, default_profile, save_profile
from counter.desk import Desk
from counter.sop import load_catalog
from screens.cli import main
from store import open_store
from tests.sessions import supervisor
from tests.terminal import run_in_terminal

NIK = "3501014507950003"


def _office(paths) -> str:
    profile = default_profile().with_changes(officers=(
        Officer("Siti Aminah", pin_hash=hash_pin("2468")),
        Officer("Bu Rahma", roles=(PETUGAS, SUPERVISOR), pin_hash=hash_pin("1357"))))
    save_profile(paths, profile)
    desk = Desk(open_store(paths.store_dir, profile.tz), load_catalog(), profile,
                officer="Siti Aminah", now=lambda: datetime.now(profile.tz))
    code = desk.open_case("pct-07-konsultasi-bisnis", {"nama": "Ani", "nik": NIK}).code
    desk.reveal_nik(code, "riwayat kasus")
    desk.acting_as(supervisor("Bu Rahma")).close(code, "dibatalkan", f"NIK {NIK} ganda")
    return code


def test_a_petugas_is_refused_and_a_supervisor_sees_the_acts(paths, capsys):
    _office(paths)
    assert main(["audit"]) == 1  # no terminal: refused, nothing listed
    assert "terminal" in capsys.readouterr().err
    rc, shown = run_in_terminal(["audit"], [("Petugas (nomor", "Siti Aminah"),
                                            ("PIN:", "2468")] * 3)
    assert rc == 1 and "bukan supervisor" in shown and "dibatalkan" not in shown
    rc, shown = run_in_terminal(["audit", "--petugas", "bu rahma"],
                                [("Petugas (nomor", "1"), ("PIN:", "1357")])
    assert rc == 0, shown
    assert "kasus dibatalkan" in shown and "Bu Rahma" in shown
    assert "NIK dibuka" not in shown  # Siti's reveal: another officer, filtered out
    assert NIK not in shown and "3501********0003" in shown
