"""The domain core stays free of the UI and the database, so it can be reused and tested alone."""

import subprocess
import sys
from pathlib import Path

CORE = sorted(p.stem for p in (Path(__file__).parent.parent / "counter").glob("*.py")
              if p.stem != "__init__")


def test_core_imports_neither_textual_nor_tinydb():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module('counter.' + name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb'))\n"
        "print(','.join(bad))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


def test_command_line_starts_without_textual():
    code = (
        "import sys\n"
        "from screens.cli import build_parser\n"
        "build_parser()\n"
        "print('textual' in sys.modules)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "False"
