"""Log harian via Pilot: the day's cases, filters, sort, date change, opening a case."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import Checkbox, DataTable, Input, Select, Static

from counter.config import Paths, Profile, default_profile
from screens.case_detail import CaseDetailScreen
from screens.daily_log import DailyLogScreen, DateModal
from store import open_store
from tests.screens.app_fixtures import screen_as
from tests.screens.review_fixtures import catalog, make_day
from tests.screens.review_helpers import screen_lines, static_text


class Host(App[None]):
    # what the shell app carries, for the screens that save files (export)
    paths: Paths
    profile: Profile | None = None

    def __init__(self, screen: DailyLogScreen) -> None:
        super().__init__()
        self.log_screen = screen

    def on_mount(self) -> None:
        self.push_screen(self.log_screen)


@pytest.fixture
def day(tmp_path: Path) -> Any:
    store = open_store(tmp_path / "store", default_profile().tz)
    return make_day(store, catalog(), default_profile())


async def settle(pilot: Any, screen: DailyLogScreen) -> None:
    await pilot.pause()
    await screen.workers.wait_for_complete()
    await pilot.pause()


def codes(screen: DailyLogScreen) -> list[str]:
    table = screen.query_one("#log-table", DataTable)
    return [str(table.coordinate_to_cell_key(Coordinate(i, 0)).row_key.value)
            for i in range(table.row_count)]


async def test_shows_the_days_cases_masked(day: Any) -> None:
    screen = DailyLogScreen(day.desk)
    app = Host(screen)
    async with app.run_test(size=(160, 30)) as pilot:  # wide enough for every column
        await settle(pilot, screen)
        assert set(codes(screen)) == {day.handed, day.done, day.waiting, day.refused, day.late}
        assert day.yesterday not in codes(screen)
        seen = "\n".join(screen_lines(app))
        assert "Rabu, 25 November 2026" in seen
        assert "Rina Wulandari Putri" not in seen  # visitor names are masked in the log
        assert "Rina W. P." in seen
        assert "LEWAT" in seen


async def test_summary_panel(day: Any) -> None:
    screen = DailyLogScreen(day.desk)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        await pilot.press("s")
        await pilot.pause()
        text = static_text(screen.query_one("#log-summary", Static), width=120)
        assert "Kasus masuk             5" in text
        assert "selesai 1 · ditolak 1 · dibatalkan 0" in text
        assert "Masih berjalan          3" in text
        # step 1 of the handed case ran over (20 of 15 min) with its reason
        assert "Konsultasi Bisnis Uji langkah 1: 1×" in text and "printer macet" in text
        # files waiting: with the Koordinator (the handed case) and the applicant
        assert "Koordinator: 1" in text and "Pemohon: 1" in text
        # arrivals: one case in each of 09, 10, 11, 13 and 14 o'clock
        for hour in ("09.00", "10.00", "11.00", "13.00", "14.00"):
            line = next(ln for ln in text.splitlines() if ln.startswith(hour))
            assert line.rstrip().endswith("1"), line
        line12 = next(ln for ln in text.splitlines() if ln.startswith("12.00"))
        assert "█" not in line12
        # a summary longer than the screen scrolls with the keyboard
        box = screen.query_one("#log-summary-box", VerticalScroll)
        assert box.max_scroll_y > 0 and box.scroll_y == 0
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert box.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("s")  # back to the cases' table
        await pilot.pause()
        assert screen.focused is screen.query_one("#log-table", DataTable)


async def test_filters(day: Any) -> None:
    screen = DailyLogScreen(day.desk)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        screen.query_one("#f-over", Checkbox).value = True
        await pilot.pause()
        assert codes(screen) == [day.late]
        screen.query_one("#f-over", Checkbox).value = False
        screen.query_one("#f-waiting", Checkbox).value = True
        await pilot.pause()
        assert set(codes(screen)) == {day.waiting}  # menunggu pemohon
        screen.query_one("#f-waiting", Checkbox).value = False
        screen.query_one("#f-service", Select).value = "uji-konsultasi"
        await pilot.pause()
        assert set(codes(screen)) == {day.handed, day.done, day.waiting}
        screen.query_one("#f-status", Select).value = "selesai"
        await pilot.pause()
        assert codes(screen) == [day.done]
        screen.query_one("#f-service", Select).value = Select.NULL
        screen.query_one("#f-status", Select).value = "ditolak"
        await pilot.pause()
        assert codes(screen) == [day.refused]
        screen.query_one("#f-officer", Select).value = "Siti Aminah"
        screen.query_one("#f-status", Select).value = Select.NULL
        await pilot.pause()
        assert len(codes(screen)) == 5


async def test_sort_by_columns(day: Any) -> None:
    screen = DailyLogScreen(day.desk)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        # opened time: 09.00, 10.30, 11.30, 13.00, 14.00
        assert codes(screen) == [day.handed, day.done, day.late, day.waiting, day.refused]
        screen.sort_by("time")  # working time: 0:00, 0:10, 0:35, 2:30, 5:00
        await pilot.pause()
        assert codes(screen) == [day.waiting, day.refused, day.done, day.late, day.handed]
        await pilot.press("U")  # reverse
        await pilot.pause()
        assert codes(screen) == [day.handed, day.late, day.done, day.refused, day.waiting]
        await pilot.press("u")  # next column: the over flag, ascending (over last)
        await pilot.pause()
        assert screen.sort.column == "over" and codes(screen)[-1] == day.late
        assert "Lewat" in static_text(screen.query_one("#log-status", Static))


async def test_date_change_by_keys_and_typed(day: Any) -> None:
    screen = DailyLogScreen(day.desk)
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        await pilot.press("left_square_bracket")
        await settle(pilot, screen)
        assert screen.day == date(2026, 11, 24)
        assert codes(screen) == [day.yesterday]
        assert "Selasa, 24 November 2026" in "\n".join(screen_lines(app))
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot, screen)
        assert codes(screen) == []
        assert "Tidak ada kasus" in static_text(screen.query_one("#log-status", Static))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DateModal)
        await pilot.press(*"31 Februari 2026", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DateModal)  # refused with a message, stays open
        # read, but no such day: said so, with the month's last day
        error = static_text(app.screen.query_one("#date-error", Static))
        assert "tidak ada" in error and "Februari 2026 hanya sampai tanggal 28" in error
        modal_input = app.screen.query_one("#date-input", Input)
        modal_input.value = "25 November 2026"
        await pilot.press("enter")
        await settle(pilot, screen)
        assert screen.day == date(2026, 11, 25) and len(codes(screen)) == 5
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#date-input", Input).value = "2026-11-24"
        await pilot.press("enter")
        await settle(pilot, screen)
        assert codes(screen) == [day.yesterday]


async def test_week_range(day: Any) -> None:
    screen = DailyLogScreen(day.desk)
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        await pilot.press("m")
        await settle(pilot, screen)
        assert screen.period == (date(2026, 11, 23), date(2026, 11, 29))
        assert set(codes(screen)) == {day.handed, day.done, day.waiting, day.refused, day.late,
                                      day.yesterday}
        assert "23 November 2026" in "\n".join(screen_lines(app))
        summary = static_text(screen.query_one("#log-summary", Static), width=120)
        assert "Kasus masuk             6" in summary
        assert "24 Nov 2026: 1 masuk, 0 selesai" in summary
        assert "25 Nov 2026: 5 masuk, 1 selesai" in summary


async def test_enter_opens_the_case_timeline(day: Any) -> None:
    screen = DailyLogScreen(day.desk)
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        await pilot.press("down", "down")  # third row: the late legalisir case
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseDetailScreen)
        assert app.screen.code == day.late
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_back_from_a_case_keeps_the_row_and_reloads(day: Any) -> None:
    screen = DailyLogScreen(day.desk)
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        await pilot.press("down", "down", "down")  # the waiting case (13.00)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_as(app, CaseDetailScreen).code == day.waiting
        day.desk.resume(day.waiting)  # the applicant came back meanwhile
        await pilot.press("escape")
        await settle(pilot, screen)
        table = screen.query_one("#log-table", DataTable)
        assert screen.cursor_code() == day.waiting and table.cursor_row == 3
        row = next(r for r in screen.rows if r.code == day.waiting)
        assert row.status == "berjalan"


async def test_export_the_day_as_xlsx_from_the_log(day: Any, paths: Any) -> None:
    from openpyxl import load_workbook

    from screens.widgets.choice import ChoiceModal

    screen = DailyLogScreen(day.desk)
    app = Host(screen)
    app.paths, app.profile = paths, default_profile()  # what the shell app carries
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # the first choice: XLSX
        await pilot.pause()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        [written] = list((paths.data_dir / "laporan").glob("*.xlsx"))
        assert written.name == "laporan-2026-11-25.xlsx"
        sheet = load_workbook(written).worksheets[0]
        column = [c.value for c in next(sheet.iter_cols(min_col=1, max_col=1))]
        exported = {str(v).replace("-", "") for v in column[1:] if v}
        assert exported == {day.handed, day.done, day.waiting, day.refused, day.late}


async def test_export_on_a_failing_disk_is_a_message_and_keeps_the_old_file(
        day: Any, paths: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """An I/O error while writing (a dying USB disk): the officer reads why, the
    previous export is kept whole, no temp file is left, and the log keeps working."""
    import errno
    import os

    from screens.widgets.choice import ChoiceModal

    folder = paths.data_dir / "laporan"
    folder.mkdir(parents=True)
    old = folder / "laporan-2026-11-25.xlsx"
    old.write_bytes(b"ekspor sebelumnya")

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing)  # the os module counter.atomic syncs through
    screen = DailyLogScreen(day.desk)
    app = Host(screen)
    app.paths, app.profile = paths, default_profile()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")
        await pilot.pause()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        notes = [str(n.message) for n in app._notifications]
        assert any("kesalahan baca/tulis pada disk" in n and "berkas lama tetap utuh" in n
                   for n in notes), notes
        assert app.screen is screen and codes(screen)
    assert old.read_bytes() == b"ekspor sebelumnya"
    assert [p.name for p in folder.iterdir()] == [old.name]


def test_columns_widen_on_a_wide_screen_and_still_all_fit() -> None:
    from screens.daily_log_cells import CELL_PADDING, WIDTHS, column_widths

    assert column_widths(80, in_range=False) == WIDTHS  # 80 columns: scroll for the rest
    wide = column_widths(200, in_range=False)
    assert wide["service"] > WIDTHS["service"] and wide["holder"] > WIDTHS["holder"]
    assert sum(w + CELL_PADDING for w in wide.values()) <= 200


async def test_search_by_visitor_name_or_code(day: Any) -> None:
    from textual.widgets import Input

    screen = DailyLogScreen(day.desk)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await settle(pilot, screen)
        await pilot.press("slash")
        assert isinstance(screen.focused, Input)
        sort_before = (screen.sort.column, screen.sort.reverse)
        for ch in "wulandari":  # u, d… are keys of the log: typed here they are letters
            await pilot.press(ch)
        await pilot.pause()
        assert (screen.sort.column, screen.sort.reverse) == sort_before
        shown = codes(screen)
        assert shown and all("Rina" in day.desk.view(c).state.visitor.nama for c in shown)
        # a code typed from the receipt, with its dashes, finds that case alone
        search = screen.query_one("#f-text", Input)
        search.value = f"{day.late[:6]}-{day.late[6:8]}-{day.late[8:11]}"
        await pilot.pause()
        assert codes(screen) == [day.late]
        search.value = ""
        await pilot.pause()
        assert len(codes(screen)) == 5
