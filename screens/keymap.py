"""Every key binding of the app by its id, the office's `[tombol]` map, and key names.

Each `Binding` in `screens/` carries an id (`umum.kasus_baru`, `kasus.selesai`,
`log.hari_sebelum`…). An office whose terminal or remote-desktop tool steals F1
or Ctrl+Q writes new keys for those ids in `loket.toml`:

    [tombol]
    "umum.bantuan" = "F12"
    "log.hari_sebelum" = "[, PgUp, F7"

`counter/config.py` reads and normalises the keys (file and line on a typo);
this module checks the ids and clashes against the real bindings, hands the map
to Textual (`App.set_keymap`), and writes keys the way people name them
(`[`, `PgUp`, `/`, `Shift+U`, `Ctrl+Q`), for the footer and the help screen.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding

from counter.config import Profile
from counter.errors import ConfigError
from counter.keys import PUNCTUATION
from counter.texts import config as TC
from counter.toml_read import read_toml


def binding_modules() -> list[str]:
    """Every module of the Textual app (not the command line): any may declare BINDINGS."""
    import pkgutil

    import screens

    return sorted(m.name for m in pkgutil.walk_packages(screens.__path__, "screens.")
                  if not m.name.startswith("screens.cli") and not m.ispkg)


_NAMES = {
    "escape": "Esc", "enter": "Enter", "tab": "Tab", "space": "Spasi",
    "backspace": "Backspace", "delete": "Del", "insert": "Ins", "home": "Home", "end": "End",
    "pageup": "PgUp", "pagedown": "PgDn", "up": "↑", "down": "↓", "left": "←", "right": "→",
    **{engine: char for char, engine in PUNCTUATION.items()},
}
_MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift"}


def key_label(key: str) -> str:
    """One engine key name as people say it: 'left_square_bracket' → '[',
    'U' → 'Shift+U', 'ctrl+q' → 'Ctrl+Q', 'f1' → 'F1', 'pageup' → 'PgUp'."""
    *mods, base = key.split("+") if key != "plus" else ["plus"]
    words = [_MODIFIERS.get(m, m.title()) for m in mods]
    if len(base) == 1 and base.isalpha() and base.isupper():
        words.append("Shift")
    if base in _NAMES:
        words.append(_NAMES[base])
    elif re.fullmatch(r"f\d{1,2}", base):
        words.append(base.upper())
    elif len(base) == 1:
        words.append(base.upper() if words else base)
    else:
        words.append(base.replace("_", " ").title())
    return "+".join(words)


def keys_label(keys: str) -> str:
    """'left_square_bracket,pageup' → '[ / PgUp'."""
    return " / ".join(key_label(k.strip()) for k in keys.split(",") if k.strip())


@dataclass(frozen=True)
class Bound:
    """One binding where it is declared: the class (screen, modal, app) and the binding."""

    owner: type
    binding: Binding

    @property
    def id(self) -> str:
        return self.binding.id or ""


def declared_bindings(modules: Iterable[str] | None = None) -> Iterator[Bound]:
    """Every `Binding` that a class in `modules` declares itself (not inherited)."""
    for name in modules if modules is not None else binding_modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for b in cls.__dict__.get("BINDINGS", []):
                if isinstance(b, Binding):
                    yield Bound(cls, b)


def known_ids() -> dict[str, Bound]:
    return {bound.id: bound for bound in declared_bindings() if bound.id}


def check_keymap(profile: Profile, config_file: Path | None = None) -> dict[str, str]:
    """The profile's `[tombol]` as a Textual keymap; ConfigError (file, line) on an id
    that no binding has, or on two actions of one screen given the same key."""
    keymap = dict(profile.keys)
    if not keymap:
        return {}
    known = known_ids()
    for action in keymap:
        if action not in known:
            raise _error(config_file, action,
                         TC.KEY_UNKNOWN_ACTION.format(action=action,
                                                      known=", ".join(sorted(known))))
    app_bound = [b for b in known.values() if b.owner.__name__ == "LoketApp"]
    owners = {b.owner for b in known.values()}
    for owner in owners:
        # keys of one screen, plus the app's (they are active on every screen); the
        # defaults may overlap on purpose (F1 closes help): only a moved key clashes
        bound = [b for b in known.values() if b.owner is owner]
        if owner.__name__ != "LoketApp":
            bound += app_bound
        taken: dict[str, Bound] = {}
        for b in bound:
            for key in keymap.get(b.id, b.binding.key).split(","):
                other = taken.get(key)
                moved = b.id in keymap or (other is not None and other.id in keymap)
                if other is not None and other.binding.action != b.binding.action and moved:
                    blame = b if b.id in keymap else other
                    raise _error(config_file, blame.id, TC.KEY_CLASH.format(
                        key=key_label(key), first=other.id, second=b.id))
                taken[key] = b
    return keymap


def _error(config_file: Path | None, action: str, message: str) -> ConfigError:
    """The error at the line of `[tombol]`'s entry, found by the one TOML reader."""
    line = None
    if config_file is not None and config_file.exists():
        try:
            doc = read_toml(config_file.read_text(encoding="utf-8"), str(config_file),
                            ConfigError)
        except (OSError, UnicodeDecodeError, ConfigError):
            doc = None
        if doc is not None:
            exact = doc.line_of("tombol", action)  # "app.new_case" = …, quoted
            dotted = doc.line_of("tombol", *action.split("."))  # app.new_case = …
            line = exact if exact != doc.line_of("tombol") else dotted
    return ConfigError(message, path=config_file, line=line, field=f"tombol.{action}")
