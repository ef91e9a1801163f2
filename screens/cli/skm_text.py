"""The SKM report as text on the terminal, with rich's tables like the other commands."""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.console import Console
from rich.table import Table

from counter.skm import export as X
from counter.skm.report import SkmReport
from counter.texts import skm as T


def _table(title: str, rows: Iterator[list[str]]) -> Table:
    header, *body = list(rows)
    table = Table(title=title, title_justify="left", show_lines=False)
    for name in header:
        table.add_column(name)
    for row in body:
        table.add_row(*row)
    return table


def render(console: Console, report: SkmReport, unit: str, layanan: str | None) -> None:
    for line in X.header_lines(report, unit, layanan):
        console.print(line, highlight=False)
    console.print()
    console.print(_table(T.REPORT_LOWEST, X.unsur_rows(report.unit, report)))
    if report.per_service or report.per_desk:
        console.print(_table(T.REPORT_PER_SERVICE, X.group_rows(report)))
    console.print(_table(T.REPORT_PROFILE, X.profile_rows(report)))
    console.print(T.REPORT_SARAN + ":", highlight=False)
    for s in report.saran or (T.REPORT_NO_SARAN,):
        console.print("  • " + s, highlight=False, markup=False)


def print_report(report: SkmReport, unit: str, layanan: str | None) -> None:
    render(Console(), report, unit, layanan)


def report_text(report: SkmReport, unit: str, layanan: str | None) -> str:
    buf = io.StringIO()
    render(Console(file=buf, width=110, color_system=None), report, unit, layanan)
    return buf.getvalue()
