"""Signed-in officers for tests: the sessions a sign-in would give (see
counter.accounts.signin), so tests act through Desk as a real officer would."""

from __future__ import annotations

from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.accounts.signin import Session


def petugas(nama: str = "Siti Aminah") -> Session:
    return Session(nama, "Petugas Loket", (PETUGAS,))


def supervisor(nama: str = "Bu Rahma") -> Session:
    return Session(nama, "Koordinator Pelayanan", (PETUGAS, SUPERVISOR))
