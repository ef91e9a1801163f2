"""The call as words to speak: "Nomor antrean A nol nol tujuh, silakan ke loket dua".

The ticket number is spoken digit by digit, as printed (a visitor compares it with
the paper in hand); the desk number as a number ("loket dua belas").
"""

from __future__ import annotations

from counter.texts import queue as T

_ONES = T.DIGITS


def number_words(n: int) -> str:
    """0-999 in Indonesian words (sebelas, dua puluh satu, seratus…)."""
    if n < 10:
        return _ONES[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        tens, ones = divmod(n, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    head = "seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus"
    return head + (f" {number_words(rest)}" if rest else "")


def label_words(label: str) -> str:
    """ "A-007" -> "A nol nol tujuh"; "A2-007" -> "A dua nol nol tujuh"."""
    out = []
    for ch in label:
        if ch.isdigit():
            out.append(_ONES[int(ch)])
        elif ch.isalpha():
            out.append(ch.upper())
    return " ".join(out)


def spoken_call(label: str, desk: int) -> str:
    return T.SPOKEN.format(nomor=label_words(label), loket=number_words(desk))
