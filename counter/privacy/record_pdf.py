"""The visitor's copy of what the office holds about them, as an A4 PDF (UU 27/2022)."""

from __future__ import annotations

import io
from typing import Any

from counter.texts import privacy as T


def _when(iso: str) -> str:
    """"Rabu, 25 November 2026 pukul 09.05 WIB" for an ISO time (as given if it is not)."""
    from datetime import datetime

    from counter import dates

    try:
        return dates.format_datetime(datetime.fromisoformat(iso))
    except (TypeError, ValueError):
        return str(iso)


def render_record(record: dict[str, Any]) -> bytes:
    """`lifecycle.person_record` laid out for a person to read and take home."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from counter import receipt

    receipt.register_fonts()
    body = ParagraphStyle("body", fontName=receipt.FONT, fontSize=10, leading=13)
    head = ParagraphStyle("head", fontName=receipt.FONT_BOLD, fontSize=13, leading=17,
                          spaceAfter=3 * mm)
    sub = ParagraphStyle("sub", fontName=receipt.FONT_BOLD, fontSize=11, leading=14,
                         spaceBefore=4 * mm, spaceAfter=1.5 * mm)

    def p(text: Any, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(str(text)), style)

    story: list[Any] = [p(record["jenis"], head), p(record["instansi"]),
                        p(T.PDF_MADE.format(at=_when(record["dibuat"]))),
                        p(T.PDF_PURPOSE.format(purpose=record["tujuan"])),
                        p(T.PDF_RETENTION.format(retensi=record["retensi"])),
                        Spacer(1, 2 * mm)]
    for case in record["kasus"]:
        story.append(p(T.PDF_CASE.format(code=case["kode"], layanan=case["layanan"]), sub))
        rows = [[p(T.LABELS[k]), p(v or "-")] for k, v in case["data"].items()]
        rows.append([p(T.PDF_STATUS), p(case["status"])])
        rows.append([p(T.PDF_OPENED), p(_when(case["dibuka"]))])
        for fix in case["koreksi"]:
            rows.append([p(T.PDF_CORRECTED), p(T.PDF_CORRECTION.format(**fix))])
        if case["data_pribadi_dihapus"]:
            rows.append([p(T.PDF_PURGED_LABEL), p(T.PDF_PURGED)])
        table = Table(rows, colWidths=[45 * mm, 125 * mm])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=18 * mm, bottomMargin=18 * mm,
                      title=record["jenis"]).build(story)
    return out.getvalue()
