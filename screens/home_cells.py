"""The dashboard's cells: what each column says and how wide the texts may be.

Pure helpers of `screens/home.py` (no screen state): on an 80-column terminal the
five columns must all show, so the texts that can be cut (name, service) take the
room the live columns leave (`text_widths`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from rich.text import Text

from counter.case import role_name
from counter.clock import Level
from counter.codes import human
from counter.damage import UnreadableDay
from counter.dates import format_time
from counter.texts import ui as T
from screens.widgets.timing import LEVEL_STYLE

NARROW = 100  # below this many columns the name and the service are cut shorter
SERVICE_MAX, SERVICE_MIN = 24, 10
SCROLLBAR = 2


def text_widths(screen_width: int, other_columns: int) -> tuple[int, int]:
    """(name, service) widths: the service takes what the other columns leave
    (`other_columns`: their widths with padding), between SERVICE_MIN and SERVICE_MAX."""
    visitor = 12 if screen_width < NARROW else 16
    left = screen_width - SCROLLBAR - other_columns - (visitor + 2) - 2
    return visitor, max(SERVICE_MIN, min(SERVICE_MAX, left))


def waiting_on(status_text: str) -> str:
    """'pemohon' for 'menunggu pemohon': the column is headed Menunggu already."""
    prefix = T.WAITING_PREFIX
    return status_text[len(prefix):] if status_text.startswith(prefix) else status_text


def short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def due_of(view: Any) -> datetime | None:
    timing = view.current_timing()
    return getattr(timing, "due_at", None) if timing is not None else None


def due_label(due: datetime, now: datetime) -> str:
    """'14.30' today, '01/12 14.30' this year, '01/12/25 14.30' before."""
    if due.date() == now.date():
        return format_time(due)
    if due.year == now.year:
        return f"{due:%d/%m} {format_time(due)}"
    return f"{due:%d/%m/%y} {format_time(due)}"


def signature(value: Any) -> tuple[str, str]:
    """Text and style of a cell: a colour change alone must reach the screen too."""
    style = str(value.style) if isinstance(value, Text) else ""
    return (str(value), style)


def with_holder(desk: Any, step: str, v: Any) -> str:
    """'2/13 · di Kepala Bidang' for a case in work at another desk's official (received
    there): the counter sees where the file is, not only that it is running."""
    role = v.state.holder_role
    if desk is None or role is None or desk.serves_role(v.sop, role):
        return step
    return T.HOME_STEP_AT.format(step=step, role=role_name(v.sop, role))


def placeholder_row(code: str, item: UnreadableDay) -> list[Text]:
    """A wait-list row for an open case whose day file cannot be read: its code and the
    file, in the columns code, due, waiting, visitor, service."""
    warn = "bold red"
    return [Text(human(code)), Text("-"), Text(T.HOME_PLACEHOLDER_STATUS, style=warn),
            Text("?"), Text(short(T.HOME_PLACEHOLDER_FILE.format(name=Path(item.path).name),
                                   24))]


def cases_text(item: UnreadableDay) -> str:
    if item.open_cases is None:
        return T.HOME_DAMAGED_UNKNOWN
    if item.open_cases == 0:
        return T.HOME_DAMAGED_NO_CASES
    return T.HOME_DAMAGED_CASES.format(count=item.open_cases)


def wait_order(view: Any, now: datetime) -> tuple[int, float]:
    """Overdue first, then by due time; no due time last."""
    due = due_of(view)
    if due is None:
        return (2, 0.0)
    return (0 if due <= now else 1, due.timestamp())


def service_text(v: Any, width: int) -> str:
    """The service's full name when it fits; else the label officers know ("Tagihan 1")."""
    sop = v.sop
    name = sop.nama if sop else v.state.sop_id
    return short(name if len(name) <= width or sop is None else sop.label, width)


def due_cell(v: Any, desk: Any) -> Text:
    """When the file is due, coloured by how its current step stands ("-": no limit)."""
    due = due_of(v)
    if due is None:
        return Text("-")
    timing = v.current_timing()
    level = timing.level if timing is not None else Level.TANPA_BATAS
    label = due_label(due.astimezone(desk.profile.tz), desk.now())
    if level is Level.LEWAT:
        label = T.DUE_OVERDUE.format(time=label)
    return Text(label, style=LEVEL_STYLE[level])


def selected_code(table: Any) -> str | None:
    """The code of the row under a table's cursor (None: no rows, or none under it)."""
    if table.row_count == 0:
        return None
    try:
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
    except Exception:  # cursor outside the table
        return None
