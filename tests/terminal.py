"""Run `loket …` on a real pseudo-terminal and answer its prompts, as an officer would.

The CLI's sign-in reads the PIN with the terminal's echo off; a pty is a real
terminal for it (no stand-in for the input functions)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_in_terminal(args: list[str], answers: list[tuple[str, str]], *,
                    timeout: float = 60.0) -> tuple[int, str]:
    """Run `loket ARGS`; each (prompt, reply): when `prompt` shows, type `reply` + Enter.
    Returns the exit code and everything the terminal showed."""
    master, slave = os.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "screens.cli", *args], stdin=slave,
                            stdout=slave, stderr=slave, env=env, cwd=ROOT,
                            start_new_session=True)
    os.close(slave)
    shown = b""
    pending = list(answers)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                shown += chunk
            if pending and pending[0][0].encode() in shown.split(b"\x00")[-1]:
                _prompt, reply = pending.pop(0)
                shown += b"\x00"  # answered up to here
                os.write(master, reply.encode() + b"\n")
            if proc.poll() is not None and not ready:
                break
        rc = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    return rc, shown.replace(b"\x00", b"").decode("utf-8", "replace")


@contextmanager
def typed_at_terminal(*lines: str) -> Iterator[None]:
    """In this process, standard input is a real terminal (a pty) on which `lines` were
    already typed: an in-process `main([...])` signs in with a PIN as at the desk."""
    master, slave = os.openpty()
    os.write(master, "".join(f"{line}\n" for line in lines).encode())
    stdin = os.fdopen(slave, "r", encoding="utf-8")
    before = sys.stdin
    sys.stdin = stdin
    try:
        yield
    finally:
        sys.stdin = before
        stdin.close()
        os.close(master)


def terminal_stdin(*lines: str) -> int:
    """A pty's terminal end with `lines` typed on it, for a child process's stdin (the
    caller closes it once the child has started)."""
    master, slave = os.openpty()
    os.write(master, "".join(f"{line}\n" for line in lines).encode())
    _OPEN_MASTERS.append(master)  # kept open: a closed master hangs up the terminal
    return slave


_OPEN_MASTERS: list[int] = []
