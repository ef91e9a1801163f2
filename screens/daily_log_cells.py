"""The daily log's table: which columns, how wide at this screen width, what each cell says.

Layout maths only (no screen): the applicant's name comes right after the code,
so at 80 columns the officer who looks up a visitor sees the name without
scrolling sideways; wider screens give the room to the texts that get cut.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text

from counter import dates
from counter.codes import human
from counter.damage import UnreadableDay
from counter.texts import ui_review as T
from screens.widgets import case_story as story
from screens.widgets.timing import days_text

# Code and name first (who is this?), then what a supervisor scans for.
COLUMNS = ("code", "visitor", "opened", "service", "status", "time", "over", "holder",
           "officer", "desk")
WIDTHS = {"code": 15, "visitor": 14, "opened": 5, "service": 14, "status": 14, "time": 18,
          "over": 5, "holder": 16, "officer": 14, "desk": 5}
# Room beyond what every column needs goes to the texts that get cut, up to a cap.
GROW = (("service", 0.4, 40), ("visitor", 0.2, 24), ("status", 0.2, 26),
        ("holder", 0.2, 30))
CELL_PADDING = 2


def column_widths(screen_width: int, in_range: bool) -> dict[str, int]:
    """Each column's width: the defaults, widened on a screen wider than all of them."""
    widths = dict(WIDTHS)
    if in_range:
        widths["opened"] = 12
    extra = screen_width - sum(w + CELL_PADDING for w in widths.values()) - 2
    for col, share, cap in GROW:
        widths[col] = min(cap, widths[col] + max(0, int(extra * share)))
    return widths


def hm(seconds: float) -> str:
    """Working time as h:mm, short enough for a table cell."""
    minutes = int(max(seconds, 0) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def time_cell(row: Any) -> Text:
    """ "5:00 / 7:55": the case's working time against its allowance (h:mm); in hari
    kerja ("0,5 / 5 hari kerja") when its mutu baku is, as the SOP says it."""
    if row.day_s:
        text = days_text(row.elapsed_s / row.day_s,
                         row.limit_s / row.day_s if row.limit_s else None)
    else:
        text = f"{hm(row.elapsed_s)} / {hm(row.limit_s)}" if row.limit_s else hm(row.elapsed_s)
    return Text(text, style=story.level_style(row.level))


def service_cell(row: Any, width: int | None) -> Text:
    """The full service name when it fits the column, else the SOP's short label."""
    name = row.service
    if width is not None and len(name) > width and row.service_short:
        name = row.service_short
    return Text(name)


def row_cells(row: Any, in_range: bool, service_width: int | None = None) -> list[Any]:
    at = row.opened_at
    opened = (f"{at.day:02d}/{at.month:02d} {dates.format_time(at)}" if in_range
              else dates.format_time(at))
    # Text, not str: a str cell is parsed as markup on every render (slow for 300 rows,
    # and a "[" in a name would be taken for a tag).
    cells = {
        "code": Text(row.code_human),
        "opened": Text(opened),
        "visitor": Text(story.mask_name(row.visitor)),
        "service": service_cell(row, service_width),
        "officer": Text(row.officer),
        "desk": Text(str(row.desk)),
        "status": Text(row.status_label),
        "holder": Text(row.holder or T.NOTHING),
        "time": time_cell(row),
        "over": Text(T.LOG_OVER_FLAG, style="bold red") if row.over else Text(""),
    }
    return [cells[c] for c in COLUMNS]


def placeholder_cells(code: str, item: UnreadableDay) -> list[Text]:
    """A case table row for an open case whose day file cannot be read."""
    cells = {c: Text("?") for c in COLUMNS}
    cells["code"] = Text(human(code))
    cells["opened"] = Text(f"{item.day.day:02d}/{item.day.month:02d}")
    cells["status"] = Text(T.LOG_PLACEHOLDER, style="bold red")
    cells["service"] = Text(Path(item.path).name)
    cells["over"] = Text("")
    return [cells[c] for c in COLUMNS]
