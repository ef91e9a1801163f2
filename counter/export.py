"""Exports of the service log: CSV, XLSX and the printable PDF report.

The tables are what an admin pastes into the office's own spreadsheets, so
their columns are defined once (`CASE_COLUMNS`, `STEP_COLUMNS`) and shared by
CSV and XLSX:

- CSV: two files, UTF-8 with a byte-order mark (spreadsheets then read the
  accents right), comma-separated, one header row. `laporan.csv` holds the
  cases and `laporan-langkah.csv` every step run. Times are ISO 8601 with the
  office's UTC offset (2026-11-25T09:05:12+07:00); durations are minutes with
  a decimal point and one decimal; an empty cell means "none" (no end yet, no
  limit).
- XLSX: sheets "Kasus" and "Langkah" with the same columns, plus
  "Ringkasan" with the summary figures. Times are real spreadsheet dates in
  office time (Excel has no time zones); durations are numbers of minutes;
  column widths are set and the header row is frozen.
- PDF: *Laporan Harian Layanan* on A4 landscape with the office letterhead
  (drawn by `counter.receipt`, the same kop surat as the receipts), the
  summary, the over-time steps, the files waiting, the case table and a
  signature block for the supervisor.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from counter import dates
from counter.errors import LoketError
from counter.report import (
    CaseRow,
    Summary,
    minutes,
    period_text,
    share_text,
    title_text,
    unreadable_lines,
)
from counter.texts import report as T

FORMATS = ("teks", "csv", "xlsx", "pdf")
PDF_MAX_CASES = 1500  # a month's report stays printable; the full table is in XLSX/CSV
OVER_TOP = 15  # the steps that ran over most, on paper and screen (all are in the Summary)


class ExportError(LoketError):
    """An export that could not be written (a folder that does not exist, no permission)."""


# ----------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    header: str
    get: Callable[[Any], Any]
    kind: str = "text"  # text | int | datetime | minutes
    width: float = 14.0


def _yes_no(flag: bool) -> str:
    return T.YES if flag else T.NO


CASE_COLUMNS: tuple[Column, ...] = (
    Column(T.COL_CODE, lambda r: r.code_human, width=17),
    Column(T.COL_OPENED, lambda r: r.opened_at, "datetime", 17),
    Column(T.COL_VISITOR, lambda r: r.visitor, width=24),
    Column(T.COL_NIK, lambda r: r.nik_masked, width=18),
    Column(T.COL_SOP_ID, lambda r: r.sop_id, width=22),
    Column(T.COL_SERVICE, lambda r: r.service, width=34),
    Column(T.COL_OFFICER, lambda r: r.officer, width=18),
    Column(T.COL_DESK, lambda r: r.desk, "int", 7),
    Column(T.COL_STATUS, lambda r: r.status_label, width=26),
    Column(T.COL_HOLDER, lambda r: r.holder, width=26),
    Column(T.COL_ELAPSED_MIN, lambda r: r.elapsed_s, "minutes", 12),
    Column(T.COL_PAUSED_MIN, lambda r: r.paused_s, "minutes", 12),
    Column(T.COL_LIMIT_MIN, lambda r: r.limit_s, "minutes", 12),
    Column(T.COL_OVER, lambda r: _yes_no(r.over), width=8),
    Column(T.COL_CLOSED, lambda r: r.closed_at, "datetime", 17),
)

STEP_COLUMNS: tuple[Column, ...] = (
    Column(T.COL_CODE, lambda r: r.code_human, width=17),
    Column(T.COL_SOP_ID, lambda r: r.sop_id, width=22),
    Column(T.COL_SERVICE, lambda r: r.service, width=30),
    Column(T.COL_STEP, lambda r: r.step, "int", 8),
    Column(T.COL_KEGIATAN, lambda r: r.kegiatan, width=40),
    Column(T.COL_PELAKSANA, lambda r: r.pelaksana, width=20),
    Column(T.COL_OFFICER, lambda r: r.officer, width=18),
    Column(T.COL_START, lambda r: r.started_at, "datetime", 17),
    Column(T.COL_END, lambda r: r.ended_at, "datetime", 17),
    Column(T.COL_ELAPSED_MIN, lambda r: r.elapsed_s, "minutes", 12),
    Column(T.COL_PAUSED_MIN, lambda r: r.paused_s, "minutes", 12),
    Column(T.COL_MUTU_BAKU, lambda r: r.mutu_baku, width=16),
    Column(T.COL_LIMIT_MIN, lambda r: r.limit_s, "minutes", 12),
    Column(T.COL_JUDGE, lambda r: r.judgement, width=12),
    Column(T.COL_RESULT, lambda r: r.outcome, width=13),
    Column(T.COL_REASON, lambda r: r.reason, width=30),
    Column(T.COL_RETURN_REASON, lambda r: r.return_reason, width=30),
)


def _cell_text(col: Column, row: Any) -> str:
    value = col.get(row)
    if value is None:
        return ""
    if col.kind == "datetime":
        return value.isoformat(timespec="seconds")
    if col.kind == "minutes":
        return f"{minutes(value):.1f}"
    return str(value)


def check_target(path: Path) -> None:
    """Refuse, before any work, a path in a missing folder or one that is a folder."""
    if path.is_dir():
        raise ExportError(T.CANNOT_WRITE.format(error=T.IS_A_FOLDER), path=path)
    if not path.parent.is_dir():
        raise ExportError(T.CANNOT_WRITE.format(error=T.NO_FOLDER.format(folder=path.parent)),
                          path=path)


def _open_for_writing(path: Path, mode: str = "w") -> Any:
    check_target(path)
    try:
        if mode == "wb":
            return open(path, "wb")
        return open(path, mode, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ExportError(T.CANNOT_WRITE.format(error=exc.strerror or exc), path=path) from None


# ----------------------------------------------------------------- CSV


def steps_path_for(path: Path) -> Path:
    """laporan.csv -> laporan-langkah.csv (beside it)."""
    return path.with_name(f"{path.stem}-langkah{path.suffix or '.csv'}")


def write_table_csv(path: Path, columns: Sequence[Column], rows: Sequence[Any],
                    trailer: Sequence[str] = ()) -> None:
    """The table; ``trailer`` lines (an unreadable day) follow as one-cell rows."""
    with _open_for_writing(path) as fh:
        out = csv.writer(fh)
        out.writerow([c.header for c in columns])
        for row in rows:
            out.writerow([_cell_text(c, row) for c in columns])
        for line in trailer:
            out.writerow([line])


def write_csv(summary: Summary, path: str | Path) -> tuple[Path, Path]:
    """The case table at `path` and the step table beside it; returns both paths."""
    path = Path(path)
    steps = steps_path_for(path)
    write_table_csv(path, CASE_COLUMNS, summary.cases, trailer=unreadable_lines(summary))
    write_table_csv(steps, STEP_COLUMNS, summary.steps)
    return path, steps


# ----------------------------------------------------------------- XLSX

DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
MINUTES_FORMAT = "0.0"


def _local_naive(value: datetime) -> datetime:
    """Office time without the zone: Excel cannot store a zone, and the office reads its own."""
    return value.replace(tzinfo=None, microsecond=0) if value.tzinfo else value


def _xlsx_sheet(wb: Any, title: str, columns: Sequence[Column], rows: Sequence[Any]) -> Any:
    """A sheet with widths, a frozen bold header and the rows (all of them, or the first
    one only when the fast writer adds the rest); returns the worksheet."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, col.header)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    kinds = [(c.get, c.kind) for c in columns]
    append = ws.append
    for row in rows:
        values: list[Any] = []
        for get, kind in kinds:
            v = get(row)
            if v is None:
                values.append(None)
            elif kind == "datetime":
                cell = WriteOnlyCell(ws, _local_naive(v))
                cell.number_format = DATETIME_FORMAT
                values.append(cell)
            elif kind == "minutes":
                values.append(round(v / 60.0, 1))
            elif isinstance(v, str):
                values.append(_ILLEGAL_XML.sub("", v))  # control characters break XLSX
            else:
                values.append(v)
        append(values)
    return ws


