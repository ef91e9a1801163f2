"""Every file Loket writes for a user survives a refusing disk: a clear Indonesian message,
no traceback, no partial file, and the old file (when there was one) kept whole.

A full disk is a real one: a 64 KiB tmpfs mounted for the test (the tests run as
root here); where mounting is not permitted the disk's refusal is injected at the
writer's fsync instead, which is where a full or failing disk answers.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from counter.config import default_profile, save_profile
from counter.desk import Desk
from counter.errors import ConfigError
from counter.sop import load_catalog
from counter.texts import files as T
from screens.cli import main
from store import open_store

OLD = b"isi lama yang harus tetap utuh\n"
DAY = "2026-11-25"


@pytest.fixture
def case_code(paths) -> str:
    profile = default_profile()
    save_profile(paths, profile)
    desk = Desk(open_store(paths.store_dir, profile.tz), load_catalog(), profile,
                officer="Siti Aminah",
                now=lambda: datetime(2026, 11, 25, 9, 30, tzinfo=profile.tz))
    view = desk.open_case("pct-07-konsultasi-bisnis",
                          {"nama": "Ani Wulandari", "nik": "3501014507950003"},
                          received=["Form konsultasi bisnis"])
    desk.complete_step(view.code)
    return view.code


def _fill(folder: Path) -> None:
    """Take every free byte of the disk holding `folder`."""
    fd = os.open(folder / "pengisi", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)


@pytest.fixture
def full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on a disk with no room left (it already holds the old target files)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                             capture_output=True, check=False).returncode == 0
    if not mounted:
        def no_room(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", no_room)
    try:
        yield folder
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)


def _report(fmt: str, out: Path) -> list[str]:
    return ["laporan", "--tanggal", DAY, "--format", fmt, "-o", str(out)]


def _targets(fmt: str, folder: Path, name: str = "laporan") -> list[Path]:
    ext = "txt" if fmt == "teks" else fmt
    first = folder / f"{name}.{ext}"
    return [first, folder / f"{name}-langkah.csv"] if fmt == "csv" else [first]


COMMANDS = ["teks", "csv", "xlsx", "pdf", "cetak"]


def _argv(kind: str, out: Path, code: str) -> list[str]:
    if kind == "cetak":
        return ["cetak", code, "-o", str(out)]
    return _report(kind, out)


def _files(kind: str, folder: Path, name: str = "laporan") -> list[Path]:
    if kind == "cetak":
        return [folder / f"{name}.pdf"]
    return _targets(kind, folder, name)


def _refused(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("Galat: ")
    for word in words:
        assert word in err, err
    return err


@pytest.mark.parametrize("kind", COMMANDS)
def test_full_disk_keeps_the_old_file(kind: str, case_code: str, full_disk: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    targets = _files(kind, full_disk)
    for t in targets:
        t.write_bytes(OLD)
    _fill(full_disk)
    assert main(_argv(kind, targets[0], case_code)) == 1
    _refused(capsys, T.REASONS["ENOSPC"], T.KEPT_OLD, str(targets[0]))
    for t in targets:
        assert t.read_bytes() == OLD
    assert sorted(p.name for p in full_disk.iterdir()) == sorted(
        [t.name for t in targets] + ["pengisi"])  # no temp file left behind


@pytest.mark.parametrize("kind", COMMANDS)
def test_full_disk_leaves_no_file(kind: str, case_code: str, full_disk: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    _fill(full_disk)
    target = _files(kind, full_disk)[0]
    assert main(_argv(kind, target, case_code)) == 1
    _refused(capsys, T.REASONS["ENOSPC"], T.KEPT_NONE)
    assert [p.name for p in full_disk.iterdir()] == ["pengisi"]


@pytest.mark.parametrize("kind", COMMANDS)
def test_name_too_long(kind: str, case_code: str, tmp_path: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    target = _files(kind, tmp_path, name="l" * 300)[0]
    assert main(_argv(kind, target, case_code)) == 1
    _refused(capsys, T.REASONS["ENAMETOOLONG"])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", COMMANDS)
def test_io_error_keeps_the_old_file(kind: str, case_code: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A failing disk (EIO from fsync, where a dying USB stick answers)."""
    targets = _files(kind, tmp_path)
    for t in targets:
        t.write_bytes(OLD)

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing)
    assert main(_argv(kind, targets[0], case_code)) == 1
    _refused(capsys, T.REASONS["EIO"], T.KEPT_OLD)
    for t in targets:
        assert t.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.name for t in targets)


