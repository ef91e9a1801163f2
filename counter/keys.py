"""Key names an office may write in `loket.toml`'s `[tombol]` table.

People write keys the way they name them ("F7", "Ctrl+H", "[", "PgUp",
"Shift+U", "/"); the app's key engine wants its own names ("f7", "ctrl+h",
"left_square_bracket", "pageup", "U", "slash"). This module turns the first
into the second and refuses what no keyboard sends, so a typo in the profile is
caught when the profile is read, with its file and line. Pure Python: the core
must not import the UI toolkit.
"""

from __future__ import annotations

# What people write → the engine's name (lower-cased before lookup).
ALIASES = {
    "esc": "escape", "escape": "escape", "enter": "enter", "return": "enter",
    "tab": "tab", "spasi": "space", "space": "space", "backspace": "backspace",
    "del": "delete", "delete": "delete", "ins": "insert", "insert": "insert",
    "home": "home", "end": "end", "pgup": "pageup", "pageup": "pageup",
    "pgdn": "pagedown", "pagedown": "pagedown", "up": "up", "down": "down",
    "left": "left", "right": "right", "↑": "up", "↓": "down", "←": "left", "→": "right",
}
# Printable punctuation → the engine's name (the unicode name, as Textual spells it).
PUNCTUATION = {
    "[": "left_square_bracket", "]": "right_square_bracket", "/": "slash",
    "?": "question_mark", "-": "minus", "+": "plus", "=": "equals_sign", ",": "comma",
    ".": "full_stop", ";": "semicolon", ":": "colon", "'": "apostrophe", "\\": "backslash",
    "`": "grave_accent", "*": "asterisk", "#": "number_sign", "!": "exclamation_mark",
    "<": "less_than_sign", ">": "greater_than_sign",
}
ENGINE_NAMES = set(ALIASES.values()) | set(PUNCTUATION.values())
MODIFIERS = ("ctrl", "alt", "shift")


class BadKey(ValueError):
    """A key name no keyboard sends; its text is the Indonesian reason."""


def normalize_key(text: str) -> str:
    """One key as written by a person → the engine's name; raises BadKey."""
    from counter.texts import config as T

    raw = text.strip()
    if not raw:
        raise BadKey(T.KEY_EMPTY)
    parts = raw.split("+") if raw not in ("+",) else ["+"]
    if len(parts) >= 3 and parts[-1] == parts[-2] == "":  # "ctrl++"
        parts = [*parts[:-2], "+"]
    *mods, base = parts
    modifiers = []
    for mod in mods:
        name = mod.strip().lower()
        if name not in MODIFIERS:
            raise BadKey(T.KEY_BAD_MODIFIER.format(mod=mod.strip(), key=raw))
        modifiers.append(name)
    name = _base(base.strip(), raw)
    if len(name) == 1 and name.isalpha() and modifiers:
        if modifiers == ["shift"]:
            modifiers, name = [], name.upper()  # Shift+U is the key U
        else:
            name = name.lower()  # Ctrl+H is ctrl+h; Ctrl+Shift+A keeps its shift
    ordered = [m for m in MODIFIERS if m in modifiers]
    return "+".join([*ordered, name])


def _base(base: str, raw: str) -> str:
    from counter.texts import config as T

    if len(base) == 1:
        if base.isalnum():
            return base  # a letter keeps its case: "U" is Shift+U
        if base in PUNCTUATION:
            return PUNCTUATION[base]
        raise BadKey(T.KEY_UNKNOWN.format(key=raw))
    low = base.lower()
    if low in ALIASES:
        return ALIASES[low]
    if low in ENGINE_NAMES:
        return low
    if low[:1] == "f" and low[1:].isdigit() and 1 <= int(low[1:]) <= 24:
        return low
    raise BadKey(T.KEY_UNKNOWN.format(key=raw))


def normalize_keys(text: str) -> str:
    """Several keys for one action, comma separated ("[, PgUp")."""
    if text.strip() == ",":
        return "comma"
    return ",".join(normalize_key(part) for part in text.split(","))