# openpyxl spends ~10 µs on every cell (an ElementTree element each); a month's
# step sheet has ~700,000 cells. So openpyxl builds the workbook (sheets, widths,
# styles, the header and the first data row, from which the date style's index
# is read) and the remaining rows are spliced into the sheet XML as text in the
# very form openpyxl writes them (inline strings, serial dates). When openpyxl's
# output ever looks different, the plain openpyxl path is used instead.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_EPOCH = datetime(1899, 12, 30)


@lru_cache(maxsize=65536)
def _xml_text(value: str) -> str:
    """Inline-string XML of a cell; cached, since service names, steps, roles and
    officers repeat in almost every row of a month."""
    text = _ILLEGAL_XML.sub("", value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text != text.strip():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def _rows_xml(columns: Sequence[Column], rows: Sequence[Any], styles: dict[int, str],
              chunk: int = 2000) -> Iterator[str]:
    """The rows' XML from row 2 on, in pieces of `chunk` rows (streamed into the zip)."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    kinds = [(c.get, c.kind, letters[i], styles.get(i, "")) for i, c in enumerate(columns)]
    out: list[str] = []
    add = out.append
    for n, row in enumerate(rows, 2):
        add(f'<row r="{n}">')
        for get, kind, letter, style in kinds:
            v = get(row)
            if v is None or v == "":
                continue
            if kind == "datetime":
                serial = (_local_naive(v) - _EPOCH).total_seconds() / 86400.0
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


def _fast_tables(shell: bytes, sheets: Sequence[tuple[Any, Sequence[Column], Sequence[Any]]],
                 target: Path) -> bool:
    """Write openpyxl's `shell` to `target` with the big sheets' rows streamed in."""
    import zipfile

    names = {ws.path.lstrip("/"): (cols, rows) for ws, cols, rows in sheets if rows}
    with zipfile.ZipFile(io.BytesIO(shell)) as src:
        parts = {}
        for name, (cols, rows) in names.items():
            found = _splice(src.read(name).decode("utf-8"), cols, rows)
            if found is None:
                return False
            parts[name] = found
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
            # Entries opened by name take the archive's fast compression level; a
            # month of rows compresses to about the same size at level 1, in a third
            # of the time.
            for info in src.infolist():
                if info.filename not in parts:
                    dst.writestr(info.filename, src.read(info.filename))
                    continue
                head, styles, tail = parts[info.filename]
                cols, rows = names[info.filename]
                with dst.open(info.filename, "w") as fh:
                    fh.write(head.encode("utf-8"))
                    for piece in _rows_xml(cols, rows, styles):
                        fh.write(piece.encode("utf-8"))
                    fh.write(tail.encode("utf-8"))
    return True


def _summary_rows(summary: Summary) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [
        (title_text(summary), period_text(summary)),
        *((line, "") for line in unreadable_lines(summary)),
        (T.LABEL_OPENED, summary.opened),
        (T.LABEL_SELESAI, summary.selesai),
        (T.LABEL_DITOLAK, summary.ditolak),
        (T.LABEL_DIBATALKAN, summary.dibatalkan),
        (T.LABEL_OPEN, summary.still_open),
        (T.LABEL_WITHIN, share_text(summary.within_share)),
        ("", ""),
        (T.HEAD_SERVICES, ""),
    ]
    for s in summary.services:
        line = T.SERVICE_LINE.format(count=s.count, selesai=s.selesai,
                                     median=_dur(s.median_s), standard=_dur(s.standard_s))
        rows.append((s.service, line))
    rows += [("", ""), (T.HEAD_OVER, "")]
    for o in summary.over_steps:
        rows.append((f"{o.service} — {T.COL_STEP.lower()} {o.step}", T.OVER_LINE.format(
            count=o.count, overrun=_dur(o.median_overrun_s), reasons=_reasons(o.reasons))))
    rows += [("", ""), (T.HEAD_WAITING, "")]
    for w in summary.waiting:
        rows.append((w.holder, T.WAIT_LINE.format(
            count=w.count, code=_human(w.oldest_code), since=dates.format_datetime_short(
                w.oldest_since))))
    return rows


def _workbook(summary: Summary, first_rows_only: bool) -> tuple[bytes, list[Any]]:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    tables = ((T.SHEET_CASES, CASE_COLUMNS, summary.cases),
              (T.SHEET_STEPS, STEP_COLUMNS, summary.steps))
    sheets = []
    for title, cols, rows in tables:
        ws = _xlsx_sheet(wb, title, cols, rows[:1] if first_rows_only else rows)
        sheets.append((ws, cols, rows))
    ws = wb.create_sheet(T.SHEET_SUMMARY)
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 70
    for label, value in _summary_rows(summary):
        ws.append([_ILLEGAL_XML.sub("", label),
                   _ILLEGAL_XML.sub("", value) if isinstance(value, str) else value])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue(), sheets


def write_xlsx(summary: Summary, path: str | Path, *, fast: bool = True) -> Path:
    """The workbook (Kasus, Langkah, Ringkasan) at `path`, written whole or not at all."""
    path = Path(path)
    check_target(path)
    temp = path.with_name(f".{path.name}.tmp")
    try:
        done = False
        if fast:
            shell, sheets = _workbook(summary, first_rows_only=True)
            done = _fast_tables(shell, sheets, temp)
        if not done:
            data = _workbook(summary, first_rows_only=False)[0]
            temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ExportError(T.CANNOT_WRITE.format(error=exc.strerror or exc), path=path) from None
    return path


# ----------------------------------------------------------------- shared text helpers


def _dur(seconds: float | None) -> str:
    from counter.clock import format_duration

    return T.NONE if seconds is None else format_duration(seconds)


def _human(code: str) -> str:
    from counter.report import _human as human

    return human(code)


def _reasons(reasons: Sequence[tuple[str, int]]) -> str:
    parts = [f"{text or T.NO_REASON} ({count})" for text, count in reasons]
    return "; ".join(parts)


def summary_lines(summary: Summary) -> list[tuple[str, str]]:
    """(label, value) lines of the counts, for the text report and the PDF."""
    return [
        (T.LABEL_OPENED, str(summary.opened)),
        (T.LABEL_SELESAI, str(summary.selesai)),
        (T.LABEL_DITOLAK, str(summary.ditolak)),
        (T.LABEL_DIBATALKAN, str(summary.dibatalkan)),
        (T.LABEL_OPEN, f"{summary.still_open} ("
         + T.LABEL_OPEN_DETAIL.format(berjalan=summary.berjalan,
                                      pelaksana=summary.menunggu_pelaksana,
                                      pemohon=summary.menunggu_pemohon) + ")"),
        (T.LABEL_WITHIN, T.WITHIN_VALUE.format(
            within=summary.steps_within, measured=summary.steps_measured,
            share=share_text(summary.within_share)) if summary.steps_measured
         else T.WITHIN_NONE),
    ]


def case_time_text(row: CaseRow) -> str:
    """ "1 jam 5 menit / 55 menit" — the case's working time against its allowance."""
    return f"{_dur(row.elapsed_s)} / {_dur(row.limit_s)}"


# ----------------------------------------------------------------- PDF


def _letterhead_flowable(profile: Any, width: float) -> Any:
    """The receipts' kop surat (counter.receipt) as a platypus flowable of `width`."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable

    from counter import receipt

    head = receipt.Letterhead(instansi=profile.instansi, unit=profile.unit,
                              alamat=profile.alamat, telepon=profile.telepon, logo=profile.logo)
    paper = replace(receipt.PAPERS["a5"], name="a4", width=width + 2 * receipt.PAPERS["a5"]
                    .margin_x, height=210 * mm, body=11.0, small=9.0, title=15.0,
                    logo_height=18 * mm)
    blocks = receipt.letterhead_blocks(head, paper)  # shared with the receipts on purpose
    total = sum(b.height for b in blocks)

    class _Kop(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return width, total

        def draw(self) -> None:
            y = total
            for b in blocks:
                b.paint(self.canv, 0, y)
                y -= b.height

    return _Kop()


def render_pdf(summary: Summary, profile: Any, *, printed_at: datetime | None = None,
               max_cases: int = PDF_MAX_CASES) -> bytes:
    """The *Laporan Harian Layanan* (or the range report) as PDF bytes."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from counter import receipt

    receipt.register_fonts()
    font, bold = receipt.FONT, receipt.FONT_BOLD
    page = landscape(A4)
    margin = 14 * mm
    width = page[0] - 2 * margin
    body = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=10.5)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9)
    h1 = ParagraphStyle("h1", fontName=bold, fontSize=14, leading=18, alignment=1,
                        spaceAfter=1 * mm)
    h1sub = ParagraphStyle("h1sub", parent=body, fontSize=10.5, leading=13, alignment=1,
                           spaceAfter=4 * mm)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=10.5, leading=13, spaceBefore=4 * mm,
                        spaceAfter=1.5 * mm)

    def p(text: Any, style: ParagraphStyle = small) -> Paragraph:
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    common = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    plain = TableStyle(common)
    grid = TableStyle([*common, ("FONTNAME", (0, 0), (-1, 0), bold),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6"))])

    def table(header: Sequence[str] | None, rows: Sequence[Sequence[Any]],
              widths: Sequence[float]) -> list[Any]:
        """Chunks of 40 rows: platypus splits long tables slowly, short ones fast."""
        scale = width / sum(widths)
        cols = [w * scale for w in widths]
        head = [[p(h) for h in header]] if header else []
        out = []
        for i in range(0, max(len(rows), 1), 40):
            chunk = [[c if isinstance(c, Paragraph) else p(c) for c in r]
                     for r in rows[i:i + 40]]
            t = Table([*head, *chunk], colWidths=cols, repeatRows=len(head))
            t.setStyle(grid if head else plain)
            out.append(t)
        return out

    story: list[Any] = [_letterhead_flowable(profile, width), Spacer(1, 2 * mm),
                        p(title_text(summary).upper(), h1), p(period_text(summary), h1sub)]
    story += [p(line, body) for line in unreadable_lines(summary)]

    story.append(p(T.HEAD_COUNTS, h2))
    story += table(None, summary_lines(summary), [1, 3])

    if summary.services:
        story.append(p(T.HEAD_SERVICES, h2))
        story += table(
            [T.COL_SERVICE, T.COL_COUNT, T.COL_DONE, T.COL_OVER_COUNT, T.COL_MEDIAN,
             T.COL_STANDARD],
            [[s.service, s.count, s.selesai, s.over, _dur(s.median_s), _dur(s.standard_s)]
             for s in summary.services],
            [8, 1.2, 1.2, 1.2, 2.4, 2.4])

    story.append(p(T.HEAD_OVER, h2))
    if summary.over_steps:
        story += table(
            [T.COL_SERVICE, T.COL_STEP, T.COL_KEGIATAN, T.COL_HOW_OFTEN, T.COL_MEDIAN_OVERRUN,
             T.COL_REASONS],
            [[o.service, o.step, o.kegiatan, o.count, _dur(o.median_overrun_s),
              _reasons(o.reasons)] for o in summary.over_steps[:OVER_TOP]],
            [4.5, 1.3, 6, 0.9, 2.2, 6])
    else:
        story.append(p(T.NO_OVER, body))

    story.append(p(T.HEAD_WAITING, h2))
    if summary.waiting:
        story += table(
            [T.COL_HOLDER, T.COL_WAIT_COUNT, T.COL_OLDEST, T.COL_SINCE],
            [[w.holder, w.count, _human(w.oldest_code),
              dates.format_datetime_short(w.oldest_since)] for w in summary.waiting],
            [6, 1.2, 3, 3.5])
    else:
        story.append(p(T.NO_WAITING, body))

    if summary.arrivals and summary.opened:
        story.append(p(T.HEAD_ARRIVALS, h2))
        peak = max(c for _, c in summary.arrivals) or 1
        story += table(
            [T.COL_HOUR, T.COL_COUNT, ""],
            [[T.HOUR_LABEL.format(hour=h), c, "█" * round(30 * c / peak)]
             for h, c in summary.arrivals],
            [1.2, 1, 8])

    if not summary.is_day and summary.days:
        story.append(p(T.HEAD_DAYS, h2))
        story += table(
            [T.COL_DAY, T.LABEL_OPENED, T.LABEL_SELESAI, T.COL_OVER_COUNT],
            [[dates.format_day_date(d.day), d.opened, d.selesai, d.over] for d in summary.days],
            [4, 1.5, 1.5, 1.5])

    story.append(p(T.HEAD_CASES, h2))
    cases = summary.cases
    if cases:
        shown = cases[:max_cases]
        story += table(
            [T.COL_CODE, T.COL_OPENED, T.COL_VISITOR, T.COL_SERVICE, T.COL_OFFICER,
             T.COL_STATUS, f"{T.COL_ELAPSED} / {T.COL_LIMIT}", T.COL_OVER],
            [[r.code_human, _when(r.opened_at, summary), r.visitor, r.service, r.officer,
              r.status_label, case_time_text(r), _yes_no(r.over)] for r in shown],
            [3.2, 2.4, 3.5, 5, 3, 4.2, 3.6, 1.2])
        if len(cases) > len(shown):
            story.append(p(T.PDF_MORE_CASES.format(count=len(cases) - len(shown)), body))
    else:
        story.append(p(T.NO_CASES, body))

    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether(_signatures(p, body, width, summary, Table, TableStyle, font)))

    out = io.BytesIO()
    stamp = printed_at or datetime.now(profile.tz)
    footer = T.PDF_PRINTED_AT.format(at=dates.format_datetime_short(stamp))

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawString(margin, 8 * mm, f"{title_text(summary)} — {period_text(summary)}")
        canvas.drawRightString(page[0] - margin, 8 * mm,
                               f"{footer} · {T.PDF_PAGE.format(page=doc.page)}")
        canvas.restoreState()

    doc = SimpleDocTemplate(out, pagesize=page, leftMargin=margin, rightMargin=margin,
                            topMargin=12 * mm, bottomMargin=14 * mm,
                            title=f"{title_text(summary)} {period_text(summary)}",
                            author=profile.instansi, creator="Loket")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()


def _when(value: datetime, summary: Summary) -> str:
    if summary.is_day:
        return dates.format_time(value)
    return f"{dates.format_date_short(value)} {dates.format_time(value)}"


def _signatures(p: Any, style: Any, width: float, summary: Summary, table_cls: Any,
                style_cls: Any, font: str) -> list[Any]:
    """Two columns: the officer who made it and the supervisor who acknowledges it."""
    from reportlab.lib.units import mm

    place_date = dates.format_date(summary.last)
    left = [p("", style), p(T.PDF_MADE_BY, style), p("\n\n\n", style),
            p(T.PDF_NAME_LINE, style), p(T.PDF_NIP, style)]
    right = [p(place_date, style), p(T.PDF_SUPERVISOR, style), p("\n\n\n", style),
             p(T.PDF_NAME_LINE, style), p(T.PDF_NIP, style)]
    t = table_cls([[a, b] for a, b in zip(left, right, strict=True)],
                  colWidths=[width / 2, width / 2])
    t.setStyle(style_cls([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                          ("FONTNAME", (0, 0), (-1, -1), font),
                          ("LEFTPADDING", (0, 0), (-1, -1), 30 * mm)]))
    return [t]


def write_pdf(summary: Summary, profile: Any, path: str | Path, **kwargs: Any) -> Path:
    data = render_pdf(summary, profile, **kwargs)
    path = Path(path)
    with _open_for_writing(path, "wb") as fh:
        fh.write(data)
    return path


# ----------------------------------------------------------------- plain text


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(summary: Summary, *, cases: bool = True) -> str:
    """The summary and the case table as plain text for the terminal (`loket laporan`)."""
    lines = [f"{title_text(summary)} — {period_text(summary)}", ""]
    if summary.unreadable:
        lines += [*unreadable_lines(summary), ""]
    label_w = max(len(label) for label, _ in summary_lines(summary))
    lines += [f"{label.ljust(label_w)}  {value}" for label, value in summary_lines(summary)]
    lines += ["", T.HEAD_SERVICES + ":"]
    lines += [T.SERVICE_TEXT.format(service=s.service, line=T.SERVICE_LINE.format(
        count=s.count, selesai=s.selesai, median=_dur(s.median_s), standard=_dur(s.standard_s)))
        for s in summary.services] or ["  " + T.NO_CASES]
    lines += ["", T.HEAD_OVER + ":"]
    lines += [T.OVER_TEXT.format(service=o.service, step=o.step, kegiatan=_cut(o.kegiatan, 50),
                                 line=T.OVER_LINE.format(count=o.count,
                                                         overrun=_dur(o.median_overrun_s),
                                                         reasons=_reasons(o.reasons)))
              for o in summary.over_steps[:OVER_TOP]] or ["  " + T.NO_OVER]
    lines += ["", T.HEAD_WAITING + ":"]
    lines += [T.WAIT_TEXT.format(holder=w.holder, line=T.WAIT_LINE.format(
        count=w.count, code=_human(w.oldest_code),
        since=dates.format_datetime_short(w.oldest_since))) for w in summary.waiting] \
        or ["  " + T.NO_WAITING]
    if summary.opened:
        lines += ["", T.HEAD_ARRIVALS + ":"]
        peak = max(c for _, c in summary.arrivals) or 1
        lines += [T.ARRIVAL_TEXT.format(hour=T.HOUR_LABEL.format(hour=h),
                                        bar=("█" * round(40 * c / peak)).ljust(40), count=c)
                  for h, c in summary.arrivals]
    if cases:
        lines += ["", T.HEAD_CASES + ":"]
        if not summary.cases:
            lines.append("  " + T.NO_CASES)
        else:
            header = (T.COL_CODE, T.COL_OPENED, T.COL_VISITOR, T.COL_SERVICE, T.COL_OFFICER,
                      T.COL_STATUS, f"{T.COL_ELAPSED} / {T.COL_LIMIT}", T.COL_OVER)
            widths = (15, 17 if not summary.is_day else 6, 20, 28, 14, 30, 26, 5)
            rows = [[r.code_human, _when(r.opened_at, summary), r.visitor, r.service,
                     r.officer, r.status_label, case_time_text(r), _yes_no(r.over)]
                    for r in summary.cases]
            for row in ([list(header)], rows):
                for r in row:
                    lines.append("  " + "  ".join(_cut(str(c), w).ljust(w)
                                                  for c, w in zip(r, widths, strict=True))
                                 .rstrip())
    return "\n".join(lines) + "\n"


def default_name(first: date, last: date, fmt: str) -> str:
    """`laporan-2026-11-25.xlsx`, or `laporan-2026-11-01_2026-11-30.xlsx` for a range."""
    stem = f"laporan-{first.isoformat()}" if first == last else \
        f"laporan-{first.isoformat()}_{last.isoformat()}"
    return f"{stem}.{'txt' if fmt == 'teks' else fmt}"


def write_report(summary: Summary, profile: Any, fmt: str, path: str | Path) -> list[Path]:
    """Write the report in one format; returns the files written (CSV makes two)."""
    out = Path(path)
    check_target(out)
    if fmt == "csv":
        return list(write_csv(summary, out))
    if fmt == "xlsx":
        return [write_xlsx(summary, out)]
    if fmt == "pdf":
        return [write_pdf(summary, profile, out)]
    try:
        out.write_text(render_text(summary), encoding="utf-8")
    except OSError as exc:
        raise ExportError(T.CANNOT_WRITE.format(error=exc.strerror or exc), path=out) from None
    return [out]
