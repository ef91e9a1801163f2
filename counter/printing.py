"""Printing through CUPS (`lp`), and keeping every document as a PDF first.

A receipt must never be lost: `issue` renders the document, saves the PDF in
the data folder for that day, and only then tries the printer. `print_pdf`
never raises; it returns `PrintResult(ok, error)` with an Indonesian message an
officer can act on (no `lp`, unknown printer, spooler down, printer disabled,
no answer). The caller records the result as a `printed` event, so a receipt
that did not print is never counted as issued and can be printed again.

Note that `lp` succeeding means CUPS *accepted* the job; a printer that jams
later is reported by CUPS itself, not here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypedDict

from counter.atomic import OWNER_ONLY, ensure_folder, ensure_private_folder, write_file
from counter.errors import PrintError
from counter.paper_sizes import DEFAULT_DPI
from counter.receipt import ReceiptData, render
from counter.texts import receipt as T

LP_TIMEOUT = 20.0
_JOB = re.compile(r"request id is (\S+)")


@dataclass(frozen=True)
class PrintResult:
    """Outcome of one print attempt; `error` is Indonesian text for the officer."""

    ok: bool
    error: str = ""
    job: str = ""  # CUPS job id, e.g. "PDF-12", when accepted


def _env() -> dict[str, str]:
    # CUPS translates its messages; read them in English so they can be classified.
    return {**os.environ, "LC_ALL": "C", "LANG": "C"}


def _scheduler_down(env: dict[str, str], timeout: float) -> bool:
    """CUPS 2.4's lp says "printer does not exist" when it cannot reach the
    scheduler at all; `lpstat -r` tells the two apart."""
    lpstat = shutil.which("lpstat", path=env.get("PATH"))
    if lpstat is None:
        return False
    try:
        out = subprocess.run(
            [lpstat, "-r"], capture_output=True, text=True, env=env, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return True
    return "not running" in (out.stdout + out.stderr).lower()


def _classify(stderr: str, printer: str, env: dict[str, str], timeout: float) -> str:
    text = stderr.lower()
    if "not accepting jobs" in text:
        return T.NOT_ACCEPTING.format(printer=printer)
    if (
        "unable to connect" in text
        or "scheduler is not running" in text
        or "connection refused" in text
    ):
        return T.SPOOLER_DOWN.format(printer=printer)
    if "does not exist" in text or "unknown destination" in text or "no such destination" in text:
        if _scheduler_down(env, timeout):
            return T.SPOOLER_DOWN.format(printer=printer)
        return T.UNKNOWN_PRINTER.format(printer=printer)
    detail = stderr.strip().splitlines()[-1] if stderr.strip() else "lp gagal tanpa pesan"
    detail = re.sub(r"^lp:\s*(Error\s*-\s*)?", "", detail)
    return T.LP_FAILED.format(printer=printer, detail=detail)


def print_pdf(
    pdf_path: str | Path,
    printer: str | None,
    *,
    timeout: float = LP_TIMEOUT,
    copies: int = 1,
    title: str | None = None,
    media: str | None = None,
) -> PrintResult:
    """Send a PDF to a CUPS printer with `lp -d PRINTER`. Never raises.

    `print-scaling=none`: the barcode's bars are whole printer dots only at
    100 %, so CUPS must never fit the page to its media. `media` (e.g.
    "Custom.226.64x447.96" for a roll as long as the receipt, or "A5") asks for paper of
    the document's own size, so the page is not placed off the dot grid on other media.
    """
    if not printer:
        return PrintResult(False, T.NO_PRINTER)
    path = Path(pdf_path)
    if not path.is_file():
        return PrintResult(False, T.NO_FILE.format(path=path))
    env = _env()
    lp = shutil.which("lp", path=env.get("PATH"))
    if lp is None:
        return PrintResult(False, T.NO_LP.format(printer=printer))
    cmd = [
        lp,
        "-d",
        printer,
        "-n",
        str(max(1, copies)),
        "-o",
        "print-scaling=none",
        *(["-o", f"media={media}"] if media else []),
        "-t",
        title or path.stem,
        "--",
        str(path),
    ]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, env=env, timeout=timeout, check=False
        )
    except FileNotFoundError:
        return PrintResult(False, T.NO_LP.format(printer=printer))
    except subprocess.TimeoutExpired:
        return PrintResult(False, T.TIMEOUT.format(printer=printer, seconds=round(timeout)))
    except OSError as err:
        return PrintResult(False, T.LP_FAILED.format(printer=printer, detail=err.strerror or err))
    if proc.returncode != 0:
        return PrintResult(False, _classify(proc.stderr, printer, env, min(timeout, 5.0)))
    match = _JOB.search(proc.stdout)
    return PrintResult(True, "", match.group(1) if match else "")


_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")


def media_of(pdf: bytes, paper: str) -> str | None:
    """The CUPS media for a rendered document: A5 by name, a roll as its own first page
    (custom size in points: as wide as the roll, as long as the receipt)."""
    if paper == "a5":
        return "A5"
    found = _MEDIABOX.search(pdf)
    if found is None:
        return None
    w, h = (float(v) for v in found.groups())
    return f"Custom.{w:.2f}x{h:.2f}"


# --------------------------------------------------------------------------- saving


def pdf_path_for(pdf_dir: Path, code: str, kind: str, at: datetime) -> Path:
    """`pdf_dir/YYYY/YYYY-MM-DD/<code>-<kind>-HHMMSS.pdf`: one folder per day, like the
    store, and a new name for every reprint so no earlier copy is overwritten."""
    day = at.date()
    name = f"{code}-{kind}-{at:%H%M%S}.pdf"
    path = pdf_dir / f"{day:%Y}" / f"{day:%Y-%m-%d}" / name
    n = 2
    while path.exists():
        path = path.with_name(f"{code}-{kind}-{at:%H%M%S}-{n}.pdf")
        n += 1
    return path


def save_pdf(pdf: bytes, path: Path) -> Path:
    """Keep an issued document under Loket's own dated PDF folder (created as needed),
    written whole or not at all, readable by the owner only (it names the applicant)."""
    ensure_folder(path.parent, PrintError)
    return write_file(path, pdf, mode=OWNER_ONLY, error=PrintError)


class PrintedData(TypedDict):
    """What a `printed` event records of an attempt (typed so `**` passes it checked)."""

    doc: str
    ok: bool
    printer: str | None
    pdf: str
    error: str


@dataclass(frozen=True)
class Issued:
    """A document made and (perhaps) printed: what the `printed` event records."""

    doc: str
    pdf: Path
    printer: str | None
    ok: bool
    error: str = ""
    job: str = ""

    def message(self) -> str:
        """One line for the officer: printed, or why not and where the PDF is."""
        if self.ok:
            return T.PRINT_OK.format(printer=self.printer)
        return f"{self.error} ({self.pdf})"

    def event_data(self) -> PrintedData:
        """Keyword arguments for `counter.case.printed(...)` (besides code/at/officer/desk)."""
        return {
            "doc": self.doc,
            "ok": self.ok,
            "printer": self.printer,
            "pdf": str(self.pdf),
            "error": self.error,
        }


def issue(
    kind: str,
    data: ReceiptData,
    paper: str,
    *,
    pdf_dir: Path,
    printer: str | None,
    at: datetime,
    timeout: float = LP_TIMEOUT,
    copies: int = 1,
    print_fn: Callable[..., PrintResult] | None = None,
    dpi: int = DEFAULT_DPI,
) -> Issued:
    """Render, save, then print (`print_fn`, `print_pdf` by default). Raises `PrintError`
    only when the document cannot be made or saved; a printer problem comes back in
    `Issued.ok`/`error`."""
    pdf = render(kind, data, paper, dpi)
    target = pdf_path_for(pdf_dir, data.code, kind, at)
    # cetak/YYYY/YYYY-MM-DD, owner only
    ensure_private_folder(target.parent, pdf_dir.parent, PrintError)
    path = save_pdf(pdf, target)
    send = print_fn or print_pdf
    result = send(path, printer, timeout=timeout, copies=copies, title=path.stem,
                  media=media_of(pdf, paper))
    return Issued(kind, path, printer or None, result.ok, result.error,
                  getattr(result, "job", ""))


# --------------------------------------------------------------------------- printers


@dataclass(frozen=True)
class Printers:
    """The CUPS destinations this computer knows (`lpstat -e`), or why they are unknown
    (`error`: no CUPS, spooler down); `known` says whether the list can be trusted."""

    names: tuple[str, ...] = ()
    error: str = ""

    @property
    def known(self) -> bool:
        return not self.error


def list_printers(timeout: float = 5.0) -> Printers:
    """The printers CUPS offers, for the settings screen and for checking a typed name."""
    env = _env()
    lpstat = shutil.which("lpstat", path=env.get("PATH"))
    if lpstat is None:
        return Printers(error=T.NO_LPSTAT)
    try:
        proc = subprocess.run([lpstat, "-e"], capture_output=True, text=True, env=env,
                              timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return Printers(error=T.SPOOLER_DOWN_LIST)
    if proc.returncode != 0:
        if _scheduler_down(env, timeout) or "scheduler" in proc.stderr.lower():
            return Printers(error=T.SPOOLER_DOWN_LIST)
        if not proc.stdout.strip():  # CUPS answers 1 when it simply has no printer
            return Printers()
    return Printers(tuple(line.split()[0] for line in proc.stdout.splitlines() if line.strip()))


def check_printer(name: str | None, printers: Printers) -> str:
    """An Indonesian message when `name` is not a printer CUPS knows ("" when fine or when
    CUPS cannot be asked: then the name is kept and the first print tells)."""
    if not name or not printers.known or name in printers.names:
        return ""
    choices = ", ".join(printers.names) or T.NO_PRINTERS_AT_ALL
    return T.PRINTER_TYPO.format(printer=name, choices=choices)


def print_test_page(printer: str, paper: str, dpi: int, letterhead: Any, pdf_dir: Path,
                    at: datetime, *, timeout: float = LP_TIMEOUT,
                    print_fn: Callable[..., PrintResult] | None = None) -> Issued:
    """A test page for the chosen printer, paper and resolution: its barcode must scan.
    Saved like every document, then sent with the same `lp` options as a receipt."""
    from counter.receipt.documents import render_test_page

    pdf = render_test_page(letterhead, printer, paper, dpi, at)
    target = pdf_dir / "uji" / f"uji-{printer}-{at:%Y%m%d-%H%M%S}.pdf"
    path = save_pdf(pdf, target)
    send = print_fn or print_pdf
    result = send(path, printer, timeout=timeout, title=path.stem, media=media_of(pdf, paper))
    return Issued("uji", path, printer, result.ok, result.error, result.job)
