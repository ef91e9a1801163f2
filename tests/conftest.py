"""Shared test setup: every test runs with Loket's folders in a temporary place."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# The holiday cache (counter/national_holidays.py) of this run, set before any test
# module is imported: a calendar built at import time must not write the user's cache.
_CACHE_DIR = tempfile.mkdtemp(prefix="loket-test-cache-")
os.environ["LOKET_CACHE_DIR"] = _CACHE_DIR


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def loket_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the config and data overrides at fresh folders: never the user's real data."""
    base = tmp_path_factory.mktemp("loket")
    config_dir, data_dir = base / "config", base / "data"
    monkeypatch.setenv("LOKET_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("LOKET_DATA_DIR", str(data_dir))
    return config_dir, data_dir


@pytest.fixture(autouse=True)
def no_unseen_failures(request: pytest.FixtureRequest):
    """The app survives an unexpected error (screens/worker_guard.py, ui_guard.py), but a
    test must not pass over one unseen: a caught failure fails the test unless it asked
    for failures with the `failures_expected` fixture."""
    guard = sys.modules.get("screens.worker_guard")
    if guard is not None:
        guard.CAUGHT.clear()
    yield
    guard = sys.modules.get("screens.worker_guard")
    if guard is None:
        return
    caught = list(guard.CAUGHT)
    guard.CAUGHT.clear()
    if caught and "failures_expected" not in request.fixturenames:
        lines = [f"{what}: {type(err).__name__}: {err}" for what, err in caught]
        pytest.fail("unexpected error caught by the app's guard:\n" + "\n".join(lines))


@pytest.fixture
def failures_expected() -> list[tuple[str, BaseException]]:
    """The failures the app's guard caught during this test (the test injects them)."""
    from screens.worker_guard import CAUGHT

    return CAUGHT


@pytest.fixture
def paths(loket_dirs: tuple[Path, Path]):
    from counter.config import resolve_paths

    return resolve_paths()


def _cluster(own: bool):
    import shutil
    import tempfile

    from tests.pg import start_cluster

    # Not under pytest's 0700 temp folder: the server runs as the `postgres` user.
    folder = Path(tempfile.mkdtemp(prefix="loket-pg-"))
    folder.chmod(0o755)
    cluster = start_cluster(folder, own=own)
    yield cluster
    if cluster.owned:
        cluster.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster():
    """One real PostgreSQL cluster for the whole test session (see tests/pg.py), shared by
    the parallel workers in CI: no test may stop it."""
    yield from _cluster(own=False)


@pytest.fixture(scope="session")
def own_pg_cluster():
    """A cluster of this worker's own, for the tests that stop the server mid-test
    (stopping the shared one would cut off the tests running alongside)."""
    yield from _cluster(own=True)


@pytest.fixture
def pg_dsn(pg_cluster):
    """A fresh database on the session's cluster, dropped after the test."""
    from tests.pg import create_database, drop_database

    name, dsn = create_database(pg_cluster)
    yield dsn
    drop_database(pg_cluster, name)


@pytest.fixture
def own_pg_dsn(own_pg_cluster):
    """A fresh database on this worker's own cluster, which the test may stop."""
    from tests.pg import create_database, drop_database

    own_pg_cluster.start()  # an earlier test stopped the server; start is idempotent
    name, dsn = create_database(own_pg_cluster)
    yield dsn
    own_pg_cluster.start()
    drop_database(own_pg_cluster, name)
