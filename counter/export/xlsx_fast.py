"""The fast XLSX writer: openpyxl's workbook with the big sheets' rows spliced in as text.

openpyxl spends ~10 µs on every cell (an ElementTree element each); a month's
step sheet has ~700,000 cells. So openpyxl builds the workbook (sheets, widths,
styles, the header and the first data row, from which the date style's index is
read) and the remaining rows are spliced into the sheet XML as text in the very
form openpyxl writes them (inline strings, serial dates). When openpyxl's output
ever looks different, `plan` answers None and the caller writes the plain
openpyxl workbook instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import IO, Any, BinaryIO, Protocol

from counter.export.columns import ILLEGAL_XML, Column, local_naive

Sheet = tuple[Any, Sequence[Column], Sequence[Any]]  # (openpyxl worksheet, columns, rows)
_EPOCH = datetime(1899, 12, 30)


@lru_cache(maxsize=65536)
def _xml_text(value: str) -> str:
    """Inline-string XML of a cell; cached, since service names, steps, roles and
    officers repeat in almost every row of a month."""
    text = ILLEGAL_XML.sub("", value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text != text.strip():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def rows_xml(columns: Sequence[Column], rows: Sequence[Any], styles: Mapping[int, str],
             chunk: int = 2000, start: int = 2) -> Iterator[str]:
    """The rows' XML from row `start` on, in pieces of `chunk` rows (streamed into the zip)."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    kinds = [(c.get, c.kind, letters[i], styles.get(i, "")) for i, c in enumerate(columns)]
    out: list[str] = []
    add = out.append
    for n, row in enumerate(rows, start):
        add(f'<row r="{n}">')
        for get, kind, letter, style in kinds:
            v = get(row)
            if v is None or v == "":
                continue
            if kind == "datetime":
                serial = (local_naive(v) - _EPOCH).total_seconds() / 86400.0
                add(f'<c r="{letter}{n}"{style} t="n"><v>{serial!r}</v></c>')
            elif kind == "minutes":
                add(f'<c r="{letter}{n}" t="n"><v>{round(v / 60.0, 1)!r}</v></c>')
            elif kind == "int":
                add(f'<c r="{letter}{n}" t="n"><v>{int(v)}</v></c>')
            else:
                add(f'<c r="{letter}{n}" t="inlineStr">{_xml_text(str(v))}</c>')
        add("</row>")
        if n % chunk == 0:
            yield "".join(out)
            out.clear()
    yield "".join(out)


def _splice(xml: str, columns: Sequence[Column],
            rows: Sequence[Any]) -> tuple[str, dict[int, str], str] | None:
    """(sheet XML before row 2, date styles, XML after the rows); None when openpyxl's
    output is not as expected."""
    from openpyxl.utils import get_column_letter

    start, end = xml.find('<row r="2">'), xml.rfind("</sheetData>")
    if start < 0 or end < start:
        return None
    styles: dict[int, str] = {}
    for i, col in enumerate(columns):
        if col.kind != "datetime" or col.get(rows[0]) is None:
            continue
        m = re.search(rf'<c r="{get_column_letter(i + 1)}2" (s="\d+") t="n">', xml[start:end])
        if m is None:
            return None
        styles[i] = " " + m.group(1)
    if any(c.kind == "datetime" for c in columns) and not styles:
        return None
    return xml[:start], styles, xml[end:]




def plan(shell: bytes, sheets: Sequence[Sheet]) -> Callable[[BinaryIO], None] | None:
    """A function writing openpyxl's `shell` with the big sheets' rows streamed in, or
    None when the shell does not look as expected (nothing is written then)."""
    names = {ws.path.lstrip("/"): (cols, rows) for ws, cols, rows in sheets if rows}
    with zipfile.ZipFile(io.BytesIO(shell)) as src:
        parts = {}
        for name, (cols, rows) in names.items():
            found = _splice(src.read(name).decode("utf-8"), cols, rows)
            if found is None:
                return None
            parts[name] = found

    def rows_of(name: str, fh: IO[bytes], styles: dict[int, str]) -> None:
        cols, rows = names[name]
        for piece in rows_xml(cols, rows, styles):
            fh.write(piece.encode("utf-8"))

    return _rezip(shell, parts, rows_of)


def _rezip(shell: bytes, parts: dict[str, tuple[str, dict[int, str], str]],
           body: Callable[[str, IO[bytes], dict[int, str]], None],
           ) -> Callable[[BinaryIO], None]:
    """A writer of `shell` with each spliced sheet's rows written by `body` between its
    head and tail; every other entry copied as it is."""

    def write(target: BinaryIO) -> None:
        with zipfile.ZipFile(io.BytesIO(shell)) as src, \
                zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
            # Entries opened by name take the archive's fast compression level; a
            # month of rows compresses to about the same size at level 1, in a third
            # of the time.
            for info in src.infolist():
                if info.filename not in parts:
                    dst.writestr(info.filename, src.read(info.filename))
                    continue
                head, styles, tail = parts[info.filename]
                with dst.open(info.filename, "w") as fh:
                    fh.write(head.encode("utf-8"))
                    body(info.filename, fh, styles)
                    fh.write(tail.encode("utf-8"))

    return write


class _Placeholders(dict[int, str]):
    """The style of every date cell while the real one is not known yet (streaming)."""

    def get(self, key: int, default: str = "") -> str:  # type: ignore[override]
        return f"\x01{key}\x02"


# Control characters never reach a cell's text (ILLEGAL_XML), so these cannot clash.
PLACEHOLDERS: Mapping[int, str] = _Placeholders()


def fill_styles(xml: bytes, styles: Mapping[int, str]) -> bytes:
    """Streamed rows with their date cells' placeholders replaced by the shell's style.

    Every date column has the one date format, so a column whose style the shell did
    not show (its first value empty) takes the style another date column showed. The
    chunk is searched once for the placeholders it holds (a few date columns), then
    each is replaced: a month's step sheet is ~40 MB of XML."""
    if b"\x01" not in xml:
        return xml
    any_style = next(iter(styles.values()), "")
    for token in sorted(set(_PLACEHOLDER.findall(xml))):
        xml = xml.replace(token, styles.get(int(token[1:-1]), any_style).encode())
    return xml


_PLACEHOLDER = re.compile(rb"\x01\d+\x02")


class Spooled(Protocol):
    """A sheet's rows already turned into XML (see `counter.export.xlsx_stream`)."""

    first: Any

    def copy_to(self, target: IO[bytes], styles: dict[int, str]) -> None: ...


def plan_spooled(shell: bytes, sheets: Sequence[tuple[Any, Sequence[Column], Spooled]],
                 ) -> Callable[[BinaryIO], None] | None:
    """Like `plan`, with each big sheet's rows coming from its spool."""
    spools = {ws.path.lstrip("/"): (cols, spool) for ws, cols, spool in sheets
              if spool.first is not None}
    with zipfile.ZipFile(io.BytesIO(shell)) as src:
        parts = {}
        for name, (cols, spool) in spools.items():
            found = _splice(src.read(name).decode("utf-8"), cols, [spool.first])
            if found is None:
                return None
            parts[name] = found

    def copy_spool(name: str, fh: IO[bytes], styles: dict[int, str]) -> None:
        spools[name][1].copy_to(fh, styles)

    return _rezip(shell, parts, copy_spool)
