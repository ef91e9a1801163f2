"""Finding the header of an SOP table and what each column holds.

Header names are matched loosely: case, spacing and punctuation do not matter, a
"Pelaksana" or "Mutu Baku" group header may span two rows (its sub-headers in the
row below), and a row of column numbers ("1 2 3 …") under the header is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from counter.sop_table.grid import Grid

NO, KEGIATAN, PELAKSANA, KELENGKAPAN, WAKTU, OUTPUT, KETERANGAN = (
    "no", "kegiatan", "pelaksana", "kelengkapan", "waktu", "output", "keterangan")
MUTU_BAKU = (KELENGKAPAN, WAKTU, OUTPUT)


def norm(text: str) -> str:
    """Lower case, letters/digits and single spaces only: 'Waktu (menit)' → 'waktu menit'."""
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-z]+", " ", text.lower())).strip()


def column_kind(text: str) -> str | None:
    """The known column a header cell names, or None (then it may be a role)."""
    n = norm(text)
    if not n:
        return None
    if n in ("no", "no urut", "nomor", "nomor urut", "langkah", "no langkah", "urutan"):
        return NO
    if "kegiatan" in n or n.startswith("uraian") or n in ("aktivitas", "prosedur",
                                                          "uraian prosedur"):
        return KEGIATAN
    if n in ("pelaksana", "pelaksana kegiatan", "pelaku", "petugas pelaksana", "aktor"):
        return PELAKSANA
    if any(w in n for w in ("kelengkapan", "persyaratan", "perlengkapan", "syarat")):
        return KELENGKAPAN
    if n.startswith("waktu") or n in ("durasi", "lama"):
        return WAKTU
    if n.startswith("output") or n in ("keluaran", "hasil", "output hasil"):
        return OUTPUT
    if n in ("ket", "keterangan", "catatan", "ket cabang", "keterangan cabang"):
        return KETERANGAN
    return None


def is_group(text: str) -> bool:
    return norm(text) in ("pelaksana", "mutu baku", "mutu")


@dataclass
class Header:
    """Where the header is and what each column holds."""

    first_row: int  # index in grid.rows of the header's first row
    data_row: int  # index of the first data row
    columns: dict[str, int] = field(default_factory=dict)  # kind → column index
    roles: list[tuple[int, str]] = field(default_factory=list)  # role columns: (col, name)
    names: dict[int, str] = field(default_factory=dict)  # every column's header text

    @property
    def role_columns(self) -> bool:
        return bool(self.roles)


def _is_numbers_row(row: list[str]) -> bool:
    cells = [c for c in row if c]
    return len(cells) >= 3 and all(re.fullmatch(r"\(?\d+\)?\.?", c) for c in cells)


def find_header(grid: Grid) -> Header | None:
    for i, row in enumerate(grid.rows):
        if any(column_kind(c) == KEGIATAN for c in row) and _header_like(row):
            return _read_header(grid, i)
    return None


def _header_like(row: list[str]) -> bool:
    """A header row names more than Kegiatan alone (not a title like 'Uraian kegiatan: …')."""
    kinds = [column_kind(c) or ("group" if is_group(c) else None) for c in row]
    return sum(1 for k in kinds if k) >= 2 or (
        sum(1 for c in row if c) >= 3 and not any(len(c) > 60 for c in row))


def _read_header(grid: Grid, i: int) -> Header:
    top = grid.rows[i]
    width = max(len(r) for r in grid.rows)
    top = top + [""] * (width - len(top))
    below = grid.rows[i + 1] + [""] * (width - len(grid.rows[i + 1])) \
        if i + 1 < len(grid.rows) else [""] * width
    two_rows = _is_sub_header(top, below)
    names: dict[int, str] = {}
    group_of: dict[int, str] = {}
    group = ""
    for col in range(width):
        t = top[col]
        if t:
            group = norm(t) if is_group(t) else ""
        elif not two_rows:
            group = ""
        name = below[col] if two_rows and below[col] else t
        names[col] = name
        if group and two_rows and below[col]:
            group_of[col] = group
    data_row = i + (2 if two_rows else 1)
    if data_row < len(grid.rows) and _is_numbers_row(grid.rows[data_row]):
        data_row += 1
    header = Header(first_row=i, data_row=data_row, names=names)
    kegiatan_col = next(c for c in range(width) if column_kind(names[c]) == KEGIATAN)
    for col in range(width):
        kind = column_kind(names[col])
        under_pelaksana = group_of.get(col) == "pelaksana"
        if under_pelaksana and names[col] and kind in (None, PELAKSANA):
            header.roles.append((col, _role_name(names[col])))
        elif kind and kind not in header.columns:
            header.columns[kind] = col
        elif kind is None and names[col] and col > kegiatan_col and not _after_mutu(header, col):
            header.roles.append((col, _role_name(names[col])))
    if PELAKSANA in header.columns:
        header.roles = []  # a column of role names: the roles come from its cells
    return header


def _after_mutu(header: Header, col: int) -> bool:
    return any(header.columns.get(k, 10**6) < col for k in (*MUTU_BAKU, KETERANGAN))


def _is_sub_header(top: list[str], below: list[str]) -> bool:
    """The row under the header names columns (roles, Kelengkapan/Waktu/Output) when the
    header row has a group cell ('Pelaksana', 'Mutu Baku') or blanks above those names."""
    if not any(below):
        return False
    if any(re.fullmatch(r"\(?\d+[.)]?", c) for c in below[:1]) and not _is_numbers_row(below):
        return False  # a data row: "1 | Mengisi form …"
    has_group = any(is_group(c) for c in top)
    under_blank = any(b and not t for t, b in zip(top, below, strict=False))
    names_mutu = any(column_kind(c) in MUTU_BAKU for c in below)
    return (has_group or under_blank or names_mutu) and not _is_numbers_row(below)


def _role_name(text: str) -> str:
    """'UMKM 1', '1 UMKM', 'KONSU LTAN' stay readable: drop column numbers, tidy spaces."""
    name = re.sub(r"^\(?\d+\)?\.?\s+|\s+\(?\d+\)?$", "", text.strip())
    return re.sub(r"\s+", " ", name)
