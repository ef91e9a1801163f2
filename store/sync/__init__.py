"""The office server: PostgreSQL holding every desk's events (the only psycopg user).

`schema` creates and upgrades the tables (versioned, idempotent); `server.PgServer`
is the `counter.sync.port.OfficeServer` the desks push to and pull from.
"""
