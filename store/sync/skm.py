"""SKM responses on the office server, kept so they cannot be lined up with visitors.

A response (counter/skm/response.py) already carries no case code, no name and no
time of day. On the server the danger is order: a serial number per response, an
arrival timestamp, the physical order of rows or their transaction ids (`xmin`)
would each tell which response came first, and the cases closed that day say which
visitor came first. So the server keeps no row per response:

- one row per (office, desk, tanggal) holds that day's responses of that desk as a
  JSON array sorted by the responses' random ids, and a push replaces the row whole.
  Its `xmin` and its place in the table belong to the row, not to a response.
- no column records when anything arrived; `rev` (from a sequence) only says which
  desk-day changed last, for the desks' pull cursor. Pulling "rows with a `rev`
  above mine" gives whole days, never an order inside one.
- a push that adds nothing (pushing twice) leaves the row untouched; a push is one
  transaction, so a push cut off anywhere leaves the server as it was.
- the replaced row versions are cleared by a VACUUM after each push that changed a
  row (best effort; autovacuum does it later anyway).

What stays outside Loket's reach: someone watching the server live while visitors
answer, the server's write-ahead log, and freed bytes in its data pages until they
are overwritten (all need the server machine's administrator).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import psycopg

from counter.sync.port import SurveyDay
from store.skm_replica import clean_response


def _by_day(responses: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    days: dict[str, dict[str, dict[str, Any]]] = {}
    for raw in responses:
        r = clean_response(raw)
        if r is not None:
            days.setdefault(r["tanggal"], {})[r["id"]] = r
    return days


def push_surveys(conn: psycopg.Connection, office: str, desk: int,
                 responses: Sequence[Mapping[str, Any]], channel: str) -> int:
    """Merge `responses` into the desk's day rows in one transaction; how many were new.
    A push that added some notifies `channel`, as an event push does."""
    added = 0
    with conn.transaction():
        conn.execute("INSERT INTO offices (id) VALUES (%s) ON CONFLICT DO NOTHING", (office,))
        # one writer per office at a time: a reader never sees rev 11 before rev 10
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ("loket-skm:" + office,))
        for day, new in sorted(_by_day(responses).items()):
            row = conn.execute(
                "SELECT responses FROM skm_days WHERE office_id = %s AND desk = %s "
                "AND tanggal = %s FOR UPDATE", (office, desk, day)).fetchone()
            have = {r["id"]: r for r in (row[0] if row else []) if isinstance(r, dict)}
            fresh = [i for i in new if i not in have]
            if not fresh:
                continue
            have.update((i, new[i]) for i in fresh)
            body = json.dumps([have[i] for i in sorted(have)], ensure_ascii=False)
            conn.execute(
                "INSERT INTO skm_days (office_id, desk, tanggal, responses, rev) "
                "VALUES (%s, %s, %s, %s::jsonb, nextval('skm_rev')) "
                "ON CONFLICT (office_id, desk, tanggal) DO UPDATE "
                "SET responses = EXCLUDED.responses, rev = EXCLUDED.rev",
                (office, desk, day, body))
            added += len(fresh)
        if added:  # the other desks pull now rather than at their next poll
            conn.execute("SELECT pg_notify(%s, %s)", (channel, f"{office}\t{desk}"))
    if added:
        with contextlib.suppress(psycopg.Error):
            conn.execute("VACUUM (SKIP_LOCKED) skm_days")  # drop replaced row versions
    return added


def pull_surveys(conn: psycopg.Connection, office: str, after: int,
                 limit: int) -> list[SurveyDay]:
    """Desk-days of `office` changed after the cursor `after`, whole."""
    rows = conn.execute(
        "SELECT rev, responses FROM skm_days WHERE office_id = %s AND rev > %s "
        "ORDER BY rev LIMIT %s", (office, after, limit)).fetchall()
    out = []
    for rev, body in rows:
        kept = [r for r in (clean_response(x) for x in body or []) if r is not None]
        out.append(SurveyDay(rev=int(rev), responses=kept))
    return out
