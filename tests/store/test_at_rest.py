"""Personal data at rest: owner-only modes, stale temp files removed at start (never a live
writer's), and a read-only copy of the store (a backup on a USB disk) readable as it is."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from counter.texts import store as texts
from store import StoreError, open_store
from tests.damage_kit import backup as _backup
from tests.damage_kit import read_only_copy
from tests.store.helpers import DAY, WIB, closed, note, opened


def _modes(root: Path) -> dict[str, int]:
    found = {}
    for path in [root, *root.rglob("*")]:
        found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _fill(store) -> list[str]:
    codes = []
    for _ in range(3):
        code = store.next_code(DAY, 1)
        store.append(opened(code))
        store.append(note(code, "isi"))
        codes.append(code)
    store.append(closed(codes[0]))
    return codes


@pytest.mark.parametrize("mask", [0o022, 0o000])
def test_store_folders_and_files_are_owner_only_whatever_the_umask(tmp_path: Path,
                                                                   mask: int) -> None:
    with _umask(mask):
        store = open_store(tmp_path / "data" / "store", WIB)
        _fill(store)
        assert len(store.open_codes()) == 2  # writes the open-case cache (open.json)
    modes = _modes(store.store_dir)
    assert {"open.json", "2026", "2026/2026-11-25.json", ".locks"} <= set(modes)
    for name, mode in modes.items():
        is_dir = (store.store_dir / name).is_dir()
        assert mode == (0o700 if is_dir else 0o600), (name, oct(mode))


def test_a_store_written_world_readable_is_tightened_when_opened(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store", WIB)
    _fill(store)
    for path in [store.store_dir, *store.store_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # as the previous version left it
    open_store(tmp_path / "store", WIB)
    assert all(mode in (0o700, 0o600) for mode in _modes(store.store_dir).values())


def test_printed_pdfs_and_their_folders_are_owner_only(tmp_path: Path) -> None:
    from counter.printing import issue
    from tests.counter.test_printing import AT, data

    pdf_dir = tmp_path / "data" / "cetak"
    with _umask(0o022):
        issued = issue("tanda-terima", data(), "80mm", pdf_dir=pdf_dir, printer=None, at=AT)
    assert stat.S_IMODE(issued.pdf.stat().st_mode) == 0o600
    for folder in (pdf_dir, issued.pdf.parent, issued.pdf.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


# ----------------------------------------------------------------- stale temp files


def test_stale_temp_files_are_removed_at_start(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store", WIB)
    _fill(store)
    day_temp = store.path_for(DAY).with_name(".2026-11-25.json.tmp")
    old_temp = store.store_dir / "2025" / ".2025-03-04.json.tmp"  # a day with no file left
    index_temp = store.store_dir / ".open.json.tmp"
    old_temp.parent.mkdir()
    for temp in (day_temp, old_temp, index_temp):
        temp.write_bytes(store.path_for(DAY).read_bytes())  # a whole copy of a day (NIKs)
    keep = store.store_dir / "2026" / "catatan.tmp"  # not a store temp: not ours to remove
    keep.write_text("milik pengguna")
    open_store(tmp_path / "store", WIB)
    assert not day_temp.exists() and not old_temp.exists() and not index_temp.exists()
    assert keep.exists()
    code = store.open_codes()[0]
    assert [e["type"] for e in open_store(tmp_path / "store", WIB).events(code)] == \
        ["opened", "note"]


def test_a_temp_file_being_written_by_a_live_process_is_left_alone(tmp_path: Path) -> None:
    """A second desk on the same store is writing that day right now (it holds the lock)."""
    store = open_store(tmp_path / "store", WIB)
    _fill(store)
    temp = store.path_for(DAY).with_name(".2026-11-25.json.tmp")
    lock = store.store_dir / ".locks" / "2026-11-25.lock"
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, filelock\n"
         f"lock = filelock.FileLock({str(lock)!r})\n"
         "lock.acquire()\n"
         f"open({str(temp)!r}, 'wb').write(b'setengah')\n"
         "print('ready', flush=True)\n"
         "sys.stdin.readline()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        open_store(tmp_path / "store", WIB)
        assert temp.read_bytes() == b"setengah"  # not pulled from under the writer
    finally:
        assert writer.stdin is not None
        writer.stdin.write("\n")
        writer.stdin.close()
        writer.wait(timeout=30)
    open_store(tmp_path / "store", WIB)  # the writer died without replacing: now stale
    assert not temp.exists()


# ----------------------------------------------------------------- read-only copies


def test_read_only_path_reads_without_locks_and_writes_nothing(tmp_path: Path) -> None:
    """The lockless path itself (forced), on any user: nothing is created or changed."""
    store = open_store(tmp_path / "store", WIB)
    codes = _fill(store)
    copy = _backup(store.store_dir, tmp_path / "cadangan")
    (copy / "open.json").unlink(missing_ok=True)  # a backup without the index: rebuilt in memory
    before = _modes(copy), {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    ro = open_store(copy, WIB, read_only=True)
    assert ro.read_only and ro.notices == [texts.READ_ONLY.format(path=copy)]
    assert sorted(ro.open_codes()) == sorted(codes[1:])
    assert [e["type"] for e in ro.events(codes[1])] == ["opened", "note"]
    assert ro.damaged() == []
    for write in (lambda: ro.append(note(codes[1], "x")), lambda: ro.next_code(DAY, 1),
                  lambda: ro.import_events([])):
        with pytest.raises(StoreError) as info:
            write()
        assert info.value.message == texts.READ_ONLY_REFUSED
    after = _modes(copy), {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    assert after == before and not (copy / ".locks").exists()


def test_a_read_only_backup_is_detected_and_read(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store", WIB)
    codes = _fill(store)
    with read_only_copy(store.store_dir, tmp_path) as usb:
        with pytest.raises(OSError):
            (usb / "coba").write_text("x")  # really read-only, also for root
        ro = open_store(usb, WIB)
        assert ro.read_only
        assert sorted(ro.open_codes()) == sorted(codes[1:])
        assert not (usb / ".locks").exists()
        with pytest.raises(StoreError):
            ro.append(note(codes[1], "x"))


@pytest.mark.parametrize("choice", [0, 2])  # XLSX, CSV (two files)
async def test_reports_exported_from_the_daily_log_are_owner_only(tmp_path: Path, paths,
                                                                  choice: int) -> None:
    from counter.config import default_profile
    from screens.daily_log import DailyLogScreen
    from screens.widgets.choice import ChoiceModal
    from tests.screens.review_fixtures import catalog, make_day
    from tests.screens.test_daily_log import Host, settle

    day = make_day(open_store(tmp_path / "store", default_profile().tz), catalog(),
                   default_profile())
    screen = DailyLogScreen(day.desk)
    app = Host(screen)
    app.paths, app.profile = paths, default_profile()
    with _umask(0o022):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, screen)
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, ChoiceModal)
            for _ in range(choice):
                await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause()
            await screen.workers.wait_for_complete()
            await pilot.pause()
    folder = paths.data_dir / "laporan"
    written = list(folder.iterdir())
    assert len(written) == (2 if choice == 2 else 1)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written), written
