"""A supervisor accepts a known chain break (a backup restored, an admitted repair):
`loket periksa --terima HARI --alasan …` signs the supervisor in on the terminal,
records the acceptance in the office audit; `loket periksa` then shows the day as
accepted, not as a fresh break; a new break on that day is reported again."""

from __future__ import annotations

import pytest

from counter.accounts.pin import hash_pin
from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.config import Officer, resolve_paths, save_profile
from screens.cli import main
from store.audit_log import AuditLog
from tests.chain.kit import DAY1, DAY2, PROFILE, day_path, events_of, load, make_store, save
from tests.terminal import run_in_terminal


def _periksa(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["periksa"])
    out = capsys.readouterr()
    return code, out.out + out.err


def _edit(store, code: str, index: int, text: str) -> None:
    path = day_path(store, DAY2)
    data = load(path)
    _doc, ev = [e for e in events_of(data, code) if e[1]["type"] == "note"][index]
    ev["data"]["text"] = text
    save(path, data)


def _accept(*answers: tuple[str, str], reason: str = "cadangan dipulihkan") -> tuple[int, str]:
    return run_in_terminal(["periksa", "--terima", DAY2.isoformat(), "--alasan", reason],
                           list(answers))


def test_a_supervisor_accepts_a_known_break_and_a_new_one_is_still_reported(capsys):
    paths = resolve_paths()
    save_profile(paths, PROFILE.with_changes(officers=(
        Officer("Siti Aminah", pin_hash=hash_pin("2468")),
        Officer("Bu Rahma", roles=(PETUGAS, SUPERVISOR), pin_hash=hash_pin("1357")))))
    store, _desk, _clock, codes = make_store()
    _edit(store, codes[DAY2][2], 0, "dipulihkan dari cadangan lama")
    code, out = _periksa(capsys)
    assert code == 1 and DAY2.isoformat() in out
    # a petugas may not accept: refused, nothing recorded
    rc, shown = _accept(*[("Petugas (nomor", "Siti Aminah"), ("PIN:", "2468")] * 3)
    assert rc == 1 and "bukan supervisor" in shown, shown
    assert not [r for r in AuditLog(paths.data_dir).records()
                if r.kind == "chain_break_accepted"]
    # no reason: refused before any PIN is asked
    assert main(["periksa", "--terima", DAY2.isoformat()]) == 1
    assert "--alasan" in capsys.readouterr().err
    rc, shown = _accept(("Petugas (nomor", "Bu Rahma"), ("PIN:", "1357"))
    assert rc == 0 and "diterima oleh Bu Rahma" in shown, shown
    [record] = [r for r in AuditLog(paths.data_dir).records()
                if r.kind == "chain_break_accepted"]
    assert record.officer == "Bu Rahma" and record.detail == "cadangan dipulihkan"
    assert record.subject.startswith(DAY2.isoformat())
    code, out = _periksa(capsys)
    assert code == 0, out
    assert f"berkas hari {DAY2.isoformat()}: putus rantai sudah diterima oleh Bu Rahma" in out
    # the auditor sees the acceptance in the listing
    rc, shown = run_in_terminal(["audit", "--dari", "2026-01-01"],
                                [("Petugas (nomor", "Bu Rahma"), ("PIN:", "1357")])
    assert rc == 0 and "putus rantai diterima supervisor" in shown, shown
    # another edit on that day later: a fresh break, reported again
    _edit(store, codes[DAY2][0], 0, "diubah lagi")
    code, out = _periksa(capsys)
    assert code == 1 and "sudah diterima" not in out, out
    # a whole day: nothing to accept
    rc, shown = run_in_terminal(["periksa", "--terima", DAY1.isoformat(), "--alasan", "x"],
                                [("Petugas (nomor", "Bu Rahma"), ("PIN:", "1357")])
    assert "utuh: tidak ada putus" in shown, shown
