"""The server address (DSN) as it may be shown: the password never leaves the profile."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_KV_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def mask_dsn(dsn: str) -> str:
    """`dsn` with any password replaced by `***` (URL or key=value form)."""
    dsn = dsn.strip()
    if "://" in dsn:
        try:
            parts = urlsplit(dsn)
        except ValueError:
            return "***"
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            if ":" in userinfo:
                userinfo = userinfo.split(":", 1)[0] + ":***"
            netloc = f"{userinfo}@{host}"
        query = _KV_PASSWORD.sub(r"\1***", parts.query.replace("&", " ")).replace(" ", "&")
        return urlunsplit(parts._replace(netloc=netloc, query=query))
    return _KV_PASSWORD.sub(r"\1***", dsn)


def where(dsn: str) -> str:
    """A short place name for messages: host and database, no user or password."""
    if "://" in dsn:
        try:
            parts = urlsplit(dsn)
        except ValueError:
            return "?"
        host = parts.hostname or ""
        if not host:
            m = re.search(r"host=([^&]+)", parts.query)
            host = m.group(1) if m else "localhost"
        db = parts.path.lstrip("/") or "postgres"
        return f"{host}/{db}"
    host_m = re.search(r"host\s*=\s*(\S+)", dsn)
    db_m = re.search(r"dbname\s*=\s*(\S+)", dsn)
    return f"{host_m.group(1) if host_m else 'localhost'}/{db_m.group(1) if db_m else 'postgres'}"
