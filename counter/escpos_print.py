"""ESC/POS thermal printers without a CUPS driver (the cheap 58/80 mm USB or network
printers most counters have): the same documents, sent as a raster image.

The PDF Loket saved is rasterised at the printer's resolution (the page is a whole
number of dots and the bars are whole dots, so nothing is resampled), cut to the
head's printable width, made black-or-white, and sent with python-escpos
(`GS v 0` raster, then a cut). A printer is named by a target:

- ``usb:VID:PID`` (hex, e.g. ``usb:0x0416:0x5011``; needs pyusb and USB permission),
- ``tcp:HOST`` or ``tcp:HOST:PORT`` (port 9100 by default),
- ``file:/dev/usb/lp0`` (the kernel's printer device, or any file).

Like `print_pdf`, `print_escpos` never raises: a problem is an Indonesian message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from counter.paper_sizes import DEFAULT_DPI, PAPERS
from counter.printing import PrintResult
from counter.texts import receipt as T

DEFAULT_PORT = 9100


def raster(pdf: bytes, paper: str, dpi: int = DEFAULT_DPI) -> list[Any]:
    """Each page as a 1-bit PIL image of the head's printable width at `dpi`."""
    import pypdfium2 as pdfium

    p = PAPERS[paper]
    margin = round(p.margin_x * dpi / 72)
    pages = []
    doc = pdfium.PdfDocument(pdf)
    for i in range(len(doc)):
        img = doc[i].render(scale=dpi / 72).to_pil().convert("L")
        img = img.crop((margin, 0, img.size[0] - margin, img.size[1]))
        pages.append(img.point(lambda v: 255 if v >= 128 else 0).convert("1"))
    return pages


def check_target(target: str) -> str:
    """An Indonesian message when `target` is not a printer target Loket can open, or ""."""
    kind, _, rest = target.partition(":")
    kind = kind.lower()
    ok = False
    if kind == "usb":
        vid, _, pid = rest.partition(":")
        try:
            int(vid, 16), int(pid, 16)
            ok = True
        except ValueError:
            ok = False
    elif kind == "tcp":
        host, _, port = rest.partition(":")
        ok = bool(host) and (not port or port.isdigit())
    elif kind == "file":
        ok = bool(rest)
    return "" if ok else T.ESCPOS_BAD_TARGET.format(target=target)


def open_printer(target: str, timeout: float = 10.0) -> Any:
    """A python-escpos printer for a target string; raises ValueError with Indonesian text."""
    from escpos import printer as escpos

    kind, _, rest = target.partition(":")
    kind = kind.lower()
    if kind == "usb":
        vid, _, pid = rest.partition(":")
        try:
            return escpos.Usb(int(vid, 16), int(pid, 16), timeout=int(timeout * 1000))
        except ValueError:
            raise ValueError(T.ESCPOS_BAD_TARGET.format(target=target)) from None
    if kind == "tcp":
        host, _, port = rest.partition(":")
        if not host or (port and not port.isdigit()):
            raise ValueError(T.ESCPOS_BAD_TARGET.format(target=target))
        return escpos.Network(host, int(port or DEFAULT_PORT), timeout=timeout)
    if kind == "file" and rest:
        return escpos.File(rest)
    raise ValueError(T.ESCPOS_BAD_TARGET.format(target=target))


def send_raster(device: Any, pages: list[Any], copies: int = 1) -> None:
    """The pages to an open python-escpos device, each followed by a cut."""
    for _ in range(max(1, copies)):
        for page in pages:
            device.image(page, impl="bitImageRaster", center=False)
            device.cut()


def print_escpos(pdf_path: str | Path, printer: str | None, *, paper: str,
                 dpi: int = DEFAULT_DPI, timeout: float = 10.0, copies: int = 1,
                 device: Any = None, **_: Any) -> PrintResult:
    """Print a saved document on an ESC/POS printer (`printer` is its target, or `device`
    an open python-escpos printer such as `Dummy`). Never raises."""
    if device is None and not printer:
        return PrintResult(False, T.NO_PRINTER)
    try:
        pages = raster(Path(pdf_path).read_bytes(), paper, dpi)
    except (OSError, ValueError) as err:
        return PrintResult(False, T.NO_FILE.format(path=pdf_path) + f" ({err})")
    try:
        dev = device or open_printer(str(printer), timeout)
        send_raster(dev, pages, copies)
        if device is None:
            dev.close()
    except ValueError as err:
        return PrintResult(False, str(err))
    except Exception as err:  # the device library raises many kinds: USB, socket, file
        return PrintResult(False, T.ESCPOS_FAILED.format(printer=printer, detail=err))
    return PrintResult(True)
