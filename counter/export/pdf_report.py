"""The printable report: *Laporan Harian Layanan* (or the range report) on A4
landscape with the office letterhead (drawn by `counter.receipt`, the same kop
surat as the receipts), the summary, the over-time steps, the files waiting, the
case table and a signature block for the supervisor.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from counter import dates
from counter.export.columns import yes_no
from counter.export.target import check_target, write
from counter.export.wording import (
    OVER_TOP,
    case_time_text,
    dur,
    human,
    reasons,
    summary_lines,
    when,
)
from counter.report import Summary, period_text, title_text, unreadable_lines
from counter.texts import report as T

PDF_MAX_CASES = 1500  # a month's report stays printable; the full table is in XLSX/CSV


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

    class _Kop(Flowable):  # reportlab has no type hints: Flowable is Any (see pyproject)
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
    from counter.texts import queue as TQ

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
            [[s.service, s.count, s.selesai, s.over, dur(s.median_s, s.day_s),
              dur(s.standard_s, s.day_s)]
             for s in summary.services],
            [8, 1.2, 1.2, 1.2, 2.4, 2.4])

    story.append(p(T.HEAD_OVER, h2))
    if summary.over_steps:
        story += table(
            [T.COL_SERVICE, T.COL_STEP, T.COL_KEGIATAN, T.COL_HOW_OFTEN, T.COL_MEDIAN_OVERRUN,
             T.COL_REASONS],
            [[o.service, o.step, o.kegiatan, o.count, dur(o.median_overrun_s, o.day_s),
              reasons(o.reasons)] for o in summary.over_steps[:OVER_TOP]],
            [4.5, 1.3, 6, 0.9, 2.2, 6])
    else:
        story.append(p(T.NO_OVER, body))

    story.append(p(T.HEAD_WAITING, h2))
    if summary.waiting:
        story += table(
            [T.COL_HOLDER, T.COL_WAIT_COUNT, T.COL_OLDEST, T.COL_SINCE],
            [[w.holder, w.count, human(w.oldest_code),
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

    for title, header, rows in summary.queue:  # the walk-in queue's review
        if rows:
            story.append(p(f"{TQ.REVIEW_TITLE}: {title}", h2))
            story += table(header, rows, [3, *([1.4] * (len(header) - 1))])

    story.append(p(T.HEAD_CASES, h2))
    cases = summary.cases
    if cases:
        shown = cases[:max_cases]
        story += table(
            [T.COL_CODE, T.COL_OPENED, T.COL_VISITOR, T.COL_SERVICE, T.COL_OFFICER,
             T.COL_STATUS, f"{T.COL_ELAPSED} / {T.COL_LIMIT}", T.COL_OVER],
            [[r.code_human, when(r.opened_at, summary), r.visitor, r.service, r.officer,
              r.status_label, case_time_text(r), yes_no(r.over)] for r in shown],
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
    path = Path(path)
    check_target(path)
    return write(path, render_pdf(summary, profile, **kwargs))
