"""Building the counter app for tests: a temporary store, a clock moved by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from textual import events
from textual.app import App
from textual.screen import Screen

from counter.accounts.pin import hash_pin
from counter.accounts.roles import PETUGAS
from counter.accounts.roles import SUPERVISOR as SUPERVISOR_ROLE
from counter.accounts.signin import Session
from counter.config import Officer, Paths, Profile, default_profile
from counter.sop import load_catalog
from screens.app import LoketApp
from store import open_store

WIB = ZoneInfo("Asia/Jakarta")
# A normal working Wednesday, before the lunch break.
START = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)
OFFICER = "Siti Aminah"
# Pilot presses a key every ~40 ms (it waits for the app to be idle), a scanner
# every ~0: a short burst gap tells them apart reliably in tests; typing then
# waits for the scan buffer to let the last keys through.
GAP = 0.02


@dataclass
class Clock:
    at: datetime = START

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at = self.at + timedelta(**kwargs)


# The office's accounts: two petugas and a supervisor, each with a PIN (hashed once).
PINS = {OFFICER: "2468", "Budi Santoso": "1357", "Bu Rahma": "9753"}
SUPERVISOR = "Bu Rahma"
ACCOUNTS = (
    Officer(OFFICER, "Petugas Loket", pin_hash=hash_pin(PINS[OFFICER])),
    Officer("Budi Santoso", "", pin_hash=hash_pin(PINS["Budi Santoso"])),
    Officer(SUPERVISOR, "Koordinator Pelayanan", roles=(PETUGAS, SUPERVISOR_ROLE),
            pin_hash=hash_pin(PINS[SUPERVISOR])),
)


def make_profile() -> Profile:
    return default_profile().with_changes(
        instansi="Dinas Koperasi UKM Kabupaten Uji", unit="PLUT KUMKM", desk=1,
        officers=ACCOUNTS,
    )


def make_app(paths: Paths, clock: Clock, *, profile: Profile | None = None,
             officer: str | Session | None = OFFICER, **kwargs: Any) -> LoketApp:
    profile = profile or make_profile()
    store = open_store(paths.store_dir, profile.tz)
    return LoketApp(paths, profile, load_catalog(), store, now=clock, officer=officer,
                    scan_gap=GAP, **kwargs)


S = TypeVar("S", bound=Screen[Any])


def screen_as(app: App[Any], kind: type[S]) -> S:
    """The screen on top, checked to be the one the journey expects (and typed so)."""
    assert isinstance(app.screen, kind), f"{type(app.screen).__name__}, not {kind.__name__}"
    return app.screen


def focused_id(app: App[Any]) -> str | None:
    """The id of the widget the officer's typing goes to (None: nothing focused)."""
    return app.focused.id if app.focused is not None else None


def profile_of(app: LoketApp) -> Profile:
    """The office profile of a started app (set up before the day begins)."""
    assert app.profile is not None
    return app.profile


async def type_text(pilot: Any, text: str) -> None:
    """Type a text: the keys arrive together (faster than Pilot's one key per idle),
    with no Enter the scan buffer hands them on in order after its burst gap."""
    _send(pilot.app, text)
    await pilot.pause(GAP * 3)
    await pilot.pause()


async def key(pilot: Any, name: str) -> None:
    """Press one key; a printable one waits for the scan buffer to hand it on."""
    await pilot.press(name)
    await pilot.pause(GAP * 3)
    await pilot.pause()


def _send(app: Any, text: str) -> None:
    for char in text:
        key = events.Key(char if char.isalnum() else _KEYS.get(char, char), char)
        key.set_sender(app)
        app._driver.send_message(key)


async def scan(pilot: Any, code: str) -> None:
    """A scanner: the code and Enter in one burst, as the terminal delivers it."""
    app = pilot.app
    before, told = app.screen, len(app._notifications)
    _send(app, code)
    enter = events.Key("enter", "\r")
    enter.set_sender(app)
    app._driver.send_message(enter)
    await pilot.pause(GAP * 3)
    await pilot.pause()
    for _ in range(10):  # on a busy machine the case (or the notice) comes a moment later
        if app.screen is not before or len(app._notifications) != told:
            break
        await pilot.pause(0.05)


_KEYS = {"-": "minus", " ": "space", "/": "slash", "?": "question_mark", ".": "full_stop",
         ",": "comma", ":": "colon", "+": "plus", "'": "apostrophe"}


def stored_types(app: Any, code: str) -> list[str]:
    return [e["type"] for e in app.store.events(code)]


def pdfs(paths: Paths) -> list[Path]:
    return sorted(paths.pdf_dir.rglob("*.pdf"))


def record_notices(app: Any) -> list[str]:
    """Every notification the app shows from now on, as text."""
    seen: list[str] = []
    original = app.notify

    def notify(message: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(message))
        return original(message, *args, **kwargs)

    app.notify = notify
    return seen


def as_supervisor() -> Session:
    """The office's supervisor, signed in (for tests of a supervisor's own screens)."""
    return Session(SUPERVISOR, "Koordinator Pelayanan", (PETUGAS, SUPERVISOR_ROLE))


async def sign_in(pilot: Any, nama: str, pin: str | None = None) -> None:
    """On the sign-in (or lock) screen: pick `nama` in the list, type the PIN, Enter."""
    from textual.widgets import OptionList

    screen = pilot.app.screen
    accounts = screen.query_one("#accounts", OptionList)
    names = [a.nama for a in screen.accounts]
    accounts.highlighted = names.index(nama)
    screen.query_one("#pin").focus()
    await type_text(pilot, pin if pin is not None else PINS[nama])
    await pilot.press("enter")
    await pilot.pause()


async def supervisor_pin(pilot: Any, pin: str | None = None) -> None:
    """The supervisor's PIN in the dialog a petugas's desk shows for a supervisor's act."""
    from screens.supervisor_pin import SupervisorPinModal

    assert isinstance(pilot.app.screen, SupervisorPinModal), pilot.app.screen
    pilot.app.screen.query_one("#pin").focus()
    await type_text(pilot, pin if pin is not None else PINS[SUPERVISOR])
    await pilot.press("enter")
    await pilot.pause()