@pytest.mark.parametrize("kind", COMMANDS)
def test_missing_folder_is_refused_not_created(kind: str, case_code: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = _files(kind, tmp_path / "tidak" / "ada")[0]
    assert main(_argv(kind, target, case_code)) == 1
    _refused(capsys, "tidak ada", str(tmp_path / "tidak" / "ada"))
    assert list(tmp_path.iterdir()) == []


def test_written_report_and_document_are_owner_only(case_code: str, tmp_path: Path) -> None:
    """They name applicants: other users of the PC cannot read them."""
    for kind in COMMANDS:
        targets = _files(kind, tmp_path, name=kind)
        assert main(_argv(kind, targets[0], case_code)) == 0
        for t in targets:
            assert t.stat().st_mode & 0o777 == 0o600, t


def test_profile_save_on_a_full_disk_keeps_the_old_profile(paths, full_disk: Path) -> None:
    from counter.config import Paths, load_profile

    on_disk = Paths(config_dir=full_disk, data_dir=paths.data_dir)
    save_profile(on_disk, default_profile())
    before = on_disk.config_file.read_bytes()
    _fill(full_disk)
    with pytest.raises(ConfigError) as err:
        save_profile(on_disk, default_profile().with_changes(alamat="x" * 70_000))
    assert T.REASONS["ENOSPC"] in str(err.value) and T.KEPT_OLD in str(err.value)
    assert on_disk.config_file.read_bytes() == before
    assert load_profile(on_disk) == default_profile()


def test_printed_documents_folder_failure_is_a_message(case_code: str, paths,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """The desk's own PDF folder cannot be made (a file sits where it should be)."""
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.pdf_dir.write_bytes(b"bukan folder")
    from counter.accounts.pin import hash_pin
    from counter.config import Officer
    from tests.terminal import run_in_terminal

    save_profile(paths, default_profile().with_changes(
        officers=(Officer("Siti Aminah", pin_hash=hash_pin("2468")),)))
    rc, shown = run_in_terminal(["cetak", case_code], [("Petugas (nomor", "1"), ("PIN:", "2468")])
    assert rc == 1 and "Traceback" not in shown
    assert "Galat: " in shown and str(paths.pdf_dir) in shown.replace("\r\n", ""), shown


def test_duty_of_the_day_on_a_full_disk_keeps_the_old_one(paths, full_disk: Path) -> None:
    from datetime import date

    from counter.config import Paths
    from counter.duty import Duty, duty_file, load_duty, save_duty
    from counter.errors import LoketError

    on_disk = Paths(config_dir=paths.config_dir, data_dir=full_disk)
    save_duty(on_disk, Duty(date(2026, 11, 25), "Siti Aminah", 1))
    before = duty_file(on_disk).read_bytes()
    _fill(full_disk)
    with pytest.raises(LoketError) as err:
        save_duty(on_disk, Duty(date(2026, 11, 25), "B" * 70_000, 2))
    assert T.REASONS["ENOSPC"] in str(err.value)
    assert duty_file(on_disk).read_bytes() == before
    assert load_duty(on_disk, date(2026, 11, 25)) == Duty(date(2026, 11, 25), "Siti Aminah", 1)
    assert duty_file(on_disk).stat().st_mode & 0o777 == 0o600
