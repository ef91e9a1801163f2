"""The spoken call, made with espeak-ng's Indonesian voice into a WAV file that the
display page plays (the display PC is where the speakers are, not the desk).

A missing espeak-ng or a failure is a message, never a crash: the display still
shows the call.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from counter.queue.speech import spoken_call
from counter.texts import queue as T

VOICE = "id"
SPEED = 140  # words per minute: slower than the default 175, for a hall with echo


class VoiceError(Exception):
    """Why a call was not spoken (Indonesian)."""


def speak_to_file(label: str, desk: int, target: Path, *, timeout: float = 10.0) -> Path:
    """Write the call for `label` at `desk` as a WAV file; raises VoiceError."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise VoiceError(T.VOICE_MISSING.format(detail="apt-get install espeak-ng"))
    text = spoken_call(label, desk)
    try:
        proc = subprocess.run([exe, "-v", VOICE, "-s", str(SPEED), "-w", str(target), text],
                              capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise VoiceError(T.VOICE_FAILED.format(detail=err)) from None
    if proc.returncode != 0 or not target.is_file():
        raise VoiceError(T.VOICE_FAILED.format(detail=proc.stderr.strip() or proc.returncode))
    return target
