"""Changing the office's accounts: pure functions from the accounts as they are to the
accounts as they will be, with the audit record's kind and words.

Every change keeps one active supervisor with a PIN (an office must never lock
itself out of its own keys) and names unique; a PIN arrives only to be hashed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from counter.accounts.pin import hash_pin
from counter.accounts.roles import ROLES, SUPERVISOR, normalize_role
from counter.audit import records as R
from counter.config import Officer
from counter.errors import LoketError
from counter.texts import accounts as T


class AccountError(LoketError):
    """An account change refused (a name taken, the last supervisor…)."""


@dataclass(frozen=True)
class Change:
    officers: tuple[Officer, ...]
    kind: str  # the office audit record's kind
    subject: str  # the account's name
    detail: str = ""


def parse_roles(text: str) -> tuple[str, ...]:
    """'petugas, supervisor' -> the roles; an unknown word is refused, naming it."""
    roles: list[str] = []
    for word in (w.strip() for w in text.split(",")):
        if not word:
            continue
        role = normalize_role(word)
        if role is None:
            raise AccountError(T.ROLE_UNKNOWN.format(value=word, choices=", ".join(ROLES)),
                               field="peran")
        if role not in roles:
            roles.append(role)
    if not roles:
        raise AccountError(T.ROLE_REQUIRED, field="peran")
    return tuple(roles)


def _key(nama: str) -> str:
    return " ".join(nama.casefold().split())


def _index(officers: Sequence[Officer], nama: str) -> int:
    for i, o in enumerate(officers):
        if _key(o.nama) == _key(nama):
            return i
    raise AccountError(T.SIGNIN_UNKNOWN.format(nama=nama), field="nama")


def _keeps_a_supervisor(officers: Sequence[Officer]) -> None:
    if not any(o.aktif and o.pin_hash and SUPERVISOR in o.roles for o in officers):
        raise AccountError(T.LAST_SUPERVISOR, field="peran")


def add_account(officers: Sequence[Officer], nama: str, jabatan: str, nip: str,
                roles: tuple[str, ...], pin: str) -> Change:
    nama = " ".join(nama.split())
    if not nama:
        raise AccountError(T.NAME_REQUIRED, field="nama")
    if any(_key(o.nama) == _key(nama) for o in officers):
        raise AccountError(T.NAME_TAKEN.format(nama=nama), field="nama")
    new = Officer(nama=nama, jabatan=jabatan.strip(), nip=nip.strip(), roles=roles,
                  pin_hash=hash_pin(pin))
    return Change((*officers, new), R.ACCOUNT_ADDED, nama, ", ".join(roles))


def change_account(officers: Sequence[Officer], nama: str, *, new_nama: str, jabatan: str,
                   nip: str, roles: tuple[str, ...]) -> Change:
    i = _index(officers, nama)
    new_nama = " ".join(new_nama.split())
    if not new_nama:
        raise AccountError(T.NAME_REQUIRED, field="nama")
    if _key(new_nama) != _key(nama) and any(_key(o.nama) == _key(new_nama) for o in officers):
        raise AccountError(T.NAME_TAKEN.format(nama=new_nama), field="nama")
    old = officers[i]
    new = replace(old, nama=new_nama, jabatan=jabatan.strip(), nip=nip.strip(), roles=roles)
    result = (*officers[:i], new, *officers[i + 1:])
    _keeps_a_supervisor(result)
    what = [f"{label}: {a} → {b}" for label, a, b in (
        ("nama", old.nama, new.nama), ("jabatan", old.jabatan, new.jabatan),
        ("NIP", old.nip, new.nip),
        ("peran", ", ".join(old.roles), ", ".join(new.roles))) if a != b]
    return Change(result, R.ACCOUNT_CHANGED, old.nama, "; ".join(what))


def set_active(officers: Sequence[Officer], nama: str, aktif: bool) -> Change:
    i = _index(officers, nama)
    new = replace(officers[i], aktif=aktif)
    result = (*officers[:i], new, *officers[i + 1:])
    _keeps_a_supervisor(result)
    return Change(result, R.ACCOUNT_DISABLED if not aktif else R.ACCOUNT_CHANGED,
                  new.nama, T.DETAIL_ACTIVE if aktif else T.DETAIL_INACTIVE)


def reset_pin(officers: Sequence[Officer], nama: str, pin: str) -> Change:
    i = _index(officers, nama)
    new = replace(officers[i], pin_hash=hash_pin(pin))
    return Change((*officers[:i], new, *officers[i + 1:]), R.PIN_RESET, new.nama)


def change_own_pin(officers: Sequence[Officer], nama: str, old: str, new: str) -> Change:
    """An officer's own new PIN. The old PIN is checked by the gate before this (so a
    wrong one counts toward the lock like a wrong sign-in); the same PIN again is
    refused: a change that changes nothing would only look like one in the audit."""
    from counter.accounts.pin import check_pin_form

    check_pin_form(new)
    if new == old:
        raise AccountError(T.PIN_SAME, field="pin_baru")
    i = _index(officers, nama)
    new_officer = replace(officers[i], pin_hash=hash_pin(new))
    return Change((*officers[:i], new_officer, *officers[i + 1:]), R.PIN_CHANGED,
                  new_officer.nama)
