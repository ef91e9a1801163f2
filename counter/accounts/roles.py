"""The three roles of an office and which acts only a supervisor may do.

A counter has *petugas loket* (serves visitors), *pejabat* (an official serving the SOP
roles of their jabatan) and *supervisor* (holds the keys: cancels, reopens, resolves,
manages accounts and settings). One officer may hold several roles.
"""

from __future__ import annotations

from enum import StrEnum

from counter.texts import accounts as T

PETUGAS = "petugas loket"
PEJABAT = "pejabat"
SUPERVISOR = "supervisor"
ROLES = (PETUGAS, PEJABAT, SUPERVISOR)
ROLE_LABELS = {PETUGAS: T.ROLE_PETUGAS, PEJABAT: T.ROLE_PEJABAT, SUPERVISOR: T.ROLE_SUPERVISOR}


class Act(StrEnum):
    """The acts only a supervisor may do; each value names the act in messages."""

    CANCEL = "cancel"
    REOPEN = "reopen"
    RESOLVE_CONFLICT = "resolve_conflict"
    SOP_EDIT = "sop_edit"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    NIK_BULK = "nik_bulk"
    EXPORT_PERSONAL = "export_personal"
    PURGE = "purge"
    LIFT_LOCK = "lift_lock"
    AUDIT = "audit"
    CHAIN_ACCEPT = "chain_accept"


ACT_LABELS: dict[Act, str] = {
    Act.CANCEL: T.ACT_CANCEL,
    Act.REOPEN: T.ACT_REOPEN,
    Act.RESOLVE_CONFLICT: T.ACT_RESOLVE_CONFLICT,
    Act.SOP_EDIT: T.ACT_SOP_EDIT,
    Act.SETTINGS: T.ACT_SETTINGS,
    Act.ACCOUNTS: T.ACT_ACCOUNTS,
    Act.NIK_BULK: T.ACT_NIK_BULK,
    Act.EXPORT_PERSONAL: T.ACT_EXPORT_PERSONAL,
    Act.PURGE: T.ACT_PURGE,
    Act.LIFT_LOCK: T.ACT_LIFT_LOCK,
    Act.AUDIT: T.ACT_AUDIT,
    Act.CHAIN_ACCEPT: T.ACT_CHAIN_ACCEPT,
}


def normalize_role(text: str) -> str | None:
    """'Supervisor', 'petugas', 'Petugas Loket' -> the role's name; None if unknown."""
    folded = " ".join(text.casefold().replace("_", " ").split())
    if folded in ("petugas", "petugas loket"):
        return PETUGAS
    return folded if folded in ROLES else None


def is_supervisor(roles: tuple[str, ...] | frozenset[str]) -> bool:
    return SUPERVISOR in roles


def may(roles: tuple[str, ...] | frozenset[str], act: Act) -> bool:
    """Every act listed in `Act` is a supervisor's; the others are everyone's."""
    return is_supervisor(roles)
