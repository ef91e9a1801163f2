"""Project rules checked by the test suite, so CI (the README's test command) enforces them."""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)


LINT_IMPORTS = ["-c", "from importlinter.cli import lint_imports; raise SystemExit(lint_imports())"]


def test_room_rules_hold_as_an_import_contract():
    """counter imports no textual/tinydb/psycopg/rich/store/screens; store no screens."""
    res = _run(LINT_IMPORTS, ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout


def test_import_contract_catches_a_broken_room(tmp_path):
    """The same contract, on a tiny tree where the core imports the UI, fails."""
    for pkg in ("counter", "store", "screens"):
        (tmp_path / pkg).mkdir()
        (tmp_path / pkg / "__init__.py").write_text("")
    (tmp_path / "counter" / "leaky.py").write_text("import rich\nfrom store import x\n")
    (tmp_path / "store" / "x.py").write_text("import screens\n")
    section = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    import tomli_w

    (tmp_path / "pyproject.toml").write_text(tomli_w.dumps({"tool": {"importlinter": section}}))
    res = _run(LINT_IMPORTS, tmp_path)
    assert res.returncode != 0
    assert "counter.leaky -> rich" in res.stdout and "counter.leaky -> store" in res.stdout
    assert "store.x -> screens" in res.stdout


def test_ruff_is_clean():
    res = _run(["-m", "ruff", "check", "--no-cache", "."], ROOT)
    assert res.returncode == 0, res.stdout + res.stderr


def _argparse_msgids() -> set[str]:
    """Every literal passed to `_(…)` in the running Python's argparse."""
    tree = ast.parse(inspect.getsource(argparse))
    found = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "_" and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            found.add(node.args[0].value)
    return found


def test_every_translated_argparse_message_still_exists():
    """A Python upgrade that rewords argparse would silently bring English back."""
    from counter.texts.cli import ARGPARSE

    gone = sorted(set(ARGPARSE) - _argparse_msgids())
    assert not gone, f"argparse of Python {sys.version.split()[0]} no longer has: {gone}"


def test_snapshots_keep_lf_line_ends():
    """SVG snapshots compare byte for byte: git must never turn LF into CRLF."""
    attributes = (ROOT / ".gitattributes").read_text()
    assert any(line.split()[:1] == ["*.svg"] and "eol=lf" in line
               for line in attributes.splitlines())


def test_product_type_checks():
    """`mypy counter store screens`: the screens reach the app only through typed
    services/messages, and the core and the store pass the strict options of pyproject."""
    res = _run(["-m", "mypy", "counter", "store", "screens"], ROOT)
    assert res.returncode == 0, res.stdout + res.stderr


def test_bench_type_checks():
    """`mypy bench`: the speed scripts call the same typed services as the product, so a
    changed signature shows up here and not as a bench that crashes weeks later."""
    res = _run(["-m", "mypy", "bench"], ROOT)
    assert res.returncode == 0, res.stdout + res.stderr


def test_tests_type_check():
    """`mypy tests`: a test that calls a service with the wrong types, or reads a value
    that may be None without saying so, is a test that can pass for the wrong reason."""
    res = _run(["-m", "mypy", "tests"], ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
