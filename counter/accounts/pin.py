"""PINs: checked for form, stored only as a salted scrypt hash, compared in constant time.

The stored form is one text, `scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>`, so a later
change of the cost parameters still verifies old hashes. A PIN is never logged, saved
or put in an exception: errors name the field, never the value.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from counter.errors import LoketError
from counter.texts import accounts as T

PIN_MIN, PIN_MAX = 4, 8
# ~16 MiB and ~50 ms a check on a counter PC: slow for a guesser, quick for an officer.
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16
_KEY_BYTES = 32


class PinError(LoketError):
    """A PIN of the wrong form (never containing the PIN itself)."""


def check_pin_form(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise PinError(T.PIN_FORM.format(min=PIN_MIN, max=PIN_MAX), field="pin")


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * 128 * n * r * p + 1024 * 1024, dklen=_KEY_BYTES)


def hash_pin(pin: str) -> str:
    """A new salt each time: two officers with the same PIN never share a hash."""
    check_pin_form(pin)
    salt = os.urandom(_SALT_BYTES)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${_derive(pin, salt, _N, _R, _P).hex()}"


def is_pin_hash(text: str) -> bool:
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = (int(x) for x in parts[1:4])
        bytes.fromhex(parts[4])
        bytes.fromhex(parts[5])
    except ValueError:
        return False
    return n > 1 and r > 0 and p > 0 and n & (n - 1) == 0


def verify_pin(pin: str, stored: str) -> bool:
    """Does `pin` match the stored hash? A malformed hash or PIN simply does not."""
    if not stored or not is_pin_hash(stored):
        return False
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        return False
    _, n, r, p, salt, key = stored.split("$")
    got = _derive(pin, bytes.fromhex(salt), int(n), int(r), int(p))
    return hmac.compare_digest(got, bytes.fromhex(key))
