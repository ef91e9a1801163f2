"""Shared test setup: every test runs with Loket's folders in a temporary place."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def loket_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the config and data overrides at fresh folders: never the user's real data."""
    base = tmp_path_factory.mktemp("loket")
    config_dir, data_dir = base / "config", base / "data"
    monkeypatch.setenv("LOKET_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("LOKET_DATA_DIR", str(data_dir))
    return config_dir, data_dir


@pytest.fixture
def paths(loket_dirs: tuple[Path, Path]):
    from counter.config import resolve_paths

    return resolve_paths()
