"""The call in words and as sound: digits as printed, the desk as a number, and an
audio file that is not silent and lasts as long as the sentence takes to say."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from counter.queue.speech import label_words, number_words, spoken_call
from screens.web.lobby_voice import speak_to_file


def test_the_number_is_spoken_digit_by_digit_and_the_desk_as_a_number() -> None:
    assert spoken_call("A-007", 2) == "Nomor antrean A nol nol tujuh, silakan ke loket dua"
    assert label_words("B2-120") == "B dua satu dua nol"
    assert [number_words(n) for n in (10, 11, 12, 20, 21, 99, 100, 115)] == [
        "sepuluh", "sebelas", "dua belas", "dua puluh", "dua puluh satu",
        "sembilan puluh sembilan", "seratus", "seratus lima belas"]


def stat(path: Path) -> dict[str, float]:
    out = subprocess.run(["sox", str(path), "-n", "stat"], capture_output=True, text=True,
                         check=True).stderr
    figures = {}
    for line in out.splitlines():
        m = re.match(r"^(.+?):\s+(-?[\d.]+)\s*$", line)
        if m:
            figures[m.group(1).strip()] = float(m.group(2))
    return figures


@pytest.mark.skipif(shutil.which("sox") is None, reason="needs sox (scripts/ci-audio)")
def test_a_call_becomes_a_wav_that_is_heard(tmp_path: Path) -> None:
    wav = speak_to_file("A-007", 2, tmp_path / "panggil.wav")
    figures = stat(wav)
    assert 2.0 < figures["Length (seconds)"] < 8.0  # 12 words at 140 a minute, no silence pad
    assert figures["Maximum amplitude"] > 0.2
    assert figures["RMS     amplitude"] > 0.02
    longer = stat(speak_to_file("B2-120", 12, tmp_path / "panjang.wav"))
    assert longer["Length (seconds)"] > figures["Length (seconds)"]
