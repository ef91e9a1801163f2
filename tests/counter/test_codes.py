"""Case codes: what a scan or a typed number must survive at the counter."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from counter.codes import CodeParts, damm, human, make_code, parse_code
from counter.errors import CodeError, LoketError


def _sample_codes() -> list[str]:
    rng = random.Random(20261125)
    codes = [
        make_code(date(2026, 11, 25), 1, 7),
        make_code(date(2000, 1, 1), 1, 1),
        make_code(date(2099, 12, 31), 99, 999),
        make_code(date(2028, 2, 29), 10, 100),
    ]
    for _ in range(36):
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(3000))
        codes.append(make_code(day, rng.randint(1, 99), rng.randint(1, 999)))
    return codes


SAMPLES = _sample_codes()


def test_damm_known_value() -> None:
    # The worked example of Damm's algorithm: 572 gets check digit 4.
    assert damm("572") == 4
    assert damm("5724") == 0


def test_code_layout() -> None:
    code = make_code(date(2026, 11, 25), 3, 42)
    assert len(code) == 12 and code.isdigit()
    assert code[:11] == "26112503042"
    assert damm(code) == 0


@pytest.mark.parametrize("code", SAMPLES)
def test_every_single_digit_change_is_rejected(code: str) -> None:
    for pos in range(len(code)):
        for digit in "0123456789":
            if digit == code[pos]:
                continue
            typo = code[:pos] + digit + code[pos + 1 :]
            assert damm(typo) != 0, typo
            with pytest.raises(CodeError):
                parse_code(typo)


@pytest.mark.parametrize("code", SAMPLES)
def test_every_adjacent_swap_is_rejected(code: str) -> None:
    swaps = 0
    for pos in range(len(code) - 1):
        if code[pos] == code[pos + 1]:
            continue
        swapped = code[:pos] + code[pos + 1] + code[pos] + code[pos + 2 :]
        swaps += 1
        assert damm(swapped) != 0, swapped
        with pytest.raises(CodeError):
            parse_code(swapped)
    assert swaps > 0


@pytest.mark.parametrize("code", SAMPLES)
def test_round_trip(code: str) -> None:
    parts = parse_code(code)
    assert make_code(parts.day, parts.desk, parts.seq) == code
    assert parse_code(human(code)) == parts
    assert parse_code(f"  {human(code)}\n") == parts
    spaced = " ".join([code[:6], code[6:8], code[8:11], code[11]])
    assert parse_code(spaced) == parts


def test_parse_gives_parts() -> None:
    code = make_code(date(2026, 11, 25), 1, 7)
    assert parse_code(code) == CodeParts(day=date(2026, 11, 25), desk=1, seq=7)


def test_human_form() -> None:
    code = make_code(date(2026, 11, 25), 1, 7)
    text = human(code)
    assert text == f"261125-01-007-{code[-1]}"
    assert human(text) == text


def _message(text: str) -> str:
    with pytest.raises(CodeError) as info:
        parse_code(text)
    assert isinstance(info.value, LoketError)
    return info.value.message


def test_bad_inputs_have_distinct_messages() -> None:
    good = make_code(date(2026, 11, 25), 1, 7)
    short = _message(good[:-1])
    long_ = _message(good + "0")
    letters = _message(good[:5] + "O" + good[6:])
    body = "261332" + "01007"  # 32 Desember 2026 (month 13 day 32): no such date
    bad_date = _message(body + str(damm(body)))
    bad_check = _message(good[:-1] + str((int(good[-1]) + 1) % 10))
    assert "12 angka" in short and "11 angka" in short
    assert "13 angka" in long_
    assert "'O'" in letters
    assert "261332" in bad_date
    assert len({short, letters, bad_date, bad_check}) == 4
    assert _message("") == _message("   ")


@pytest.mark.parametrize(
    ("day", "desk", "seq"),
    [(date(2026, 1, 1), 100, 1), (date(2026, 1, 1), 1, 0),
     (date(2026, 1, 1), 1, 1000), (date(1999, 12, 31), 1, 1), (date(2100, 1, 1), 1, 1)],
)
def test_make_code_refuses_out_of_range(day: date, desk: int, seq: int) -> None:
    with pytest.raises(CodeError):
        make_code(day, desk, seq)


def test_zero_seq_with_valid_check_is_rejected() -> None:
    body = "26112501000"
    with pytest.raises(CodeError):
        parse_code(body + str(damm(body)))


def test_desk_00_is_the_demo_desk_and_no_real_desk_makes_its_codes() -> None:
    from counter.codes import DEMO_DESK, is_demo_code

    demo = make_code(date(2026, 11, 25), DEMO_DESK, 7)
    assert parse_code(demo).desk == 0 and is_demo_code(demo)
    assert not any(is_demo_code(make_code(date(2026, 11, 25), d, 7)) for d in range(1, 100))
