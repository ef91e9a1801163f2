"""Sign-in for the CLI's writing commands: officer + PIN on the terminal, or a refusal.

`require_officer(ctx)` is the one door: `loket cetak`, `loket data …` and every
other command that records something call it before acting, and act through
`ctx.desk`, which then writes as the officer signed in. Without a terminal
(a cron job, a pipe) it refuses with a message that says where to do it instead:
a PIN is never read from an environment variable, an argument or a file, so no
script holds one. The demo office (`--demo`) has no accounts and needs no PIN.
"""

from __future__ import annotations

import sys
from typing import TextIO

from counter.accounts.roles import PETUGAS, SUPERVISOR
from counter.accounts.signin import Session, SignInError
from counter.errors import LoketError
from counter.texts import cli_signin as T
from screens.cli.context import Context

TRIES = 3  # per command run; the account's own lockout counts across runs


class NoTerminalError(LoketError):
    """A command that records as an officer, run where nobody can type a PIN."""


def require_officer(ctx: Context, *, supervisor: bool = False) -> Session:
    """The officer signed in for this command (asked once per run; `supervisor`: a
    supervisor's account is required). Sets `ctx.session`, so `ctx.desk` writes as them.

    Raises `NoTerminalError` without a terminal, `SignInError` after wrong PINs,
    `RoleError`-like `SignInError` when a supervisor is needed and not given."""
    held = ctx.session
    if held is not None and (held.is_supervisor or not supervisor):
        return held
    if ctx.demo:
        session = Session(T.DEMO_OFFICER, roles=(PETUGAS, SUPERVISOR))
        ctx.sign_in(session)
        return session
    accounts = [a for a in ctx.profile.officers if a.aktif and a.pin_hash
                and (not supervisor or SUPERVISOR in a.roles)]
    if not accounts:
        raise LoketError(T.NO_SUPERVISOR if supervisor else T.NO_ACCOUNTS)
    if not sys.stdin.isatty():
        raise NoTerminalError(T.NO_TERMINAL)
    gate = ctx.gate
    out = sys.stderr
    out.write(T.WHO_SUPERVISOR if supervisor else T.WHO)
    for i, a in enumerate(accounts, 1):
        out.write(f"  {i}. {a.nama}" + (f" ({a.jabatan})" if a.jabatan else "") + "\n")
    last: SignInError | None = None
    for _ in range(TRIES):
        nama = _ask_officer(accounts, out)
        pin = read_pin(T.PIN_PROMPT, out)
        try:
            session = gate.sign_in(nama, pin, supervisor=supervisor)
        except SignInError as err:
            out.write(T.REFUSED.format(message=err.message))
            last = err
            if err.locked or err.wait_s:
                break
            continue
        ctx.sign_in(session)
        out.write(T.SIGNED_IN.format(nama=session.nama))
        return session
    assert last is not None
    raise last


def _ask_officer(accounts: list, out: TextIO) -> str:
    out.write(T.OFFICER_PROMPT)
    out.flush()
    answer = sys.stdin.readline()
    if not answer:
        raise LoketError(T.CANCELLED)
    answer = answer.strip()
    if answer.isdigit() and 1 <= int(answer) <= len(accounts):
        return accounts[int(answer) - 1].nama
    return answer


def read_pin(prompt: str, out: TextIO) -> str:
    """A line typed without echo: the echo goes off before the prompt shows, so no
    digit typed quickly after it is ever echoed or lost."""
    try:
        import termios
    except ImportError:  # Windows: getpass reads the console without echo
        import getpass

        return getpass.getpass(prompt, stream=out)
    fd = sys.stdin.fileno()
    old = termios.tcgetattr(fd)
    quiet = list(old)
    quiet[3] &= ~termios.ECHO
    try:
        termios.tcsetattr(fd, termios.TCSADRAIN, quiet)
        out.write(prompt)
        out.flush()
        line = sys.stdin.readline()
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)
        out.write("\n")
    if not line:
        raise LoketError(T.CANCELLED)
    return line.strip()
