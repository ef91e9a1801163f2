"""The parts of an XLSX workbook around its sheets' rows, written by Loket itself.

A streamed report (`counter.export.xlsx_stream`) needs, from its first row on, each
sheet's XML head and the style of its date cells; openpyxl only says them once a
workbook is built, and importing it alone takes ~0.4 s of a report's budget. The
package is small and fixed: three styles (plain, bold header, date), the sheets in
order, the header row frozen and the columns' widths, as `counter.export.xlsx`
gives them with openpyxl (tests/test_cli_laporan_stream.py reads both back and
compares them cell by cell, with the formats, widths and frozen panes).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.sax.saxutils import quoteattr

from counter.export.columns import Column
from counter.export.xlsx_cells import BOLD_STYLE, row_xml, text_cell

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"

STYLES = (
    f'{_DECL}<styleSheet xmlns="{MAIN}">'
    f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{DATETIME_FORMAT}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)

_PANE = ('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
         'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
         'activeCell="A1" sqref="A1"/></sheetView></sheetViews>')
SHEET_TAIL = ('</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" '
         'header="0.5" footer="0.5"/></worksheet>')


def _cols(widths: Sequence[float]) -> str:
    return "<cols>" + "".join(
        f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>'
        for i, w in enumerate(widths, 1)) + "</cols>"


def sheet_head(widths: Sequence[float], *, frozen_header: Sequence[Column] | None) -> str:
    """A sheet's XML up to its rows: the widths, and a bold frozen header when given."""
    head = f'{_DECL}<worksheet xmlns="{MAIN}">'
    if frozen_header is not None:
        head += _PANE
    head += f'<sheetFormatPr defaultRowHeight="15"/>{_cols(widths)}<sheetData>'
    if frozen_header is not None:
        head += row_xml([text_cell(c.header, BOLD_STYLE) for c in frozen_header])
    return head



def workbook_parts(titles: Sequence[str], now: datetime | None = None) -> list[tuple[str, str]]:
    """Every part but the sheets: (name in the archive, XML), in the order written."""
    n = len(titles)
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="'
                     'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet'
                     '+xml"/>' for i in range(1, n + 1))
    types = (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>' + sheets +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
    rels = (f'{_DECL}<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>")
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (f'{_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
            '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Loket'
            '</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">'
            f"{stamp}</dcterms:created></cp:coreProperties>")
    book = (f'{_DECL}<workbook xmlns="{MAIN}" xmlns:r="{_REL}"><bookViews><workbookView '
            'activeTab="0"/></bookViews><sheets>' + "".join(
                f"<sheet name={quoteattr(t[:31])} sheetId=\"{i}\" r:id=\"rId{i}\"/>"
                for i, t in enumerate(titles, 1)) + "</sheets></workbook>")
    book_rels = (f'{_DECL}<Relationships xmlns="{_PKG_REL}">' + "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)) + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" '
        'Target="styles.xml"/></Relationships>')
    return [("[Content_Types].xml", types), ("_rels/.rels", rels),
            ("docProps/core.xml", core), ("xl/workbook.xml", book),
            ("xl/_rels/workbook.xml.rels", book_rels), ("xl/styles.xml", STYLES)]
