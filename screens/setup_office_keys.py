"""The settings (F9) fields that guard the office's keys and personal data: the
retention period, the idle lock, and the check that an edited officer list still
leaves a supervisor who can sign in (the accounts themselves are managed in F7)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Input, Label

from counter.accounts.roles import SUPERVISOR
from counter.config import Officer, Profile
from counter.errors import ConfigError
from counter.privacy.retention import parse_retention
from counter.texts import ui_accounts as T

IDLE_MAX = 480


def office_key_fields(p: Profile) -> ComposeResult:
    yield Label(T.SETTINGS_RETENSI)
    yield Input(p.retensi, id="retensi", placeholder=T.SETTINGS_RETENSI_HINT)
    yield Label(T.SETTINGS_IDLE_LOCK)
    yield Input(str(p.idle_lock_min), id="kunci-menit", restrict=r"[0-9]*", max_length=3)


def _supervisors(officers: Sequence[Officer]) -> list[str]:
    return [o.nama for o in officers if o.aktif and o.pin_hash and SUPERVISOR in o.roles]


def supervisor_left(before: Sequence[Officer], after: Sequence[Officer]) -> str:
    """'' when `after` still has an active supervisor with a PIN (or `before` had none
    either: an office upgrading makes its first one at sign-in); else the message."""
    had = _supervisors(before)
    if not had or _supervisors(after):
        return ""
    return T.SETTINGS_LAST_SUPERVISOR.format(names=", ".join(had))


def office_key_changes(retensi: str, idle: str) -> tuple[dict[str, object], str, str]:
    """The profile changes from the two fields, or ({}, message, field id) when one is
    wrong (checked as loket.toml is checked at start)."""
    try:
        label = parse_retention(retensi).label()
    except ConfigError as err:
        return {}, f"{err.field}: {err.message}", "retensi"
    text = idle.strip()
    if not text.isdigit() or not 0 <= int(text) <= IDLE_MAX:
        return {}, f"akun.kunci_menit: {T.SETTINGS_IDLE_LOCK_BAD}", "kunci-menit"
    return {"retensi": label, "idle_lock_min": int(text)}, "", ""
