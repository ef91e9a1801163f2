"""Every text constant in counter/texts is used by the program (not only by tests):
a text nobody shows is a translation burden and hides a missing message."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = ("counter", "screens", "store")
TEXTS = ROOT / "counter" / "texts"


def _constants(module: Path) -> list[tuple[str, int]]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return [(node.targets[0].id, node.lineno) for node in tree.body
            if isinstance(node, ast.Assign) and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)]


def _uses() -> dict[str, set[str]]:
    """texts module name -> the constants the program reads from it (`T.NAME`, `from
    counter.texts.x import NAME`, and bare names inside the texts module itself)."""
    used: dict[str, set[str]] = defaultdict(set)
    for room in PROGRAM:
        for path in (ROOT / room).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            aliases: dict[str, set[str]] = defaultdict(set)  # one alias may name several
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module == "counter.texts":
                    for a in node.names:
                        aliases[a.asname or a.name].add(a.name)
                elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                        "counter.texts."):
                    for a in node.names:
                        used[(node.module or "").rsplit(".", 1)[1]].add(a.name)
            if path.parent == TEXTS:
                for node in ast.walk(tree):
                    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                        used[path.stem].add(node.id)
            for node in ast.walk(tree):
                if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                        and node.value.id in aliases):
                    for module in aliases[node.value.id]:
                        used[module].add(node.attr)
    return used


def unused_texts() -> list[str]:
    used = _uses()
    return [f"{module.relative_to(ROOT)}:{line}: {name}"
            for module in sorted(TEXTS.glob("*.py"))
            for name, line in _constants(module) if name not in used[module.stem]]


def test_every_text_constant_is_used() -> None:
    assert unused_texts() == []


def test_the_check_finds_an_unused_text() -> None:
    """The check itself can fail: a new constant nobody uses is reported."""
    module = TEXTS / "zz_probe_unused.py"
    module.write_text('PROBE_NEVER_USED_TEXT = "x"\n', encoding="utf-8")
    try:
        assert any("PROBE_NEVER_USED_TEXT" in u for u in unused_texts())
    finally:
        module.unlink()
