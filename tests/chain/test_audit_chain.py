"""The office audit log is chained like the day files: an edited, deleted, inserted
or reordered line (also across month files) is named by `loket periksa` with file and
line; lines from before the chain are accepted; appends carry on the chain."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter.audit.records import ACCOUNT_ADDED, SIGNIN_FAILED, SIGNIN_OK, OfficeRecord
from counter.config import resolve_paths
from screens.cli import main
from store.audit_log import AuditLog

WIB = ZoneInfo("Asia/Jakarta")
START = datetime(2026, 11, 28, 8, 0, tzinfo=WIB)  # three days before a new month


def _records(n: int, start: datetime = START) -> list[OfficeRecord]:
    kinds = (SIGNIN_OK, SIGNIN_FAILED, ACCOUNT_ADDED)
    return [OfficeRecord(at=start + timedelta(days=i), kind=kinds[i % 3],
                         officer=f"Petugas {i}", desk=1, subject="", detail=f"#{i}")
            for i in range(n)]


def _log() -> AuditLog:
    return AuditLog(resolve_paths().data_dir)


def _periksa(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["periksa"])
    out = capsys.readouterr()
    return code, out.out + out.err


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _made() -> tuple[AuditLog, Path, Path]:
    log = _log()
    for r in _records(6):  # one append each, as the app does: Nov 28..30, Dec 1..3
        log.append([r])
    nov, dec = log.months()
    return log, nov, dec


def test_an_untouched_audit_log_verifies_across_months(capsys) -> None:
    log, nov, dec = _made()
    assert [len(_lines(p)) for p in (nov, dec)] == [3, 3]
    assert all("h" in json.loads(line) for line in _lines(nov) + _lines(dec))
    check = log.check()
    assert check.ok and check.lines == 6 and check.files == 2
    code, out = _periksa(capsys)
    assert code == 0 and "Log audit kantor: 6 catatan di 2 berkas utuh" in out, out
    # the records still read as before (the hash is no field of a record)
    assert [r.detail for r in log.records()] == [f"#{i}" for i in range(6)]


@pytest.mark.parametrize("tamper, file, line", [
    ("edit", "nov", 2),  # a failed sign-in made to look like a good one
    ("delete", "nov", 2),  # the line after the deleted one no longer follows
    ("insert", "dec", 2),  # a line slipped in (without a hash)
    ("reorder", "dec", 1),
    ("forged", "dec", 2),  # a line with a made-up hash
    ("month", "dec", 1),  # the last line of November removed: December breaks
])
def test_each_kind_of_tampering_is_named_by_file_and_line(capsys, tamper, file, line):
    _, nov, dec = _made()
    n, d = _lines(nov), _lines(dec)
    if tamper == "edit":
        doc = json.loads(n[1])
        doc["kind"] = SIGNIN_OK
        n[1] = json.dumps(doc, ensure_ascii=False)
    elif tamper == "delete":
        del n[1]
    elif tamper == "insert":
        fake = OfficeRecord(at=START + timedelta(days=3, hours=1), kind=SIGNIN_OK,
                            officer="Siapa Saja", desk=1)
        d.insert(1, json.dumps(fake.to_json()))
    elif tamper == "reorder":
        d[0], d[1] = d[1], d[0]
    elif tamper == "forged":
        doc = json.loads(d[1])
        doc["officer"], doc["h"] = "Orang Lain", "0" * 32
        d[1] = json.dumps(doc)
    elif tamper == "month":
        n = n[:-1]
    _write(nov, n)
    _write(dec, d)
    code, out = _periksa(capsys)
    path = nov if file == "nov" else dec
    assert code == 1, out
    assert f"{path}:{line}: log audit:" in out, out


def test_lines_from_before_the_chain_are_accepted_and_chained_on(capsys) -> None:
    log = _log()
    log.folder.mkdir(parents=True)
    old = log.folder / "2026-11.jsonl"
    _write(old, [json.dumps(r.to_json()) for r in _records(2)])  # written before the chain
    log.append(_records(1, START + timedelta(days=2)))
    check = log.check()
    assert check.ok and (check.lines, check.legacy) == (3, 2)
    code, out = _periksa(capsys)
    assert code == 0 and "2 catatan lama" in out, out
    # an old line edited afterwards is not detectable (it was never chained) but a
    # chained line's edit is
    lines = _lines(old)
    doc = json.loads(lines[2])
    doc["detail"] = "diubah"
    lines[2] = json.dumps(doc)
    _write(old, lines)
    code, out = _periksa(capsys)
    assert code == 1 and f"{old}:3:" in out


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_lines_cut_off_the_end_of_the_newest_month_are_found(capsys, cut) -> None:
    """The chain of what is left still verifies; the head ledger written after each
    append knows how many lines there were."""
    log, _, dec = _made()
    kept = _lines(dec)[:-cut]
    _write(dec, kept)
    assert [b.kind for b in log.check().breaks] == ["terpotong"]
    code, out = _periksa(capsys)
    assert code == 1, out
    assert f"{dec}:{len(kept) + 1}: log audit: berkas lebih pendek" in out, out


def test_a_month_file_the_ledger_knows_deleted_or_put_back_is_found(capsys) -> None:
    log, _, dec = _made()
    old_dec = _lines(dec)
    dec.unlink()
    code, out = _periksa(capsys)
    assert code == 1 and f"{dec}:0: log audit: berkas bulan ini" in out, out
    # an older copy put back, then one line written on it by hand with a good hash
    _write(dec, old_dec[:2])
    log2 = AuditLog(log.folder.parent)
    heads = (log.folder / "kepala.json").read_bytes()
    log2.append(_records(1, START + timedelta(days=5, hours=2)))
    (log.folder / "kepala.json").write_bytes(heads)  # the forger cannot hide the ledger
    assert [b.kind for b in log.check().breaks] == ["kepala_beda"]
    code, out = _periksa(capsys)
    assert code == 1 and f"{dec}:3: log audit: baris ini bukan lagi" in out, out


def test_a_lagging_or_missing_ledger_is_accepted_and_a_damaged_one_reported(capsys):
    log, _, dec = _made()
    heads = log.folder / "kepala.json"
    heads.unlink()  # lost (an install from before the ledger)
    assert log.check().ok
    log.append(_records(1, START + timedelta(days=6)))
    assert json.loads(heads.read_text())["files"] == {
        "2026-12.jsonl": [4, json.loads(_lines(dec)[-1])["h"]]}
    heads.write_text("{kaput", encoding="utf-8")
    code, out = _periksa(capsys)
    assert code == 1 and "kepala.json" in out and "tidak dapat dibaca" in out, out


def test_appending_after_a_cut_does_not_hide_it(capsys) -> None:
    log, _, dec = _made()
    _write(dec, _lines(dec)[:-2])
    for r in _records(3, START + timedelta(days=5, hours=1)):  # as many lines again and more
        log.append([r])
    assert "kepala_beda" in [b.kind for b in log.check().breaks]
    code, out = _periksa(capsys)
    assert code == 1 and f"{dec}:3: log audit: baris ini bukan lagi" in out, out
