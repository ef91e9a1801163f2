"""The SKM report laid out as the regulation's worksheets: the processing table
(a row per respondent, a column per unsur, then Σ nilai, NRR and NRR tertimbang
per unsur and the IKM), the index per service and desk, the respondents'
profile, and the saran — as rows (shared by CSV, XLSX and the screen) and as a
PDF for signature. Produces bytes; the caller writes them (atomically).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from counter import dates
from counter.skm.index import IndexResult, mutu_label, round_half_up
from counter.skm.questions import UNSUR_CODES
from counter.skm.report import SkmReport
from counter.texts import skm as T

FORMATS = ("teks", "csv", "xlsx", "pdf")


def num(value: Fraction | Decimal | None, places: int = 2) -> str:
    """Indonesian decimal comma, rounded half-up: 3,25; '-' for no value."""
    if value is None:
        return T.NOT_ANSWERED
    exact = value if isinstance(value, Decimal) else round_half_up(value, places)
    return f"{exact:.{places}f}".replace(".", ",")


def ikm_line(result: IndexResult) -> str:
    if result.ikm is None or result.mutu is None:
        return T.REPORT_NO_IKM.format(why=result.why_no_ikm)
    return T.REPORT_IKM.format(ikm=num(result.ikm), mutu=result.mutu,
                               kinerja=mutu_label(result.mutu))


def period_text(report: SkmReport) -> str:
    return T.REPORT_PERIOD.format(start=dates.format_date(report.start),
                                  end=dates.format_date(report.end))


def processing_rows(report: SkmReport) -> Iterator[list[str]]:
    """The regulation's *pengolahan data per responden dan per unsur* table."""
    yield ["No. Resp", *UNSUR_CODES]
    for i, r in enumerate(report.responses, start=1):
        yield [str(i), *(str(r.jawaban.get(k)) if r.jawaban.get(k) is not None
                         else T.NOT_ANSWERED for k in UNSUR_CODES)]
    unit = report.unit
    yield ["Σ Nilai/Unsur", *(str(u.total) for u in unit.unsur)]
    yield ["NRR/Unsur", *(num(u.nrr, 3) for u in unit.unsur)]
    yield ["NRR tertimbang/Unsur", *(num(u.weighted(unit.weight), 3) for u in unit.unsur)]
    total = (sum((u.weighted(unit.weight) or Fraction(0) for u in unit.unsur), Fraction(0))
             if unit.respondents else None)
    yield ["Σ NRR tertimbang", num(total, 3)]
    yield ["IKM unit layanan", num(unit.ikm)]


def unsur_rows(result: IndexResult, report: SkmReport) -> Iterator[list[str]]:
    """Per unsur: name, Σ, respondents, NRR, weighted NRR, mutu — lowest NRR first."""
    yield list(T.REPORT_COLUMNS)
    q = report.questionnaire
    for u in result.lowest_first():
        yield [u.kode, q.unsur_by_code(u.kode).nama, str(u.total), str(u.respondents),
               num(u.nrr, 3), num(u.weighted(result.weight), 3),
               f"{u.mutu} ({mutu_label(u.mutu)})" if u.mutu else T.NOT_ANSWERED]


def group_rows(report: SkmReport) -> Iterator[list[str]]:
    yield ["Kelompok", "Responden", "IKM", "Mutu"]
    for name, result in report.per_service:
        yield [name, str(result.respondents), num(result.ikm), result.mutu or T.NOT_ANSWERED]
    for desk, result in report.per_desk:
        yield [T.DESK_LABEL.format(desk=desk), str(result.respondents), num(result.ikm),
               result.mutu or T.NOT_ANSWERED]


def profile_rows(report: SkmReport) -> Iterator[list[str]]:
    yield ["Profil", "Pilihan", "Jumlah"]
    for label, counts in report.profile:
        for choice, count in counts:
            yield [label, choice, str(count)]


def header_lines(report: SkmReport, unit: str, layanan: str | None) -> list[str]:
    lines = [T.REPORT_TITLE, T.REPORT_UNIT.format(unit=unit), period_text(report)]
    if layanan:
        lines.append(T.REPORT_SERVICE.format(layanan=layanan))
    lines += [
        T.REPORT_RESPONDENTS.format(n=report.unit.respondents),
        T.REPORT_POPULATION.format(n=report.population, need=report.minimum),
        report.sample_text,
        T.REPORT_WEIGHT.format(label=T.WEIGHT_LABELS[report.unit.weight_name]),
        ikm_line(report.unit),
    ]
    return lines


