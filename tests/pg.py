"""A real PostgreSQL for the tests: one throw-away cluster per test session.

CI starts it with `scripts/ci-postgres` and passes `LOKET_TEST_PG_DSN` (and
`LOKET_TEST_PG_DIR`); otherwise the session starts its own cluster in a temp
folder through the same script and stops it at the end. Every test that asks
for `pg_dsn` gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "ci-postgres"


@dataclass(frozen=True)
class Cluster:
    """A running cluster: its admin DSN and the folder the script manages."""

    dsn: str
    folder: Path | None  # None: given by the environment without a folder (cannot stop it)
    owned: bool

    def with_database(self, name: str) -> str:
        parts = urlsplit(self.dsn)
        return urlunsplit(parts._replace(path="/" + name))

    def stop(self) -> None:
        if self.folder is not None:
            subprocess.run([str(SCRIPT), "stop", str(self.folder)], check=True, timeout=120)

    def start(self) -> None:
        if self.folder is not None:
            subprocess.run([str(SCRIPT), "start", str(self.folder)], check=True, timeout=120,
                           capture_output=True)


def start_cluster(folder: Path, *, own: bool = False) -> Cluster:
    """The CI's cluster when there is one (unless `own`), else a new one in `folder`."""
    given = None if own else os.environ.get("LOKET_TEST_PG_DSN")
    if given:
        where = os.environ.get("LOKET_TEST_PG_DIR")
        return Cluster(dsn=given, folder=Path(where) if where else None, owned=False)
    res = subprocess.run([str(SCRIPT), "start", str(folder)], capture_output=True, text=True,
                         timeout=180)
    if res.returncode != 0:
        raise RuntimeError(f"ci-postgres failed: {res.stderr}")
    dsn = res.stdout.split("LOKET_TEST_PG_DSN='", 1)[1].split("'", 1)[0]
    return Cluster(dsn=dsn, folder=folder, owned=True)


_SPARE: dict[str, list[str]] = {}  # per cluster: emptied databases, ready for the next test


def create_database(cluster: Cluster) -> tuple[str, str]:
    """A fresh, empty database; returns (name, dsn). Creating one costs about a second
    on a busy machine, so databases are emptied after a test and handed out again."""
    import psycopg

    spare = _SPARE.setdefault(cluster.dsn, [])
    if spare:
        name = spare.pop()
        return name, cluster.with_database(name)
    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(cluster.dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
    return name, cluster.with_database(name)


def drop_database(cluster: Cluster, name: str) -> None:
    """Empty the database (its sessions ended, every table gone) for the next test."""
    import psycopg

    try:
        with psycopg.connect(cluster.dsn, autocommit=True) as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        with psycopg.connect(cluster.with_database(name), autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
        _SPARE.setdefault(cluster.dsn, []).append(name)
    except psycopg.OperationalError:
        pass  # the cluster was stopped by the test; the folder goes with the session
