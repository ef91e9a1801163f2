"""`loket cetak`: reprint or save a case's documents; the printed barcode brings the case back."""

from datetime import datetime
from pathlib import Path

import pytest

from counter.accounts.pin import hash_pin
from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.case import PRINTED
from counter.config import Officer, default_profile, save_profile
from counter.desk import Desk
from counter.sop import load_catalog
from screens.cli import main
from store import open_store
from tests.pdf_scan import flat_text, scan_pdf
from tests.terminal import run_in_terminal

ACCOUNTS = (Officer("Siti Aminah", "Petugas Loket", pin_hash=hash_pin("2468")),
            Officer("Bu Rahma", "Koordinator", roles=(PETUGAS, SUPERVISOR),
                    pin_hash=hash_pin("1357")))


@pytest.fixture
def case_code(paths):
    profile = default_profile().with_changes(printer="printer-yang-tidak-ada",
                                             officers=ACCOUNTS)
    save_profile(paths, profile)
    desk = Desk(open_store(paths.store_dir, profile.tz), load_catalog(), profile,
                officer="Siti Aminah",
                now=lambda: datetime(2026, 11, 25, 9, 30, tzinfo=profile.tz))
    view = desk.open_case("pct-07-konsultasi-bisnis",
                          {"nama": "Ani Wulandari", "nik": "3501014507950003"},
                          received=["Form konsultasi bisnis"])
    return view.code


@pytest.mark.parametrize("paper", ["80mm", "58mm", "a5"])
def test_saved_pdf_scans_back_to_the_case(case_code, paths, tmp_path, paper, capsys):
    out = tmp_path / f"tt-{paper}.pdf"
    assert main(["cetak", case_code, "--kertas", paper, "-o", str(out)]) == 0
    pdf = out.read_bytes()
    assert scan_pdf(pdf) == [case_code]
    text = flat_text(pdf)
    assert "3501********0003" in text and "3501014507950003" not in text
    assert "Siti Aminah" in text  # who received the file, not whoever reprints it
    # the scanned text opens the case again
    desk = Desk(open_store(paths.store_dir, default_profile().tz), load_catalog(),
                default_profile())
    assert desk.scan(scan_pdf(pdf)[0]).view.state.visitor.nama == "Ani Wulandari"
    # saving a copy is not a print: nothing is recorded as issued
    events = open_store(paths.store_dir, default_profile().tz).events(case_code)
    assert not [e for e in events if e["type"] == PRINTED]


def test_failed_print_keeps_the_pdf_and_is_recorded_as_not_issued(case_code, paths):
    human = f"{case_code[:6]}-{case_code[6:8]}-{case_code[8:11]}-{case_code[11]}"
    rc, shown = run_in_terminal(["cetak", human, "--jenis", "tanda-terima"],
                                [("Petugas (nomor", "1"), ("PIN:", "2468")])
    assert rc == 1, shown
    assert "printer-yang-tidak-ada" in shown and "2468" not in shown  # typed without echo
    [event] = [e for e in open_store(paths.store_dir, default_profile().tz).events(case_code)
               if e["type"] == PRINTED]
    assert event["data"]["ok"] is False and event["data"]["doc"] == "tanda-terima"
    assert event["officer"] == "Siti Aminah"  # the officer signed in, not a default
    saved = event["data"]["pdf"]
    assert saved.startswith(str(paths.pdf_dir)) and scan_pdf(Path(saved).read_bytes())


def test_unknown_and_mistyped_codes(case_code, capsys):
    wrong = case_code[:-1] + str((int(case_code[-1]) + 1) % 10)
    assert main(["cetak", wrong]) == 1
    assert "Traceback" not in capsys.readouterr().err
    from counter.codes import make_code

    unknown = make_code(datetime(2026, 11, 24).date(), 1, 5)
    assert main(["cetak", unknown]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_a_print_without_a_terminal_is_refused_and_records_nothing(case_code, paths, capsys):
    assert main(["cetak", case_code]) == 1
    err = capsys.readouterr().err
    assert "PIN" in err and "terminal" in err and "Traceback" not in err
    events = open_store(paths.store_dir, default_profile().tz).events(case_code)
    assert not [e for e in events if e["type"] == PRINTED]


def test_a_wrong_pin_prints_nothing_and_is_audited(case_code, paths):
    rc, shown = run_in_terminal(["cetak", case_code],
                                [("Petugas (nomor", "Siti Aminah"), ("PIN:", "9999"),
                                 ("Petugas (nomor", "1"), ("PIN:", "9998"),
                                 ("Petugas (nomor", "1"), ("PIN:", "9997")])
    assert rc == 1 and "PIN salah" in shown
    events = open_store(paths.store_dir, default_profile().tz).events(case_code)
    assert not [e for e in events if e["type"] == PRINTED]
    from store.audit_log import AuditLog

    failed = [r for r in AuditLog(paths.data_dir).records() if r.kind == "signin_failed"]
    assert [r.officer for r in failed] == ["Siti Aminah"] * 3