def csv_bytes(report: SkmReport, unit: str, layanan: str | None = None) -> bytes:
    """One CSV with the sections one after another (UTF-8 with BOM for spreadsheets)."""
    out = io.StringIO()
    w = csv.writer(out)
    for line in header_lines(report, unit, layanan):
        w.writerow([line])
    for title, rows in ((T.REPORT_PROCESSING, processing_rows(report)),
                        (T.REPORT_LOWEST, unsur_rows(report.unit, report)),
                        (T.REPORT_PER_SERVICE, group_rows(report)),
                        (T.REPORT_PROFILE, profile_rows(report))):
        w.writerow([])
        w.writerow([title])
        w.writerows(rows)
    w.writerow([])
    w.writerow([T.REPORT_SARAN])
    for s in report.saran:
        w.writerow([s])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(report: SkmReport, unit: str, layanan: str | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "Ringkasan"
    for line in header_lines(report, unit, layanan):
        first.append([line])
    first["A1"].font = Font(bold=True, size=13)
    first.append([])
    for row in unsur_rows(report.unit, report):
        first.append(row)
    first.column_dimensions["A"].width = 12
    first.column_dimensions["B"].width = 40
    sheets: list[tuple[str, Iterator[list[str]]]] = [
        ("Pengolahan", processing_rows(report)), ("Per layanan & loket", group_rows(report)),
        ("Profil", profile_rows(report)),
        ("Saran", iter([[T.REPORT_SARAN], *([s] for s in report.saran)])),
    ]
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        ws.freeze_panes = "A2"
        ws["A1"].font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pdf_bytes(report: SkmReport, unit: str, instansi: str, *, layanan: str | None = None,
              printed_at: datetime | None = None) -> bytes:
    """The report on A4 portrait, in the order of the regulation's reporting format."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body, head = styles["BodyText"], styles["Heading2"]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm,
                            title=T.REPORT_TITLE, author=instansi)

    def table(rows: list[list[str]], widths: list[float] | None = None) -> Any:
        t = LongTable(rows, colWidths=widths, repeatRows=1)
        t.setStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                    ("FONTSIZE", (0, 0), (-1, -1), 8), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        return t

    story: list[Any] = [Paragraph(escape(instansi), body)]
    lines = header_lines(report, unit, layanan)
    story.append(Paragraph(escape(lines[0]), styles["Title"]))
    story += [Paragraph(escape(line), body) for line in lines[1:]]
    story += [Spacer(1, 4 * mm), Paragraph(escape(T.REPORT_LOWEST), head)]
    wrap = styles["BodyText"].clone("cell", fontSize=8, leading=9.5)
    rows = [[Paragraph(escape(c), wrap) if i == 1 else c for i, c in enumerate(r)]
            for r in unsur_rows(report.unit, report)]
    story.append(table(rows, [14 * mm, 64 * mm, 16 * mm, 14 * mm, 16 * mm, 22 * mm, 30 * mm]))
    story += [Spacer(1, 4 * mm), Paragraph(escape(T.REPORT_PER_SERVICE), head),
              table(list(group_rows(report)), [90 * mm, 25 * mm, 25 * mm, 25 * mm])]
    story += [Spacer(1, 4 * mm), Paragraph(escape(T.REPORT_PROFILE), head),
              table(list(profile_rows(report)), [50 * mm, 70 * mm, 25 * mm])]
    story += [Spacer(1, 4 * mm), Paragraph(escape(T.REPORT_SARAN), head)]
    story += [Paragraph("• " + escape(s), body) for s in report.saran] or [
        Paragraph(escape(T.REPORT_NO_SARAN), body)]
    story += [Spacer(1, 4 * mm), Paragraph(escape(T.REPORT_PROCESSING), head),
              table(list(processing_rows(report)), [36 * mm] + [15 * mm] * 9)]
    if printed_at is not None:
        story += [Spacer(1, 6 * mm),
                  Paragraph(escape("Dicetak " + dates.format_datetime(printed_at)), body)]
    doc.build(story)
    return buf.getvalue()
