"""Accounts: PIN hashes, sign-in, the growing delay and the lock a supervisor lifts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counter.accounts.gate import Gate
from counter.accounts.lockout import MAX_TRIES, delay_after
from counter.accounts.pin import PinError, hash_pin, verify_pin
from counter.accounts.roles import PETUGAS, SUPERVISOR, Act
from counter.accounts.signin import RoleError, Session, SignInError, require
from store.audit_log import AuditLog

WIB = ZoneInfo("Asia/Jakarta")


@dataclass(frozen=True)
class Acc:
    nama: str
    pin_hash: str
    roles: tuple[str, ...] = (PETUGAS,)
    jabatan: str = ""
    aktif: bool = True


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 11, 30, 8, 0, tzinfo=WIB)

    def __call__(self) -> datetime:
        return self.at


def test_same_pin_gives_different_hashes_and_both_verify() -> None:
    a, b = hash_pin("1234"), hash_pin("1234")
    assert a != b
    assert verify_pin("1234", a) and verify_pin("1234", b)
    assert not verify_pin("1235", a)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", "１２３４"])
def test_pin_form_is_four_to_eight_digits(pin: str) -> None:
    with pytest.raises(PinError) as err:
        hash_pin(pin)
    assert "angka" in str(err.value)


def _gate(tmp_path: Path, clock: Clock) -> tuple[Gate, AuditLog]:
    log = AuditLog(tmp_path)
    accounts = [Acc("Siti Aminah", hash_pin("2468")),
                Acc("Budi", hash_pin("1357"), roles=(SUPERVISOR,))]
    return Gate(accounts, log, 1, clock), log


def test_wrong_pins_delay_then_lock_until_a_supervisor_lifts(tmp_path: Path) -> None:
    clock = Clock()
    gate, _log = _gate(tmp_path, clock)
    for i in range(1, MAX_TRIES + 1):
        with pytest.raises(SignInError):
            gate.sign_in("Siti Aminah", "0000")
        if i < MAX_TRIES:
            assert gate.lock_of("Siti Aminah").wait_s(clock.at) == delay_after(i)
            if delay_after(i):  # trying during the delay is refused, even the right PIN
                with pytest.raises(SignInError, match="Tunggu"):
                    gate.sign_in("Siti Aminah", "2468")
            clock.at += timedelta(seconds=delay_after(i) + 1)
    assert gate.lock_of("Siti Aminah").locked
    # the lock survives a restart: a new gate over the same files still refuses
    gate2, _ = _gate(tmp_path, clock)
    gate2.accounts = gate.accounts
    with pytest.raises(SignInError, match="terkunci"):
        gate2.sign_in("Siti Aminah", "2468")
    with pytest.raises(RoleError):
        gate2.lift_lock(Session("Siti Aminah"), "Siti Aminah")
    boss = gate2.sign_in("Budi", "1357", supervisor=True)
    gate2.lift_lock(boss, "Siti Aminah")
    assert gate2.sign_in("Siti Aminah", "2468").nama == "Siti Aminah"


def test_growing_delay() -> None:
    delays = [delay_after(n) for n in range(1, MAX_TRIES)]
    assert delays[0] == 0 and delays == sorted(delays) and delays[-1] > delays[-2]


def test_supervisor_check_refuses_a_petugas(tmp_path: Path) -> None:
    gate, _ = _gate(tmp_path, Clock())
    with pytest.raises(SignInError, match="bukan supervisor"):
        gate.sign_in("Siti Aminah", "2468", supervisor=True)


def test_no_pin_in_the_audit_files(tmp_path: Path) -> None:
    clock = Clock()
    gate, log = _gate(tmp_path, clock)
    with pytest.raises(SignInError):
        gate.sign_in("Siti Aminah", "97531")
    gate.sign_in("Siti Aminah", "2468")
    data = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"Siti Aminah" in data
    assert b"97531" not in data and b"2468" not in data
    assert {p.stat().st_mode & 0o777 for p in log.months()} == {0o600}


def test_roles_gate_supervisor_acts() -> None:
    for act in Act:
        with pytest.raises(RoleError, match="Hanya supervisor"):
            require(Session("Siti"), act)
        require(Session("Budi", roles=(SUPERVISOR,)), act)
