"""`loket` lists every sub-command without importing them, and a chosen command's
help and options are its module's own (screens/cli/__init__.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from screens.cli import COMMANDS, build_parser, main


def test_the_list_of_commands_imports_none_of_them() -> None:
    code = (
        "import sys\n"
        "from screens.cli import COMMANDS, build_parser\n"
        "build_parser().parse_args(['laporan', '--tanggal', 'kemarin'])\n"
        "print(sorted(m for m in COMMANDS if 'screens.cli.' + m in sys.modules),\n"
        "      sorted(m.split('.')[0] for m in sys.modules\n"
        "             if m.split('.')[0] in ('holidays', 'reportlab', 'openpyxl', 'textual')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.strip()
    assert out == "['laporan'] []"  # the chosen one only; nothing heavy at parsing


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_its_help_and_the_shared_options(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"pemakaian: loket {command} ")
    assert " ".join(COMMANDS[command].split()) in " ".join(out.split())  # its description
    for option in ("--demo", "--config-dir", "--data-dir"):
        assert option in out


def test_the_top_level_help_lists_every_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


def test_global_options_reach_the_command_either_side() -> None:
    before = build_parser().parse_args(["--demo", "kasus", "K"])
    after = build_parser().parse_args(["kasus", "K", "--demo", "--data-dir", "/x"])
    assert before.demo and after.demo and after.data_dir == "/x" and before.data_dir is None
    assert before.func is after.func and before.func.__name__ == "cmd_kasus"
