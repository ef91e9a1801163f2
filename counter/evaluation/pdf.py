"""The evaluation on A4 landscape: letterhead, figures per step, details, the two forms.

Laid out from `sections.py` (the same tables as the text and XLSX), with the
daily report's kop surat and a signature block for the evaluator.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from counter import dates
from counter.evaluation.evaluate import Evaluation
from counter.evaluation.sections import Section, all_sections, heading_lines
from counter.export.pdf_report import _letterhead_flowable
from counter.export.target import check_target, write
from counter.texts import evaluation as T
from counter.texts import report as R


def render_pdf(ev: Evaluation, profile: Any, *, printed_at: datetime | None = None) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from counter import receipt

    receipt.register_fonts()
    font, bold = receipt.FONT, receipt.FONT_BOLD
    page = landscape(A4)
    margin = 12 * mm
    width = page[0] - 2 * margin
    body = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=10.5)
    small = ParagraphStyle("small", parent=body, fontSize=7.2, leading=8.8)
    h1 = ParagraphStyle("h1", fontName=bold, fontSize=14, leading=18, alignment=1)
    sub = ParagraphStyle("sub", parent=body, fontSize=10, leading=13, alignment=1)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=10.5, leading=13, spaceBefore=4 * mm,
                        spaceAfter=1.5 * mm)

    def p(text: Any, style: ParagraphStyle = small) -> Paragraph:
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    def table(section: Section) -> Any:
        if not section.header:
            return [p(f"\u2022 {row[0]}", body) for row in section.rows]
        scale = width / sum(section.widths)
        cols = [w * scale for w in section.widths]
        rows = [[p(h) for h in section.header], *([p(c) for c in r] for r in section.rows)]
        t = Table(rows, colWidths=cols, repeatRows=1)
        t.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]))
        return [t]

    story: list[Any] = [_letterhead_flowable(profile, width), Spacer(1, 2 * mm),
                        p(T.TITLE.upper(), h1)]
    story += [p(line, sub) for line in heading_lines(ev)]
    if not ev.runs:
        story.append(p(T.NO_RUNS, body))
    for section in all_sections(ev):
        story.append(p(section.title, h2))
        story += table(section)
    story.append(Spacer(1, 6 * mm))
    story += _signature(p, body, ev)

    out = io.BytesIO()
    stamp = printed_at or datetime.now(profile.tz)
    footer = R.PDF_PRINTED_AT.format(at=dates.format_datetime_short(stamp))
    title = f"{T.TITLE} \u2014 {ev.sop.nama}"

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawString(margin, 8 * mm, title)
        canvas.drawRightString(page[0] - margin, 8 * mm,
                               f"{footer} \u00b7 {R.PDF_PAGE.format(page=doc.page)}")
        canvas.restoreState()

    doc = SimpleDocTemplate(out, pagesize=page, leftMargin=margin, rightMargin=margin,
                            topMargin=10 * mm, bottomMargin=14 * mm, title=title,
                            author=profile.instansi, creator="Loket")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()


def _signature(p: Any, style: Any, ev: Evaluation) -> Sequence[Any]:
    return [p(dates.format_date(ev.last), style), p(R.PDF_SUPERVISOR, style),
            p("\n\n\n", style), p(R.PDF_NAME_LINE, style), p(R.PDF_NIP, style)]


def write_pdf(ev: Evaluation, profile: Any, path: str | Path, **kwargs: Any) -> Path:
    path = Path(path)
    check_target(path)
    return write(path, render_pdf(ev, profile, **kwargs))
